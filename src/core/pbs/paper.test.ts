/**
 * Goal: our WARS Monte Carlo, fed the paper's own latency fits, reproduces the paper's published figures.
 * Method: 200,000 seeded trials per fit (N = 3 and the paper's R, W), compared with numbers printed in
 *
 *   [VLDB]  Bailis et al., "Probabilistically Bounded Staleness for Practical Partial Quorums", VLDB 2012,
 *           read from the authors' LaTeX (github.com/pbailis/pbs-vldb-historical-paper-material,
 *           writeup/ernst.tex; the stored revision is a late draft): Table 3 (fits), Table 4 (t at 99.9%
 *           consistent reads and 99.9th percentile latencies L_r, L_w, N = 3), Section 5 prose. The
 *           published paper's introduction quotes the same 1.85 vs 45.5 ms and 202 ms;
 *   [CACM]  the same authors, "Quantifying Eventual Consistency with PBS" (CACM research highlight,
 *           github.com/pbailis/paper-repo-cacm-pbs-research-highlight, pbs-cacm.tex): the same Table 4
 *           and the figures for t = 0, replica count and exponential write tails.
 *
 * Two known gaps, measured rather than hidden (see each test):
 * - The published "t for 99.9%" values are the first t on a fixed grid at which a fresh batch of 50,000
 *   reads was >= 99.9% consistent (Table 4's caption; the authors' Simulator.java draws new trials for
 *   every t): a noisy first crossing, so biased early. We estimate the same quantile from one set of trials
 *   for every t, so ours come out 0-19% later, and at the published t our reads are 99.85-99.89%
 *   consistent. Emulating their procedure on our model (fresh 50,000-trial batches per grid step, five
 *   seeds) gave LNKD-DISK R=W=1 46-53 ms (published 45.5) and LNKD-SSD R=W=1 1.85-1.94 ms (1.85).
 * - YMMR's W Pareto alpha is 3.35 in Table 3 but 3.5 in the authors' simulator; the published YMMR
 *   numbers (89.3% at commit, L_w = 10.83 ms) match 3.5 (YMMR_SIMULATOR), so both are checked.
 */
import { describe, expect, it } from 'vitest';
import { consistencyAt, latencyMs, pbsSweep, tVisibilityMs, type PbsSweepResult } from './experiment';
import type { WarsLegs } from './legs';
import { LNKD_DISK, LNKD_SSD, YMMR, YMMR_SIMULATOR, exponentialLegs } from './productionFits';

const TRIALS = 200_000;
const CONFIGS = [{ n: 3, r: 1, w: 1 }, { n: 3, r: 1, w: 2 }, { n: 3, r: 2, w: 1 }, { n: 3, r: 3, w: 1 }, { n: 3, r: 1, w: 3 }];
const [R1W1, R1W2, R2W1, R3W1, R1W3] = [0, 1, 2, 3, 4];

const cache = new Map<WarsLegs, PbsSweepResult>();
function sweep(legs: WarsLegs): PbsSweepResult {
  let result = cache.get(legs);
  if (!result) {
    result = pbsSweep({ configs: CONFIGS, legs, trials: TRIALS, seed: 'pbs-vldb-2012' });
    cache.set(legs, result);
  }
  return result;
}

/** |ours - published| <= tolerance, with both in the failure message. */
function near(ours: number, published: number, tolerance: number): void {
  expect(Math.abs(ours - published), `ours ${ours}, published ${published}`).toBeLessThanOrEqual(tolerance);
}

/** Relative check: ours within [low, high] x published. */
function within(ours: number, published: number, low: number, high: number): void {
  expect(ours / published, `ours ${ours}, published ${published}`).toBeGreaterThanOrEqual(low);
  expect(ours / published, `ours ${ours}, published ${published}`).toBeLessThanOrEqual(high);
}

