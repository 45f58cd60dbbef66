/**
 * The SQS scene: the producer sends every message to a standard queue q0 and to a FIFO queue q1; every
 * consumer polls both (two pollers per consumer: a crash or a slowdown hits both sides alike). Rules
 * (amazon-sqs-developer-guide: visibility, standard, FIFO, DLQ):
 *
 * - Receiving never deletes: a received message is in flight (invisible) for the visibility timeout from
 *   the receive; a consumer deletes it after processing. Undeleted (slow, crashed, failed), it is visible
 *   again when the timeout ends, and its receive count grows with every receive.
 * - Each receive gives a new receipt handle; a delete with an older one succeeds but deletes nothing.
 * - A receive that finds a message already received maxReceiveCount times moves it to the DLQ instead
 *   (receives count, not failures).
 * - Standard: at-least-once, best-effort order: a receive takes one of the first 8 visible messages at random
 *   (short polling samples servers), and after a delete a message comes back with chance `redeliverShare`
 *   (a server holding a copy missed the delete).
 * - FIFO: MessageGroupId = the key; strict order in a group, none across groups; while a group has a
 *   message in flight no later message of it is returned. A send whose dedup id (the message id) was sent
 *   in the last 5 minutes is accepted and not enqueued, even after its delete.
 *
 * Messages are rows of typed columns (a "copy" is one enqueued message; a standard queue holds a second
 * copy of a retried send) in ./sqsQueue.ts; per-group lists are deques of copy ids.
 */
import { rng, type Rng } from '../../../core/random/rng';
import { TraceHasher } from '../../../core/hash/traceHasher';
import type { RunContext } from '../../contract';
import { nodeNamesOf, type Check, type QueueSide, type SqsOutcome } from '../result';
import { consumerSlots, type QueuesScenario } from '../scenario';
import { Loop } from './events';
import { CARD_FIELDS, fmtMs } from './kafka';
import { StageRecorder } from './recorder';
import { DELETED, ExpiryLine, IN_DLQ, IN_FLIGHT, Queue, SQS_SAMPLES, VISIBLE } from './sqsQueue';
import { makeWorkload, type Workload } from './workload';

export const DEDUP_WINDOW_MS = 300_000;
export const EMPTY_WAIT_MS = 500;
/** Standard queue: a receive picks among this many oldest visible messages. */
export const SAMPLE_WINDOW = 8;

const E = { send: 0, retry: 1, poll: 2, finish: 3, expire: 4, ghost: 5, script: 6, sample: 7 } as const;
/** Card fields as in the Kafka scene (./kafka.ts CARD_FIELDS): n is a queue's depth (visible + in flight), a DLQ's, or what a consumer holds. */
const F = { role: 0, l1: 1, l2: 2, n: 3 } as const;
export const SQS_KINDS = ['send', 'receive', 'delete', 'to DLQ'] as const;

export interface SqsRun {
  outcome: SqsOutcome;
  checks: Check[];
  hash: string;
  stage: StageRecorder;
  names: string[];
  marksMs: number[];
  events: number;
}

export function runSqs(s: QueuesScenario, context: RunContext): SqsRun {
  return new SqsWorld(s, context).run();
}

class SqsWorld {
  private readonly w: Workload;
  private readonly loop = new Loop();
  private readonly slots: number;
  private readonly names: string[];
  private readonly rec: StageRecorder;
  private readonly q: [Queue, Queue];
  private readonly picks: Rng;
  private readonly ghosts: Rng;
  private readonly alive: Uint8Array;
  private readonly epoch: Int32Array;
  private readonly slow: Float64Array;
  private readonly done: Int32Array;
  /** Per poller (consumer x 2 + side): the copies of its batch and their receipt serials. */
  private readonly batch: Int32Array;
  private readonly batchSerial: Int32Array;
  private readonly batchLeft: Int32Array;
  private readonly sampleMs: number;
  private readonly marks: number[] = [];
  private readonly w0: number;
  private readonly expiries = new ExpiryLine();
  private dots = 0;
  private receiveRemarks = 0;

