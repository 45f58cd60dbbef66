/**
 * The engine's event queue, ordered by (time, insertion sequence): a calendar of 4,096 one-tick buckets (by
 * default: see the constructor) for the events due within 4,096 ticks of the latest pop, and a binary heap (./eventHeap.ts) for the rest.
 *
 * Why a sequence number: two events at the same tick must come out in the order they were scheduled, on
 * every engine, so ties never depend on layout. The sequence is a per-queue counter (float64, exact up to
 * 2^53: it cannot wrap within any run the limits allow).
 *
 * Why buckets: most events of a simulation are due soon (a message's latency, a timer), and a binary heap
 * pays ~log2(pending) unpredictable comparisons per pop and push; it was the engine's largest cost. A
 * bucket holds one tick's events in push order, which is sequence order, so it is a FIFO list:
 *
 *   base = 1000 (latest pop)     window [1000, 5096)           heap: events at >= the window's end
 *   bucket 1000 & 4095: [e7, e9]  bucket 1003 & 4095: [e8]       when they were pushed (or earlier
 *                                                                 than base: never from the engine)
 *
 * A bucket can only ever hold one time: an event enters one while its time t is in the window, and every
 * pending time is >= base, so a later event mapping to the same bucket (t + 4096) is past the window's
 * end and goes to the heap. Heap events are never moved into buckets (that could put a smaller sequence
 * behind a larger one in a FIFO); instead a pop takes the smaller (time, seq) of the first non-empty
 * bucket and the heap's top. The result is exactly the (time, seq) order of a single heap.
 *
 * Finding the first non-empty bucket: a bitmap of non-empty buckets (128 words) and a summary of non-empty
 * words (4 words), scanned cyclically from base's bucket.
 *
 * Times are integer ticks (see ./ticks.ts), exact up to 2^53; a time that is not an integer goes to the heap.
 */
import { columnLayout } from './columns';
import { EventHeap, type EventHeapState } from './eventHeap';

/** The calendar's width by default: 4,096 one-tick buckets (64 KB of columns). */
export const WINDOW_BITS = 12;
/** Widths a queue may take: a narrow one (1,024 buckets, 16 KB) for short runs, up to 65,536 buckets. */
export const WINDOW_BITS_MIN = 10;
export const WINDOW_BITS_MAX = 16;

/** Initial capacity of the bucket entries; the columns double when full. */
const CAPACITY_INITIAL = 128;

/** Everything an EventQueue holds (a checkpoint of a run): see `snapshot` and `restore`. */
export interface EventQueueState {
  readonly heap: EventHeapState;
  readonly seqNext: number;
  readonly base: number;
  readonly inBuckets: number;
  readonly head: Int32Array;
  readonly tail: Int32Array;
  readonly bucketTime: Float64Array;
  readonly bits: Int32Array;
  readonly summary: Int32Array;
  readonly seqs: Float64Array;
  readonly payloads: Int32Array;
  readonly next: Int32Array;
  readonly freeHead: number;
  readonly found: number;
}

export class EventQueue {
  private readonly heap: EventHeap;
  private seqNext = 0;
  /** Buckets in the calendar (2^windowBits), and that minus one (the bucket of a time is time & mask). */
  private readonly window: number;
  private readonly mask: number;
  /** Time of the latest pop (or of the window's start before any): the window is [base, base + window). */
  private base = 0;
  /** Events in buckets. */
  private inBuckets = 0;
  // Bucket lists: first and last entry per bucket, the bucket's time; read only while the bucket's bit says
  // it is non-empty (so a new queue or a clear leaves them as they are: nothing to fill).
  private readonly head: Int32Array;
  private readonly tail: Int32Array;
  private readonly bucketTime: Float64Array;
  private readonly bits: Int32Array;
  private readonly summary: Int32Array;
  // Entries: sequence number, payload, next entry in the same bucket; a free list of unused entries.
  private seqs: Float64Array;
  private payloads: Int32Array;
  private next: Int32Array;
  private freeHead = -1;
  private used = 0;
  /** The bucket holding the earliest bucketed event, or -1 when it must be searched again. */
  private found = -1;

