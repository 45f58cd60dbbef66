/**
 * The leader role of one node for one epoch (volatile: a crash loses it, a step-down drops it). It appends
 * client writes to the log, ships the log to each follower, counts what each follower applied, and
 * acknowledges a write when the replication mode is satisfied:
 *
 *   async      at once, after its own append;
 *   semi-sync  once one follower applied it;
 *   sync       once every follower applied it (a follower that is down stalls every write).
 *
 * Reads are answered at the commit index (the last entry the mode acknowledges), and only after the
 * leader's first entry of its term (an empty barrier) committed: a new leader does not know how far its
 * predecessor committed until then. With fencing it also answers only within its lease: `round` numbers
 * heartbeats, and once a majority (itself included) answered round r, sent at local time s, the lease runs
 * until s + leaseMs.
 *
 * Shipping: entries are sent as they are appended (pipelined, at most BATCH_MAX per message); a heartbeat
 * resends from the last acknowledged entry when a follower made no progress since the previous heartbeat,
 * and a refusal moves the follower's next index back to the hint it sent.
 */
import type { NodeContext } from '../../../sim/index';
import { epochAt, type Entry } from './log';
import type { Msg, NodeConfig, NodeHost } from './messages';

/** Most entries one append message carries. */
export const BATCH_MAX = 64;
/** Heartbeat rounds remembered for lease counting (older answers no longer extend the lease). */
const ROUNDS_KEPT = 16;
export const TAG_HEARTBEAT = 1;

export interface LeaderDisk {
  log: Entry[];
  applied: number;
}

export class Leadership {
  readonly epoch: number;
  commitIndex = 0;
  barrierIndex = 0;
  /** Local ticks until which the lease holds (fencing). */
  leaseEnd: number;
  /** Follower f has acknowledged (matched) entries up to received[f], and applied up to applied[f]. */
  private readonly next: Int32Array;
  private readonly received: Int32Array;
  private readonly applied: Int32Array;
  private readonly progressed: Uint8Array;
  private pending: { index: number; op: number }[] = [];
  private pendingHead = 0;
  private round = 0;
  private readonly rounds = new Map<number, { sent: number; mask: number }>();
  private timer = -1;
  private readonly majority: number;

  constructor(
    private readonly ctx: NodeContext<Msg>,
    private readonly cfg: NodeConfig,
    private readonly host: NodeHost,
    private readonly disk: LeaderDisk,
    epoch: number,
    options: { barrier: boolean; leaseEnd: number },
    /** Called when a reply shows a newer epoch (the node decides: with fencing it steps down). */
    private readonly onNewerEpoch: (epoch: number) => void,
  ) {
    this.epoch = epoch;
    this.leaseEnd = options.leaseEnd;
    this.majority = Math.floor(cfg.nodes / 2) + 1;
    const n = cfg.nodes;
    this.next = new Int32Array(n).fill(disk.log.length + 1);
    this.received = new Int32Array(n);
    this.applied = new Int32Array(n);
    this.progressed = new Uint8Array(n);
    disk.applied = disk.log.length; // the leader applies its whole log at once
    if (options.barrier) {
      this.barrierIndex = this.append(-1, disk.log.length > 0 ? disk.log[disk.log.length - 1].state : 0);
    }
    this.advance();
  }

  /** Ships the log to everyone (a heartbeat round) and starts the heartbeat timer. */
  start(): void {
    if (!this.cfg.fencing) this.host.rec.servingFrom(this.ctx.id, this.epoch, this.ctx.now(), Infinity);
    else if (this.leaseEnd > this.ctx.localNow()) this.host.rec.servingFrom(this.ctx.id, this.epoch, this.ctx.now(), this.trueTick(this.leaseEnd));
    this.heartbeat();
  }

  stop(): void {
    if (this.timer >= 0) this.ctx.cancelTimer(this.timer);
    this.timer = -1;
    this.pending = [];
    this.pendingHead = 0;
  }

  /** Can acknowledge a write right now: always without fencing, within the lease with it. */
  isServing(): boolean {
    return !this.cfg.fencing || this.ctx.localNow() < this.leaseEnd;
  }

  /** A client write; false when refused (no lease): then it certainly had no effect. */
  write(op: number, value: number): boolean {
    if (!this.isServing()) return false;
    const index = this.append(op, value);
    this.host.rec.accepted(op, this.ctx.id, this.epoch, index, this.ctx.now());
    this.pending.push({ index, op });
    for (let f = 0; f < this.cfg.nodes; f++) if (f !== this.ctx.id) this.send(f, -1);
    this.advance();
    return true;
  }

  /** A read at the commit index; null when refused (no lease, or this term's barrier not committed yet). */
  read(): { value: number; index: number } | null {
    if (!this.isServing() || this.commitIndex < this.barrierIndex) return null;
    const index = this.commitIndex;
    return { value: index === 0 ? 0 : this.disk.log[index - 1].state, index };
  }