  constructor(private readonly s: QueuesScenario, private readonly context: RunContext) {
    this.w = makeWorkload(s);
    this.slots = consumerSlots(s);
    this.names = nodeNamesOf('sqs', 0, this.slots);
    this.w0 = this.slots;
    this.q = [new Queue(false, this.w.count, s.keys, this.slots + 1), new Queue(true, this.w.count, s.keys, this.slots + 2)];
    const root = rng(s.seed);
    this.picks = root.fork('standard-picks');
    this.ghosts = root.fork('standard-redelivery');
    this.alive = new Uint8Array(this.slots);
    this.epoch = new Int32Array(this.slots);
    this.slow = new Float64Array(this.slots).fill(1);
    this.done = new Int32Array(this.slots);
    this.batch = new Int32Array(this.slots * 2 * 10);
    this.batchSerial = new Int32Array(this.slots * 2 * 10);
    this.batchLeft = new Int32Array(this.slots * 2);
    this.sampleMs = s.durationMs / SQS_SAMPLES;
    this.rec = new StageRecorder(SQS_KINDS, CARD_FIELDS, 8 * this.w.count);
  }

  /** Node ids: consumers c0.. first (an event's node is its consumer's number), then w0, q0, q1, d0, d1. */
  private cNode(c: number): number {
    return c;
  }

  run(): SqsRun {
    const { s, loop, w } = this;
    this.initialCards();
    for (let k = 0; k < w.ticks; k++) loop.at((k + 1) * w.tickMs, E.send, k);
    s.events.forEach((e, i) => loop.at(e.t, E.script, i));
    for (let i = 0; i < SQS_SAMPLES; i++) loop.at((i + 1) * this.sampleMs, E.sample, i);
    for (let c = 0; c < s.consumers; c++) this.start(c, 0);
    let work = 0;
    loop.run(s.durationMs, (type, a, b) => {
      if (++work === 4096) {
        this.context.work(work);
        work = 0;
      }
      this.handle(type, a, b);
    });
    this.context.work(work);
    return this.finish();
  }

  private handle(type: number, a: number, b: number): void {
    switch (type) {
      case E.send: return this.sendTick(a);
      case E.retry: return this.retry(a);
      case E.poll: return this.poll(a, b);
      case E.finish: return this.finishOne(a, b);
      case E.expire: return this.expireDue();
      case E.ghost: return this.ghost(a);
      case E.script: return this.script(a);
      case E.sample: return this.sample(a);
    }
  }

  private drawn(): boolean {
    return this.rec.isDrawn(this.dots++);
  }

  // --- producer -----------------------------------------------------------------------------------

  private sendTick(k: number): void {
    const now = this.loop.ms;
    for (let m = this.w.tickFirst[k]; m < this.w.tickFirst[k + 1]; m++) {
      for (const q of this.q) this.enqueue(q, m, now, false);
      if (this.w.retried[m]) this.loop.at(now + this.s.retryDelayMs, E.retry, m);
    }
    this.rec.field(now, this.w0, F.l1, `sent ${this.w.tickFirst[k + 1]}`);
    this.cardQueues(now);
  }

  private retry(m: number): void {
    const now = this.loop.ms;
    for (const q of this.q) this.enqueue(q, m, now, true);
    this.cardQueues(now);
  }

