/**
 * The consistent-hashing program: scenario -> frames (the initial ring, then one per event). Pure and
 * deterministic: every position is murmur3 with the scenario's seed; no clock, no Math.random.
 *
 * Cost: keys are hashed and sorted once; each event rebuilds the ring by a filter-and-merge (O(points)),
 * re-assigns only the keys of arcs that changed owner (see core/ring/assignment.ts), and runs hash-mod-N
 * over all keys for the comparison (mod-N has no cheaper way to know what it moves).
 *
 * Edits: in the worker, the pieces that only a few inputs determine are kept between runs (context.cache,
 * keyed by those inputs): the sorted keys (seed, keys), the initial ring, its assignment and its trace-hash
 * prefix (seed, nodes, vnodes, keys), and each node set's sweep ring and sweep (seed, the node set). So
 * "add a node" re-runs the whole script but computes only what the new event changed. Cold or warm, the
 * same scenario gives the same frames, work charges and trace hash (program.test.ts checks it).
 */
import { TraceHasher, type TraceHasherState } from '../../../core/hash/traceHasher';
import { Assignment, ColumnVersion, keyHashes, modNMoved, ownedArcs, ringFromSorted, ringWithNode, sortKeys, updateOwnedArcs, vnodePositions, type Moves, type Ring, type SortedKeys } from '../../../core/ring';
import { cached, type LabProgram, type RunContext } from '../../contract';
import { binCounts, buildFrame, movedKeys } from './frame';
import { KEY_SAMPLE_MAX, KEYS_EXACT_MAX, RING_BINS, SWEEP_VNODES, type ConsistentHashingResult, type RingFrame, type VnodeSweep } from '../result';
import type { ConsistentHashingEvent, ConsistentHashingScenario } from '../scenario';
import { fitTallies, ringFromSweep, SWEEP_KEYS_MAX, SWEEP_VNODES_MAX, sweepOf, sweepPoints, sweepRing, sweepTallies, updatedTallies, type SweepRing, type SweepTallies } from './sweep';

export type * from '../result';

/** Ring points all sweeps of one run may build; frames past it reuse the previous frame's sweep. */
export const SWEEP_POINTS_BUDGET = 8_000_000;

export const program: LabProgram<ConsistentHashingScenario, ConsistentHashingResult> = (s, outer) => {
  let units = 0;
  const context: RunContext = { ...outer, work: (u) => { units += u; outer.work(u); } };
  const cache = context.cache;
  // The state after the first n events is cached under the scenario with its script cut to n events.
  const prefixKey = (n: number) => `${KEY}/after/${JSON.stringify({ ...s, events: s.events.slice(0, n) })}`;
  let done = -1;
  let resumed: Checkpoint | undefined;
  for (let n = s.events.length; cache && n >= 0 && !resumed; n--) {
    resumed = cache.get<Checkpoint>(prefixKey(n));
    if (resumed) done = n;
  }
  const run = new Run(s, context);
  let frames: RingFrame[];
  if (resumed) {
    // Charged what those events cost cold, so the budget stops a run the same way warm or cold.
    context.work(resumed.units - units);
    frames = run.resume(resumed);
  } else {
    frames = [run.initialFrame()];
    done = 0;
    cache?.set(prefixKey(0), run.checkpoint(frames, units), run.checkpointBytes());
  }
  context.progress((done + 1) / (s.events.length + 1));
  for (let i = done; i < s.events.length; i++) {
    frames.push(run.apply(s.events[i]));
    // The last checkpoint may keep the run's own arrays: nothing changes them after it.
    const last = i === s.events.length - 1;
    cache?.set(prefixKey(i + 1), run.checkpoint(frames, units, last), run.checkpointBytes());
    context.progress((i + 2) / (s.events.length + 1));
  }
  const traceHash = hashTrace(run.initialRingHash, frames, run.sweeps);
  return {
    lab: 'consistent-hashing',
    traceHash,
    metrics: metricsOf(frames),
    endTime: frames[frames.length - 1].t,
    marks: Float64Array.from(frames, (f) => f.t),
    nodeNames: run.nodeNames,
    keyCount: s.keys,
    replicas: s.replicas,
    shownKeys: run.shown,
    binKeys: run.binKeys,
    frames,
    sweeps: run.sweeps,
  };
};