  onTimer(): void {
    this.timer = -1;
    this.heartbeat();
  }

  onAppendReply(from: number, m: Extract<Msg, { k: 'appendReply' }>): void {
    if (m.epoch > this.epoch) {
      this.onNewerEpoch(m.epoch);
      return;
    }
    if (m.epoch < this.epoch) return;
    if (m.round >= 0) this.countLeaseAnswer(m.round, from);
    if (m.ok) {
      this.received[from] = Math.max(this.received[from], m.matched);
      if (this.next[from] <= m.matched) this.next[from] = m.matched + 1;
      this.applied[from] = Math.max(this.applied[from], m.applied);
      this.progressed[from] = 1;
      this.advance();
    } else {
      this.next[from] = m.hint + 1;
      this.received[from] = Math.min(this.received[from], m.hint);
      this.send(from, -1);
    }
  }

  onApplied(from: number, m: Extract<Msg, { k: 'applied' }>): void {
    if (m.epoch !== this.epoch) return;
    this.applied[from] = Math.max(this.applied[from], m.applied);
    this.advance();
  }

  private append(op: number, value: number): number {
    const log = this.disk.log;
    log.push({ epoch: this.epoch, op, state: value, tick: this.ctx.now() });
    this.disk.applied = log.length;
    this.host.rec.onLeaderAppend();
    return log.length;
  }

  private heartbeat(): void {
    if (this.ctx.now() >= this.host.quietTick) return;
    const round = ++this.round;
    this.rounds.set(round, { sent: this.ctx.localNow(), mask: 0 });
    this.rounds.delete(round - ROUNDS_KEPT);
    const last = this.disk.log.length;
    for (let f = 0; f < this.cfg.nodes; f++) {
      if (f === this.ctx.id) continue;
      if (this.received[f] < last && !this.progressed[f]) this.next[f] = this.received[f] + 1;
      this.progressed[f] = 0;
      this.send(f, round);
    }
    this.timer = this.ctx.setTimer(this.cfg.heartbeatTicks, TAG_HEARTBEAT);
  }

  /** Sends follower f the entries from its next index on (none: a heartbeat). */
  private send(f: number, round: number): void {
    const log = this.disk.log;
    const prevIndex = Math.min(this.next[f] - 1, log.length);
    const entries = log.slice(prevIndex, Math.min(log.length, prevIndex + BATCH_MAX));
    if (round < 0 && entries.length === 0) return;
    this.ctx.send(f, { k: 'append', epoch: this.epoch, prevIndex, prevEpoch: epochAt(log, prevIndex), entries, round });
    this.next[f] = prevIndex + entries.length + 1;
  }

  private countLeaseAnswer(round: number, from: number): void {
    const r = this.rounds.get(round);
    if (!r) return;
    r.mask |= 1 << from;
    if (popcount(r.mask) + 1 < this.majority) return;
    const until = r.sent + this.cfg.leaseTicks;
    if (until > this.leaseEnd) {
      this.leaseEnd = until;
      if (this.cfg.fencing && until > this.ctx.localNow()) {
        this.host.rec.servingFrom(this.ctx.id, this.epoch, this.ctx.now(), this.trueTick(until));
      }
    }
    this.acknowledgeCommitted();
  }

  /** Moves the commit index as far as the mode allows, then acknowledges what it covers. */
  private advance(): void {
    const last = this.disk.log.length;
    let commit = last;
    if (this.cfg.mode !== 'async') {
      const isSync = this.cfg.mode === 'sync';
      commit = isSync ? last : 0;
      for (let f = 0; f < this.cfg.nodes; f++) {
        if (f === this.ctx.id) continue;
        commit = isSync ? Math.min(commit, this.applied[f]) : Math.max(commit, this.applied[f]);
      }
      commit = Math.min(commit, last);
    }
    if (commit > this.commitIndex) this.commitIndex = commit;
    this.acknowledgeCommitted();
  }

  /** Acknowledges the pending writes the commit index covers (pending is in log order: a queue). */
  private acknowledgeCommitted(): void {
    const pending = this.pending;
    if (this.pendingHead >= pending.length || pending[this.pendingHead].index > this.commitIndex || !this.isServing()) return;
    while (this.pendingHead < pending.length && pending[this.pendingHead].index <= this.commitIndex) {
      this.host.acknowledge(pending[this.pendingHead++].op);
    }
    if (this.pendingHead > 1024 && this.pendingHead * 2 > pending.length) {
      this.pending = pending.slice(this.pendingHead);
      this.pendingHead = 0;
    }
  }

  /** A local deadline as true time (the lab has no clock faults, so they agree; kept apart on purpose). */
  private trueTick(local: number): number {
    return this.ctx.now() + (local - this.ctx.localNow());
  }
}

function popcount(x: number): number {
  let count = 0;
  for (let v = x; v !== 0; v &= v - 1) count++;
  return count;
}