  private enqueue(q: Queue, m: number, now: number, isRetry: boolean): void {
    q.side.sent++;
    if (this.drawn()) this.rec.message('send', isRetry ? `retry m${m}` : `send m${m}`, this.w0, q.node, now - this.s.hopMs, now);
    if (q.isFifo) {
      const last = q.lastSendMs[m];
      if (!Number.isNaN(last) && now - last < DEDUP_WINDOW_MS) {
        q.side.deduplicated++;
        if (isRetry && this.rec.canRemark) this.rec.remark(now, q.node, `q1 (FIFO) accepts the retry of m${m} and drops it: the same dedup id was sent ${fmtMs(now - last)} ago, within 5 minutes`);
        return;
      }
      q.lastSendMs[m] = now;
      if (isRetry && this.rec.canRemark) this.rec.remark(now, q.node, `q1 (FIFO) enqueues the retry of m${m}${Number.isNaN(last) ? '' : `: its first send was ${fmtMs(now - last)} ago, past the 5-minute dedup window`}`);
    }
    const id = q.newCopy(m, this.w.key[m]);
    q.visibleCount++;
    if (q.isFifo) {
      const g = this.w.key[m];
      q.groups[g].push(id);
      this.maybeReady(q, g);
    } else q.visible.push(id);
  }

  // --- the queue side of a receive ------------------------------------------------------------------

  private maybeReady(q: Queue, g: number): void {
    if (q.isReady[g] || q.groupInFlight[g] > 0) return;
    const list = q.groups[g];
    while (list.size > 0 && q.state[list.at(0)] >= DELETED) list.shift();
    if (list.size > 0) {
      q.isReady[g] = 1;
      q.ready.push(g);
    }
  }

  /** The next copy a receive returns, or -1; moves copies past maxReceiveCount to the DLQ on the way. */
  private take(q: Queue, now: number): number {
    for (;;) {
      let id: number;
      if (q.isFifo) {
        if (q.ready.size === 0) return -1;
        const g = q.ready.shift();
        q.isReady[g] = 0;
        const list = q.groups[g];
        let pick = -1;
        for (let i = 0; i < list.size; i++) {
          const c = list.at(i);
          if (q.state[c] === VISIBLE) { pick = c; break; }
          if (q.state[c] === IN_FLIGHT) break; // a message of this group is in flight: later ones wait
        }
        if (pick < 0) continue;
        id = pick;
      } else {
        if (q.visible.size === 0) return -1;
        const window = Math.min(SAMPLE_WINDOW, q.visible.size);
        q.visible.swapFront(this.picks.int(window));
        id = q.visible.shift();
        if (q.state[id] !== VISIBLE) continue;
      }
      if (q.receives[id] >= this.s.maxReceiveCount) {
        this.toDlq(q, id, now);
        if (q.isFifo) this.maybeReady(q, this.w.key[q.app[id]]);
        continue;
      }
      return id;
    }
  }

  private toDlq(q: Queue, id: number, now: number): void {
    if (q.state[id] === IN_DLQ || q.receives[id] !== this.s.maxReceiveCount) {
      if (Number.isNaN(q.dlqBrokeMs)) {
        q.dlqBrokeMs = now;
        q.dlqDetail = `m${q.app[id]} moved with receive count ${q.receives[id]}`;
      }
    }
    q.state[id] = IN_DLQ;
    q.visibleCount--;
    q.dlq++;
    q.side.receiveHistogram[Math.min(10, q.receives[id])]++;
    const name = q.isFifo ? 'q1' : 'q0';
    if (this.drawn() || q.dlq <= 20) this.rec.message('to DLQ', `m${q.app[id]} to DLQ`, q.node, q.node + 2, now, now + this.s.hopMs);
    if (this.rec.canRemark) this.rec.remark(now, q.node, `${name} moves m${q.app[id]} to ${q.isFifo ? 'd1' : 'd0'} (the DLQ): it was received ${q.receives[id]} times (maxReceiveCount) without a delete`);
    this.marks.push(now);
  }

  // --- consumers ----------------------------------------------------------------------------------

  private start(c: number, now: number): void {
    this.alive[c] = 1;
    this.epoch[c]++;
    this.rec.field(now, this.cNode(c), F.role, this.slow[c] > 1 ? `slow ×${this.slow[c]}` : 'consumer');
    for (let side = 0; side < 2; side++) this.loop.at(now, E.poll, c * 2 + side, this.epoch[c]);
  }