describe('PBS paper: consistency right after commit (N=3, R=W=1)', () => {
  it('LNKD-SSD: 97.4% consistent at t=0 [CACM; 97.5% in the VLDB draft] (ours within 0.3 points)', () => {
    near(consistencyAt(sweep(LNKD_SSD).curves[R1W1], 0), 0.974, 0.003);
  });

  it('LNKD-SSD: over 99.999% consistent at t=5 ms [CACM] (ours >= 99.995% at 2x10^5 trials)', () => {
    expect(consistencyAt(sweep(LNKD_SSD).curves[R1W1], 5)).toBeGreaterThanOrEqual(0.99995);
  });

  it('LNKD-DISK: 43.9% at t=0 and 92.5% at t=10 ms [VLDB, CACM] (ours within 0.5 points)', () => {
    const curve = sweep(LNKD_DISK).curves[R1W1];
    near(consistencyAt(curve, 0), 0.439, 0.005);
    near(consistencyAt(curve, 10), 0.925, 0.005);
  });

  it('YMMR: 89.3% at t=0 [VLDB, CACM]: simulator fit (alpha 3.5) within 0.5 points, Table 3 fit (3.35) within 1', () => {
    near(consistencyAt(sweep(YMMR_SIMULATOR).curves[R1W1], 0), 0.893, 0.005);
    near(consistencyAt(sweep(YMMR).curves[R1W1], 0), 0.893, 0.01);
  });

  it('YMMR: 93.9% at t=10 ms [VLDB draft, Section 5 prose] (ours within 0.5 points, both fits)', () => {
    near(consistencyAt(sweep(YMMR_SIMULATOR).curves[R1W1], 10), 0.939, 0.005);
    near(consistencyAt(sweep(YMMR).curves[R1W1], 10), 0.939, 0.005);
  });
});

describe('PBS paper: Table 4, t for 99.9% consistent reads (N=3)', () => {
  // [fit, config index, published t in ms]
  const published: [string, WarsLegs, number, number][] = [
    ['LNKD-SSD R=1 W=1', LNKD_SSD, R1W1, 1.85],
    ['LNKD-SSD R=1 W=2', LNKD_SSD, R1W2, 1.79],
    ['LNKD-DISK R=1 W=1', LNKD_DISK, R1W1, 45.5],
    ['LNKD-DISK R=1 W=2', LNKD_DISK, R1W2, 43.3],
    ['LNKD-DISK R=2 W=1', LNKD_DISK, R2W1, 13.6],
    ['YMMR R=1 W=1', YMMR_SIMULATOR, R1W1, 1364],
    ['YMMR R=1 W=2', YMMR_SIMULATOR, R1W2, 1352],
    ['YMMR R=2 W=1', YMMR_SIMULATOR, R2W1, 202],
  ];

  for (const [name, legs, config, tMs] of published) {
    it(`${name}: at the published t = ${tMs} ms our reads are 99.8-99.95% consistent, our 99.9% point within 0.95-1.25x`, () => {
      const curve = sweep(legs).curves[config];
      const p = consistencyAt(curve, tMs);
      expect(p, `P(consistent at ${tMs} ms) = ${p}`).toBeGreaterThanOrEqual(0.998);
      expect(p, `P(consistent at ${tMs} ms) = ${p}`).toBeLessThanOrEqual(0.9995);
      within(tVisibilityMs(curve, 0.999), tMs, 0.95, 1.25);
    });
  }

  it('strict quorums (R=3 W=1, R=1 W=3) and LNKD-SSD R=2 W=1 need t = 0 for 99.9% [Table 4]', () => {
    for (const legs of [LNKD_SSD, LNKD_DISK, YMMR_SIMULATOR]) {
      expect(tVisibilityMs(sweep(legs).curves[R3W1], 0.999)).toBe(0);
      expect(tVisibilityMs(sweep(legs).curves[R1W3], 0.999)).toBe(0);
    }
    expect(tVisibilityMs(sweep(LNKD_SSD).curves[R2W1], 0.999)).toBe(0);
  });
});