/** Nodes joining or leaving up to which a sweep's tallies are updated rather than counted again. */
const SWEEP_UPDATE_NODES_MAX = 16;

/** Nodes in exactly one of two ascending node lists. */
function symmetricDifference(a: Uint16Array, b: Uint16Array): number {
  let i = 0;
  let j = 0;
  let both = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      both++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return a.length + b.length - 2 * both;
}

/** Cache keys: the lab, the piece, and every input that determines it. */
const KEY = 'consistent-hashing/1';
const bytesOf = (...arrays: ArrayBufferView[]) => arrays.reduce((sum, a) => sum + a.byteLength, 0);

/** The assignment of the initial ring, as the cache keeps it: the first version of the owner column. */
interface InitialAssignment {
  owner: ColumnVersion;
  counts: Uint32Array;
  bytes: number;
}

/** The keys' hashes, sorted once, and what the run derives from them alone. */
interface KeyPieces {
  hashes: Uint32Array;
  sorted: SortedKeys;
  binKeys: Uint32Array;
  /** The sweep's key sample, ascending. */
  sweepSample: Uint32Array;
}

/**
 * A run's state after some events, as the cache keeps it: everything `apply` reads, copied where the run
 * mutates it, and the frames so far. Arrays indexed by node slot are as long as that run's slots; a run
 * whose script adds more or fewer nodes pads or cuts them (nodes not yet added own nothing).
 */
interface Checkpoint {
  frames: readonly RingFrame[];
  ring: Ring;
  weight: Uint8Array;
  /** The owner column then: a version of the family its run started from (never copied; see ColumnVersion). */
  owner: ColumnVersion;
  counts: Uint32Array;
  /** ownedArcs of `ring`, per node slot of that run. */
  arcs: Float64Array;
  nextNode: number;
  sweeps: readonly VnodeSweep[];
  sweepPointsSpent: number;
  sweepByNodes: readonly (readonly [string, number])[];
  sweepBase: SweepRing | null;
  sweepBaseTallies: SweepTallies | null;
  /** Work units the run had charged by then. */
  units: number;
}

/** The state of one run: ring, assignment, weights, sweeps. */
class Run {
  readonly nodeNames: string[];
  readonly weight: Uint8Array;
  readonly hashes: Uint32Array;
  /** Set by initialFrame() or resume(), over the array of `version`. */
  private assignment!: Assignment;
  /** The version of the owner column the assignment holds now: each event makes a new one. */
  private version!: ColumnVersion;
  private readonly keys: SortedKeys;
  private readonly initialAssignment: InitialAssignment;
  readonly initialRing: Ring;
  /** The trace hasher's state after the initial ring (the hash's first and largest part). */
  readonly initialRingHash: TraceHasherState;
  readonly shown: ConsistentHashingResult['shownKeys'];
  readonly binKeys: Uint32Array;
  readonly sweeps: VnodeSweep[] = [];
  private ring: Ring;
  /** ownedArcs(ring, slots): kept up to date by each event, not counted again per frame. */
  private arcs: Float64Array;
  private nextNode: number;
  private sweepPointsSpent = 0;
  private readonly sweepByNodes = new Map<string, number>();
  private readonly sweepSample: Uint32Array;
  /** The latest sweep's sorted 1000-vnode ring: the next sweep filters and merges it instead of sorting. */
  private sweepBase: SweepRing | null = null;
  /** The tallies of sweepBase's node set, when this run has them (the next sweep updates them). */
  private sweepBaseTallies: SweepTallies | null = null;
  /** The sweep ring this run got last, by node-set id (an event's ring and its frame's sweep ask for the same one). */
  private lastSweepRing: { id: string; ring: SweepRing } | null = null;
  /** Each node's point positions computed so far (the first SWEEP_VNODES_MAX at least), by node index. */
  private readonly pointsByNode = new Map<number, Uint32Array>();

