/**
 * The run's trace as typed columns (time, kind, from, to, payload), grown in chunks, hashed as it is
 * written. One object per entry would retain ~94 bytes per event and slow the loop ~6x (performance.md);
 * columns cost 21 bytes per entry and move to the main thread as Transferables.
 *
 * The hash covers every entry in order, so two runs agree on it exactly when their traces agree. Kinds
 * and column meanings are listed in ./traceKind.ts.
 */
import { TraceHasher, type TraceHasherState } from '../core/hash/traceHasher';
import { columnLayout } from './columns';

/**
 * Entries per chunk, at most (2^16, ~1.4 MB of columns). The trace grows by whole chunks instead of doubling
 * and copying: at 10^6 events doubling spent more time zeroing and copying memory than the run itself. The
 * first chunk is small and each next one twice the last up to CHUNK, so a short run (an election trial of a
 * few hundred events) does not allocate and zero 1.4 MB: that was a quarter of such a trial's time.
 */
const CHUNK = 65536;
const CHUNK_FIRST = 256;

/** The trace handed to the worker's caller: trimmed columns plus the hash. */
export interface TraceColumns {
  length: number;
  /** Simulated time of each entry, in ticks. */
  time: Float64Array;
  /** TraceKind code of each entry. */
  kind: Uint8Array;
  from: Int32Array;
  to: Int32Array;
  payload: Int32Array;
  /** TraceHasher hex of the whole trace. */
  hash: string;
}

interface Chunk {
  time: Float64Array;
  kind: Uint8Array;
  from: Int32Array;
  to: Int32Array;
  payload: Int32Array;
}

/** A chunk of the trace: its five columns in one buffer (./columns.ts). */
const chunk: (size: number) => Chunk = columnLayout({ time: 'f64', kind: 'u8', from: 'i32', to: 'i32', payload: 'i32' });

/** Columns of their own, each in its own buffer: what `columns()` hands out, moved column by column. */
function separateColumns(size: number): Chunk {
  return {
    time: new Float64Array(size),
    kind: new Uint8Array(size),
    from: new Int32Array(size),
    to: new Int32Array(size),
    payload: new Int32Array(size),
  };
}

export class Trace {
  /** Entries recorded. */
  length = 0;
  /** Set when `record` was refused because the cap was reached. */
  isFull = false;
  readonly cap: number;
  private readonly chunks: Chunk[] = [];
  // The current chunk's columns as direct fields: `record` is on the engine's hot path twice per event,
  // and a field load is cheaper than going through a chunk object for each column.
  private time: Float64Array;
  private kind: Uint8Array;
  private from: Int32Array;
  private to: Int32Array;
  private payload: Int32Array;
  /** Entries used in the current chunk, and its size. */
  private fill = 0;
  private room: number;
  /** Time of the last entry (NaN before the first, so the first entry always hashes its time). */
  private timeLast = NaN;
  private hasher = new TraceHasher();

  /** `cap`: most entries kept (integer >= 1); the engine stops its run when the trace is full. */
  constructor(cap: number) {
    if (!(Number.isInteger(cap) && cap >= 1)) throw new Error(`invalid trace cap: ${cap}`);
    this.cap = cap;
    const first = chunk(Math.min(cap, CHUNK_FIRST));
    this.chunks.push(first);
    this.time = first.time;
    this.kind = first.kind;
    this.from = first.from;
    this.to = first.to;
    this.payload = first.payload;
    this.room = first.time.length;
  }

