import { describe, expect, it } from 'vitest';
import { rng } from '../core/random/rng';
import { type LatencySpec, latencySampler } from './latency';

const N = 50_000;

function draws(spec: LatencySpec, seed = 1): number[] {
  const sample = latencySampler(spec);
  const r = rng(seed);
  return Array.from({ length: N }, () => sample(r));
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('latencySampler', () => {
  it('constant always gives its ticks', () => {
    expect(new Set(draws({ kind: 'constant', ticks: 7 }))).toEqual(new Set([7]));
  });

  it('uniform gives integers in [min, max] with every value hit and mean (min + max) / 2', () => {
    const xs = draws({ kind: 'uniform', minTicks: 10, maxTicks: 20 });
    expect(xs.every((x) => Number.isInteger(x) && x >= 10 && x <= 20)).toBe(true);
    expect(new Set(xs).size).toBe(11);
    expect(mean(xs)).toBeCloseTo(15, 0);
  });

  it('exponential gives integers >= min with mean min + meanTicks (within 3%)', () => {
    const xs = draws({ kind: 'exponential', meanTicks: 1000, minTicks: 50 });
    expect(xs.every((x) => Number.isInteger(x) && x >= 50 && x <= 50 + 100 * 1000)).toBe(true);
    expect(Math.abs(mean(xs) - 1050) / 1050).toBeLessThan(0.03);
    // Memoryless shape: about e^-1 of draws exceed min + mean.
    expect(Math.abs(xs.filter((x) => x > 1050).length / N - Math.exp(-1))).toBeLessThan(0.01);
  });

  it('exponential clamps to capTicks', () => {
    const xs = draws({ kind: 'exponential', meanTicks: 1000, capTicks: 1500 });
    expect(Math.max(...xs)).toBe(1500);
  });

  it('pareto gives integers in [scale, cap] with mean scale * shape / (shape - 1) for shape > 1 (within 5%)', () => {
    const xs = draws({ kind: 'pareto', scaleTicks: 100, shape: 3 });
    expect(xs.every((x) => Number.isInteger(x) && x >= 100 && x <= 100_000)).toBe(true);
    expect(Math.abs(mean(xs) - 150) / 150).toBeLessThan(0.05);
    // Heavy tail: P(X > 2 scale) = 2^-shape = 1/8.
    expect(Math.abs(xs.filter((x) => x > 200).length / N - 0.125)).toBeLessThan(0.01);
  });

  it('pareto with shape <= 1 stays finite under its cap', () => {
    const xs = draws({ kind: 'pareto', scaleTicks: 10, shape: 0.5, capTicks: 5000 });
    expect(Math.max(...xs)).toBe(5000);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(10);
  });

  it('empirical draws only its samples, each about equally often', () => {
    const xs = draws({ kind: 'empirical', samplesTicks: [3, 30, 300] });
    const counts = [3, 30, 300].map((v) => xs.filter((x) => x === v).length);
    expect(counts.reduce((a, b) => a + b)).toBe(N);
    for (const c of counts) expect(Math.abs(c / N - 1 / 3)).toBeLessThan(0.02);
  });

  it('draws from seed 42 are pinned (guards against engine or algorithm drift: Math.log, Math.pow, rng)', () => {
    const first5 = (spec: LatencySpec) => {
      const sample = latencySampler(spec);
      const r = rng(42);
      return [sample(r), sample(r), sample(r), sample(r), sample(r)];
    };
    expect(first5({ kind: 'exponential', meanTicks: 1000 })).toEqual([534, 3499, 4, 776, 1050]);
    expect(first5({ kind: 'pareto', scaleTicks: 100, shape: 1.5 })).toEqual([143, 1031, 100, 168, 201]);
  });

  it('refuses bad specs with a message naming the field, the range and the value', () => {
    expect(() => latencySampler({ kind: 'constant', ticks: 1.5 })).toThrow(/constant latency ticks .* got 1.5/);
    expect(() => latencySampler({ kind: 'uniform', minTicks: 5, maxTicks: 2 })).toThrow('minTicks <= maxTicks, got 5..2');
    expect(() => latencySampler({ kind: 'exponential', meanTicks: 0 })).toThrow('meanTicks must be a number above 0, got 0');
    expect(() => latencySampler({ kind: 'pareto', scaleTicks: 1, shape: -1 })).toThrow('shape must be in (0, 1000], got -1');
    expect(() => latencySampler({ kind: 'empirical', samplesTicks: [] })).toThrow('needs 1..1000000 samples, got 0');
    expect(() => latencySampler({ kind: 'empirical', samplesTicks: [1, -2] })).toThrow('samplesTicks[1]');
    expect(() => latencySampler({ kind: 'gaussian' } as never)).toThrow('invalid latency kind: gaussian');
  });
});