  constructor(
    private readonly s: ConsistentHashingScenario,
    private readonly context: RunContext,
  ) {
    const slots = s.nodes + s.events.filter((e) => e.type === 'add').length;
    this.nodeNames = Array.from({ length: slots }, (_, i) => `n${i}`);
    this.weight = new Uint8Array(slots);
    this.weight.fill(1, 0, s.nodes);
    this.nextNode = s.nodes;
    const cache = context.cache;
    const keyPieces = cached(cache, `${KEY}/keys/seed=${s.seed}/keys=${s.keys}`, () => keyPiecesOf(s.keys, s.seed), (p) =>
      bytesOf(p.hashes, p.sorted.hash, p.sorted.index, p.binKeys, p.sweepSample));
    this.hashes = keyPieces.hashes;
    const keys = keyPieces.sorted;
    this.keys = keys;
    context.work(2 * s.keys);
    const ringKey = `${KEY}/ring/seed=${s.seed}/nodes=${s.nodes}/vnodes=${s.vnodes}`;
    this.ring = cached(cache, ringKey, () => this.initialRingOf(this.live()), (r) => bytesOf(r.positions, r.owners, r.buckets));
    this.initialRing = this.ring;
    const ring = this.ring;
    const arcs = cached(cache, `${ringKey}/arcs`, () => ownedArcs(ring, s.nodes), (a) => a.byteLength);
    this.arcs = new Float64Array(slots);
    this.arcs.set(arcs);
    this.initialRingHash = cached(cache, `${ringKey}/hash`, () => hashRing(this.ring), () => 64);
    const initial = cached(cache, `${ringKey}/keys=${s.keys}/assignment`, (): InitialAssignment => {
      const a = new Assignment(keys, this.ring, s.nodes);
      return { owner: ColumnVersion.of(a.owner), counts: a.counts, bytes: bytesOf(a.owner, a.counts) };
    }, (a) => a.bytes);
    this.initialAssignment = initial;
    context.work(s.keys + this.ring.positions.length);
    this.binKeys = keyPieces.binKeys;
    const shownCount = s.keys <= KEYS_EXACT_MAX ? s.keys : KEY_SAMPLE_MAX;
    this.shown = {
      exact: s.keys <= KEYS_EXACT_MAX,
      index: Uint32Array.from({ length: shownCount }, (_, i) => i),
      position: this.hashes.slice(0, shownCount),
    };
    this.sweepSample = keyPieces.sweepSample;
  }

  /**
   * This run's state now, for the cache: copies of what later events mutate (the run's own arrays when
   * `final`: no event follows), and the owner column's version, which is never copied.
   */
  checkpoint(frames: readonly RingFrame[], units: number, final = false): Checkpoint {
    return {
      frames: frames.slice(),
      ring: this.ring,
      weight: Uint8Array.from(this.weight),
      owner: this.version,
      arcs: final ? this.arcs : this.arcs.slice(),
      counts: Uint32Array.from(this.assignment.counts),
      nextNode: this.nextNode,
      sweeps: this.sweeps.slice(),
      sweepPointsSpent: this.sweepPointsSpent,
      sweepByNodes: [...this.sweepByNodes],
      sweepBase: this.sweepBase,
      sweepBaseTallies: this.sweepBaseTallies,
      units,
    };
  }

  /**
   * Roughly what a checkpoint adds to the cache: its ring, its counts and arcs, and its frame. The owner
   * column's versions share one array; each adds its difference (the keys one event moved) once the next
   * event is applied, so a checkpoint is charged a column's worth of bytes, which covers them.
   */
  checkpointBytes(): number {
    const r = this.ring;
    return 2 * this.assignment.owner.length + r.positions.byteLength + r.owners.byteLength + r.buckets.byteLength + 16_384;
  }

  /** Continues from a checkpoint of the same scenario's first events; returns its frames (fitted to this run's slots). */
  resume(c: Checkpoint): RingFrame[] {
    const slots = this.weight.length;
    this.ring = c.ring;
    this.weight.fill(0);
    this.weight.set(c.weight.subarray(0, slots));
    this.version = c.owner;
    this.assignment = Assignment.restore(this.keys, c.owner.read(), c.counts.subarray(0, slots), slots);
    this.arcs.fill(0);
    this.arcs.set(c.arcs.subarray(0, slots));
    this.nextNode = c.nextNode;
    this.sweeps.push(...c.sweeps);
    this.sweepPointsSpent = c.sweepPointsSpent;
    for (const [id, index] of c.sweepByNodes) this.sweepByNodes.set(id, index);
    this.sweepBase = c.sweepBase;
    this.sweepBaseTallies = c.sweepBaseTallies;
    return c.frames.map((f) => fitFrame(f, slots));
  }

