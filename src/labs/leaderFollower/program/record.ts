/**
 * The observer of a run: who led when (by epoch), who could serve writes when, every election won and
 * every step-down, which node took each request, and when each write was appended and acknowledged. It
 * only records (the protocol never reads it back to decide anything); ./analysis.ts and ./program.ts pack
 * it into the result. Times are true time in ticks here.
 */
import type { Entry } from './log';
import { EndCause, type LeadCause } from '../result';

type LeadCauseCode = (typeof LeadCause)[keyof typeof LeadCause];
type EndCauseCode = (typeof EndCause)[keyof typeof EndCause];

export interface IntervalRow {
  node: number;
  epoch: number;
  start: number;
  end: number;
  cause: number;
  endCause: number;
}

export interface PromotionRow {
  tick: number;
  node: number;
  epoch: number;
  lastEpoch: number;
  lastIndex: number;
  voters: { node: number; lastEpoch: number; lastIndex: number }[];
  stoodTick: number;
}

export interface WriteRow {
  node: number;
  epoch: number;
  index: number;
  tick: number;
  /** A newer epoch already had a leader when this one accepted the write. */
  isDeposed: boolean;
  ackTick: number;
  /** The first promotion after the ack whose winner's log lacked the write (NaN: none). */
  lostAtTick: number;
}

export class Recorder {
  readonly leaders: IntervalRow[] = [];
  readonly serving: IntervalRow[] = [];
  readonly promotions: PromotionRow[] = [];
  readonly stepDowns: { tick: number; node: number; epoch: number; newerEpoch: number }[] = [];
  /** By operation index: the write's acceptance (undefined: never appended). */
  readonly writes: (WriteRow | undefined)[] = [];
  /** By operation index: the node that took the request (-1 none), its epoch, the index read, lag. */
  readonly node: number[] = [];
  readonly epoch: number[] = [];
  readonly client: number[] = [];
  readonly readIndex: number[] = [];
  readonly lagEntries: number[] = [];
  rollbacks = 0;
  /** Called after a leader appends an entry (the lag sampler tracks peaks); set by the program. */
  onLeaderAppend: () => void = () => {};

  private maxEpoch = 1;
  private readonly openLeader = new Map<number, IntervalRow>();
  private readonly openServing = new Map<number, IntervalRow>();

  request(op: number, client: number, node: number, epoch: number): void {
    this.client[op] = client;
    this.node[op] = node;
    this.epoch[op] = epoch;
    this.readIndex[op] = -1;
    this.lagEntries[op] = 0;
  }

  read(op: number, index: number, lagEntries: number): void {
    this.readIndex[op] = index;
    this.lagEntries[op] = lagEntries;
  }

  leaderStart(node: number, epoch: number, tick: number, cause: LeadCauseCode): void {
    this.closeLeader(node, tick, EndCause.steppedDown);
    const row: IntervalRow = { node, epoch, start: tick, end: Infinity, cause, endCause: EndCause.running };
    this.leaders.push(row);
    this.openLeader.set(node, row);
  }

  /** The node left the leader role at `tick` (stepped down or crashed): its leadership and serving end. */
  leaderEnd(node: number, tick: number, endCause: EndCauseCode): void {
    this.closeLeader(node, tick, endCause);
    this.servingEnd(node, tick);
  }

  /** The node may serve writes from `from` until `until` (Infinity: until it stops leading). */
  servingFrom(node: number, epoch: number, from: number, until: number): void {
    const open = this.openServing.get(node);
    if (open && open.epoch === epoch && from <= open.end) {
      open.end = Math.max(open.end, until);
      return;
    }
    if (open) open.end = Math.min(open.end, from);
    const row: IntervalRow = { node, epoch, start: from, end: until, cause: 0, endCause: 0 };
    this.serving.push(row);
    this.openServing.set(node, row);
  }

  /** Whatever serving interval the node has open ends at `tick` at the latest. */
  servingEnd(node: number, tick: number): void {
    const open = this.openServing.get(node);
    if (!open) return;
    open.end = Math.min(open.end, tick);
    this.openServing.delete(node);
  }

  /** The node crashed at `tick` (the program's observer calls this right after the fault). */
  down(node: number, tick: number): void {
    this.leaderEnd(node, tick, EndCause.crashed);
  }

  promoted(row: PromotionRow, log: readonly Entry[]): void {
    this.promotions.push(row);
    this.maxEpoch = Math.max(this.maxEpoch, row.epoch);
    // Acknowledged writes the new leader's log lacks are lost from here on (unless this leader fails too).
    for (const w of this.writes) {
      if (!w || !(w.ackTick <= row.tick) || !Number.isNaN(w.lostAtTick)) continue;
      const held = log[w.index - 1];
      if (!held || held.epoch !== w.epoch) w.lostAtTick = row.tick;
    }
  }

  steppedDown(node: number, tick: number, epoch: number, newerEpoch: number): void {
    this.stepDowns.push({ tick, node, epoch, newerEpoch });
    this.leaderEnd(node, tick, EndCause.steppedDown);
  }

  accepted(op: number, node: number, epoch: number, index: number, tick: number): void {
    this.writes[op] = { node, epoch, index, tick, isDeposed: epoch < this.maxEpoch, ackTick: NaN, lostAtTick: NaN };
  }

  acknowledged(op: number, tick: number): void {
    const w = this.writes[op];
    if (w) w.ackTick = tick;
  }

  /** Closes every open interval at the run's end. */
  finish(endTick: number): void {
    for (const row of this.openLeader.values()) row.end = endTick;
    for (const row of this.openServing.values()) row.end = Math.min(row.end, endTick);
    this.openLeader.clear();
    this.openServing.clear();
  }

  private closeLeader(node: number, tick: number, endCause: EndCauseCode): void {
    const open = this.openLeader.get(node);
    if (!open) return;
    open.end = tick;
    open.endCause = endCause;
    this.openLeader.delete(node);
  }
}
