/**
 * Goal: the k-staleness closed form 1 - (C(N-W,R)/C(N,R))^k is exact for static random quorums.
 * Method: compare it with an exhaustive count over every choice of write sets and read set (small N), with
 * the static-quorum Monte Carlo, and with WARS at t = 0 in the limit where WARS has no expansion in time.
 */
import { describe, expect, it } from 'vitest';
import { exponentialLegs } from './productionFits';
import { pbsExperiment } from './experiment';
import { kStalenessProbability, kStalenessTrials, staleQuorumProbability } from './kStaleness';

/** Every size-`size` subset of 0..n-1 as a bit mask. */
function subsets(n: number, size: number): number[] {
  const out: number[] = [];
  for (let mask = 0; mask < 1 << n; mask++) {
    let bits = 0;
    for (let m = mask; m; m &= m - 1) bits++;
    if (bits === size) out.push(mask);
  }
  return out;
}

/** Exact P(read set meets one of k independent write sets), counted over all (W-set^k, R-set) choices. */
function exhaustive(n: number, r: number, w: number, k: number): number {
  const writeSets = subsets(n, w);
  const readSets = subsets(n, r);
  let unions = [0];
  for (let v = 0; v < k; v++) unions = unions.flatMap((u) => writeSets.map((s) => u | s));
  let hits = 0;
  for (const u of unions) for (const s of readSets) if (u & s) hits++;
  return hits / (unions.length * readSets.length);
}

describe('kStaleness', () => {
  it('staleQuorumProbability gives the paper\'s examples: N=3,R=W=1 -> 2/3; N=100,R=W=30 -> 1.88e-6', () => {
    expect(staleQuorumProbability(3, 1, 1)).toBeCloseTo(2 / 3, 15);
    expect(staleQuorumProbability(100, 30, 30)).toBeCloseTo(1.88e-6, 8);
    expect(staleQuorumProbability(3, 2, 2)).toBe(0);
  });

  it('kStalenessProbability equals the exhaustive count for every N <= 6, R, W and k <= 3', () => {
    for (let n = 1; n <= 6; n++)
      for (let r = 1; r <= n; r++)
        for (let w = 1; w <= n; w++)
          for (let k = 1; k <= 3; k++) expect(kStalenessProbability(n, r, w, k)).toBeCloseTo(exhaustive(n, r, w, k), 12);
  });

  it('kStalenessTrials agrees with the closed form within 4 standard errors', () => {
    const trials = 40_000;
    for (const [n, r, w, k] of [[3, 1, 1, 1], [3, 1, 1, 3], [5, 2, 1, 2], [10, 2, 2, 4]]) {
      const p = kStalenessProbability(n, r, w, k);
      const se = Math.sqrt((p * (1 - p)) / trials);
      expect(Math.abs(kStalenessTrials({ n, r, w, k, trials, seed: `k:${n}${r}${w}${k}` }) - p)).toBeLessThan(4 * se + 1e-12);
    }
  });

  it('WARS at t=0 with instant acks and read requests (A = R = 0) gives 1 - C(N-W,R)/C(N,R)', () => {
    // With A = R = 0 the write quorum is the W first arrivals (order of W) and the read's first R
    // responders are a uniform R-set independent of it (order of S, iid): the static model exactly.
    const trials = 60_000;
    for (const [n, r, w] of [[3, 1, 1], [5, 1, 2], [5, 2, 2], [7, 3, 2]]) {
      const legs = { ...exponentialLegs(1, 1), ack: { kind: 'constant', ms: 0 } as const, read: { kind: 'constant', ms: 0 } as const };
      const p = kStalenessProbability(n, r, w, 1);
      const se = Math.sqrt((p * (1 - p)) / trials);
      const got = pbsExperiment({ n, r, w, legs, trials, seed: 5, tGridMs: [0] }).pConsistent[0];
      expect(Math.abs(got - p)).toBeLessThan(4 * se);
    }
  });

  it('WARS with constant legs is consistent at t=0 for any R, W (every write lands before any read starts)', () => {
    const c = { kind: 'constant', ms: 1 } as const;
    const got = pbsExperiment({ n: 5, r: 1, w: 1, legs: { write: c, ack: c, read: c, response: c }, trials: 100, seed: 1, tGridMs: [0] });
    expect(got.pConsistent[0]).toBe(1);
  });

  it('kStalenessProbability refuses k < 1 and quorums larger than N', () => {
    expect(() => kStalenessProbability(3, 1, 1, 0)).toThrow('invalid k: 0');
    expect(() => staleQuorumProbability(3, 4, 1)).toThrow('invalid r: 4 (n = 3)');
  });
});
