/**
 * Goal: the t-visibility curves keep the invariants the model promises, for any legs and quorum sizes.
 * Method: fast-check draws legs (every kind, mixtures included), N, R, W, a t grid and a seed (fixed runner
 * seed, printed by fast-check on failure); each property runs the Monte Carlo on a few hundred trials.
 * Because configurations of one sweep share their draws, the monotonicity properties hold exactly, not
 * only in expectation.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pbsSweep } from './experiment';
import type { LegSpec, WarsLegs } from './legs';

type SimpleLeg = Exclude<LegSpec, { kind: 'mixture' }>;

const simpleLeg: fc.Arbitrary<SimpleLeg> = fc.oneof(
  fc.record({ kind: fc.constant('constant' as const), ms: fc.double({ min: 0, max: 5, noNaN: true }) }),
  fc.tuple(fc.double({ min: 0, max: 5, noNaN: true }), fc.double({ min: 0, max: 5, noNaN: true })).map(([a, b]) => ({ kind: 'uniform' as const, minMs: Math.min(a, b), maxMs: Math.max(a, b) })),
  fc.record({ kind: fc.constant('exponential' as const), lambda: fc.double({ min: 0.05, max: 5, noNaN: true }) }),
  fc.record({ kind: fc.constant('pareto' as const), xmMs: fc.double({ min: 0.1, max: 3, noNaN: true }), alpha: fc.double({ min: 1.1, max: 5, noNaN: true }) }),
  fc.record({ kind: fc.constant('empirical' as const), samplesMs: fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 5 }) }),
);

const leg: fc.Arbitrary<LegSpec> = fc.oneof(
  simpleLeg,
  fc.tuple(fc.integer({ min: 1, max: 99 }), simpleLeg, simpleLeg).map(([percent, a, b]): LegSpec => ({
    kind: 'mixture',
    parts: [{ weight: percent / 100, leg: a }, { weight: 1 - percent / 100, leg: b }],
  })),
);

const legs: fc.Arbitrary<WarsLegs> = fc.record({ write: leg, ack: leg, read: leg, response: leg });

const quorum = fc.integer({ min: 1, max: 6 }).chain((n) => fc.record({ n: fc.constant(n), r: fc.integer({ min: 1, max: n }), w: fc.integer({ min: 1, max: n }) }));

const grid = fc.array(fc.double({ min: 0, max: 50, noNaN: true }), { minLength: 1, maxLength: 12 }).map((ts) => ts.sort((a, b) => a - b));

const RUNS = { seed: 2012, numRuns: 80 };
const TRIALS = 400;

describe('PBS properties', () => {
  it('pConsistent is non-decreasing in t for any legs and quorum sizes', () => {
    fc.assert(
      fc.property(legs, quorum, grid, fc.nat(), (l, q, tGridMs, seed) => {
        const { curves } = pbsSweep({ configs: [q], legs: l, trials: TRIALS, seed, tGridMs });
        const p = curves[0].pConsistent;
        for (let k = 1; k < p.length; k++) expect(p[k]).toBeGreaterThanOrEqual(p[k - 1]);
      }),
      RUNS,
    );
  });

  it('raising R or W never lowers pConsistent at any t (nor any trial\'s stale window)', () => {
    fc.assert(
      fc.property(legs, quorum, grid, fc.nat(), (l, { n, r, w }, tGridMs, seed) => {
        const configs = [{ n, r, w }, { n, r: Math.min(n, r + 1), w }, { n, r, w: Math.min(n, w + 1) }];
        const { curves } = pbsSweep({ configs, legs: l, trials: TRIALS, seed, tGridMs });
        for (const raised of curves.slice(1)) {
          for (let k = 0; k < tGridMs.length; k++) expect(raised.pConsistent[k]).toBeGreaterThanOrEqual(curves[0].pConsistent[k]);
          for (let j = 0; j < TRIALS; j++) expect(raised.staleUntilMs[j]).toBeLessThanOrEqual(curves[0].staleUntilMs[j]);
        }
      }),
      RUNS,
    );
  });

  it('a strict quorum (R + W > N) is consistent at t=0 for any legs', () => {
    fc.assert(
      fc.property(legs, quorum, fc.nat(), (l, { n, r }, seed) => {
        const w = n - r + 1;
        const { curves } = pbsSweep({ configs: [{ n, r, w }], legs: l, trials: TRIALS, seed, tGridMs: [0] });
        expect(curves[0].pConsistent[0]).toBe(1);
      }),
      RUNS,
    );
  });

  it('results are identical for the same seed', () => {
    fc.assert(
      fc.property(legs, quorum, fc.oneof(fc.nat(), fc.string()), (l, q, seed) => {
        const a = pbsSweep({ configs: [q], legs: l, trials: 200, seed });
        const b = pbsSweep({ configs: [q], legs: l, trials: 200, seed });
        expect(a).toEqual(b);
      }),
      { seed: 2013, numRuns: 40 },
    );
  });
});
