/**
 * The SQS scene's data structures (./sqs.ts runs them): a queue's messages as rows of typed columns (a
 * "copy" is one enqueued message), a deque of ids, and the line of visibility timeouts in receive order.
 */
import type { QueueSide } from '../result';
import { OutputPair } from './outputs';

/** Queue-depth samples per run. */
export const SQS_SAMPLES = 400;
export const VISIBLE = 0, IN_FLIGHT = 1, DELETED = 2, IN_DLQ = 3;

export class IntDeque {
  data = new Int32Array(64);
  head = 0;
  tail = 0;
  get size(): number { return this.tail - this.head; }
  push(v: number): void {
    if (this.tail === this.data.length) {
      const live = this.size;
      // Compact in place when at least half is spent, else double.
      const next = live * 2 <= this.data.length ? this.data : new Int32Array(this.data.length * 2);
      next.set(this.data.subarray(this.head, this.tail), 0);
      this.data = next;
      this.head = 0;
      this.tail = live;
    }
    this.data[this.tail++] = v;
  }
  shift(): number { return this.data[this.head++]; }
  at(i: number): number { return this.data[this.head + i]; }
  swapFront(i: number): void {
    const a = this.head, b = this.head + i;
    const t = this.data[a];
    this.data[a] = this.data[b];
    this.data[b] = t;
  }
}

/** (time ms, copy code, receipt serial) in time order: a ring of three columns that doubles when full. */
export class ExpiryLine {
  private ms = new Float64Array(1024);
  private code = new Int32Array(1024);
  private serial = new Int32Array(1024);
  private head = 0;
  size = 0;
  push(ms: number, code: number, serial: number): void {
    if (this.size === this.ms.length) {
      const n = this.size * 2;
      const order = (a: Float64Array | Int32Array, b: Float64Array | Int32Array) => {
        for (let i = 0; i < this.size; i++) b[i] = a[(this.head + i) % this.size];
      };
      const [m, c, s] = [new Float64Array(n), new Int32Array(n), new Int32Array(n)];
      order(this.ms, m);
      order(this.code, c);
      order(this.serial, s);
      [this.ms, this.code, this.serial, this.head] = [m, c, s, 0];
    }
    const i = (this.head + this.size++) % this.ms.length;
    this.ms[i] = ms;
    this.code[i] = code;
    this.serial[i] = serial;
  }
  headMs(): number {
    return this.ms[this.head];
  }
  shift(): [number, number] {
    const i = this.head;
    this.head = (this.head + 1) % this.ms.length;
    this.size--;
    return [this.code[i], this.serial[i]];
  }
}

/** One queue (standard or FIFO) with its DLQ. */
export class Queue {
  count = 0;
  app = new Int32Array(1024);
  state = new Uint8Array(1024);
  receives = new Uint16Array(1024);
  serial = new Int32Array(1024);
  /** The copy's place among its group's copies in this queue (enqueue order: what FIFO order means). */
  groupSeq = new Int32Array(1024);
  /** 1 once a standard queue's server served the copy again after its delete. */
  ghosted = new Uint8Array(1024);
  readonly groupSent: Int32Array;
  /** Standard: visible copies, oldest first (a pick swaps within the first SAMPLE_WINDOW). */
  readonly visible = new IntDeque();
  /** FIFO: copies of each group in order, the group's in-flight count, and groups ready to give a message. */
  readonly groups: IntDeque[] = [];
  readonly groupInFlight: Int32Array;
  readonly isReady: Uint8Array;
  readonly ready = new IntDeque();
  /** FIFO dedup: when each message id was last enqueued (NaN: never). */
  readonly lastSendMs: Float64Array;
  visibleCount = 0;
  inFlight = 0;
  dlq = 0;
  readonly side: Omit<QueueSide, 'visibleSeries' | 'inFlightSeries' | 'dlqSeries' | 'outputs' | 'leftVisible' | 'leftInFlight' | 'dlq'>;
  readonly out: OutputPair;
  /** Per message id: received at least once (duplicate deliveries are receives of a message seen before). */
  readonly seen: Uint8Array;
  /** Per group: the highest in-group sequence delivered so far (out-of-order deliveries come below it). */
  readonly maxSeq: Int32Array;
  readonly series: { visible: Float32Array; inFlight: Float32Array; dlq: Float32Array };
  dlqBrokeMs = Number.NaN;
  dlqDetail = '';
  fifoBrokeMs = Number.NaN;
  fifoDetail = '';

  constructor(readonly isFifo: boolean, messages: number, keys: number, readonly node: number) {
    this.groupSent = new Int32Array(keys);
    this.groupInFlight = new Int32Array(isFifo ? keys : 0);
    this.isReady = new Uint8Array(isFifo ? keys : 0);
    if (isFifo) for (let g = 0; g < keys; g++) this.groups.push(new IntDeque());
    this.lastSendMs = new Float64Array(isFifo ? messages : 0).fill(Number.NaN);
    this.side = { sent: 0, deduplicated: 0, receives: 0, emptyReceives: 0, deletes: 0, staleDeletes: 0, redeliveries: 0, outOfOrder: 0, receiveHistogram: new Array<number>(11).fill(0) };
    this.out = new OutputPair(messages);
    this.seen = new Uint8Array(messages);
    this.maxSeq = new Int32Array(keys).fill(-1);
    this.series = { visible: new Float32Array(SQS_SAMPLES), inFlight: new Float32Array(SQS_SAMPLES), dlq: new Float32Array(SQS_SAMPLES) };
  }

  newCopy(m: number, group: number): number {
    if (this.count === this.app.length) {
      const n = this.count * 2;
      const g = <A extends Int32Array | Uint8Array | Uint16Array>(a: A, make: (k: number) => A) => { const b = make(n); b.set(a); return b; };
      this.app = g(this.app, (k) => new Int32Array(k));
      this.state = g(this.state, (k) => new Uint8Array(k));
      this.receives = g(this.receives, (k) => new Uint16Array(k));
      this.serial = g(this.serial, (k) => new Int32Array(k));
      this.groupSeq = g(this.groupSeq, (k) => new Int32Array(k));
      this.ghosted = g(this.ghosted, (k) => new Uint8Array(k));
    }
    const id = this.count++;
    this.app[id] = m;
    this.state[id] = VISIBLE;
    this.groupSeq[id] = this.groupSent[group]++;
    return id;
  }
}

