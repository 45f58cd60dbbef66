import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ecdf, ecdfAt, histogram, mean, quantile, quantiles, quantileSorted, stdev, summary } from './index';

describe('mean / stdev', () => {
  it('mean(values) and stdev(values) of a known set', () => {
    expect(mean([2, 4, 4, 4, 5, 5, 7, 9])).toBe(5);
    expect(stdev([2, 4, 4, 4, 5, 5, 7, 9])).toBe(2);
    expect(stdev([2, 4, 4, 4, 5, 5, 7, 9], true)).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect(mean(new Uint32Array([1, 2]))).toBe(1.5);
  });
  it('degenerate input: empty is NaN, one value has stdev 0 (population) and NaN (sample)', () => {
    expect(mean([])).toBeNaN();
    expect(stdev([])).toBeNaN();
    expect(stdev([3])).toBe(0);
    expect(stdev([3], true)).toBeNaN();
    expect(summary([])).toEqual({ min: NaN, max: NaN, mean: NaN, stdev: NaN });
    expect(summary([3, 1, 2])).toEqual({ min: 1, max: 3, mean: 2, stdev: Math.sqrt(2 / 3) });
  });
  it('stdev(values) is stable under a large offset', () => {
    const base = [1, 2, 3, 4];
    expect(stdev(base.map((v) => v + 1e9))).toBeCloseTo(stdev(base), 6);
  });
});

describe('quantile', () => {
  it('quantile(values, p) interpolates between ranks (R-7)', () => {
    expect(quantile([3, 1, 2, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4, 5], 0.25)).toBe(2);
    expect(quantile([1, 2], 0.1)).toBeCloseTo(1.1, 12);
    expect(quantile([5], 0.9)).toBe(5);
    expect(Array.from(quantiles([10, 0, 5], [0, 0.5, 1]))).toEqual([0, 5, 10]);
  });
  it('quantile of nothing, or p outside 0..1, is NaN; NaN values are ignored', () => {
    expect(quantile([], 0.5)).toBeNaN();
    expect(quantile([1, 2], 1.5)).toBeNaN();
    expect(quantile([1, 2], NaN)).toBeNaN();
    expect(quantile([NaN, 1, 3], 0.5)).toBe(2);
  });
  it('quantileSorted is monotone in p and within [min, max] (property, seed 7)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), { minLength: 1 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (vs, a, b) => {
        const sorted = Float64Array.from(vs).sort();
        const [p, q] = a <= b ? [a, b] : [b, a];
        const x = quantileSorted(sorted, p);
        const y = quantileSorted(sorted, q);
        return x <= y + 1e-9 && x >= sorted[0] && y <= sorted[sorted.length - 1];
      }),
      { seed: 7 },
    );
  });
});

describe('histogram', () => {
  it('histogram(values, bins) counts every value once; the last bin includes max', () => {
    const h = histogram([0, 1, 2, 3, 4], 4);
    expect(Array.from(h.edges)).toEqual([0, 1, 2, 3, 4]);
    expect(Array.from(h.counts)).toEqual([1, 1, 1, 2]);
    expect(h.outside).toBe(0);
  });
  it('histogram with a domain leaves out values outside it and NaNs', () => {
    const h = histogram([-1, 0.5, 1.5, 9, NaN], 2, [0, 2]);
    expect(Array.from(h.counts)).toEqual([1, 1]);
    expect(h.outside).toBe(3);
  });
  it('degenerate: empty gives zero counts on [0, 1]; equal values fill the first bin', () => {
    const e = histogram([], 3);
    expect(Array.from(e.counts)).toEqual([0, 0, 0]);
    expect(e.edges[0]).toBe(0);
    expect(e.edges[3]).toBe(1);
    expect(Array.from(histogram([7, 7], 2).counts)).toEqual([2, 0]);
    expect(() => histogram([1], 0)).toThrow('invalid bins: 0');
  });
});

describe('ecdf', () => {
  it('ecdf(values) gives distinct ascending x and cumulative fractions ending at 1', () => {
    const c = ecdf([3, 1, 1, 2]);
    expect(Array.from(c.x)).toEqual([1, 2, 3]);
    expect(Array.from(c.p)).toEqual([0.5, 0.75, 1]);
    expect(ecdfAt(c, 0)).toBe(0);
    expect(ecdfAt(c, 1.5)).toBe(0.5);
    expect(ecdfAt(c, 3)).toBe(1);
    expect(ecdfAt(c, 99)).toBe(1);
  });
  it('ecdf of nothing is empty and F is NaN', () => {
    const c = ecdf([NaN]);
    expect(c.x.length).toBe(0);
    expect(ecdfAt(c, 1)).toBeNaN();
  });
});
