import { describe, expect, it } from 'vitest';
import { consistencyAt, latencyMs, pbsCost, pbsExperiment, pbsSweep, tVisibilityMs, type PbsContext } from './experiment';
import type { LegSpec, WarsLegs } from './legs';
import { LNKD_DISK, YMMR, exponentialLegs } from './productionFits';
import { warsBlock, warsScratch } from './wars';

class BudgetExceededForTest extends Error {}

/** A PbsContext for tests: counts work units and progress calls; throws past `budget` units. */
function countingContext(budget = Infinity): PbsContext & { units: number; fractions: number[] } {
  const context = {
    units: 0,
    fractions: [] as number[],
    work(units: number) {
      context.units += units;
      if (context.units > budget) throw new BudgetExceededForTest(`budget ${budget} spent`);
    },
    progress(fraction: number) {
      context.fractions.push(fraction);
    },
  };
  return context;
}

describe('warsBlock', () => {
  // One trial, three replicas (ms):      W    A    R    S    W+A  R+S
  //   replica 0                          5    1    1    1    6    2
  //   replica 1                          1    1    2    2    2    4
  //   replica 2                          3    3    0.5  0.5  6    1
  // W=1 commits at 2 (replica 1). The first responder is replica 2: the read, sent at 2 + t, reaches it
  // at 2.5 + t, and the write reached it at 3, so the read is consistent from t = 0.5 on.
  const delays = {
    write: Float64Array.of(5, 1, 3),
    ack: Float64Array.of(1, 1, 3),
    read: Float64Array.of(1, 2, 0.5),
    response: Float64Array.of(1, 2, 0.5),
    stride: 3,
  };
  const run = (r: number, w: number) => {
    const out = { staleUntilMs: new Float64Array(1), readLatencyMs: new Float64Array(1), writeLatencyMs: new Float64Array(1) };
    warsBlock(3, r, w, delays, 1, out, 0, warsScratch(3));
    return [out.staleUntilMs[0], out.readLatencyMs[0], out.writeLatencyMs[0]];
  };

  it('warsBlock(R=1, W=1) on the worked example: stale until 0.5 ms, read 1 ms, write 2 ms', () => {
    expect(run(1, 1)).toEqual([0.5, 1, 2]);
  });

  it('warsBlock(R=3, W=1) sees replica 1, which had the write 1 ms before the read reached it', () => {
    expect(run(3, 1)).toEqual([-3, 4, 2]);
  });

  it('warsBlock(R=1, W=2) commits at 6 ms, after the write reached every replica', () => {
    expect(run(1, 2)).toEqual([-3.5, 1, 6]);
  });

  it('warsBlock breaks ties in R + S by replica index', () => {
    const tie = { write: Float64Array.of(9, 0), ack: Float64Array.of(0, 0), read: Float64Array.of(1, 1), response: Float64Array.of(1, 1), stride: 2 };
    const out = { staleUntilMs: new Float64Array(1), readLatencyMs: new Float64Array(1), writeLatencyMs: new Float64Array(1) };
    warsBlock(2, 1, 1, tie, 1, out, 0, warsScratch(2));
    expect(out.staleUntilMs[0]).toBe(9 - 1 - 0); // replica 0 answers first and had not seen the write
  });
});

const heavy: LegSpec = { kind: 'pareto', xmMs: 0.5, alpha: 1.1 };
const odd: WarsLegs = {
  write: { kind: 'mixture', parts: [{ weight: 0.5, leg: heavy }, { weight: 0.5, leg: { kind: 'exponential', lambda: 0.01 } }] },
  ack: { kind: 'empirical', samplesMs: [0, 0, 3, 100] },
  read: { kind: 'uniform', minMs: 0, maxMs: 0.1 },
  response: heavy,
};

