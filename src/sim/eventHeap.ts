/**
 * A binary min-heap ordered by (time, sequence), stored as a struct of typed arrays (times, sequence
 * numbers, payload indices) instead of an array of objects. The event queue (./eventQueue.ts) keeps here
 * the events its bucket window cannot hold; the caller assigns sequence numbers.
 *
 * Why typed columns: a heap of objects costs an allocation per event and a pointer chase per comparison;
 * the columns keep the hot loop in flat memory (see shared/notes/performance.md, Event engine: ~8.6 M vs
 * ~5.3 M ops/s at 1,000 pending, 4.4 M vs 1.4 M at 10^5).
 *
 * Why a sequence number: two events at the same tick must come out in the order they were scheduled, on
 * every engine, so ties never depend on heap layout. The sequence is a per-queue counter, stored as a
 * float64 (exact up to 2^53, so it cannot wrap within any run the limits allow).
 *
 * Times are integer ticks (see ./ticks.ts) held in a Float64Array: exact up to 2^53 ticks.
 */
import { columnLayout } from './columns';

/** Initial capacity (events); the columns double when full. */
const CAPACITY_INITIAL = 128;

/** An EventHeap's pending events, in heap order. */
export interface EventHeapState {
  readonly times: Float64Array;
  readonly seqs: Float64Array;
  readonly payloads: Int32Array;
}

export class EventHeap {
  private times: Float64Array;
  private seqs: Float64Array;
  private payloads: Int32Array;
  private count = 0;

  constructor(capacity = CAPACITY_INITIAL) {
    if (!(Number.isInteger(capacity) && capacity >= 1)) throw new Error(`invalid capacity: ${capacity}`);
    ({ times: this.times, seqs: this.seqs, payloads: this.payloads } = heapColumns(capacity));
  }

  /** Pending events. */
  get size(): number {
    return this.count;
  }

  /** Time of the earliest event; Infinity when empty. */
  peekTime(): number {
    return this.count === 0 ? Infinity : this.times[0];
  }

  /** Payload of the earliest event; -1 when empty. */
  peekPayload(): number {
    return this.count === 0 ? -1 : this.payloads[0];
  }

  /** Sequence number of the earliest event; Infinity when empty. */
  peekSeq(): number {
    return this.count === 0 ? Infinity : this.seqs[0];
  }

  /** Adds `payload` (an int32 index the caller owns) at (time, seq). */
  push(time: number, seq: number, payload: number): void {
    if (this.count === this.times.length) this.grow();
    this.siftUp(this.count++, time, seq, payload);
  }

  /** Removes the earliest event and returns its payload (read `peekTime()` first for its time); -1 when empty. */
  pop(): number {
    if (this.count === 0) return -1;
    const times = this.times;
    const seqs = this.seqs;
    const payloads = this.payloads;
    const top = payloads[0];
    const n = --this.count;
    if (n === 0) return top;
    // Bottom-up deletion (Floyd): walk the hole from the root down to a leaf, always promoting the smaller
    // child (one comparison per level instead of two), then sift the last element up from that leaf. The
    // last element is usually among the largest, so it rarely climbs: ~log n + O(1) comparisons in all,
    // the queue's hottest loop (a quarter of the engine's time before this).
    const time = times[n];
    const seq = seqs[n];
    const payload = payloads[n];
    let i = 0;
    let child = 1;
    while (child < n) {
      const right = child + 1;
      if (right < n) {
        const ct = times[child];
        const rt = times[right];
        if (rt < ct || (rt === ct && seqs[right] < seqs[child])) child = right;
      }
      times[i] = times[child];
      seqs[i] = seqs[child];
      payloads[i] = payloads[child];
      i = child;
      child = 2 * i + 1;
    }
    this.siftUp(i, time, seq, payload);
    return top;
  }

  /** Sift up with a hole from slot i: move parents down until the key's place is found, then write once. */
  private siftUp(i: number, time: number, seq: number, payload: number): void {
    const times = this.times;
    const seqs = this.seqs;
    const payloads = this.payloads;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent];
      if (pt < time || (pt === time && seqs[parent] < seq)) break;
      times[i] = pt;
      seqs[i] = seqs[parent];
      payloads[i] = payloads[parent];
      i = parent;
    }
    times[i] = time;
    seqs[i] = seq;
    payloads[i] = payload;
  }

  /** Drops every pending event. */
  clear(): void {
    this.count = 0;
  }

  /** Copies of the pending events (a checkpoint: `restore` of it gives back this heap). */
  snapshot(): EventHeapState {
    const n = this.count;
    return { times: this.times.slice(0, n), seqs: this.seqs.slice(0, n), payloads: this.payloads.slice(0, n) };
  }

  /** Replaces the pending events with a `snapshot()`'s (copied: the state stays the caller's). */
  restore(state: EventHeapState): void {
    const n = state.times.length;
    let capacity = this.times.length;
    while (capacity < n) capacity *= 2;
    ({ times: this.times, seqs: this.seqs, payloads: this.payloads } = heapColumns(capacity));
    this.times.set(state.times);
    this.seqs.set(state.seqs);
    this.payloads.set(state.payloads);
    this.count = n;
  }

  private grow(): void {
    const capacity = this.times.length * 2;
    const { times, seqs, payloads } = heapColumns(capacity);
    times.set(this.times);
    seqs.set(this.seqs);
    payloads.set(this.payloads);
    this.times = times;
    this.seqs = seqs;
    this.payloads = payloads;
  }
}

/** The heap's columns (time, sequence, payload), in one buffer (./columns.ts). */
const heapColumns = columnLayout({ times: 'f64', seqs: 'f64', payloads: 'i32' });
