import { describe, expect, it } from 'vitest';
import { rng } from '../random/rng';
import { quantileSorted } from './quantile';
import { quantileOfRuns, SortedRuns } from './sortedRuns';

describe('SortedRuns', () => {
  it('reads as the sorted merge: counts, every k-th value (ties, -0 and +0, NaN, infinities), quantiles', () => {
    const random = rng(9);
    const pool = [0, -0, NaN, 1.5, -2, Infinity, -Infinity, 7, 7, 3.25, -0.5];
    for (let trial = 0; trial < 200; trial++) {
      const runs = Array.from({ length: 1 + random.int(4) }, () => Float64Array.from({ length: random.int(15) }, () => pool[random.int(pool.length)]).sort());
      const view = new SortedRuns(runs);
      const merged = Float64Array.from(runs.flatMap((r) => [...r])).sort();
      expect(view.length).toBe(merged.length);
      for (let k = 0; k < merged.length; k++) expect(Object.is(view.at(k), merged[k]), `trial ${trial}, k ${k}`).toBe(true);
      for (const x of [-1, 0, -0, 7, 100, -Infinity]) expect(view.countAtMost(x)).toBe(merged.filter((v) => v <= x).length);
      for (const p of [0, 0.1, 0.5, 0.99, 1]) expect(Object.is(quantileOfRuns(view, p), quantileSorted(merged, p))).toBe(true);
      const copy = view.merged();
      expect(copy.length).toBe(merged.length);
      for (let k = 0; k < merged.length; k++) expect(Object.is(copy[k], merged[k])).toBe(true);
    }
  });
});