  initialFrame(): RingFrame {
    const { owner, counts } = this.initialAssignment;
    this.version = owner;
    this.assignment = Assignment.restore(this.keys, owner.read(), counts, this.weight.length);
    return this.frame({ t: 0, kind: 'initial', event: null, node: -1 }, null, null);
  }

  /** Applies one membership event and returns its frame. */
  apply(e: ConsistentHashingEvent): RingFrame {
    const before = this.ring;
    const liveBefore = this.live();
    const weightBefore = Uint8Array.from(this.weight);
    const vnodes = this.s.vnodes;
    const node = e.type === 'add' ? this.nextNode++ : e.node;
    const oldCount = vnodes * this.weight[node];
    const newCount = e.type === 'remove' ? 0 : vnodes * e.weight;
    const all = this.pointsOf(node, Math.max(newCount, oldCount));
    this.weight[node] = e.type === 'remove' ? 0 : e.weight;
    const liveAfter = this.live();
    const shared = this.sweepRingSharedWithRing(liveAfter);
    this.ring = shared ? ringFromSweep(shared) : ringWithNode(before, node, all.subarray(0, newCount), all.subarray(0, oldCount));
    updateOwnedArcs(this.arcs, before, this.ring, node, all.subarray(0, oldCount), all.subarray(0, newCount));
    const added = newCount > oldCount ? all.subarray(oldCount, newCount) : new Uint32Array();
    const removed = oldCount > newCount ? all.subarray(newCount, oldCount) : new Uint32Array();
    const moves: Moves = this.assignment.update(before, this.ring, added, removed);
    // At once, before anything can throw: the version read before the change keeps it as a difference.
    this.version = this.version.changed(moves.at, moves.from);
    const modNCount = modNMoved(this.hashes, liveBefore, liveAfter);
    this.context.work(moves.touched + this.s.keys + before.positions.length + this.ring.positions.length);
    const { moved, movedBins } = movedKeys(moves, this.assignment, this.weight.length, {
      idealPct: idealMovedPct(weightBefore, this.weight),
      modNCount,
    });
    return this.frame({ t: e.t, kind: e.type, event: e, node }, moved, movedBins);
  }

  private frame(head: Pick<RingFrame, 't' | 'kind' | 'event' | 'node'>, moved: RingFrame['moved'], movedBins: Uint32Array | null): RingFrame {
    const live = this.live();
    this.context.work(RING_BINS * 20 + this.ring.positions.length + this.shown.position.length * 20);
    return buildFrame({
      ...head,
      ring: this.ring,
      assignment: this.assignment,
      weight: this.weight,
      live,
      shownPosition: this.shown.position,
      moved,
      movedBins,
      lookup: this.s.lookup !== '' ? { key: this.s.lookup, seed: this.s.seed, replicas: this.s.replicas } : null,
      sweepIndex: this.sweepFor(live),
      arcs: this.arcs,
    });
  }

  /** The sweep for this node set: cached, computed while the budget lasts, else the latest one. */
  private sweepFor(live: Uint16Array): number {
    const id = live.join(',');
    const known = this.sweepByNodes.get(id);
    if (known !== undefined) return known;
    if (this.overSweepBudget(live)) return this.sweeps.length - 1;
    this.sweepPointsSpent += sweepPoints(live.length);
    const previous = this.sweepBase;
    const previousTallies = this.sweepBaseTallies;
    const base = this.sweepRingOf(live, id);
    this.sweepBase = base;
    const sample = this.sweepSample;
    const slots = this.nodeNames.length;
    // Charged as the full count charges it, so a budget stops a run at the same place whichever way it goes.
    this.context.work(sweepPoints(live.length) + SWEEP_VNODES.length * sample.length);
    // The tallies of this node set: updated from the previous set's when few nodes changed, else counted.
    const talliesKey = `${KEY}/sweep-tallies/seed=${this.s.seed}/sample=${sample.length}/nodes=${id}`;
    const knownTallies = this.context.cache?.get<SweepTallies>(talliesKey);
    let tallies: SweepTallies;
    if (knownTallies) tallies = fitTallies(knownTallies, slots);
    else {
      const changed = previous ? symmetricDifference(previous.nodes, live) : Infinity;
      tallies = previous && previousTallies && changed <= SWEEP_UPDATE_NODES_MAX
        ? updatedTallies(previousTallies, previous, base, (node) => this.pointsOf(node, SWEEP_VNODES_MAX), sample, slots)
        : sweepTallies(base, sample, slots);
      this.context.cache?.set(talliesKey, tallies, tallies.arcs.byteLength + tallies.counts.byteLength);
    }
    this.sweepBaseTallies = tallies;
    this.sweeps.push(sweepOf(live, tallies, sample.length));
    this.sweepByNodes.set(id, this.sweeps.length - 1);
    return this.sweeps.length - 1;
  }

