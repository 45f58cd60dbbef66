/**
 * The published arithmetic, checked on its own numbers: Fan et al.'s table (m/n = 8, k = 6 -> 2.16 %;
 * m/n = 10, k = 7 -> 0.82 %), 9.585 bits per item for 1 %, 9,585,059 bits for 10^6 items at 1 %, and the
 * optimum k = (m/n) ln 2.
 */
import { describe, expect, it } from 'vitest';
import {
  bitsFor, bitsPerItem, estimatedItems, expectedFill, falsePositiveRate, falsePositiveRateExact, log1p, optimalHashCount, optimalK, powInt, rateCurve,
} from './theory';

describe('bloom theory', () => {
  it('falsePositiveRate(m, n, k) matches the Summary Cache table: 8 bits/item k 6 -> 2.16 %, 10 bits k 7 -> 0.82 %', () => {
    expect(falsePositiveRate(800_000, 100_000, 6)).toBeCloseTo(0.0216, 4);
    expect(falsePositiveRate(1_000_000, 100_000, 7)).toBeCloseTo(0.0082, 4);
    expect(falsePositiveRate(1000, 0, 3)).toBe(0);
  });

  it('bitsPerItem(0.01) is 9.585 ("about 10 bits per element for 1 %"); bitsFor(10^6, 0.01) is 9,585,059', () => {
    expect(bitsPerItem(0.01)).toBeCloseTo(9.5851, 4);
    expect(bitsFor(1_000_000, 0.01)).toBe(9_585_059);
    expect(falsePositiveRate(9_585_059, 1_000_000, 7)).toBeCloseTo(0.01004, 5);
    expect(() => bitsPerItem(1)).toThrow('invalid p: 1');
  });

  it('optimalK is (m/n) ln 2 and optimalHashCount picks the better neighbour, whose rate no other k beats', () => {
    expect(optimalK(9_585_059, 1_000_000)).toBeCloseTo(6.644, 3);
    for (const [m, n] of [[9_585_059, 1_000_000], [800, 100], [1000, 100], [64, 100], [10_000_000, 1000]] as const) {
      const k = optimalHashCount(m, n);
      for (let other = 1; other <= 40; other++) expect(falsePositiveRate(m, n, k)).toBeLessThanOrEqual(falsePositiveRate(m, n, other));
    }
    expect(optimalHashCount(9_585_059, 1_000_000)).toBe(7);
    // At the optimum the rate is about 0.6185^(m/n).
    expect(falsePositiveRate(1_000_000, 100_000, 7) / 0.6185 ** 10).toBeCloseTo(1, 1);
  });

  it('falsePositiveRateExact uses (1 - 1/m)^(kn); it agrees with the e^(-kn/m) form for large m and exceeds it slightly for tiny m', () => {
    expect(falsePositiveRateExact(9_585_059, 1_000_000, 7) / falsePositiveRate(9_585_059, 1_000_000, 7)).toBeCloseTo(1, 6);
    expect(falsePositiveRateExact(10, 2, 2)).toBeCloseTo((1 - (1 - 1 / 10) ** 4) ** 2, 12);
    expect(falsePositiveRateExact(10, 2, 2)).toBeGreaterThan(falsePositiveRate(10, 2, 2) - 1e-3);
    expect(expectedFill(1000, 100, 7)).toBeCloseTo(1 - (1 - 1 / 1000) ** 700, 12);
  });

  it('estimatedItems inverts the expected fill', () => {
    const m = 100_000;
    const k = 5;
    const bits = Math.round(expectedFill(m, 12_000, k) * m);
    expect(estimatedItems(m, k, bits)).toBeCloseTo(12_000, -1);
    expect(estimatedItems(m, k, m)).toBe(Number.POSITIVE_INFINITY);
  });

  it('log1p and powInt agree with Math on their domain (they exist to be the same in every engine)', () => {
    for (const x of [1e-12, -1e-7, 1e-3, -0.5, 3]) expect(log1p(x)).toBeCloseTo(Math.log1p(x), 14);
    for (const [x, k] of [[0.5, 7], [0.99, 13], [3, 0], [1.1, 33]]) expect(powInt(x, k) / x ** k).toBeCloseTo(1, 12);
  });

  it('rateCurve gives the theoretical curve over n for a fixed filter, rising past the design n', () => {
    const curve = rateCurve(9_585_059, 7, [0, 500_000, 1_000_000, 2_000_000]);
    expect(curve[0]).toBe(0);
    expect(curve[2]).toBeCloseTo(0.01, 3);
    expect(curve[3]).toBeGreaterThan(0.15);
    expect([...curve]).toEqual([...curve].sort((a, b) => a - b));
  });
});