  /**
   * Appends one entry and hashes it as stored (kind as uint8, the others as int32, so the hash always
   * describes the columns); refuses (returns false, sets isFull) once `cap` entries are kept.
   *
   * Hashing is a fifth of the engine's time, so an entry goes in as few words as stay unambiguous:
   *   packed word   bit 31 clear; bit 30 set when the time equals the previous entry's; kind in bits 22..29,
   *                 to + 1 in 11..21, from + 1 in 0..10 (from and to in -1..2046: every node id)
   *   time          only when bit 30 is clear (an event's entries share its time: a deliver and the sends
   *                 it causes cost one time word, not three)
   *   payload
   * Anything else (a protocol note's large code) goes in as a word with bit 31 set and the kind, then time,
   * from, to and payload: the flags keep the forms from ever colliding.
   */
  record(time: number, kind: number, from: number, to: number, payload: number): boolean {
    let i = this.fill;
    if (i === this.room) {
      if (!this.nextChunk()) return false;
      i = 0;
    }
    this.fill = i + 1;
    this.time[i] = time;
    this.kind[i] = kind;
    this.from[i] = from;
    this.to[i] = to;
    this.payload[i] = payload;
    this.length++;
    const f = (from | 0) + 1;
    const t = (to | 0) + 1;
    const h = this.hasher;
    // Every word below but `time` is an int32 already: int32() adds it as number() would.
    if (f >>> 11 === 0 && t >>> 11 === 0) {
      if (time === this.timeLast) h.int32(0x40000000 | ((kind & 0xff) << 22) | (t << 11) | f);
      else h.int32(((kind & 0xff) << 22) | (t << 11) | f).number(time);
      h.int32(payload | 0);
    } else {
      h.int32((0x80000000 | (kind & 0xff)) | 0).number(time).int32(from | 0).int32(to | 0).int32(payload | 0);
    }
    this.timeLast = time;
    return true;
  }

  /** Hex hash of the entries so far (16 digits; the same in Node and Chromium). */
  hash(): string {
    return this.hasher.hex();
  }

  /** Copies of the entries into one array per column (the run can go on; the copies are the caller's). */
  columns(): TraceColumns {
    const n = this.length;
    const out: TraceColumns = { length: n, ...separateColumns(n), hash: this.hash() };
    let at = 0;
    for (const c of this.chunks) {
      const used = Math.min(c.time.length, n - at);
      out.time.set(c.time.subarray(0, used), at);
      out.kind.set(c.kind.subarray(0, used), at);
      out.from.set(c.from.subarray(0, used), at);
      out.to.set(c.to.subarray(0, used), at);
      out.payload.set(c.payload.subarray(0, used), at);
      at += used;
    }
    return out;
  }

  /** The trace so far, copied (a checkpoint): `restore` of it continues the same entries and hash. */
  snapshot(): TraceState {
    return { columns: this.columns(), hasher: this.hasher.snapshot(), timeLast: this.timeLast, isFull: this.isFull };
  }

  /** Becomes the trace a `snapshot()` was taken of; only an empty trace with the same cap can. */
  restore(state: TraceState): void {
    if (this.length !== 0) throw new Error('only an empty trace can be restored');
    const c = state.columns;
    if (c.length > this.cap) throw new Error(`the trace holds ${c.length} entries, over this trace's cap of ${this.cap}`);
    for (let at = 0; at < c.length; ) {
      if (this.fill === this.room && !this.nextChunk()) break;
      const n = Math.min(this.room - this.fill, c.length - at);
      this.time.set(c.time.subarray(at, at + n), this.fill);
      this.kind.set(c.kind.subarray(at, at + n), this.fill);
      this.from.set(c.from.subarray(at, at + n), this.fill);
      this.to.set(c.to.subarray(at, at + n), this.fill);
      this.payload.set(c.payload.subarray(at, at + n), this.fill);
      this.fill += n;
      this.length += n;
      at += n;
    }
    this.hasher = TraceHasher.resume(state.hasher);
    this.timeLast = state.timeLast;
    this.isFull = state.isFull;
  }

  private nextChunk(): boolean {
    const size = Math.min(CHUNK, 2 * this.room, this.cap - this.length);
    if (size <= 0) {
      this.isFull = true;
      return false;
    }
    const next = chunk(size);
    this.chunks.push(next);
    this.time = next.time;
    this.kind = next.kind;
    this.from = next.from;
    this.to = next.to;
    this.payload = next.payload;
    this.room = size;
    this.fill = 0;
    return true;
  }
}

/** A trace so far (a checkpoint of a run): its entries, its hash state and the last entry's time. */
export interface TraceState {
  readonly columns: TraceColumns;
  readonly hasher: TraceHasherState;
  readonly timeLast: number;
  readonly isFull: boolean;
}

/** The buffers of `columns` to list as Transferables in postMessage / comlink.transfer (moved, not copied). */
export function traceTransferables(columns: TraceColumns): ArrayBuffer[] {
  return [columns.time, columns.kind, columns.from, columns.to, columns.payload].map((c) => c.buffer as ArrayBuffer);
}