  private poll(poller: number, epoch: number): void {
    const c = poller >> 1, side = poller & 1;
    if (epoch !== this.epoch[c] || !this.alive[c]) return;
    const q = this.q[side];
    const now = this.loop.ms;
    const base = poller * 10;
    let n = 0;
    while (n < this.s.receiveMax) {
      const id = this.take(q, now);
      if (id < 0) break;
      this.receive(q, id, c, now);
      this.batch[base + n] = id;
      this.batchSerial[base + n] = q.serial[id];
      n++;
    }
    q.side.receives++;
    if (n === 0) {
      q.side.emptyReceives++;
      this.loop.at(now + EMPTY_WAIT_MS, E.poll, poller, epoch);
      return;
    }
    this.batchLeft[poller] = n;
    const per = this.s.processMs * this.slow[c];
    for (let i = 0; i < n; i++) this.loop.at(now + this.s.hopMs + (i + 1) * per, E.finish, poller, epoch * 16 + i);
    this.cardConsumer(c, side, now);
    this.cardQueues(now);
  }

  private receive(q: Queue, id: number, c: number, now: number): void {
    const m = q.app[id];
    if (q.state[id] !== VISIBLE && Number.isNaN(q.dlqBrokeMs)) {
      q.dlqBrokeMs = now;
      q.dlqDetail = `m${m} was received while not visible (state ${q.state[id]})`;
    }
    q.state[id] = IN_FLIGHT;
    q.visibleCount--;
    q.inFlight++;
    q.receives[id]++;
    q.serial[id]++;
    if (q.isFifo) q.groupInFlight[this.w.key[m]]++;
    const again = q.seen[m] === 1;
    if (again) q.side.redeliveries++;
    q.seen[m] = 1;
    const g = this.w.key[m];
    const seq = q.groupSeq[id];
    if (seq < q.maxSeq[g]) {
      q.side.outOfOrder++;
      if (q.isFifo && Number.isNaN(q.fifoBrokeMs)) {
        q.fifoBrokeMs = now;
        q.fifoDetail = `m${m} (number ${seq} of group g${g}) delivered after number ${q.maxSeq[g]}`;
      }
    } else q.maxSeq[g] = seq;
    if (this.drawn() || (again && this.receiveRemarks < 40)) this.rec.message('receive', `m${m} receive #${q.receives[id]}`, q.node, this.cNode(c), now, now + this.s.hopMs);
    if (again && this.receiveRemarks < 200) {
      this.receiveRemarks++;
      if (this.rec.canRemark) this.rec.remark(now, this.cNode(c), `c${c} receives m${m} from ${q.isFifo ? 'q1' : 'q0'} again (receive #${q.receives[id]}): ${q.ghosted[id] ? 'a server that missed its delete serves it again' : q.receives[id] > 1 ? 'its visibility timeout ran out before a delete' : 'the producer\'s retry made another copy'}`);
    }
    this.expiries.push(now + this.s.visibilityMs, id * 2 + (q.isFifo ? 1 : 0), q.serial[id]);
    if (this.expiries.size === 1) this.loop.at(now + this.s.visibilityMs, E.expire);
  }

  /**
   * Visibility timeouts end in receive order (one timeout per run), so they wait in a FIFO line with one
   * pending event for its head, instead of one event each in the queue's heap (2 x 10^6 at the largest run).
   */
  private expireDue(): void {
    const now = this.loop.tick;
    const line = this.expiries;
    while (line.size > 0 && Math.ceil(line.headMs() * 1000 - 1e-6) <= now) {
      const [code, serial] = line.shift();
      this.expire(code, serial);
    }
    if (line.size > 0) this.loop.at(line.headMs(), E.expire);
  }

