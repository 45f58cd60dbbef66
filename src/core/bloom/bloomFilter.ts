/**
 * A standard Bloom filter: m bits in a Uint32Array, k probes per key by enhanced double hashing (./probes.ts).
 * add sets the k bits; has answers "maybe" when all k are set and "no" otherwise, and "no" is always
 * true: a filter never forgets an insert (property-tested). It cannot delete: `clearPositions` is the
 * tempting misuse, kept so a lab can show that clearing one key's bits makes other keys vanish.
 *
 * `words` is the whole state (transferable to the main thread for drawing); m and k complete it.
 */
import { bitsPerBin, countBits } from './bits';
import { hashPair } from './hashPair';
import { checkFilterShape, probePositions, reduce } from './probes';

export class BloomFilter {
  readonly m: number;
  readonly k: number;
  readonly words: Uint32Array;
  private readonly pair = new Int32Array(2);

  /** m bits (1..2^31-1), k probes (1..64); `words` restores a saved state (ceil(m / 32) words). */
  constructor(m: number, k: number, words?: Uint32Array) {
    checkFilterShape(m, k);
    const length = Math.ceil(m / 32);
    if (words && words.length !== length) throw new Error(`invalid words: ${words.length} for m = ${m}`);
    this.m = m;
    this.k = k;
    this.words = words ?? new Uint32Array(length);
  }

  add(key: string): void {
    const pair = this.pair;
    hashPair(key, pair);
    const m = this.m;
    const k = this.k;
    const words = this.words;
    let x = reduce(pair[0], m) | 0; // int32 from here on: no double conversions in the loop
    let y = reduce(pair[1], m) | 0;
    for (let i = 1; i <= k; i++) {
      words[x >>> 5] |= 1 << (x & 31);
      const t = x - m + y; // branch-free (x + y) mod m: a mispredicted branch here stalls the memory probes
      x = t + (m & (t >> 31));
      y += i;
      if (y >= m) y %= m;
    }
  }

  /** False: never inserted. True: inserted, or a false positive. */
  has(key: string): boolean {
    const pair = this.pair;
    hashPair(key, pair);
    const m = this.m;
    const k = this.k;
    const words = this.words;
    let x = reduce(pair[0], m) | 0; // int32 from here on: no double conversions in the loop
    let y = reduce(pair[1], m) | 0;
    for (let i = 1; i <= k; i++) {
      if ((words[x >>> 5] & (1 << (x & 31))) === 0) return false;
      const t = x - m + y; // branch-free (x + y) mod m: a mispredicted branch here stalls the memory probes
      x = t + (m & (t >> 31));
      y += i;
      if (y >= m) y %= m;
    }
    return true;
  }

  /** The k bit positions of `key`, in probe order (what an insert or a query animation shows). */
  positions(key: string, out = new Uint32Array(this.k)): Uint32Array {
    return probePositions(key, this.m, this.k, this.pair, out);
  }

  /** Whether bit `i` is set. */
  bit(i: number): boolean {
    return (this.words[i >>> 5] & (1 << (i & 31))) !== 0;
  }

  /**
   * The misuse: "deletes" `key` by clearing its k bits. Every other key sharing one of those bits now
   * answers "no" although inserted: false negatives. Returns how many of the bits were set.
   */
  clearPositions(key: string): number {
    const positions = this.positions(key);
    let cleared = 0;
    for (const x of positions) {
      if (this.bit(x)) cleared++;
      this.words[x >>> 5] &= ~(1 << (x & 31));
    }
    return cleared;
  }

  /** Bits set. */
  bitsSet(): number {
    return countBits(this.words, 0, this.m);
  }

  /** Fraction of bits set. */
  fill(): number {
    return this.bitsSet() / this.m;
  }

  /** Set bits per bin, for drawing a large array aggregated (./bits.ts). */
  bins(bins: number): Uint32Array {
    return bitsPerBin(this.words, this.m, bins);
  }

  /** Bytes of the bit array. */
  get byteLength(): number {
    return this.words.byteLength;
  }
}
