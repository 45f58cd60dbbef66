import { describe, expect, it } from 'vitest';
import { cost, defaults, LIMITS } from './scenario';
import { spec } from './index';

describe('partitioning scenario', () => {
  it('validate(preset) accepts every preset and the defaults', () => {
    expect(spec.validate(defaults).ok).toBe(true);
    for (const p of spec.presets) expect({ id: p.id, ok: spec.validate(p.scenario).ok }).toEqual({ id: p.id, ok: true });
  });

  it('validate refuses a rate over the limit, naming the limit', () => {
    const r = spec.validate({ ...defaults, rate: 5e6 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0].message).toBe('rate must be 1..100,000, got 5,000,000');
  });

  it('validate refuses key counts, Zipf exponents and node counts over their limits', () => {
    const messages = (over: object) => {
      const r = spec.validate({ ...defaults, ...over });
      return r.ok ? [] : r.issues.map((i) => i.message);
    };
    expect(messages({ keys: 2_000_000 })).toEqual(['keys must be 1..1,000,000, got 2,000,000']);
    expect(messages({ zipfS: 4 })).toEqual(['zipfS must be 0..3, got 4']);
    expect(messages({ nodes: 1001 })).toEqual(['nodes must be 1..1000, got 1001']);
  });

  it('validate refuses a run longer than the duration limit, a split without ranges, and unknown nodes', () => {
    const long = spec.validate({ ...defaults, requests: 1_000_000, rate: 1 });
    expect(long.ok).toBe(false);
    if (!long.ok) expect(long.issues[0].message).toMatch(/requests \/ rate must be at most 3600 s/);
    const split = spec.validate({ ...defaults, strategy: 'consistent', events: [{ t: 1, type: 'split' }] });
    expect(split.ok).toBe(false);
    const node = spec.validate({ ...defaults, events: [{ t: 1, type: 'crash', node: 10 }] });
    expect(node.ok).toBe(false);
    const directory = spec.validate({ ...defaults, strategy: 'directory', events: [{ t: 1, type: 'crash', node: 10 }] });
    expect(directory.ok).toBe(true);
  });

  it('cost grows with keys and requests and stays under 10^8 units at maximum scale', () => {
    const max = spec.presets.find((p) => p.id === 'maximum-scale')!.scenario;
    expect(cost(max)).toBeGreaterThan(cost(defaults));
    expect(cost(max)).toBeLessThan(1e8);
    expect(max.nodes).toBe(LIMITS.nodesMax);
  });
});