  /** The visibility timeout of receive `serial` of copy `code >> 1` ends: visible again unless deleted or received since. */
  private expire(code: number, serial: number): void {
    const q = this.q[code & 1];
    const id = code >> 1;
    if (q.state[id] !== IN_FLIGHT || q.serial[id] !== serial) return;
    const now = this.loop.ms;
    q.state[id] = VISIBLE;
    q.inFlight--;
    q.visibleCount++;
    if (q.isFifo) {
      const g = this.w.key[q.app[id]];
      q.groupInFlight[g]--;
      this.maybeReady(q, g);
    } else q.visible.push(id);
    this.cardQueues(now);
  }

  private finishOne(poller: number, code: number): void {
    const c = poller >> 1, side = poller & 1;
    const epoch = Math.floor(code / 16), i = code % 16;
    if (epoch !== this.epoch[c] || !this.alive[c]) return;
    const q = this.q[side];
    const now = this.loop.ms;
    const id = this.batch[poller * 10 + i];
    const m = q.app[id];
    if (!this.w.poison[m]) {
      q.out.process(m, now);
      this.done[c]++;
      this.remove(q, id, this.batchSerial[poller * 10 + i], c, now);
    }
    if (--this.batchLeft[poller] === 0) {
      this.loop.at(now, E.poll, poller, epoch);
      this.cardConsumer(c, side, now);
    }
  }

  private remove(q: Queue, id: number, serial: number, c: number, now: number): void {
    const isStale = q.serial[id] !== serial;
    if (this.drawn() || isStale) this.rec.message('delete', isStale ? `delete m${q.app[id]} (stale handle)` : `delete m${q.app[id]}`, this.cNode(c), q.node, now, now + this.s.hopMs);
    if (isStale || q.state[id] >= DELETED) {
      q.side.staleDeletes++;
      if (isStale && this.rec.canRemark) this.rec.remark(now, this.cNode(c), `c${c} deletes m${q.app[id]} from ${q.isFifo ? 'q1' : 'q0'} with the receipt handle of receive #${serial}, but it was received again since: SQS says success and deletes nothing`);
      return;
    }
    const wasInFlight = q.state[id] === IN_FLIGHT;
    q.state[id] = DELETED;
    if (wasInFlight) q.inFlight--;
    else q.visibleCount--;
    q.side.deletes++;
    q.side.receiveHistogram[Math.min(10, q.receives[id])]++;
    if (q.isFifo) {
      const g = this.w.key[q.app[id]];
      if (wasInFlight) q.groupInFlight[g]--;
      this.maybeReady(q, g);
    } else if (this.s.redeliverShare > 0 && this.ghosts.int(1_000_000) < Math.round(this.s.redeliverShare * 1_000_000)) {
      this.loop.at(now + 1000 + this.ghosts.int(Math.max(1, Math.round(this.s.visibilityMs))), E.ghost, id);
    }
  }

  /** A standard queue's server that missed the delete serves the message again. */
  private ghost(id: number): void {
    const q = this.q[0];
    if (q.state[id] !== DELETED) return;
    q.state[id] = VISIBLE;
    q.ghosted[id] = 1;
    q.visibleCount++;
    q.visible.push(id);
  }