  /**
   * `windowBits`: the calendar holds 2^windowBits one-tick buckets (WINDOW_BITS_MIN..WINDOW_BITS_MAX). Any
   * width pops the same order; a narrower one allocates less (what a run of a few hundred events, built by
   * the thousand in an experiment, wants), a wider one keeps more of a long run's events out of the heap.
   */
  constructor(capacity = CAPACITY_INITIAL, windowBits = WINDOW_BITS) {
    if (!(Number.isInteger(capacity) && capacity >= 1)) throw new Error(`invalid capacity: ${capacity}`);
    if (!(Number.isInteger(windowBits) && windowBits >= WINDOW_BITS_MIN && windowBits <= WINDOW_BITS_MAX)) {
      throw new Error(`invalid event window: 2^${windowBits} buckets (must be 2^${WINDOW_BITS_MIN}..2^${WINDOW_BITS_MAX})`);
    }
    this.window = 1 << windowBits;
    this.mask = this.window - 1;
    const calendar = calendarColumns(this.window);
    this.head = calendar.head;
    this.tail = calendar.tail;
    this.bucketTime = calendar.bucketTime;
    const words = new Int32Array((this.window >> 5) + (this.window >> 10));
    this.bits = words.subarray(0, this.window >> 5);
    this.summary = words.subarray(this.window >> 5);
    this.heap = new EventHeap(capacity);
    const entries = entryColumns(capacity);
    this.seqs = entries.seqs;
    this.payloads = entries.payloads;
    this.next = entries.next;
  }

  /** Pending events. */
  get size(): number {
    return this.inBuckets + this.heap.size;
  }

  /** Events ever pushed (the next sequence number). */
  get pushed(): number {
    return this.seqNext;
  }

  /** Time of the earliest event; Infinity when empty. */
  peekTime(): number {
    const b = this.firstBucket();
    const heapTime = this.heap.peekTime();
    if (b < 0) return heapTime;
    const t = this.bucketTime[b];
    return heapTime < t ? heapTime : t;
  }

  /** Payload of the earliest event; -1 when empty. */
  peekPayload(): number {
    const b = this.firstBucket();
    if (b < 0 || this.heapFirst(b)) return this.heap.peekPayload();
    return this.payloads[this.head[b]];
  }

  /** Schedules `payload` (an int32 index the caller owns) at `time`; returns its sequence number. */
  push(time: number, payload: number): number {
    const seq = this.seqNext++;
    const offset = time - this.base;
    if (!(offset >= 0 && offset < this.window && Math.floor(time) === time)) {
      this.heap.push(time, seq, payload);
      return seq;
    }
    let e = this.freeHead;
    if (e >= 0) this.freeHead = this.next[e];
    else {
      if (this.used === this.seqs.length) this.grow();
      e = this.used++;
    }
    this.seqs[e] = seq;
    this.payloads[e] = payload;
    this.next[e] = -1;
    const b = time & this.mask; // ToInt32 keeps the low bits of any integer below 2^53
    if ((this.bits[b >> 5] & (1 << (b & 31))) === 0) {
      this.head[b] = e;
      this.bucketTime[b] = time;
      this.bits[b >> 5] |= 1 << (b & 31);
      this.summary[b >> 10] |= 1 << ((b >> 5) & 31);
      // A new earliest bucket? Only if it comes before the one found (cyclically from base).
      if (this.found >= 0 && time < this.bucketTime[this.found]) this.found = b;
    } else {
      this.next[this.tail[b]] = e;
    }
    this.tail[b] = e;
    this.inBuckets++;
    return seq;
  }

  /** Removes the earliest event and returns its payload (read `peekTime()` first for its time); -1 when empty. */
  pop(): number {
    const b = this.firstBucket();
    if (b < 0 || this.heapFirst(b)) {
      if (this.heap.size === 0) return -1;
      const t = this.heap.peekTime();
      if (t > this.base) this.base = t; // every pending time is >= t: the window may start there
      return this.heap.pop();
    }
    const e = this.head[b];
    const payload = this.payloads[e];
    this.base = this.bucketTime[b];
    const after = this.next[e];
    this.head[b] = after;
    if (after < 0) {
      this.bits[b >> 5] &= ~(1 << (b & 31));
      if (this.bits[b >> 5] === 0) this.summary[b >> 10] &= ~(1 << ((b >> 5) & 31));
      this.found = -1;
    }
    this.next[e] = this.freeHead;
    this.freeHead = e;
    this.inBuckets--;
    return payload;
  }

