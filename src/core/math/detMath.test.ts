import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { rng } from '../random/rng';
import { exp, log, pow } from './detMath';
import { DIGEST, digest } from './testing/digest';

/** Distance in units in the last place between two finite doubles of the same sign. */
function ulps(a: number, b: number): number {
  const view = new DataView(new ArrayBuffer(16));
  view.setFloat64(0, a);
  view.setFloat64(8, b);
  return Number(view.getBigInt64(0) - view.getBigInt64(8));
}

describe('deterministic log, exp, pow', () => {
  it('log agrees with the engine within one ulp over every binade, and exactly on powers of two', () => {
    const r = rng(7).fork('log');
    let exact = 0;
    for (let i = 0; i < 20_000; i++) {
      const x = r.float() * 2 ** (r.int(200) - 100);
      if (x === 0) continue;
      expect(Math.abs(ulps(log(x), Math.log(x)))).toBeLessThanOrEqual(1);
      if (log(x) === Math.log(x)) exact++;
    }
    expect(exact).toBeGreaterThan(19_000); // the same algorithm as V8's: nearly always the same bits
    for (let k = -1074; k <= 1023; k += 7) expect(log(2 ** k)).toBe(Math.log(2 ** k));
  });

  it('log handles the edges', () => {
    expect(log(1)).toBe(0);
    expect(log(0)).toBe(-Infinity);
    expect(log(-1)).toBeNaN();
    expect(log(NaN)).toBeNaN();
    expect(log(Infinity)).toBe(Infinity);
    expect(log(Number.MIN_VALUE)).toBeCloseTo(-744.4400719213812, 12);
    expect(log(Math.E)).toBeCloseTo(1, 15);
    expect(log(1 + 2 ** -30)).toBe(Math.log(1 + 2 ** -30));
  });

  it('exp agrees with the engine within one ulp from underflow to overflow', () => {
    fc.assert(
      fc.property(fc.double({ min: -745, max: 709.78, noNaN: true }), (x) => {
        const ours = exp(x);
        const theirs = Math.exp(x);
        if (theirs === 0 || theirs < 2.3e-308) return Math.abs(ours - theirs) <= Number.MIN_VALUE * 2;
        return Math.abs(ulps(ours, theirs)) <= 1;
      }),
      { numRuns: 20_000, seed: 11 },
    );
  });

  it('exp handles the edges', () => {
    expect(exp(0)).toBe(1);
    expect(Math.abs(ulps(exp(1), Math.E))).toBeLessThanOrEqual(1); // fdlibm's known 1-ulp miss at 1
    expect(exp(-Infinity)).toBe(0);
    expect(exp(Infinity)).toBe(Infinity);
    expect(exp(710)).toBe(Infinity);
    expect(exp(-746)).toBe(0);
    expect(exp(NaN)).toBeNaN();
    expect(exp(1e-30)).toBe(1);
  });

  it('pow is exp(y log x) with the exact special cases', () => {
    expect(pow(2, 10)).toBeCloseTo(1024, 10);
    expect(pow(0.5, -1 / 1.5)).toBeCloseTo(0.5 ** (-1 / 1.5), 14);
    expect(pow(0, 2)).toBe(0);
    expect(pow(0, -1)).toBe(Infinity);
    expect(pow(-2, 2)).toBeNaN();
    expect(pow(5, 0)).toBe(1);
    expect(pow(1, NaN)).toBe(1);
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1e6, noNaN: true }), fc.double({ min: -8, max: 8, noNaN: true }), (x, y) => {
        const want = Math.pow(x, y);
        return Math.abs(pow(x, y) - want) <= 1e-13 * want;
      }),
      { numRuns: 5_000, seed: 3 },
    );
  });
});

describe('the digest the browser test also checks', () => {
  it('is the recorded one in Node', () => {
    expect(digest()).toBe(DIGEST);
  });
});
