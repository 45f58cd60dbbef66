/**
 * The one seeded PRNG of the playground: xoshiro128** (Blackman & Vigna, 2018) for the streams, seeded
 * through SplitMix64 so that any seed gives a well-mixed state.
 *
 * Splitting: `rng.fork(label)` derives a child from the parent's *seed key* and the label, never from the
 * parent's stream. So "node 7's latency stream" is the same whether the scenario has 5 or 50 nodes, and
 * drawing from one stream never shifts another (TigerBeetle's VOPR does the same with derived seeds).
 *
 * Probabilities are integer ratios where they decide behaviour (`chance(3, 100)`), so no float rounding
 * can change a run between engines.
 */
import { fmix32, murmur3 } from '../hash/murmur3';

export interface Rng {
  /** The 32-bit seed key this stream was made from (what `fork` derives children from). */
  readonly key: readonly [number, number];
  /** Next unsigned 32-bit integer. */
  u32(): number;
  /** Moves the stream on by `count` u32 draws, as `count` calls of u32() would (their values unused). */
  skip(count: number): void;
  /** Uniform float in [0, 1) with 32 bits of randomness. */
  float(): number;
  /** Uniform integer in [0, bound), unbiased (Lemire's method with rejection). bound in 1..2^32. */
  int(bound: number): number;
  /** Uniform integer in [min, max], both included. */
  range(min: number, max: number): number;
  /** True with probability numerator/denominator (integers). */
  chance(numerator: number, denominator: number): boolean;
  /** In-place Fisher-Yates shuffle. */
  shuffle<T>(items: T[]): T[];
  /** An independent child stream named by `label` (a purpose, a node id, or a path of both). */
  fork(label: string | number): Rng;
  /** Where the stream is now (a checkpoint of a run): `restore` of it continues with the same draws. */
  save(): RngState;
  /** Continues from a `save()` of a stream with the same key (what the next draws are). */
  restore(state: RngState): void;
}

/** A stream's position: the four xoshiro128** words. */
export type RngState = readonly [number, number, number, number];

const MASK64 = (1n << 64n) - 1n;

/** SplitMix64 (Vigna): the standard seeder of the xoshiro family. Returns the generator's next outputs. */
export function splitMix64(seed: bigint, count: number): bigint[] {
  let state = seed & MASK64;
  const out: bigint[] = [];
  for (let i = 0; i < count; i++) {
    state = (state + 0x9e3779b97f4a7c15n) & MASK64;
    let z = state;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
    out.push(z ^ (z >> 31n));
  }
  return out;
}

/**
 * The first two SplitMix64 outputs from the 64-bit seed hi:lo, as four 32-bit words (lo and hi of each):
 * splitMix64 in 32-bit halves, no BigInt (a fork seeds a stream, and BigInt arithmetic was a seventh of a
 * short run's time). The same bits as splitMix64 (tested).
 */
export function splitMix64Words(lo: number, hi: number): [number, number, number, number] {
  const out: [number, number, number, number] = [0, 0, 0, 0];
  let sLo = lo >>> 0;
  let sHi = hi >>> 0;
  for (let i = 0; i < 2; i++) {
    // state += 0x9e3779b97f4a7c15
    const nLo = (sLo + 0x7f4a7c15) >>> 0;
    sHi = (sHi + 0x9e3779b9 + (nLo < sLo ? 1 : 0)) >>> 0;
    sLo = nLo;
    // z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
    mul64(xorShiftLo(sLo, sHi, 30), (sHi ^ (sHi >>> 30)) >>> 0, 0x1ce4e5b9, 0xbf58476d);
    // z = (z ^ (z >> 27)) * 0x94d049bb133111eb
    mul64(xorShiftLo(productLo, productHi, 27), (productHi ^ (productHi >>> 27)) >>> 0, 0x133111eb, 0x94d049bb);
    // z ^ (z >> 31)
    out[2 * i] = xorShiftLo(productLo, productHi, 31);
    out[2 * i + 1] = (productHi ^ (productHi >>> 31)) >>> 0;
  }
  return out;
}

/** The low word of z ^ (z >> s) for the 64-bit z = hi:lo, 0 < s < 32. */
function xorShiftLo(lo: number, hi: number, s: number): number {
  return (lo ^ ((lo >>> s) | (hi << (32 - s)))) >>> 0;
}

/** mul64's product (module scratch, read at once by its caller: seeding allocates nothing per step). */
let productLo = 0;
let productHi = 0;

/** (aHi:aLo x bHi:bLo) mod 2^64 into productLo/productHi: the 32 x 32 -> 64 product of the low words in 16-bit pieces. */
function mul64(aLo: number, aHi: number, bLo: number, bHi: number): void {
  const a0 = aLo & 0xffff;
  const a1 = aLo >>> 16;
  const b0 = bLo & 0xffff;
  const b1 = bLo >>> 16;
  const p00 = a0 * b0;
  const mid = a0 * b1 + a1 * b0 + (p00 >>> 16); // < 2^34: exact
  const loHi = a1 * b1 + Math.floor(mid / 65536); // high word of aLo x bLo, < 2^32
  productLo = ((mid & 0xffff) * 65536 + (p00 & 0xffff)) >>> 0;
  productHi = (loHi + Math.imul(aHi, bLo) + Math.imul(aLo, bHi)) >>> 0;
}

/** Raw xoshiro128** over an explicit state (exported for the published test vectors). */
export class Xoshiro128ss {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(s0: number, s1: number, s2: number, s3: number) {
    if ((s0 | s1 | s2 | s3) === 0) throw new Error('invalid xoshiro128** state: all zero');
    this.s0 = s0 | 0;
    this.s1 = s1 | 0;
    this.s2 = s2 | 0;
    this.s3 = s3 | 0;
  }