  /** True when this run's sweeps have spent the budget that a sweep of `live` would pass. */
  private overSweepBudget(live: Uint16Array): boolean {
    return this.sweeps.length > 0 && this.sweepPointsSpent + sweepPoints(live.length) > SWEEP_POINTS_BUDGET;
  }

  /**
   * The sweep ring of `live` when the frame about to be drawn builds it anyway (a node set not swept yet,
   * within budget) and the lab's ring holds exactly its points (every live node has SWEEP_VNODES_MAX of
   * them): then the ring is derived from it (ringFromSweep) instead of merged on its own. Else null.
   */
  private sweepRingSharedWithRing(live: Uint16Array): SweepRing | null {
    for (const node of live) if (this.s.vnodes * this.weight[node] !== SWEEP_VNODES_MAX) return null;
    const id = live.join(',');
    if (this.sweepByNodes.has(id) || this.overSweepBudget(live)) return null;
    return this.sweepRingOf(live, id);
  }

  /**
   * The initial ring (every node weight 1): the first sweep's 1000-vnode ring, which is sorted already,
   * filtered to vnode indexes below `vnodes` (a node's v points are the first v of its 1000).
   */
  private initialRingOf(live: Uint16Array): Ring {
    const vnodes = this.s.vnodes;
    if (vnodes > SWEEP_VNODES_MAX) throw new Error(`invalid vnodes: ${vnodes}`);
    this.sweepBase = this.sweepRingOf(live, live.join(','));
    this.sweepBaseTallies = null;
    if (vnodes === SWEEP_VNODES_MAX) return ringFromSweep(this.sweepBase);
    const { positions, owners, vnode } = this.sweepBase;
    const n = live.length * vnodes;
    const ringPositions = new Uint32Array(n);
    const ringOwners = new Uint16Array(n);
    let k = 0;
    for (let i = 0; i < positions.length; i++) {
      if (vnode[i] < vnodes) {
        ringPositions[k] = positions[i];
        ringOwners[k++] = owners[i];
      }
    }
    return ringFromSorted(ringPositions, ringOwners);
  }

  /**
   * The sweep ring of node set `live` (`id`: its indexes joined by commas): from the cache, else merged from
   * the previous sweep ring. Either way the same sorted points: the ring depends only on the node set.
   */
  private sweepRingOf(live: Uint16Array, id: string): SweepRing {
    if (this.lastSweepRing?.id === id) return this.lastSweepRing.ring;
    const ring = cached(this.context.cache, `${KEY}/sweep-ring/seed=${this.s.seed}/nodes=${id}`,
      () => sweepRing(live, (node) => this.pointsOf(node, SWEEP_VNODES_MAX), this.sweepBase),
      (r) => bytesOf(r.nodes, r.positions, r.owners, r.vnode));
    this.lastSweepRing = { id, ring };
    return ring;
  }

  /** Node `node`'s first `count` point positions (computed once per node, extended when a weight grows). */
  private pointsOf(node: number, count: number): Uint32Array {
    const known = this.pointsByNode.get(node);
    if (known && known.length >= count) return known.subarray(0, count);
    const size = Math.max(count, SWEEP_VNODES_MAX);
    const all = new Uint32Array(size);
    const from = known ? known.length : 0;
    if (known) all.set(known);
    all.set(vnodePositions(this.nodeNames[node], size, this.s.seed, from), from);
    this.pointsByNode.set(node, all);
    return all.subarray(0, count);
  }

  /** Live node indexes, ascending. */
  private live(): Uint16Array {
    const out: number[] = [];
    for (let i = 0; i < this.weight.length; i++) if (this.weight[i] > 0) out.push(i);
    return Uint16Array.from(out);
  }
}

