import { describe, expect, it } from 'vitest';
import { hopLatency, type HopLatency } from './latency';

const base: HopLatency = { latency: 'uniform', latencyMsMin: 1, latencyMsMax: 10, latencyMsMean: 5, paretoShape: 1.5 };

describe('hopLatency', () => {
  it('hopLatency(p) maps each distribution to the engine spec in ticks (µs)', () => {
    expect(hopLatency(base)).toEqual({ kind: 'uniform', minTicks: 1000, maxTicks: 10_000 });
    expect(hopLatency({ ...base, latency: 'exponential', latencyMsMean: 3 })).toEqual({ kind: 'exponential', minTicks: 1000, meanTicks: 3000, capTicks: 10_000 });
    expect(hopLatency({ ...base, latency: 'pareto', paretoShape: 1.2 })).toEqual({ kind: 'pareto', scaleTicks: 1000, shape: 1.2, capTicks: 10_000 });
  });

  it('hopLatency(p) keeps an exponential mean and a Pareto scale at one tick at least (the sampler refuses 0)', () => {
    expect(hopLatency({ ...base, latency: 'exponential', latencyMsMean: 0.0001 })).toMatchObject({ meanTicks: 1 });
    expect(hopLatency({ ...base, latency: 'pareto', latencyMsMin: 0 })).toMatchObject({ scaleTicks: 1 });
  });
});