describe('PBS paper: Table 4, 99.9th percentile latencies (N=3)', () => {
  // [name, legs, config, op, published ms]; ours within 7% (the 99.9th percentile of a heavy tail at 2x10^5 trials).
  const published: [string, WarsLegs, number, 'read' | 'write', number][] = [
    ['LNKD-SSD R=1 W=1 L_w', LNKD_SSD, R1W1, 'write', 0.66],
    ['LNKD-SSD R=3 W=1 L_r', LNKD_SSD, R3W1, 'read', 4.14],
    ['LNKD-SSD R=1 W=3 L_w', LNKD_SSD, R1W3, 'write', 4.09],
    ['LNKD-DISK R=1 W=1 L_w', LNKD_DISK, R1W1, 'write', 10.99],
    ['LNKD-DISK R=1 W=2 L_w', LNKD_DISK, R1W2, 'write', 20.97],
    ['LNKD-DISK R=1 W=3 L_w', LNKD_DISK, R1W3, 'write', 112.65],
    ['LNKD-DISK R=2 W=1 L_r', LNKD_DISK, R2W1, 'read', 1.63],
    ['YMMR R=1 W=1 L_r', YMMR_SIMULATOR, R1W1, 'read', 5.58],
    ['YMMR R=1 W=1 L_w', YMMR_SIMULATOR, R1W1, 'write', 10.83],
    ['YMMR R=2 W=1 L_r', YMMR_SIMULATOR, R2W1, 'read', 32.6],
    ['YMMR R=3 W=1 L_r', YMMR_SIMULATOR, R3W1, 'read', 219.27],
    ['YMMR R=1 W=2 L_w', YMMR_SIMULATOR, R1W2, 'write', 427.12],
    ['YMMR R=1 W=3 L_w', YMMR_SIMULATOR, R1W3, 'write', 1870.86],
  ];
  for (const [name, legs, config, op, ms] of published) {
    it(`${name} = ${ms} ms (ours within 7%)`, () => within(latencyMs(sweep(legs).curves[config], op, 0.999), ms, 0.93, 1.07));
  }
});

describe('PBS paper: replica count and write-latency tail (R=W=1)', () => {
  it('LNKD-DISK: 57.5% at t=0 with N=2, 21.1% with N=10; t for 99.9% 45.3 and 53.7 ms [CACM] (ours within 0.5 points; t within 0.95-1.25x)', () => {
    const { curves } = pbsSweep({ configs: [{ n: 2, r: 1, w: 1 }, { n: 10, r: 1, w: 1 }], legs: LNKD_DISK, trials: TRIALS, seed: 'pbs-n-sweep' });
    near(consistencyAt(curves[0], 0), 0.575, 0.005);
    near(consistencyAt(curves[1], 0), 0.211, 0.005);
    within(tVisibilityMs(curves[0], 0.999), 45.3, 0.95, 1.25);
    within(tVisibilityMs(curves[1], 0.999), 53.7, 0.95, 1.25);
  });

  it('exponential W mean 0.25 ms, A=R=S mean 1 ms: 94% at t=0, 99.9% after 1 ms [VLDB, CACM] (ours within 0.5 points; t within 0.1 ms)', () => {
    const curve = pbsSweep({ configs: [{ n: 3, r: 1, w: 1 }], legs: exponentialLegs(4, 1), trials: TRIALS, seed: 'pbs-exp-fast' }).curves[0];
    near(consistencyAt(curve, 0), 0.94, 0.005);
    near(tVisibilityMs(curve, 0.999), 1, 0.1);
  });

  it('exponential W mean 10 ms, A=R=S mean 1 ms: 41% at t=0, 99.9% after 65 ms [VLDB, CACM] (ours within 1 point; t within 5%)', () => {
    const curve = pbsSweep({ configs: [{ n: 3, r: 1, w: 1 }], legs: exponentialLegs(0.1, 1), trials: TRIALS, seed: 'pbs-exp-slow' }).curves[0];
    near(consistencyAt(curve, 0), 0.41, 0.01);
    within(tVisibilityMs(curve, 0.999), 65, 0.95, 1.05);
  });
});
