/**
 * The run's ghost: what actors report as it happens (grants and releases as clients believe them, writes
 * as the storage decides them, entries as Raft servers apply them, IDs, deliveries), in true time. It checks
 * the invariants at the step they could break and writes the narration's remarks. Nothing here is seen by
 * the actors: it never changes a run.
 */
import { InvariantBook } from '../../../sim/kit/invariantBook';
import type { Hold, IdRow, WriteRow } from '../result';
import type { CmdResult } from './messages';
import type { EntryRecord } from './raft';

export class Observer extends InvariantBook {
  readonly holds: Hold[] = [];
  readonly writes: WriteRow[] = [];
  readonly ids: IdRow[] = [];
  /** Gossip deliveries per replica node (the ghost's copy: a crash does not erase what was delivered). */
  readonly gossip = new Map<number, number[]>();
  /** Raft deliveries (broadcast) per server node, by log index (sparse: only 'set' entries). */
  readonly raftDelivered = new Map<number, number[]>();
  /** Entry id applied at each index, first application (State Machine Safety). */
  private readonly appliedAt: number[] = [];
  /** The latest grant in leader-stamped ticks: its holder, token and end. */
  private lease = { client: -1, token: 0, end: -Infinity };
  private highestAccepted = 0;

  constructor(now: () => number, ticksPerMs: number, readonly fencing: boolean) {
    super(now, ticksPerMs);
  }


  touched(): void {}

  private ms(): number {
    return this.now() / this.ticksPerMs;
  }

  // ---- locks ----

  /** Holds not yet released, by side and client ('raft/1'). */
  private readonly open = new Map<string, Hold>();

  grant(side: 'redlock' | 'raft', client: number, node: number, token: number, votes: number, validityMs: number): void {
    const t = this.ms();
    const others = [...this.open.values()].filter((h) => h.side === side && h.client !== client);
    const hold: Hold = { side, client, grantMs: t, releaseMs: NaN, token, votes, validityMs };
    this.holds.push(hold);
    this.open.set(`${side}/${client}`, hold);
    const what = side === 'redlock' ? `holds the Redlock lock (${votes} of 5 yes, validity ${validityMs.toFixed(1)} ms)` : `holds the Raft lock, token ${token}`;
    const also = others.length > 0 ? `, while ${others.map((h) => `c${h.client}`).join(', ')} still believes it holds it: two holders` : '';
    this.remark(node, `c${client} ${what}${also}`);
  }

  release(side: 'redlock' | 'raft', client: number): void {
    const key = `${side}/${client}`;
    const h = this.open.get(key);
    if (h) h.releaseMs = this.ms();
    this.open.delete(key);
  }

  write(side: 0 | 1, from: number, token: number, baseVersion: number, currentVersion: number, ok: boolean): void {
    const name = side === 0 ? 'redlock' : 'raft';
    const client = this.clientOf(from);
    const outcome = !ok ? 'rejected' : baseVersion !== currentVersion ? 'lost-update' : 'accepted';
    this.writes.push({ side: name, client, tMs: this.ms(), token, baseVersion, currentVersion, outcome });
    const store = side === 0 ? 'd0' : 'd1';
    if (outcome === 'rejected') this.remark(from, `${store} rejects c${client}'s write: token ${token} is below the highest it has seen`);
    else if (outcome === 'lost-update') this.remark(from, `${store} accepts c${client}'s write made from v${baseVersion}, over v${currentVersion}: an update is lost`);
    if (side === 1 && ok && this.fencing) {
      if (token < this.highestAccepted) this.broke('fenced-storage', `d1 accepted token ${token} after token ${this.highestAccepted} at ${this.ms().toFixed(3)} ms`);
      if (outcome === 'lost-update') this.broke('no-lost-update', `d1 accepted c${client}'s write from v${baseVersion} over v${currentVersion} at ${this.ms().toFixed(3)} ms`);
    }
    if (side === 1 && ok) this.highestAccepted = Math.max(this.highestAccepted, token);
  }

  /** Client index of engine node `node` (set by the program). */
  clientOf: (node: number) => number = (n) => n;

  // ---- Raft ----

  private readonly leaderOf = new Map<number, number>();

  /** Election Safety: at most one leader per term. */
  leader(server: number, term: number, name: string): void {
    const before = this.leaderOf.get(term);
    if (before !== undefined && before !== server) this.broke('election-safety', `${name} became leader of term ${term}, which already had a leader`);
    this.leaderOf.set(term, server);
  }

  applied(server: number, index: number, entryId: number, entry: EntryRecord, result: CmdResult): void {
    const before = this.appliedAt[index];
    if (before !== undefined) {
      if (before !== entryId) this.broke('log-agreement', `node ${server} applied entry ${entryId} at index ${index}, another server entry ${before}`);
      return;
    }
    this.appliedAt[index] = entryId;
    const cmd = entry.cmd;
    if (result.replay) return;
    if (cmd.op === 'acquire' && result.ok) this.checkGrant(cmd.client, index, entry.stampTicks, cmd.ttlTicks);
    if (cmd.op === 'release' && result.ok && this.lease.client === cmd.client && this.lease.token === cmd.token) this.lease.end = Math.min(this.lease.end, entry.stampTicks);
  }

  private checkGrant(client: number, token: number, stamp: number, ttl: number): void {
    const prev = this.lease;
    if (prev.client >= 0 && prev.client !== client && stamp < prev.end) {
      this.broke('grants-disjoint', `token ${token} granted to c${client} at leader time ${(stamp / this.ticksPerMs).toFixed(3)} ms, before c${prev.client}'s lease (token ${prev.token}) ended at ${(prev.end / this.ticksPerMs).toFixed(3)} ms`);
    }
    if (token <= prev.token) this.broke('tokens-increase', `token ${token} granted after token ${prev.token}`);
    this.lease = { client, token, end: stamp + ttl };
  }

  /** Server `server` delivered `value` at log index `index` (a restart re-delivers the same index). */
  raftSet(server: number, index: number, value: number): void {
    let list = this.raftDelivered.get(server);
    if (!list) this.raftDelivered.set(server, (list = []));
    list[index] = value;
  }

  // ---- IDs and gossip ----

  id(row: IdRow): void {
    this.ids.push(row);
  }

  gossipDelivered(node: number, value: number): void {
    let list = this.gossip.get(node);
    if (!list) this.gossip.set(node, (list = []));
    list.push(value);
  }
}
