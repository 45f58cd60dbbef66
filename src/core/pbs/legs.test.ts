import { describe, expect, it } from 'vitest';
import { rng } from '../random/rng';
import { legSampler, warsSamplers, type LegSpec } from './legs';

function draws(spec: LegSpec, count: number, seed = 1): Float64Array {
  const sample = legSampler(spec);
  const stream = rng(seed);
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) out[i] = sample(stream);
  return out;
}

const mean = (xs: Float64Array) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('legSampler', () => {
  it('legSampler(constant) always returns its ms', () => {
    expect([...draws({ kind: 'constant', ms: 2.5 }, 5)]).toEqual([2.5, 2.5, 2.5, 2.5, 2.5]);
  });

  it('legSampler(uniform) stays in [min, max) with the middle as mean', () => {
    const xs = draws({ kind: 'uniform', minMs: 1, maxMs: 3 }, 20_000);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...xs)).toBeLessThan(3);
    expect(mean(xs)).toBeCloseTo(2, 1);
  });

  it('legSampler(exponential) has mean offset + 1/lambda and never goes below the offset', () => {
    const xs = draws({ kind: 'exponential', lambda: 0.5, offsetMs: 1 }, 50_000);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(1);
    expect(mean(xs)).toBeGreaterThan(2.95);
    expect(mean(xs)).toBeLessThan(3.05);
  });

  it('legSampler(pareto) starts at x_m and has median x_m * 2^(1/alpha)', () => {
    const xs = draws({ kind: 'pareto', xmMs: 0.235, alpha: 10 }, 50_000).sort();
    expect(xs[0]).toBeGreaterThanOrEqual(0.235);
    expect(xs[25_000]).toBeCloseTo(0.235 * 2 ** 0.1, 3);
  });

  it('legSampler(empirical) returns only its samples, each about equally often', () => {
    const xs = draws({ kind: 'empirical', samplesMs: [1, 5, 9] }, 30_000);
    const counts = new Map<number, number>();
    for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
    expect([...counts.keys()].sort((a, b) => a - b)).toEqual([1, 5, 9]);
    for (const c of counts.values()) expect(Math.abs(c - 10_000)).toBeLessThan(400);
  });

  it('legSampler(mixture) draws each part with its weight', () => {
    const xs = draws({ kind: 'mixture', parts: [{ weight: 0.25, leg: { kind: 'constant', ms: 1 } }, { weight: 0.75, leg: { kind: 'constant', ms: 2 } }] }, 40_000);
    const ones = xs.filter((x) => x === 1).length;
    expect(ones / xs.length).toBeGreaterThan(0.24);
    expect(ones / xs.length).toBeLessThan(0.26);
  });

  it('legSampler refuses bad parameters with the field and value', () => {
    expect(() => legSampler({ kind: 'constant', ms: -1 })).toThrow('invalid constant ms: -1');
    expect(() => legSampler({ kind: 'exponential', lambda: 0 })).toThrow('invalid exponential lambda: 0');
    expect(() => legSampler({ kind: 'pareto', xmMs: 1, alpha: -2 })).toThrow('invalid pareto alpha: -2');
    expect(() => legSampler({ kind: 'uniform', minMs: 3, maxMs: 1 })).toThrow('invalid uniform range: 3..1');
    expect(() => legSampler({ kind: 'empirical', samplesMs: [] })).toThrow('invalid empirical sample count: 0');
    expect(() => legSampler({ kind: 'mixture', parts: [{ weight: 0.5, leg: { kind: 'constant', ms: 1 } }] })).toThrow('sum to 0.5');
    expect(() => legSampler({ kind: 'nope' } as unknown as LegSpec)).toThrow('invalid leg kind: nope');
  });

  it('warsSamplers names the leg that is wrong', () => {
    const ok: LegSpec = { kind: 'constant', ms: 1 };
    expect(() => warsSamplers({ write: ok, ack: ok, read: { kind: 'constant', ms: NaN }, response: ok })).toThrow('read leg: invalid constant ms: NaN');
  });
});
