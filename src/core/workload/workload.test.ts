import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rng } from '../random/rng';
import { keySampler, permutation, poissonArrivals, sampleCdf, zipfCdf, zipfProbability } from './index';

describe('zipfCdf / sampleCdf', () => {
  it('zipfCdf(n, s) is increasing and ends at exactly 1; s = 0 is uniform', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.double({ min: 0, max: 3, noNaN: true }), (n, s) => {
        const cdf = zipfCdf(n, s);
        for (let i = 1; i < n; i++) if (!(cdf[i] >= cdf[i - 1])) return false;
        return cdf[n - 1] === 1;
      }),
      { seed: 4, numRuns: 200 },
    );
    const u = zipfCdf(4, 0);
    expect(Array.from(u)).toEqual([0.25, 0.5, 0.75, 1]);
  });

  it('sampleCdf(cdf, u) returns the first rank whose cdf exceeds u', () => {
    const cdf = Float64Array.from([0.5, 0.75, 1]);
    expect([0, 0.49, 0.5, 0.74, 0.75, 0.999].map((u) => sampleCdf(cdf, u))).toEqual([0, 0, 1, 1, 2, 2]);
  });

  it('Zipf(1) draws match rank probabilities 1/(r+1)/H_n within sampling error', () => {
    const n = 1000;
    const cdf = zipfCdf(n, 1);
    const draw = keySampler({ kind: 'zipf', n, s: 1 }, rng(7));
    const counts = new Uint32Array(n);
    const draws = 200_000;
    for (let i = 0; i < draws; i++) counts[draw()]++;
    let h = 0;
    for (let r = 1; r <= n; r++) h += 1 / r;
    expect(zipfProbability(cdf, 0)).toBeCloseTo(1 / h, 12);
    expect(counts[0] / draws).toBeCloseTo(1 / h, 2);
    expect(counts[1] / draws).toBeCloseTo(1 / 2 / h, 2);
  });
});

describe('keySampler', () => {
  it('celebrity(pct) sends about pct% plus the uniform share to rank 0', () => {
    const draw = keySampler({ kind: 'celebrity', n: 100, pct: 30 }, rng(3));
    let zero = 0;
    for (let i = 0; i < 100_000; i++) if (draw() === 0) zero++;
    expect(zero / 100_000).toBeGreaterThan(0.3 + 0.7 / 100 - 0.01);
    expect(zero / 100_000).toBeLessThan(0.3 + 0.7 / 100 + 0.01);
  });

  it('the same seed gives the same ranks', () => {
    const a = keySampler({ kind: 'zipf', n: 50, s: 1.2 }, rng(9));
    const b = keySampler({ kind: 'zipf', n: 50, s: 1.2 }, rng(9));
    for (let i = 0; i < 100; i++) expect(a()).toBe(b());
  });
});

describe('poissonArrivals / permutation', () => {
  it('poissonArrivals(count, rate) is ascending integer ticks with the right mean gap', () => {
    const t = poissonArrivals(100_000, 1000, 1_000_000, rng(1));
    let ordered = true;
    for (let i = 1; i < t.length; i++) if (!(t[i] >= t[i - 1] && Number.isInteger(t[i]))) ordered = false;
    expect(ordered).toBe(true);
    expect(t[t.length - 1] / t.length).toBeGreaterThan(990);
    expect(t[t.length - 1] / t.length).toBeLessThan(1010);
  });

  it('permutation(n) holds every index once', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 0, max: 1000 }), (n, seed) => {
        const p = Array.from(permutation(n, rng(seed))).sort((x, y) => x - y);
        return p.every((v, i) => v === i);
      }),
      { seed: 5, numRuns: 100 },
    );
  });
});

describe('cdfSampler', () => {
  it('gives sampleCdf exactly: at every guide boundary, next to it, at 0 and just under 1, and on random u', async () => {
    const { cdfSampler, sampleCdf, zipfCdf } = await import('./zipf');
    for (const [n, s] of [[1, 1], [7, 0], [1000, 0.9], [100_000, 1.2], [50_000, 0.5]] as const) {
      const cdf = zipfCdf(n, s);
      const sample = cdfSampler(cdf);
      const us: number[] = [0, 1 - 2 ** -32, 0.5];
      for (let b = 0; b <= 65536; b += 97) us.push(b / 65536, Math.max(0, b / 65536 - 2 ** -32), Math.min(1 - 2 ** -32, b / 65536 + 2 ** -32));
      for (let r = 0; r < n; r += Math.max(1, Math.floor(n / 500))) us.push(cdf[r], Math.max(0, cdf[r] - 2 ** -32));
      let x = 12345;
      for (let i = 0; i < 5000; i++) {
        x = (Math.imul(x, 1103515245) + 12345) >>> 0;
        us.push(x / 2 ** 32);
      }
      for (const u of us.filter((v) => v >= 0 && v < 1)) expect(sample(u)).toBe(sampleCdf(cdf, u));
    }
  });
});