/**
 * A frame of a run with fewer or more node slots (a script that adds more or fewer nodes later), as this run
 * would have drawn it: the per-slot arrays padded with zeros or cut. Exact either way: a slot past the nodes
 * added so far is a node not yet added, dead, weightless, with no keys, no share, nothing moved.
 */
function fitFrame(f: RingFrame, slots: number): RingFrame {
  if (f.alive.length === slots) return f;
  const pad = <A extends Uint8Array | Uint32Array | Float64Array>(a: A, make: (n: number) => A): A => {
    const out = make(slots);
    out.set((a.length > slots ? a.subarray(0, slots) : a) as ArrayLike<number>);
    return out;
  };
  return {
    ...f,
    alive: pad(f.alive, (n) => new Uint8Array(n)),
    weight: pad(f.weight, (n) => new Uint8Array(n)),
    keyCounts: pad(f.keyCounts, (n) => new Uint32Array(n)),
    share: pad(f.share, (n) => new Float64Array(n)),
    moved: f.moved ? { ...f.moved, out: pad(f.moved.out, (n) => new Uint32Array(n)), in: pad(f.moved.in, (n) => new Uint32Array(n)) } : null,
  };
}

/**
 * The least fraction of keys any placement must move to go from the old target shares (weight / total) to
 * the new: the total variation distance 1/2 sum |new_i - old_i|, in percent. Adding one of N+1 equal nodes
 * gives 1/(N+1).
 */
export function idealMovedPct(before: Uint8Array, after: Uint8Array): number {
  let wb = 0;
  let wa = 0;
  for (let i = 0; i < before.length; i++) {
    wb += before[i];
    wa += after[i];
  }
  let tv = 0;
  for (let i = 0; i < before.length; i++) tv += Math.abs(after[i] / wa - before[i] / wb);
  return 50 * tv;
}

/** Run-level figures: the initial balance, then averages over the events. */
function metricsOf(frames: RingFrame[]): Record<string, number> {
  const first = frames[0];
  const last = frames[frames.length - 1];
  const changes = frames.slice(1);
  const avg = (pick: (f: RingFrame) => number) => (changes.length ? changes.reduce((sum, f) => sum + pick(f), 0) / changes.length : 0);
  return {
    nodes: first.liveNodes,
    points: first.points,
    maxOverMean: first.load.maxOverMean,
    stdevPct: first.load.stdevPct,
    finalMaxOverMean: last.load.maxOverMean,
    finalStdevPct: last.load.stdevPct,
    events: changes.length,
    keysMovedPct: avg((f) => f.moved?.pct ?? 0),
    idealMovedPct: avg((f) => f.moved?.idealPct ?? 0),
    modNMovedPct: avg((f) => f.moved?.modNPct ?? 0),
  };
}

function keyPiecesOf(keys: number, seed: number): KeyPieces {
  const hashes = keyHashes(keys, seed);
  const sorted = sortKeys(hashes);
  return { hashes, sorted, binKeys: binCounts(sorted.hash), sweepSample: hashes.slice(0, Math.min(keys, SWEEP_KEYS_MAX)).sort() };
}

/** The trace hash's first part: the initial ring's points. */
function hashRing(ring: Ring): TraceHasherState {
  return new TraceHasher().string('consistent-hashing/1').numbers(ring.positions).numbers(ring.owners).snapshot();
}

/** The trace hash: the initial ring's points (`ringHash`), then each frame's essential numbers, then the sweeps. */
function hashTrace(ringHash: TraceHasherState, frames: RingFrame[], sweeps: VnodeSweep[]): string {
  const h = TraceHasher.resume(ringHash);
  for (const f of frames) {
    h.number(f.t).string(f.kind).number(f.node).number(f.liveNodes).number(f.points);
    h.numbers(f.keyCounts).numbers(f.bins.owner).numbers(f.shownOwners);
    if (f.moved) h.number(f.moved.count).number(f.moved.modNCount).numbers(f.moved.sample.index).numbers(f.moved.sample.to);
    if (f.lookup) h.number(f.lookup.position).numbers(f.lookup.replicaSet).number(f.lookup.visitedCount);
    h.number(f.sweepIndex);
  }
  for (const s of sweeps) h.numbers(s.nodes).numbers(s.shareStdevPct).numbers(s.keyStdevPct);
  return h.hex();
}
