/**
 * The observer of one run: every write as issued, the conflicts leaders met (each pair of concurrent
 * writes once), when any leader's state last changed, and the measured replication delays. It only
 * records; the protocol never reads it back to decide anything.
 */
import type { Write } from './messages';
import type { ReplicationColumns } from '../result';
import { ticksToMs } from '../../../sim/kit/time';

export interface ConflictRecord {
  key: number;
  /** The region whose leader met the two writes first. */
  region: number;
  /** The two concurrent writes (history indices), the one already there first. */
  a: number;
  b: number;
  tick: number;
}

export class Recorder {
  /** Writes by history index (undefined for reads and for writes that never reached a leader). */
  readonly writes: (Write | undefined)[] = [];
  readonly conflicts: ConflictRecord[] = [];
  /** Every time a leader met a concurrent pair (each leader meets a pair on its own), in time order: the stage's flags. */
  readonly meetings: ConflictRecord[] = [];
  /** True time of the last change of any leader's state, in ticks. */
  lastChangeTick = 0;
  /** Round trips of replication messages (send to ack), ticks. */
  readonly roundTrips: number[] = [];
  /** From a write at its leader to its arrival at another region's leader, ticks. */
  readonly lags: number[] = [];
  siblingsMax = 1;
  /** LWW: the write that first replaced each replaced write, at some leader (./outcome.ts tells why). */
  readonly droppedFor = new Map<number, number>();
  private readonly writeTick: number[] = [];
  private readonly pairs = new Set<number>();
  /** op * 8 + region -> tick the write was applied there. */
  private readonly applied = new Map<number, number>();

  wrote(w: Write, tick: number): void {
    this.writes[w.op] = w;
    this.writeTick[w.op] = tick;
  }

  /** Write `w` was applied at region `at`'s leader (each write once per region: leaders skip what they applied). */
  replicated(w: Write, at: number, tick: number): void {
    this.lags.push(tick - this.writeTick[w.op]);
    this.applied.set(w.op * 8 + at, tick);
  }

  /** Every write's replication to every other region: when written, when applied there (NaN: never). */
  replication(regions: number): ReplicationColumns {
    const rows: { op: number; from: number; to: number }[] = [];
    this.writes.forEach((w) => {
      if (w) for (let to = 0; to < regions; to++) if (to !== w.dot.node) rows.push({ op: w.op, from: w.dot.node, to });
    });
    return {
      op: Uint32Array.from(rows, (r) => r.op),
      from: Uint8Array.from(rows, (r) => r.from),
      to: Uint8Array.from(rows, (r) => r.to),
      writtenMs: Float64Array.from(rows, (r) => ticksToMs(this.writeTick[r.op])),
      appliedMs: Float64Array.from(rows, (r) => ticksToMs(this.applied.get(r.op * 8 + r.to) ?? NaN)),
    };
  }

  roundTrip(ticks: number): void {
    this.roundTrips.push(ticks);
  }

  /** Writes `a` (already held) and `b` (arriving) to `key` are concurrent at `region`: a meeting; a conflict once per pair. */
  conflict(key: number, region: number, a: Write, b: Write, tick: number): void {
    this.meetings.push({ key, region, a: a.op, b: b.op, tick });
    const lo = Math.min(a.op, b.op);
    const hi = Math.max(a.op, b.op);
    const pair = lo * 65536 + hi;
    if (this.pairs.has(pair)) return;
    this.pairs.add(pair);
    this.conflicts.push({ key, region, a: a.op, b: b.op, tick });
  }

  /** LWW replaced `loser` by `winner` at some leader (the first time only, per loser). */
  discarded(loser: Write, winner: Write): void {
    if (!this.droppedFor.has(loser.op)) this.droppedFor.set(loser.op, winner.op);
  }

  siblings(count: number): void {
    if (count > this.siblingsMax) this.siblingsMax = count;
  }

  changed(tick: number): void {
    this.lastChangeTick = tick;
  }
}
