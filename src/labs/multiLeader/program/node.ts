/**
 * One region's leader: it accepts its clients' reads and writes at once (no coordination with other
 * regions), appends each write to its log, and replicates the log asynchronously to every other leader.
 *
 *   client --write--> leader r0 --ok--> client            (local: a few ms)
 *                        |  rep(log[acked..])  ~interMs
 *                        v
 *                     leader r1 applies, acks  ------>    (r0 resends what is unacked every retryMs)
 *
 * A leader applies the writes of one peer in that peer's log order (each `rep` carries every write from
 * the last acknowledged one, so a lost or overtaken message costs nothing but time), and merges each into
 * its own state of the key:
 *   lww       keep the write with the highest (timestamp, region): the timestamp is the writing leader's
 *             local clock, so a leader whose clock is behind loses even to writes it had already seen;
 *   siblings  keep every write no other write supersedes (./core/clocks/siblings.ts): concurrent writes
 *             become siblings; a client that read them writes back with a context covering them all.
 *
 * Durable (ctx.storage, survives a crash): the log, the write counter, how far each peer's log was
 * applied, and the state of every key. Volatile: what peers acknowledged (a recovered leader resends from
 * the start; peers skip what they already applied).
 */
import { clockOf, compare, contextOf, dominates, put, supersedes, type VersionVector } from '../../../core/clocks';
import type { NodeContext } from '../../../sim/index';
import type { Msg, NodeConfig, NodeHost, Write } from './messages';

export type { Msg, NodeConfig, NodeHost, Write };

/** Most writes one `rep` message carries. */
export const BATCH_MAX = 64;
const TAG_RETRY = 1;

interface Durable {
  log: Write[];
  counter: number;
  /** Next index of peer i's log to apply. */
  applied: number[];
  /** Per key: the LWW winner (one write, or none) or the siblings. */
  state: Write[][];
}

/** What a read returns to the client: the values (several when there are siblings) and the context. */
export interface ReadReply {
  values: number[];
  context: VersionVector;
}

/** What a leader's disk holds for `key` at the end of a run (crashed or not): the LWW winner or the siblings. */
export function storedState(storage: Record<string, unknown>, key: number): readonly Write[] {
  return (storage as { disk?: Durable }).disk?.state[key] ?? [];
}

export class Leader {
  private readonly ctx: NodeContext<Msg>;
  private readonly cfg: NodeConfig;
  private readonly host: NodeHost;
  private readonly disk: Durable;
  private readonly acked: number[];
  private retryTimer = -1;

  constructor(ctx: NodeContext<Msg>, cfg: NodeConfig, host: NodeHost) {
    this.ctx = ctx;
    this.cfg = cfg;
    this.host = host;
    const s = ctx.storage as { disk?: Durable };
    s.disk ??= { log: [], counter: 0, applied: new Array<number>(cfg.regions).fill(0), state: Array.from({ length: cfg.keys }, () => []) };
    this.disk = s.disk;
    this.acked = new Array<number>(cfg.regions).fill(0);
  }

  onStart(): void {
    if (this.disk.log.length > 0) this.pushAll(); // a recovered leader resends what peers may lack
  }

  /** Writes this leader has applied: its own and the other regions' it has replicated. */
  get appliedCount(): number {
    return this.disk.applied.reduce((sum, next) => sum + next, this.disk.log.length);
  }

  /** Writes of its log `peer` has not acknowledged yet (on their way, or to be resent). */
  pendingTo(peer: number): number {
    return this.disk.log.length - this.acked[peer];
  }

  /** The values it holds for `key` (several when siblings). */
  values(key: number): number[] {
    return this.disk.state[key].map((w) => w.value);
  }

  read(key: number): ReadReply {
    return { values: this.values(key), context: contextOf(this.disk.state[key]) };
  }

  /** A client's write of `value` with the context it read; returns the client's new context. */
  write(op: number, key: number, value: number, context: VersionVector): VersionVector {
    const d = this.disk;
    const w: Write = { key, value, op, context, dot: { node: this.ctx.id, counter: ++d.counter }, ts: this.ctx.localNow() };
    this.host.rec.wrote(w, this.ctx.now());
    this.apply(w);
    d.log.push(w);
    this.pushAll();
    return clockOf(w);
  }