  /** The four state words. */
  state(): RngState {
    return [this.s0, this.s1, this.s2, this.s3];
  }

  /** Sets the four state words (a `state()` of a generator). */
  setState(state: RngState): void {
    if ((state[0] | state[1] | state[2] | state[3]) === 0) throw new Error('invalid xoshiro128** state: all zero');
    this.s0 = state[0] | 0;
    this.s1 = state[1] | 0;
    this.s2 = state[2] | 0;
    this.s3 = state[3] | 0;
  }

  /** Moves the state on by `count` steps (the outputs are not computed). */
  skip(count: number): void {
    let s0 = this.s0;
    let s1 = this.s1;
    let s2 = this.s2;
    let s3 = this.s3;
    for (let i = 0; i < count; i++) {
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
    }
    this.s0 = s0;
    this.s1 = s1;
    this.s2 = s2;
    this.s3 = s3;
  }

  next(): number {
    const s1 = this.s1;
    let r = Math.imul(s1, 5);
    r = Math.imul((r << 7) | (r >>> 25), 9);
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = (this.s3 << 11) | (this.s3 >>> 21);
    return r >>> 0;
  }
}

/** Normalizes a scenario seed (an integer 0..2^32-1, or any string) to the 64-bit key of a root stream. */
function rootKey(seed: number | string): [number, number] {
  if (typeof seed === 'string') return [murmur3(seed, 0x9e3779b9), murmur3(seed, 0x85ebca6b)];
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new Error(`invalid seed: ${seed}`);
  return [seed >>> 0, 0];
}

class SeededRng implements Rng {
  readonly key: readonly [number, number];
  private readonly x: Xoshiro128ss;
  /** The latest bound `int` validated (only bounds <= 2^21 are kept), and its rejection threshold. */
  private boundLast = 0;
  private thresholdLast = 0;

  constructor(key: readonly [number, number]) {
    this.key = key;
    const [w0, w1, w2, w3] = splitMix64Words(key[0], key[1]);
    this.x = new Xoshiro128ss(w0, w1, w2, w3 | 1); // | 1: never the all-zero state
  }

  u32(): number {
    return this.x.next();
  }

  skip(count: number): void {
    if (!(Number.isInteger(count) && count >= 0)) throw new Error(`invalid skip count: ${count}`);
    this.x.skip(count);
  }

  float(): number {
    return this.x.next() / 4294967296;
  }

  int(bound: number): number {
    if (bound === this.boundLast) {
      // The engine's hot path (a latency draw per message) asks for the same bound again and again: the
      // rejection threshold is remembered, and for bound <= 2^21 the product x * bound is below 2^53, so
      // its high 32 bits are one exact float division. Same draws, same results as the general path.
      const threshold = this.thresholdLast;
      for (;;) {
        const x = this.x.next();
        if (Math.imul(x, bound) >>> 0 < threshold) continue;
        return Math.floor((x * bound) / 4294967296);
      }
    }
    if (!(bound >= 1 && bound <= 4294967296 && Number.isInteger(bound))) throw new Error(`invalid bound: ${bound}`);
    if (bound === 4294967296) return this.x.next();
    // Lemire: multiply, reject the few low products that would bias the result.
    const threshold = (4294967296 - bound) % bound;
    if (bound <= 0x200000) {
      this.boundLast = bound;
      this.thresholdLast = threshold;
    }
    for (;;) {
      const x = this.x.next();
      const low = Math.imul(x, bound) >>> 0;
      if (low < threshold) continue;
      // High 32 bits of the 64-bit product x * bound, exact: split x in 16-bit halves (each part < 2^48).
      const high = (x >>> 16) * bound;
      const rest = (high % 65536) * 65536 + (x & 0xffff) * bound;
      return Math.floor(high / 65536) + Math.floor(rest / 4294967296);
    }
  }

  range(min: number, max: number): number {
    if (!(Number.isInteger(min) && Number.isInteger(max) && max >= min)) throw new Error(`invalid range: ${min}..${max}`);
    return min + this.int(max - min + 1);
  }

  chance(numerator: number, denominator: number): boolean {
    if (!(denominator > 0 && numerator >= 0 && numerator <= denominator)) {
      throw new Error(`invalid chance: ${numerator}/${denominator}`);
    }
    if (numerator === 0) return false;
    if (numerator === denominator) return true;
    return this.int(denominator) < numerator;
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const tmp = items[i];
      items[i] = items[j];
      items[j] = tmp;
    }
    return items;
  }

  save(): RngState {
    return this.x.state();
  }

  restore(state: RngState): void {
    this.x.setState(state);
  }

  fork(label: string | number): Rng {
    const salt = typeof label === 'number' ? fmix32(label + 0x632be5ab) : labelSalt(label);
    const hi = fmix32(this.key[1] ^ salt ^ 0x5bd1e995);
    const lo = fmix32((this.key[0] + Math.imul(salt, 0x9e3779b1)) ^ hi);
    return new SeededRng([lo, hi]);
  }
}

/**
 * murmur3 of a fork's label, remembered: runs fork the same few labels ('latency', 'link/0->1', 'node/3')
 * again and again (an election trial builds its network afresh). A pure function's memo; bounded.
 */
const saltOf = new Map<string, number>();
const SALTS_MAX = 4096;
function labelSalt(label: string): number {
  let salt = saltOf.get(label);
  if (salt === undefined) {
    salt = murmur3(label, 0x2545f491);
    if (saltOf.size >= SALTS_MAX) saltOf.clear();
    saltOf.set(label, salt);
  }
  return salt;
}

/** The root stream of a scenario. Fork it per purpose and per node; never share one stream between them. */
export function rng(seed: number | string): Rng {
  return new SeededRng(rootKey(seed));
}
