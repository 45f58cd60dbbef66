/**
 * An incremental 64-bit hash (two independent 32-bit murmur3-style lanes) over a stream of numbers and
 * strings: how traces get their stable hash without being kept in memory.
 *
 * Numbers are hashed by value: integers in the int32 range as one word, anything else as the two words of
 * its float64 bits, so 1 and 1.0 agree and -0 and 0 differ only as IEEE values do. The byte order is fixed
 * (little-endian words), so Node and Chromium give the same hex.
 */
import { fmix32, murmur3 } from './murmur3';

const scratch = new Float64Array(1);
const scratchWords = new Uint32Array(scratch.buffer);

export interface TraceHasherState {
  readonly a: number;
  readonly b: number;
  readonly count: number;
}

export class TraceHasher {
  private a = 0x6a09e667;
  private b = 0xbb67ae85;
  private count = 0;

  /** Adds one number. */
  number(value: number): this {
    if ((value | 0) === value && !Object.is(value, -0)) {
      this.word(value);
    } else {
      scratch[0] = value;
      this.word(scratchWords[0]);
      this.word(scratchWords[1]);
    }
    return this;
  }

  /** Adds one string (its murmur3 hash and its length, so "ab"+"c" differs from "a"+"bc"). */
  string(value: string): this {
    this.word(murmur3(value, 0x1b873593));
    this.word(value.length);
    return this;
  }

  /** Adds every number of a typed array, in order. */
  numbers(values: ArrayLike<number>): this {
    if (values instanceof Uint32Array || values instanceof Uint16Array || values instanceof Uint8Array) return this.unsigned(values);
    for (let i = 0; i < values.length; i++) this.number(values[i]);
    return this;
  }

  /**
   * `numbers` for unsigned integer arrays (ring positions, owners), the same words without the float64
   * scratch: v < 2^31 is one word; v in [2^31, 2^32) is the float64 1.m x 2^31, whose low word is
   * (v - 2^31) << 21 and high word 0x41e00000 | (v - 2^31) >>> 11 (exponent 1023 + 31 = 0x41e).
   */
  private unsigned(values: Uint32Array | Uint16Array | Uint8Array): this {
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v < 0x80000000) this.word(v);
      else {
        this.word(v << 21);
        this.word(0x41e00000 | ((v & 0x7fffffff) >>> 11));
      }
    }
    return this;
  }

  /** Adds one int32 word as is (what `number` does for an int32 other than -0, without the checks). */
  int32(w: number): this {
    this.word(w);
    return this;
  }

  /** The stream's state so far: `TraceHasher.resume(state)` continues it (a cached prefix of a trace). */
  snapshot(): TraceHasherState {
    return { a: this.a, b: this.b, count: this.count };
  }

  /** A hasher that continues from a snapshot, as if it had been fed the same prefix. */
  static resume(state: TraceHasherState): TraceHasher {
    const h = new TraceHasher();
    h.a = state.a;
    h.b = state.b;
    h.count = state.count;
    return h;
  }

  /** The hash so far as 16 hex digits (does not end the stream). */
  hex(): string {
    const a = fmix32(this.a ^ this.count);
    const b = fmix32(this.b ^ Math.imul(this.count, 0x9e3779b1) ^ a);
    return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
  }

  private word(w: number): void {
    let k = Math.imul(w | 0, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    let a = this.a ^ k;
    a = (a << 13) | (a >>> 19);
    this.a = (Math.imul(a, 5) + 0xe6546b64) | 0;
    let b = this.b ^ Math.imul(w | 0, 0x85ebca6b) ^ this.a;
    b = (b << 17) | (b >>> 15);
    this.b = (Math.imul(b, 9) + 0x2545f491) | 0;
    this.count++;
  }
}
