/**
 * A counting Bloom filter (Fan et al., "Summary Cache"): m counters of `width` bits packed in a
 * Uint32Array (4 bits by default: 8 counters per word, half a byte per counter). add increments its k
 * counters, has asks that all k are above 0, remove decrements them: deletion that a bit array cannot do.
 *
 * Overflow: a counter saturates at 2^width - 1 and never wraps (a wrap to 0 would be a false negative at
 * once). A saturated counter has lost count, so remove never decrements it: it stays set for good, which
 * costs only false positives. With 4 bits and the optimal k the chance of any overflow is about
 * 1.37e-15 x m (Fan et al.); with 1 or 2 bits it is common, and `overflows` and `stuck` count it.
 *
 * remove refuses a key with a zero counter (it was certainly never inserted). Removing a key that was
 * never inserted but passes `has` (a false positive) decrements other keys' counters: false negatives.
 */
import { hashPair } from './hashPair';
import { checkFilterShape, probePositions, reduce } from './probes';

export type CounterWidth = 1 | 2 | 4 | 8 | 16;

const WIDTHS: readonly number[] = [1, 2, 4, 8, 16];

export class CountingBloomFilter {
  readonly m: number;
  readonly k: number;
  readonly width: CounterWidth;
  /** The saturation value, 2^width - 1. */
  readonly max: number;
  readonly words: Uint32Array;
  /** Increments lost because their counter was saturated. */
  overflows = 0;
  /** Decrements skipped because their counter was saturated (counts that stay set for good). */
  stuck = 0;
  private readonly slotShift: number;
  private readonly widthShift: number;
  private readonly pair = new Int32Array(2);
  private readonly scratch: Uint32Array;

  constructor(m: number, k: number, width: CounterWidth = 4) {
    checkFilterShape(m, k);
    if (!WIDTHS.includes(width)) throw new Error(`invalid width: ${width}`);
    this.m = m;
    this.k = k;
    this.width = width;
    this.max = width === 16 ? 0xffff : (1 << width) - 1;
    this.widthShift = WIDTHS.indexOf(width);
    this.slotShift = 5 - this.widthShift;
    this.words = new Uint32Array(Math.ceil((m * width) / 32));
    this.scratch = new Uint32Array(k);
  }

  /** Counter `i`'s value. */
  counter(i: number): number {
    const off = (i & ((1 << this.slotShift) - 1)) << this.widthShift;
    return (this.words[i >>> this.slotShift] >>> off) & this.max;
  }

  add(key: string): void {
    const pair = this.pair;
    hashPair(key, pair);
    const m = this.m;
    const k = this.k;
    const { words, slotShift, widthShift, max } = this;
    const slotMask = (1 << slotShift) - 1;
    let x = reduce(pair[0], m) | 0; // int32 from here on: no double conversions in the loop
    let y = reduce(pair[1], m) | 0;
    for (let i = 1; i <= k; i++) {
      const word = x >>> slotShift;
      const off = (x & slotMask) << widthShift;
      if (((words[word] >>> off) & max) === max) this.overflows++;
      else words[word] += (1 << off) >>> 0;
      const t = x - m + y; // branch-free (x + y) mod m: a mispredicted branch here stalls the memory probes
      x = t + (m & (t >> 31));
      y += i;
      if (y >= m) y %= m;
    }
  }

  /** False: not in the filter. True: inserted and not removed, or a false positive. */
  has(key: string): boolean {
    const pair = this.pair;
    hashPair(key, pair);
    const m = this.m;
    const k = this.k;
    const { words, slotShift, widthShift, max } = this;
    const slotMask = (1 << slotShift) - 1;
    let x = reduce(pair[0], m) | 0; // int32 from here on: no double conversions in the loop
    let y = reduce(pair[1], m) | 0;
    for (let i = 1; i <= k; i++) {
      const off = (x & slotMask) << widthShift;
      if (((words[x >>> slotShift] >>> off) & max) === 0) return false;
      const t = x - m + y; // branch-free (x + y) mod m: a mispredicted branch here stalls the memory probes
      x = t + (m & (t >> 31));
      y += i;
      if (y >= m) y %= m;
    }
    return true;
  }

  /**
   * Decrements `key`'s k counters, skipping saturated ones. Returns false (and changes nothing) when a
   * counter is 0: the key is not in the filter. A key's repeated position is decremented as often as it
   * was incremented.
   */
  remove(key: string): boolean {
    if (!this.has(key)) return false;
    const positions = probePositions(key, this.m, this.k, this.pair, this.scratch);
    for (let i = 0; i < this.k; i++) {
      const x = positions[i];
      const word = x >>> this.slotShift;
      const off = (x & ((1 << this.slotShift) - 1)) << this.widthShift;
      if (((this.words[word] >>> off) & this.max) === this.max) this.stuck++;
      else this.words[word] -= (1 << off) >>> 0;
    }
    return true;
  }

  /** The k counter positions of `key`, in probe order. */
  positions(key: string, out = new Uint32Array(this.k)): Uint32Array {
    return probePositions(key, this.m, this.k, this.pair, out);
  }

  /** Counters above zero. */
  nonZero(): number {
    let n = 0;
    for (let i = 0; i < this.m; i++) if (this.counter(i) > 0) n++;
    return n;
  }

  /**
   * For drawing a large array aggregated: per bin (bin b covers counters [floor(b m / bins),
   * floor((b + 1) m / bins))), the counters above zero, and separately the largest counter.
   */
  bins(bins: number): { nonZero: Uint32Array; max: Uint8Array | Uint16Array } {
    if (!(Number.isInteger(bins) && bins >= 1 && bins <= this.m)) throw new Error(`invalid bins: ${bins}`);
    const nonZero = new Uint32Array(bins);
    const max = this.width === 16 ? new Uint16Array(bins) : new Uint8Array(bins);
    for (let b = 0; b < bins; b++) {
      const to = Math.floor(((b + 1) * this.m) / bins);
      for (let i = Math.floor((b * this.m) / bins); i < to; i++) {
        const c = this.counter(i);
        if (c > 0) nonZero[b]++;
        if (c > max[b]) max[b] = c;
      }
    }
    return { nonZero, max };
  }

  /** Counters at saturation. */
  saturated(): number {
    let n = 0;
    for (let i = 0; i < this.m; i++) if (this.counter(i) === this.max) n++;
    return n;
  }

  /** True when every counter is 0. */
  isEmpty(): boolean {
    for (const w of this.words) if (w !== 0) return false;
    return true;
  }

  /** Bytes of the counter array. */
  get byteLength(): number {
    return this.words.byteLength;
  }
}