  private script(i: number): void {
    const e = this.s.events[i];
    const c = e.node;
    const now = this.loop.ms;
    this.marks.push(now);
    if (e.type === 'crash') {
      if (!this.alive[c]) return;
      this.alive[c] = 0;
      this.epoch[c]++;
      this.rec.fault('crash', e.node, now, i);
      const held = this.batchLeft[c * 2] + this.batchLeft[c * 2 + 1];
      if (this.rec.canRemark) this.rec.remark(now, e.node, `c${c} crashes${held > 0 ? ` holding ${held} received message${held === 1 ? '' : 's'}: they stay invisible until their visibility timeout ends` : ''}`);
      this.batchLeft[c * 2] = 0;
      this.batchLeft[c * 2 + 1] = 0;
      this.rec.field(now, e.node, F.role, 'dead');
      this.rec.field(now, e.node, F.l1, 'q0 –');
      this.rec.field(now, e.node, F.l2, 'q1 –');
      this.rec.field(now, e.node, F.n, 0);
      return;
    }
    if (e.type === 'recover' || e.type === 'join') {
      if (this.alive[c]) return;
      if (e.type === 'recover') this.rec.fault('recover', e.node, now, i);
      if (this.rec.canRemark) this.rec.remark(now, e.node, `c${c} ${e.type === 'recover' ? 'restarts' : 'starts'} and polls both queues`);
      this.start(c, now);
      return;
    }
    this.slow[c] = e.factor;
    if (this.rec.canRemark) this.rec.remark(now, e.node, e.factor === 1 ? `c${c} runs at normal speed again` : `c${c} slows down: each message now takes ${fmtMs(this.s.processMs * e.factor)}, against a visibility timeout of ${fmtMs(this.s.visibilityMs)}`);
    if (this.alive[c]) this.rec.field(now, e.node, F.role, e.factor > 1 ? `slow ×${e.factor}` : 'consumer');
  }

  private sample(i: number): void {
    const now = this.loop.ms;
    for (const q of this.q) {
      q.series.visible[i] = q.visibleCount;
      q.series.inFlight[i] = q.inFlight;
      q.series.dlq[i] = q.dlq;
    }
    this.cardQueues(now, true);
    this.context.progress((i + 1) / SQS_SAMPLES);
  }

  // --- cards --------------------------------------------------------------------------------------

  private initialCards(): void {
    const [w0, q0, q1, d0, d1] = [0, 1, 2, 3, 4].map((k) => this.slots + k);
    this.rec.field(0, w0, F.role, 'producer');
    this.rec.field(0, w0, F.l1, 'sent 0');
    this.rec.field(0, w0, F.l2, `${this.s.keys} groups`);
    this.rec.field(0, d0, F.l1, 'from q0');
    this.rec.field(0, d1, F.l1, 'from q1');
    this.rec.field(0, q0, F.role, 'standard');
    this.rec.field(0, q1, F.role, 'FIFO');
    this.rec.field(0, d0, F.role, 'DLQ');
    this.rec.field(0, d1, F.role, 'DLQ');
    this.cardQueues(0, true);
    for (let c = 0; c < this.slots; c++) {
      const node = this.cNode(c);
      this.rec.field(0, node, F.role, 'spare');
      this.rec.field(0, node, F.l1, 'q0 –');
      this.rec.field(0, node, F.l2, 'q1 –');
      this.rec.field(0, node, F.n, 0);
    }
  }

  private cardQueues(now: number, always = false): void {
    if (!always && this.rec.isFieldsFull) return;
    for (const q of this.q) {
      this.rec.field(now, q.node, F.l1, `visible ${q.visibleCount}`);
      this.rec.field(now, q.node, F.l2, `in flight ${q.inFlight}`);
      this.rec.field(now, q.node, F.n, q.visibleCount + q.inFlight);
      this.rec.field(now, q.node + 2, F.l2, `${q.dlq} moved`);
      this.rec.field(now, q.node + 2, F.n, q.dlq);
    }
  }

  private cardConsumer(c: number, side: number, now: number): void {
    if (this.rec.isFieldsFull) return;
    const poller = c * 2 + side;
    const q = this.q[side];
    const left = this.batchLeft[poller];
    let text = '–';
    if (left > 0) {
      const first = this.batch[poller * 10];
      text = `m${q.app[first]} #${q.receives[first]}${left > 1 ? ` +${left - 1}` : ''}`;
    }
    this.rec.field(now, this.cNode(c), side === 0 ? F.l1 : F.l2, `q${side} ${text}`);
    this.rec.field(now, this.cNode(c), F.n, this.batchLeft[c * 2] + this.batchLeft[c * 2 + 1]);
  }

