/**
 * A second consumer group on the same topic (Kafka scene, `secondGroup`): one member a0 that owns every
 * partition, polls them round robin (max.poll.records each), processes the records and commits last
 * processed + 1 in its own offsets. Reading deletes nothing, so both groups see every record, each at its
 * own pace; a partition card shows both committed offsets. a0 is not a target of the script's faults.
 * Its first fetch of a partition starts at the log end then (auto.offset.reset = latest).
 */
import type { Outputs } from '../result';
import type { Loop } from './events';
import { OutputPair } from './outputs';
import type { StageRecorder } from './recorder';

export interface Topic {
  readonly leo: Int32Array;
  readonly logStart: Int32Array;
  readonly logMsg: Int32Array;
}

export interface SecondGroupOutcome {
  committed: Int32Array;
  outputs: Outputs;
  /** Records sent and not yet committed by this group at the end, over all partitions. */
  endLag: number;
}

export class SecondGroup {
  readonly committed: Int32Array;
  private readonly pos: Int32Array;
  private readonly started: Uint8Array;
  private readonly out: OutputPair;
  private rr = 0;
  private busy = false;
  private armed = false;
  private batchP = -1;
  private batchFirst = 0;
  private batchCount = 0;
  private dots = 0;

  constructor(
    private readonly topic: Topic,
    private readonly loop: Loop,
    private readonly rec: StageRecorder,
    private readonly node: number,
    private readonly pNode: (p: number) => number,
    private readonly opts: { batchMax: number; processMs: number; hopMs: number; eventPoll: number; eventDone: number; waitMs: number },
    messages: number,
  ) {
    const n = topic.leo.length;
    this.committed = new Int32Array(n);
    this.pos = new Int32Array(n);
    this.started = new Uint8Array(n);
    this.out = new OutputPair(messages);
  }

  /** New records arrived: an idle member's long poll answers. */
  wake(now: number): void {
    if (!this.busy && !this.armed) {
      this.armed = true;
      this.loop.at(now, this.opts.eventPoll);
    }
  }

  poll(): void {
    this.armed = false;
    if (this.busy) return;
    const now = this.loop.ms;
    const { leo } = this.topic;
    const n = leo.length;
    for (let k = 0; k < n; k++) {
      const p = (this.rr + k) % n;
      if (!this.started[p]) {
        // No committed offset for this group: auto.offset.reset = latest.
        this.started[p] = 1;
        this.pos[p] = leo[p];
        this.committed[p] = leo[p];
      }
      if (this.pos[p] < leo[p]) {
        this.rr = (p + 1) % n;
        this.fetch(p, now);
        return;
      }
    }
    this.armed = true;
    this.loop.at(now + this.opts.waitMs, this.opts.eventPoll);
  }

  private fetch(p: number, now: number): void {
    const first = this.pos[p];
    const count = Math.min(this.opts.batchMax, this.topic.leo[p] - first);
    this.pos[p] = first + count;
    this.busy = true;
    this.batchP = p;
    this.batchFirst = first;
    this.batchCount = count;
    if (this.rec.isDrawn(this.dots++)) this.rec.message('fetch', `g2 fetch ${first}..${first + count - 1}`, this.pNode(p), this.node, now, now + this.opts.hopMs);
    this.rec.field(now, this.node, 2, `p${p} ${first}..${first + count - 1}`);
    this.loop.at(now + this.opts.hopMs + count * this.opts.processMs, this.opts.eventDone);
  }

  done(): void {
    const now = this.loop.ms;
    const p = this.batchP;
    const { logStart, logMsg } = this.topic;
    for (let o = this.batchFirst; o < this.batchFirst + this.batchCount; o++) this.out.process(logMsg[logStart[p] + o], now);
    this.committed[p] = this.batchFirst + this.batchCount;
    if (this.rec.isDrawn(this.dots++)) this.rec.message('commit', `g2 commit ${this.committed[p]}`, this.node, this.pNode(p), now, now + this.opts.hopMs);
    this.busy = false;
    this.rec.field(now, this.node, 2, 'waiting');
    this.rec.field(now, this.node, 3, this.lag());
    this.armed = true;
    this.loop.at(now, this.opts.eventPoll);
  }

  lag(): number {
    let lag = 0;
    for (let p = 0; p < this.topic.leo.length; p++) lag += this.topic.leo[p] - this.committed[p];
    return lag;
  }

  outcome(): SecondGroupOutcome {
    return { committed: this.committed.slice(), outputs: this.out.summary(), endLag: this.lag() };
  }

  /** Whether its idempotent output holds each message once (the invariant). */
  get isIdempotentOk(): boolean {
    const o = this.out.summary();
    return o.idempotentRows === o.distinct && Number.isNaN(this.out.idempotentTwiceMs);
  }
}