  /** Drops every pending event (the sequence keeps counting, so order stays stable across clears). */
  clear(): void {
    this.heap.clear();
    this.bits.fill(0);
    this.summary.fill(0);
    this.inBuckets = 0;
    this.freeHead = -1;
    this.used = 0;
    this.found = -1;
  }

  /**
   * Copies of everything the queue holds (sequence counter and layout included), so that a queue restored
   * from it pops the same events in the same order, and numbers new ones the same, as this one would.
   */
  snapshot(): EventQueueState {
    const used = this.used;
    return {
      heap: this.heap.snapshot(),
      seqNext: this.seqNext,
      base: this.base,
      inBuckets: this.inBuckets,
      head: this.head.slice(),
      tail: this.tail.slice(),
      bucketTime: this.bucketTime.slice(),
      bits: this.bits.slice(),
      summary: this.summary.slice(),
      seqs: this.seqs.slice(0, used),
      payloads: this.payloads.slice(0, used),
      next: this.next.slice(0, used),
      freeHead: this.freeHead,
      found: this.found,
    };
  }

  /** Becomes the queue a `snapshot()` was taken of (the state is copied: it stays the caller's). */
  restore(state: EventQueueState): void {
    if (state.head.length !== this.window) throw new Error(`a checkpoint of a queue of ${state.head.length} buckets cannot restore one of ${this.window}`);
    this.heap.restore(state.heap);
    this.seqNext = state.seqNext;
    this.base = state.base;
    this.inBuckets = state.inBuckets;
    this.head.set(state.head);
    this.tail.set(state.tail);
    this.bucketTime.set(state.bucketTime);
    this.bits.set(state.bits);
    this.summary.set(state.summary);
    const used = state.seqs.length;
    let capacity = this.seqs.length;
    while (capacity < used) capacity *= 2;
    const entries = entryColumns(capacity);
    this.seqs = entries.seqs;
    this.payloads = entries.payloads;
    this.next = entries.next;
    this.seqs.set(state.seqs);
    this.payloads.set(state.payloads);
    this.next.set(state.next);
    this.used = used;
    this.freeHead = state.freeHead;
    this.found = state.found;
  }

  /** True when the heap's top comes before bucket b's first event in (time, seq) order. */
  private heapFirst(b: number): boolean {
    const heapTime = this.heap.peekTime();
    const t = this.bucketTime[b];
    return heapTime < t || (heapTime === t && this.heap.peekSeq() < this.seqs[this.head[b]]);
  }

  /** The bucket of the earliest bucketed event (-1 when none): the first non-empty one from base's bucket. */
  private firstBucket(): number {
    if (this.inBuckets === 0) return -1;
    if (this.found >= 0) return this.found;
    const start = this.base & this.mask;
    let b = this.scan(start, this.window);
    if (b < 0) b = this.scan(0, start);
    this.found = b;
    return b;
  }

  /** First non-empty bucket in [from, to), or -1. */
  private scan(from: number, to: number): number {
    if (from >= to) return -1;
    const bits = this.bits;
    const wordLast = (to - 1) >> 5;
    let w = from >> 5;
    let word = bits[w] & (-1 << (from & 31));
    while (word === 0) {
      w++;
      if (w > wordLast) return -1;
      // Jump to the next non-empty word through the summary (bit w & 31 of summary[w >> 5]).
      const s = w >> 5;
      const rest = this.summary[s] & (-1 << (w & 31));
      if (rest === 0) {
        w = ((s + 1) << 5) - 1;
        continue;
      }
      w = (s << 5) + 31 - Math.clz32(rest & -rest);
      if (w > wordLast) return -1;
      word = bits[w];
    }
    const b = (w << 5) + 31 - Math.clz32(word & -word);
    return b < to ? b : -1;
  }

  private grow(): void {
    const capacity = this.seqs.length * 2;
    const { seqs, payloads, next } = entryColumns(capacity);
    seqs.set(this.seqs);
    payloads.set(this.payloads);
    next.set(this.next);
    this.seqs = seqs;
    this.payloads = payloads;
    this.next = next;
  }
}

/** The entries' columns (sequence, payload, next in bucket), in one buffer. */
const entryColumns = columnLayout({ seqs: 'f64', payloads: 'i32', next: 'i32' });

/** The calendar's columns (bucket time, first and last entry), in one buffer. */
const calendarColumns = columnLayout({ bucketTime: 'f64', head: 'i32', tail: 'i32' });