  // --- the end ------------------------------------------------------------------------------------

  private finish(): SqsRun {
    const sides = this.q.map((q) => this.sideOf(q)) as [QueueSide, QueueSide];
    const h = new TraceHasher();
    for (const q of this.q) {
      const x = sides[q.isFifo ? 1 : 0];
      h.number(x.sent).number(x.deduplicated).number(x.receives).number(x.emptyReceives).number(x.deletes).number(x.staleDeletes).number(x.redeliveries).number(x.outOfOrder).number(x.dlq);
      h.numbers(x.receiveHistogram).numbers(x.visibleSeries).numbers(x.inFlightSeries).numbers(x.dlqSeries);
      h.number(x.outputs.processings).number(x.outputs.distinct).number(x.outputs.idempotentRows);
    }
    h.numbers(this.done);
    return {
      outcome: { standard: sides[0], fifo: sides[1], sampleMs: this.sampleMs, samples: SQS_SAMPLES },
      checks: this.checks(sides),
      hash: h.hex(),
      stage: this.rec,
      names: this.names,
      marksMs: this.marks,
      events: this.loop.handled,
    };
  }

  private sideOf(q: Queue): QueueSide {
    return {
      ...q.side,
      dlq: q.dlq,
      leftVisible: q.visibleCount,
      leftInFlight: q.inFlight,
      visibleSeries: q.series.visible,
      inFlightSeries: q.series.inFlight,
      dlqSeries: q.series.dlq,
      outputs: q.out.summary(),
    };
  }

  private checks(sides: [QueueSide, QueueSide]): Check[] {
    const checks: Check[] = [];
    for (const q of this.q) {
      const name = q.isFifo ? 'FIFO' : 'standard';
      checks.push({
        id: `dlq-once-${name}`,
        name: `${name}: a message moves to the DLQ once, on the receive after its ${this.s.maxReceiveCount}th (maxReceiveCount), and is never received after`,
        ok: Number.isNaN(q.dlqBrokeMs),
        detail: Number.isNaN(q.dlqBrokeMs) ? `${q.dlq} moves checked` : q.dlqDetail,
        tMs: q.dlqBrokeMs,
      });
    }
    const fifo = this.q[1];
    checks.push({
      id: 'fifo-order',
      name: 'FIFO: within a message group, messages are delivered in the order sent',
      ok: Number.isNaN(fifo.fifoBrokeMs),
      detail: Number.isNaN(fifo.fifoBrokeMs) ? `${sides[1].receives.toLocaleString('en-US')} receives checked; standard: ${sides[0].outOfOrder.toLocaleString('en-US')} deliveries out of group order` : fifo.fifoDetail,
      tMs: fifo.fifoBrokeMs,
    });
    for (const q of this.q) {
      const o = q.out;
      const states = [0, 0, 0, 0];
      for (let id = 0; id < q.count; id++) states[q.state[id]]++;
      const counted = states[VISIBLE] === q.visibleCount && states[IN_FLIGHT] === q.inFlight && states[IN_DLQ] === q.dlq;
      checks.push({
        id: `idempotent-${q.isFifo ? 'fifo' : 'standard'}`,
        name: `${q.isFifo ? 'FIFO' : 'Standard'}: the idempotent output holds each message once; every enqueued message is visible, in flight, deleted or in the DLQ as counted`,
        ok: o.idempotentRows === o.distinct && Number.isNaN(o.idempotentTwiceMs) && counted,
        detail: `${o.idempotentRows.toLocaleString('en-US')} rows for ${o.distinct.toLocaleString('en-US')} distinct messages; ${q.count.toLocaleString('en-US')} enqueued: ${states[VISIBLE]} visible, ${states[IN_FLIGHT]} in flight, ${states[DELETED]} deleted, ${states[IN_DLQ]} in the DLQ`,
        tMs: o.idempotentTwiceMs,
      });
    }
    return checks;
  }
}