  onMessage(from: number, msg: Msg): void {
    if (msg.k === 'ack') {
      this.host.rec.roundTrip(this.ctx.now() - msg.sentTick);
      if (msg.next <= this.acked[from]) return;
      this.acked[from] = msg.next;
      // A peer catching up after a partition gets its next batch at once, not at the next resend.
      if (msg.next - msg.first >= BATCH_MAX && msg.next < this.disk.log.length) this.sendBatch(from);
      return;
    }
    const d = this.disk;
    for (let i = 0; i < msg.writes.length; i++) {
      const seq = msg.first + i;
      if (seq < d.applied[from]) continue;
      if (seq > d.applied[from]) break; // cannot happen: a batch starts at or before what we acked
      this.apply(msg.writes[i]);
      this.host.rec.replicated(msg.writes[i], this.ctx.id, this.ctx.now());
      d.applied[from]++;
    }
    this.ctx.send(from, { k: 'ack', first: msg.first, next: d.applied[from], sentTick: msg.sentTick });
  }

  onTimer(tag: number): void {
    if (tag !== TAG_RETRY) return;
    this.retryTimer = -1;
    this.pushAll();
  }

  /** Merges `w` into its key's state by the configured resolution, recording conflicts and changes. */
  private apply(w: Write): void {
    const rec = this.host.rec;
    const now = this.ctx.now();
    const before = this.disk.state[w.key];
    let after: Write[];
    if (this.cfg.resolution === 'lww') {
      const cur = before[0];
      const isNewer = !cur || w.ts > cur.ts || (w.ts === cur.ts && w.dot.node > cur.dot.node);
      // Judged by the writes' dots and contexts, as a store keeping version vectors would; LWW never looks.
      if (cur && !supersedes(cur, w) && !supersedes(w, cur)) rec.conflict(w.key, this.ctx.id, cur, w, now);
      if (cur && cur !== w) rec.discarded(isNewer ? cur : w, isNewer ? w : cur);
      after = isNewer ? [w] : before;
    } else {
      after = this.cfg.bug === 'vector-order' ? putByVector(before, w) : put(before, w);
      if (after.includes(w)) for (const other of after) if (other !== w) rec.conflict(w.key, this.ctx.id, other, w, now);
      rec.siblings(after.length);
    }
    if (!sameDots(after, before)) {
      this.disk.state[w.key] = after;
      rec.changed(now);
    }
  }

  /** Sends `peer` the writes from the first one it has not acknowledged (at most BATCH_MAX). */
  private sendBatch(peer: number): void {
    const first = this.acked[peer];
    this.ctx.send(peer, { k: 'rep', first, writes: this.disk.log.slice(first, first + BATCH_MAX), sentTick: this.ctx.now() });
  }

  /** Sends every peer the writes it has not acknowledged (one batch each), and arms the resend timer. */
  private pushAll(): void {
    const log = this.disk.log;
    let isBehind = false;
    for (let peer = 0; peer < this.cfg.regions; peer++) {
      if (peer === this.ctx.id || this.acked[peer] >= log.length) continue;
      isBehind = true;
      this.sendBatch(peer);
    }
    if (isBehind && this.retryTimer < 0 && this.ctx.now() < this.host.quietTick) {
      this.retryTimer = this.ctx.setTimer(this.cfg.retryTicks, TAG_RETRY);
    }
  }
}

/** The broken merge ('vector-order'): keep what no other version's whole vector is above. */
function putByVector(before: readonly Write[], w: Write): Write[] {
  const cw = clockOf(w);
  if (before.some((v) => v === w || dominates(clockOf(v), cw))) return [...before];
  return [...before.filter((v) => compare(clockOf(v), cw) !== 'before'), w].sort((a, b) => a.dot.node - b.dot.node || a.dot.counter - b.dot.counter);
}

function sameDots(a: readonly Write[], b: readonly Write[]): boolean {
  return a.length === b.length && a.every((w, i) => w.dot.node === b[i].dot.node && w.dot.counter === b[i].dot.counter);
}
