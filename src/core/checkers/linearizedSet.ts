/**
 * The set of operations linearized so far, as a bitset with two things Porcupine's bitset does not keep:
 *
 * - a Zobrist hash (XOR of a fixed 32-bit code per operation), updated in O(1) per set/clear instead of
 *   rehashing every word at each step;
 * - a compact snapshot for the visited cache: every word below `low` is full and every word from `high` on is
 *   empty, so (low, words[low..high)) names the set exactly. In a search the linearized set is "almost all
 *   operations called before some instant, plus a few": the snapshot is a few words wide, whatever the
 *   history's length, so caching 10^4 visited configurations of a 10^4-operation history takes kilobytes,
 *   not the 10^4 x 1.25 KB that full copies would.
 */
import { fmix32 } from '../hash/murmur3';

export class LinearizedSet {
  private readonly bits: Uint32Array;
  /** First word that is not full. */
  private low = 0;
  /** One past the last non-empty word. */
  private high = 0;
  hash = 0;

  constructor(size: number) {
    this.bits = new Uint32Array(Math.max(1, Math.ceil(size / 32)));
  }

  static code(op: number): number {
    return fmix32(Math.imul(op + 1, 0x9e3779b1));
  }

  set(op: number): void {
    const w = op >>> 5;
    this.bits[w] |= 1 << (op & 31);
    this.hash ^= LinearizedSet.code(op);
    if (w >= this.high) this.high = w + 1;
    if (w === this.low) while (this.low < this.bits.length && this.bits[this.low] === 0xffffffff) this.low++;
  }

  clear(op: number): void {
    const w = op >>> 5;
    this.bits[w] &= ~(1 << (op & 31));
    this.hash ^= LinearizedSet.code(op);
    if (w < this.low) this.low = w;
    if (w === this.high - 1) while (this.high > 0 && this.bits[this.high - 1] === 0) this.high--;
  }

  has(op: number): boolean {
    return (this.bits[op >>> 5] & (1 << (op & 31))) !== 0;
  }

  /** Appends the compact form (low, words[low..high)) to `pool` at `at`; returns the number of words. */
  writeTo(pool: Uint32Array, at: number): number {
    const length = Math.max(0, this.high - this.low);
    pool.set(this.bits.subarray(this.low, this.low + length), at);
    return length;
  }

  get lowWord(): number {
    return this.low;
  }

  get wordCount(): number {
    return Math.max(0, this.high - this.low);
  }

  /** Is the set equal to the compact form stored in `pool` at `at` (low word `low`, `length` words)? */
  matches(low: number, pool: Uint32Array, at: number, length: number): boolean {
    if (low !== this.low || length !== this.high - this.low) return false;
    for (let i = 0; i < length; i++) if (pool[at + i] !== this.bits[low + i]) return false;
    return true;
  }
}

/**
 * The visited configurations (linearized set, state): an open-addressing hash table over flat typed arrays,
 * the sets' compact words in one growing pool. Nothing is allocated per entry (besides the state itself),
 * which matters with 10^6 entries: one small typed array per entry cost more in garbage collection than the
 * whole search.
 */
export class VisitedCache<S> {
  private table = new Int32Array(1 << 12).fill(-1);
  private hashes = new Int32Array(1 << 10);
  private lows = new Int32Array(1 << 10);
  private offsets = new Int32Array(1 << 10);
  private lengths = new Int32Array(1 << 10);
  private states: S[] = [];
  private pool = new Uint32Array(1 << 12);
  private poolUsed = 0;
  size = 0;

  /** Adds (set, state) unless present; returns whether it was added. */
  add(set: LinearizedSet, state: S, stateHash: number, equal: (a: S, b: S) => boolean): boolean {
    const hash = (set.hash ^ Math.imul(stateHash | 0, 0x85ebca6b)) | 0;
    const mask = this.table.length - 1;
    let slot = fmix32(hash) & mask;
    for (let e = this.table[slot]; e >= 0; e = this.table[slot]) {
      if (this.hashes[e] === hash && set.matches(this.lows[e], this.pool, this.offsets[e], this.lengths[e]) && equal(this.states[e], state)) return false;
      slot = (slot + 1) & mask;
    }
    const e = this.size++;
    if (e === this.hashes.length) this.growEntries();
    const length = set.wordCount;
    if (this.poolUsed + length > this.pool.length) {
      const pool = new Uint32Array(Math.max(this.pool.length * 2, this.poolUsed + length));
      pool.set(this.pool);
      this.pool = pool;
    }
    this.hashes[e] = hash;
    this.lows[e] = set.lowWord;
    this.offsets[e] = this.poolUsed;
    this.lengths[e] = set.writeTo(this.pool, this.poolUsed);
    this.poolUsed += length;
    this.states.push(state);
    this.table[slot] = e;
    if (this.size * 2 > this.table.length) this.rehash();
    return true;
  }

  private growEntries(): void {
    const grow = (a: Int32Array) => {
      const b = new Int32Array(a.length * 2);
      b.set(a);
      return b;
    };
    this.hashes = grow(this.hashes);
    this.lows = grow(this.lows);
    this.offsets = grow(this.offsets);
    this.lengths = grow(this.lengths);
  }

  private rehash(): void {
    const table = new Int32Array(this.table.length * 2).fill(-1);
    const mask = table.length - 1;
    for (let e = 0; e < this.size; e++) {
      let slot = fmix32(this.hashes[e]) & mask;
      while (table[slot] >= 0) slot = (slot + 1) & mask;
      table[slot] = e;
    }
    this.table = table;
  }
}
