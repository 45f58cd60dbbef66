import { describe, expect, it } from 'vitest';
import { cost, LIMITS, quorumConfigs } from './scenario';
import { spec } from './index';

const messages = (input: unknown) => {
  const v = spec.validate(input);
  return v.ok ? [] : v.issues.map((i) => `${i.path}: ${i.message}`);
};

describe('pbs scenario', () => {
  it('spec.validate() accepts the defaults and every preset', () => {
    expect(spec.validate(spec.defaults).ok).toBe(true);
    for (const p of spec.presets) expect(messages(p.scenario), p.id).toEqual([]);
  });

  it('spec.validate() refuses trials over the limit, naming it', () => {
    expect(messages({ ...spec.defaults, trials: 200_000 })).toEqual(['trials: trials must be 1..100,000, got 200,000']);
    expect(LIMITS.trialsMax).toBe(100_000);
  });

  it('spec.validate() refuses R or W above N, naming the configuration', () => {
    expect(messages({ ...spec.defaults, r2: 4 })).toEqual(['r2: config 2: R (read quorum) must be at most N = 3, got r2 = 4; raise n2 or lower r2']);
    expect(messages({ ...spec.defaults, n1: 1, w1: 2 })).toEqual(['w1: config 1: W (write quorum) must be at most N = 1, got w1 = 2; raise n1 or lower w1']);
  });

  it('spec.validate() ignores R and W of a configuration switched off (n = 0); config 1 cannot be off', () => {
    expect(messages({ ...spec.defaults, n4: 0, r4: 5, w4: 5 })).toEqual([]);
    expect(messages({ ...spec.defaults, n1: 0 })).toEqual(['n1: n1 must be 1..10, got 0']);
  });

  it('spec.validate() refuses an unknown latency fit and out-of-range exponential means and t max', () => {
    expect(messages({ ...spec.defaults, latency: 'pareto' })[0]).toMatch(/latency must be one of lnkd-ssd, lnkd-disk, ymmr, exponential/);
    expect(messages({ ...spec.defaults, writeMeanMs: 0 })[0]).toMatch(/writeMeanMs must be 0\.01\.\.1,?000, got 0/);
    expect(messages({ ...spec.defaults, tMaxMs: 20_000 })[0]).toMatch(/tMaxMs must be 0\.1\.\.10,?000, got 20,?000/);
  });

  it('quorumConfigs() lists the configurations switched on, in order; cost() grows with trials; the horizon is the plot\'s t range', () => {
    expect(quorumConfigs(spec.defaults)).toEqual([{ n: 3, r: 1, w: 1 }, { n: 3, r: 2, w: 1 }, { n: 3, r: 2, w: 2 }]);
    expect(cost({ ...spec.defaults, trials: 1000 })).toBeLessThan(cost(spec.defaults));
    expect(spec.horizon({ ...spec.defaults, tMaxMs: 120 })).toBe(120);
  });
});
