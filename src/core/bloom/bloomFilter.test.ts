/**
 * The standard filter: its hashes are murmur3's, its positions follow the enhanced double-hashing formula,
 * it never answers "no" for an inserted key (fast-check, any m, k and keys, Unicode included), and the
 * misuse of deleting by clearing bits makes inserted keys answer "no".
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { murmur3 } from '../hash/murmur3';
import { BloomFilter } from './bloomFilter';
import { hashPair, SEED_1, SEED_2 } from './hashPair';

const RUNS = { seed: 1970, numRuns: 300 };
/** Any UTF-16 text up to 20 units, lone surrogates included (fast-check's 'binary' unit is slow to start). */
const utf16 = fc.array(fc.oneof(fc.integer({ min: 0, max: 0x7f }), fc.integer({ min: 0, max: 0xffff })), { maxLength: 20 }).map((codes) => String.fromCharCode(...codes));

describe('hashPair', () => {
  it('writes murmur3(key, SEED_1) and murmur3(key, SEED_2), for ASCII and non-ASCII keys of every tail length', () => {
    const out = new Int32Array(2);
    for (const key of ['', 'a', 'ab', 'abc', 'abcd', 'key-123456', 'café', 'x\u00ff', '日本語のキー', '🙂 emoji', 'abc\u0080']) {
      hashPair(key, out);
      expect([out[0] >>> 0, out[1] >>> 0]).toEqual([murmur3(key, SEED_1), murmur3(key, SEED_2)]);
    }
    fc.assert(
      fc.property(utf16, (key) => {
        hashPair(key, out);
        expect([out[0] >>> 0, out[1] >>> 0]).toEqual([murmur3(key, SEED_1), murmur3(key, SEED_2)]);
      }),
      RUNS,
    );
  });
});

describe('BloomFilter', () => {
  it('positions(key) are (r(h1) + i r(h2) + (i^3 - i)/6) mod m with r(h) = floor(h m / 2^32), for any m up to 2^31 - 1', () => {
    const out = new Int32Array(2);
    for (const m of [1, 7, 1000, 1024, 9_585_059, 2_000_000_011, 0x7fffffff]) {
      const filter = new BloomFilter(m, 9, new Uint32Array(Math.ceil(m / 32)));
      for (const key of ['a', 'key-17', 'ünïcode']) {
        hashPair(key, out);
        const r = (h: number) => (BigInt(h >>> 0) * BigInt(m)) >> 32n;
        const [h1, h2] = [r(out[0]), r(out[1])];
        const expected = Array.from({ length: 9 }, (_, i) => Number((h1 + BigInt(i) * h2 + BigInt((i ** 3 - i) / 6)) % BigInt(m)));
        expect([...filter.positions(key)]).toEqual(expected);
      }
    }
  });

  it('never answers "no" for an inserted key (fast-check over m, k and keys)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 16 }), fc.array(fc.string({ maxLength: 12 }), { maxLength: 300 }), (m, k, keys) => {
        const filter = new BloomFilter(m, k);
        for (const key of keys) filter.add(key);
        for (const key of keys) expect(filter.has(key)).toBe(true);
      }),
      RUNS,
    );
  });

  it('an empty filter answers "no" to everything; add sets at most k bits; fill and bins follow', () => {
    const filter = new BloomFilter(10_000, 5);
    expect(filter.has('anything')).toBe(false);
    filter.add('one');
    expect(filter.bitsSet()).toBeLessThanOrEqual(5);
    expect(filter.bitsSet()).toBe(new Set(filter.positions('one')).size);
    for (const x of filter.positions('one')) expect(filter.bit(x)).toBe(true);
    expect(filter.fill()).toBe(filter.bitsSet() / 10_000);
    expect(filter.bins(100).reduce((s, c) => s + c, 0)).toBe(filter.bitsSet());
    expect(filter.byteLength).toBe(1252);
  });

  it('deleting by clearing bits causes false negatives: 8 bits/item, 1,000 keys, clearing 10 keys makes others answer "no"', () => {
    const n = 1000;
    const filter = new BloomFilter(8 * n, 6);
    for (let i = 0; i < n; i++) filter.add(`item-${i}`);
    for (let i = 0; i < 10; i++) filter.clearPositions(`item-${i}`);
    let falseNegatives = 0;
    for (let i = 10; i < n; i++) if (!filter.has(`item-${i}`)) falseNegatives++;
    // Each cleared bit is shared with about k n / m = 0.75 other keys' probes: dozens of keys lost.
    expect(falseNegatives).toBeGreaterThan(20);
    expect(falseNegatives).toBe(55);
  });

  it('refuses bad shapes with the value named', () => {
    expect(() => new BloomFilter(0, 3)).toThrow('invalid m: 0');
    expect(() => new BloomFilter(100, 0)).toThrow('invalid k: 0');
    expect(() => new BloomFilter(100, 3, new Uint32Array(3))).toThrow('invalid words: 3 for m = 100');
  });
});
