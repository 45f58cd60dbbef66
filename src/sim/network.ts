/**
 * The network between nodes: one Link per ordered pair (created on first use, so a 100-node lab only pays
 * for the links it uses), and a cut matrix for partitions and one-way cuts.
 *
 * Cuts are directed: `cut(a, b)` stops a -> b and leaves b -> a working (an asymmetric fault such as a
 * firewall rule on one side). A partition cuts both directions between groups. The engine checks the cut
 * when a message is sent and again when it arrives, so a cut also drops what was in flight, as a broken
 * connection would.
 */
import type { Rng } from '../core/random/rng';
import { LINK_DEFAULTS, Link, type LinkOptions } from './link';
import { groupOf } from './partition';

export class Network {
  private nodes: number;
  private readonly root: Rng;
  private readonly defaults: Required<LinkOptions>;
  /** Per-link overrides by `from * nodes + to`, merged over the defaults when the link is built. */
  private overrides = new Map<number, Required<LinkOptions>>();
  /** Links built so far by `from * nodes + to`; allocated at the first one (a run that sends nothing never pays for nodes^2 slots). */
  private links: (Link | undefined)[] | undefined;
  /** Links built or set so far. */
  private built = 0;
  private cuts: Uint8Array;

  /** `root` is the scenario's root stream (links fork `link/<from>-><to>` from it). */
  constructor(root: Rng, nodeCount: number, defaults: LinkOptions = {}) {
    this.root = root;
    this.nodes = nodeCount;
    this.defaults = merged(LINK_DEFAULTS, defaults);
    // Build one link now so bad defaults fail at construction, not at the first send.
    new Link(root.fork('link/defaults-check'), this.defaults);
    this.cuts = new Uint8Array(nodeCount * nodeCount);
  }

  get nodeCount(): number {
    return this.nodes;
  }

  /** Overrides the options of the directed link from -> to (merged over the defaults); a new Link, so a slow or lossy fault on it ends. */
  setLink(from: number, to: number, options: LinkOptions): void {
    const i = this.index(from, to);
    const complete = merged(this.overrides.get(i) ?? this.defaults, options);
    this.slots()[i] = new Link(this.root.fork(`link/${from}->${to}`), complete);
    this.built++;
    this.overrides.set(i, complete);
  }

  /** The directed link from -> to (built on first use). */
  link(from: number, to: number): Link {
    const i = from * this.nodes + to;
    return this.links?.[i] ?? this.build(from, to);
  }

  /** True when from -> to is cut. */
  isCut(from: number, to: number): boolean {
    return this.cuts[from * this.nodes + to] === 1;
  }

  /** Cuts the one direction from -> to. */
  cut(from: number, to: number): void {
    this.cuts[this.index(from, to)] = 1;
  }

  /** Restores the one direction from -> to. */
  healLink(from: number, to: number): void {
    this.cuts[this.index(from, to)] = 0;
  }

  /** Restores every link. */
  heal(): void {
    this.cuts.fill(0);
  }

  /** Replaces every cut with a partition into `groups` (see ./partition.ts for unlisted nodes). */
  partition(groups: readonly (readonly number[])[]): void {
    const n = this.nodes;
    const group = groupOf(groups, n);
    for (let a = 0; a < n; a++) {
      for (let b = 0; b < n; b++) this.cuts[a * n + b] = group[a] === group[b] ? 0 : 1;
    }
  }

  /** Adds one node (id = the old count); its links start uncut, existing links keep their state and streams. */
  addNode(): number {
    const old = this.nodes;
    const n = old + 1;
    const links: (Link | undefined)[] | undefined = this.links ? new Array(n * n) : undefined;
    const cuts = new Uint8Array(n * n);
    const overrides = new Map<number, Required<LinkOptions>>();
    for (let a = 0; a < old; a++) {
      for (let b = 0; b < old; b++) {
        if (links) links[a * n + b] = this.links![a * old + b];
        cuts[a * n + b] = this.cuts[a * old + b];
        const o = this.overrides.get(a * old + b);
        if (o) overrides.set(a * n + b, o);
      }
    }
    this.links = links;
    this.cuts = cuts;
    this.overrides = overrides;
    this.nodes = n;
    return old;
  }

  /**
   * The network's state for a checkpoint: its cuts. Links built so far hold random streams a checkpoint
   * does not capture: a network that carried messages (or has a link set) is refused.
   */
  snapshot(): { readonly nodes: number; readonly cuts: Uint8Array } {
    if (this.overrides.size > 0 || this.built > 0) {
      throw new Error('a simulation whose network carried messages cannot be checkpointed (link streams are not captured)');
    }
    return { nodes: this.nodes, cuts: this.cuts.slice() };
  }

  /** Takes the cuts of a `snapshot()` of a network of as many nodes. */
  restore(state: { readonly nodes: number; readonly cuts: Uint8Array }): void {
    if (state.nodes !== this.nodes) throw new Error(`the checkpoint has ${state.nodes} nodes, this network ${this.nodes}`);
    this.cuts.set(state.cuts);
  }

  private index(from: number, to: number): number {
    const n = this.nodes;
    if (!(Number.isInteger(from) && from >= 0 && from < n)) throw new Error(`invalid link source: ${from}`);
    if (!(Number.isInteger(to) && to >= 0 && to < n)) throw new Error(`invalid link target: ${to}`);
    return from * n + to;
  }

  private slots(): (Link | undefined)[] {
    this.links ??= new Array(this.nodes * this.nodes);
    return this.links;
  }

  private build(from: number, to: number): Link {
    const i = this.index(from, to);
    const options = this.overrides.get(i) ?? this.defaults;
    const link = new Link(this.root.fork(`link/${from}->${to}`), options);
    this.slots()[i] = link;
    this.built++;
    return link;
  }
}

/** `base` with the fields `options` defines (an explicit undefined keeps the base value, as a default should). */
function merged(base: Required<LinkOptions>, options: LinkOptions): Required<LinkOptions> {
  const out = { ...base };
  for (const key of Object.keys(options) as (keyof LinkOptions)[]) {
    if (options[key] !== undefined) (out as Record<string, unknown>)[key] = options[key];
  }
  return out;
}
