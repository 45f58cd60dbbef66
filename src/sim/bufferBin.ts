/**
 * Spare working memory for the next run: the ArrayBuffers a run's large scratch columns used, kept by
 * byte length once the run is done, and handed to the next run that asks for one of that length.
 *
 * Why: on the machines we measure, a fresh 10^6-row column costs far more than the work done in it (the
 * operating system zero-fills each page on first touch: ~2.7 ms per MB in Node here, more in Chromium),
 * while a run of the same scenario shape needs columns of exactly the lengths the last one used. A what-if
 * resumed late in a maximum-scale partitioning run allocated ~50 MB of such columns.
 *
 * Rules that keep a program a pure function of its scenario:
 * - What `take` returns holds whatever its last user left: the taker writes every element it later reads
 *   (`zeroed` and `filled` do it for the common cases).
 * - Only working memory is given back: never a buffer that a result, a cached piece or a checkpoint holds
 *   (the next taker would overwrite it).
 */

export type TypedArrayConstructor<T> = {
  new (buffer: ArrayBuffer, byteOffset: number, length: number): T;
  new (length: number): T;
  readonly BYTES_PER_ELEMENT: number;
};

/** Most bytes a bin keeps between runs by default (beyond it, given buffers are let go). */
export const BUFFER_BIN_BYTES = 96 * 1024 * 1024;
/** Smaller buffers are not worth keeping by default: a fresh one costs little. */
export const BUFFER_BIN_MIN_BYTES = 64 * 1024;

export class BufferBin {
  /** Kept buffers in the order given, oldest first (their sizes beside them: a detached buffer reads 0). */
  private readonly spare: { buffer: ArrayBuffer; bytes: number }[] = [];
  private kept = 0;
  /** Buffers handed out from the bin, and fresh ones made, since it was made (for tests and benches). */
  reused = 0;
  made = 0;

  /** Keeps at most `maxBytes`, of buffers of at least `minBytes` each. */
  constructor(readonly maxBytes = BUFFER_BIN_BYTES, readonly minBytes = BUFFER_BIN_MIN_BYTES) {}

  /** Bytes the bin keeps now. */
  get bytes(): number {
    return this.kept;
  }

  /** A `length`-element array: the latest spare buffer of exactly its size (contents unspecified), else a new zeroed one. */
  take<T>(type: TypedArrayConstructor<T>, length: number): T {
    const bytes = length * type.BYTES_PER_ELEMENT;
    for (let i = bytes >= this.minBytes ? this.spare.length - 1 : -1; i >= 0; i--) {
      if (this.spare[i].bytes !== bytes) continue;
      const { buffer } = this.spare.splice(i, 1)[0];
      this.kept -= bytes;
      // A buffer moved to another thread since it was given is detached (length 0): skip it.
      if (buffer.byteLength !== bytes) continue;
      this.reused++;
      return new type(buffer, 0, length);
    }
    this.made++;
    return new type(length);
  }

  /**
   * Keeps the buffers behind `arrays` (whole buffers, not views on part of one); past the bound, the oldest
   * kept go first (a run of another shape leaves buffers no later run may ask for).
   */
  give(...arrays: readonly (ArrayBufferView | null | undefined)[]): void {
    for (const a of arrays) {
      if (!a) continue;
      const buffer = a.buffer;
      if (!(buffer instanceof ArrayBuffer) || a.byteOffset !== 0 || a.byteLength !== buffer.byteLength) continue;
      const bytes = buffer.byteLength;
      if (bytes < this.minBytes || bytes === 0 || bytes > this.maxBytes || this.holds(buffer)) continue;
      while (this.kept + bytes > this.maxBytes) this.kept -= this.spare.shift()!.bytes;
      this.spare.push({ buffer, bytes });
      this.kept += bytes;
    }
  }

  /** True when the bin keeps `buffer` (a result must never hold one). */
  holds(buffer: ArrayBufferLike): boolean {
    return this.spare.some((s) => s.buffer === buffer);
  }

  clear(): void {
    this.spare.length = 0;
    this.kept = 0;
  }
}

/** `bin.take(type, length)`, or a new array when there is no bin: contents unspecified, the taker writes before it reads. */
export function taken<T>(bin: BufferBin | undefined, type: TypedArrayConstructor<T>, length: number): T {
  return bin ? bin.take(type, length) : new type(length);
}

/** `bin.take(type, length)` with every element 0 (a new array when there is no bin). */
export function zeroed<T extends { fill(v: number): T }>(bin: BufferBin | undefined, type: TypedArrayConstructor<T>, length: number): T {
  if (!bin) return new type(length);
  const reusedBefore = bin.reused;
  const a = bin.take(type, length);
  return bin.reused > reusedBefore ? a.fill(0) : a;
}

/** `bin.take(type, length)` with every element `value`. */
export function filled<T extends { fill(v: number): T }>(bin: BufferBin | undefined, type: TypedArrayConstructor<T>, length: number, value: number): T {
  return taken(bin, type, length).fill(value);
}
