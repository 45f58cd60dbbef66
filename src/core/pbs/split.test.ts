/**
 * A sweep split into trial ranges, each computed apart (as a pool of workers does) and merged, is the same
 * sweep to the bit, for any split; and a leg's skipper leaves a stream where its sampler would.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rng } from '../random/rng';
import { LNKD_DISK, YMMR, exponentialLegs } from './productionFits';
import { legSampler, legSkipper, type LegSpec, type WarsLegs } from './legs';
import { pbsMerge, pbsSweep, pbsTrials, type PbsSweepOptions } from './experiment';

/** Legs whose draws take a varying number of u32s: a constant part (none) and an empirical one (rejection). */
const VARYING: WarsLegs = {
  write: { kind: 'mixture', parts: [{ weight: 0.3, leg: { kind: 'constant', ms: 2 } }, { weight: 0.7, leg: { kind: 'empirical', samplesMs: [1, 2, 3, 5, 8, 13, 21] } }] },
  ack: { kind: 'pareto', xmMs: 1, alpha: 2 },
  read: { kind: 'uniform', minMs: 0, maxMs: 4 },
  response: { kind: 'exponential', lambda: 0.5 },
};

function splitAt(trials: number, cuts: number[]): [number, number][] {
  const points = [0, ...[...new Set(cuts.map((c) => c % trials))].filter((c) => c > 0).sort((a, b) => a - b), trials];
  return points.slice(1).map((to, i) => [points[i], to]);
}

describe('pbsTrials + pbsMerge', () => {
  it('any split into ranges merges to exactly the whole sweep (pool sizes 1..4 and random cuts)', () => {
    for (const legs of [LNKD_DISK, YMMR, VARYING, exponentialLegs(0.1, 1)]) {
      const options: PbsSweepOptions = { configs: [{ n: 3, r: 1, w: 1 }, { n: 5, r: 2, w: 2 }, { n: 3, r: 2, w: 2 }], legs, trials: 2_500, seed: 17 };
      const whole = pbsSweep(options);
      for (let size = 1; size <= 4; size++) {
        const ranges = Array.from({ length: size }, (_, k) => [Math.floor((k * options.trials) / size), Math.floor(((k + 1) * options.trials) / size)]);
        // Computed in reverse order, as workers may finish: the merge orders them.
        const shares = ranges.reverse().map(([from, to]) => pbsTrials(options, from, to));
        expect(pbsMerge(options, shares)).toEqual(whole);
      }
    }
  });

  it('random splits of random sweeps merge to the whole', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1500 }), fc.array(fc.nat(), { maxLength: 5 }), fc.nat(), (trials, cuts, seed) => {
        const options: PbsSweepOptions = { configs: [{ n: 3, r: 1, w: 2 }], legs: VARYING, trials, seed, tGridMs: [0, 1, 5, 20] };
        const shares = splitAt(trials, cuts).map(([from, to]) => pbsTrials(options, from, to));
        expect(pbsMerge(options, shares)).toEqual(pbsSweep(options));
      }),
      { seed: 5, numRuns: 15 },
    );
  });

  it('refuses shares with a gap or an overlap', () => {
    const options: PbsSweepOptions = { configs: [{ n: 3, r: 1, w: 1 }], legs: LNKD_DISK, trials: 100, seed: 1 };
    expect(() => pbsMerge(options, [pbsTrials(options, 0, 40), pbsTrials(options, 50, 100)])).toThrow('gap or overlap at trial 40');
    expect(() => pbsMerge(options, [pbsTrials(options, 0, 60)])).toThrow('not 100');
  });
});

describe('legSkipper', () => {
  it('leaves the stream where one draw of the sampler leaves it', () => {
    const specs: LegSpec[] = [VARYING.write, VARYING.ack, VARYING.read, VARYING.response, { kind: 'constant', ms: 1 }, LNKD_DISK.write];
    for (const spec of specs) {
      const sampled = rng(3);
      const skipped = rng(3);
      const draw = legSampler(spec);
      const skip = legSkipper(spec);
      for (let i = 0; i < 500; i++) {
        draw(sampled);
        skip(skipped);
      }
      expect(skipped.u32()).toBe(sampled.u32());
    }
  });
});