describe('pbsSweep', () => {
  it('pbsSweep gives probability 1 at t=0 to every strict quorum (R + W > N), whatever the legs', () => {
    for (const legs of [odd, YMMR, LNKD_DISK]) {
      const configs = [{ n: 3, r: 2, w: 2 }, { n: 3, r: 3, w: 1 }, { n: 3, r: 1, w: 3 }, { n: 5, r: 3, w: 3 }, { n: 6, r: 2, w: 5 }];
      const result = pbsSweep({ configs, legs, trials: 20_000, seed: 3, tGridMs: [0, 1] });
      for (const curve of result.curves) {
        expect(curve.isStrict).toBe(true);
        expect(curve.staleUntilMs[curve.staleUntilMs.length - 1]).toBeLessThanOrEqual(0);
        expect([...curve.pConsistent]).toEqual([1, 1]);
      }
    }
  });

  it('pbsSweep is byte-identical for one seed and differs for another', () => {
    const options = { configs: [{ n: 3, r: 1, w: 1 }, { n: 5, r: 2, w: 1 }], legs: odd, trials: 5000, seed: 'same' };
    const a = pbsSweep(options);
    const b = pbsSweep(options);
    expect(a).toEqual(b);
    expect(pbsSweep({ ...options, seed: 'other' }).curves[0].staleUntilMs).not.toEqual(a.curves[0].staleUntilMs);
  });

  it('pbsSweep gives a configuration the same trials alone or beside others (streams per leg and replica)', () => {
    const alone = pbsExperiment({ n: 3, r: 1, w: 1, legs: LNKD_DISK, trials: 9000, seed: 7 });
    const together = pbsSweep({ configs: [{ n: 7, r: 2, w: 3 }, { n: 3, r: 1, w: 1 }], legs: LNKD_DISK, trials: 9000, seed: 7 });
    expect(together.curves[1].staleUntilMs).toEqual(alone.staleUntilMs);
    expect(together.curves[1].writeLatencyMs).toEqual(alone.writeLatencyMs);
  });

  it('pbsSweep reports work units summing to pbsCost and progress ending at 1', () => {
    const options = { configs: [{ n: 3, r: 1, w: 1 }, { n: 5, r: 1, w: 1 }], legs: odd, trials: 10_000 };
    const context = countingContext();
    pbsSweep({ ...options, seed: 1, context });
    expect(context.units).toBe(pbsCost(options));
    expect(context.fractions.at(-1)).toBe(1);
    expect(context.fractions.length).toBe(3); // 4096-trial blocks
  });

  it('pbsSweep stops with the error a context throws when its budget is spent', () => {
    const context = countingContext(5000);
    expect(() => pbsSweep({ configs: [{ n: 3, r: 1, w: 1 }], legs: odd, trials: 100_000, seed: 1, context })).toThrow(BudgetExceededForTest);
    expect(context.fractions.length).toBe(0);
  });

  it('pbsSweep default grid runs from 0 past the slowest 99.9% point, and curves rise to it', () => {
    const result = pbsSweep({ configs: [{ n: 3, r: 1, w: 1 }, { n: 3, r: 2, w: 1 }], legs: exponentialLegs(0.1, 1), trials: 20_000, seed: 2 });
    expect(result.tMs[0]).toBe(0);
    const slowest = tVisibilityMs(result.curves[0], 0.999);
    expect(result.tMs.at(-1)).toBeCloseTo(1.25 * slowest, 9);
    expect(result.curves[0].pConsistent.at(-1)).toBeGreaterThanOrEqual(0.999);
  });

  it('consistencyAt and tVisibilityMs read the same trials as the grid', () => {
    const e = pbsExperiment({ n: 3, r: 1, w: 1, legs: exponentialLegs(0.5, 1), trials: 10_000, seed: 4, tGridMs: [0, 2, 5] });
    expect([...e.pConsistent]).toEqual([consistencyAt(e, 0), consistencyAt(e, 2), consistencyAt(e, 5)]);
    const t90 = tVisibilityMs(e, 0.9);
    expect(consistencyAt(e, t90)).toBeGreaterThanOrEqual(0.9);
    expect(consistencyAt(e, t90 - 1e-9)).toBeLessThan(0.9);
    expect(latencyMs(e, 'read', 0.5)).toBeGreaterThan(0);
  });

  it('pbsSweep refuses bad options with the name and value', () => {
    const base = { legs: odd, trials: 10, seed: 1 };
    expect(() => pbsSweep({ ...base, configs: [{ n: 3, r: 4, w: 1 }] })).toThrow('invalid r: 4 (n = 3)');
    expect(() => pbsSweep({ ...base, configs: [{ n: 0, r: 1, w: 1 }] })).toThrow('invalid n: 0');
    expect(() => pbsSweep({ ...base, configs: [] })).toThrow('invalid config count: 0');
    expect(() => pbsSweep({ ...base, trials: 0, configs: [{ n: 1, r: 1, w: 1 }] })).toThrow('invalid trials: 0');
    expect(() => pbsSweep({ ...base, configs: [{ n: 1, r: 1, w: 1 }], tGridMs: [2, 1] })).toThrow('not ascending at 1');
  });
});
