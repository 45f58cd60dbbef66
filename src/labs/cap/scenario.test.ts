import { describe, expect, it } from 'vitest';
import { defaults, sideBText, sidesOf, spec } from './scenario';

const messages = (over: object) => {
  const r = spec.validate({ ...defaults, ...over });
  return r.ok ? [] : r.issues.map((i) => i.message);
};

describe('cap-pacelc scenario', () => {
  it('validate(preset) accepts the defaults and every preset', () => {
    expect(spec.validate(defaults).ok).toBe(true);
    for (const p of spec.presets) expect({ id: p.id, ok: spec.validate(p.scenario).ok }).toEqual({ id: p.id, ok: true });
  });

  it('validate refuses a side B that is empty, holds every node, repeats or names a missing node', () => {
    expect(messages({ sideB: '' })[0]).toMatch(/^sideB must be node ids separated by commas/);
    expect(messages({ sideB: '0,1,2,3,4' })).toEqual(['sideB must leave at least one node on side A, got all 5: pick 1..4 nodes for side B']);
    expect(messages({ sideB: '3,3' })).toEqual(['sideB lists node 3 twice: pick 1..4 nodes for side B']);
    expect(messages({ sideB: '7' })).toEqual(['sideB must list nodes 0..4, got 7: pick 1..4 nodes for side B']);
  });

  it('validate refuses a heal before the cut and a Pareto scale of 0', () => {
    expect(messages({ healMs: 100 })).toEqual(['healMs must be after partitionMs = 150, got 100']);
    expect(messages({ latency: 'pareto', latencyMsMin: 0 })).toEqual(['latencyMsMin is the Pareto scale and must be above 0, got 0']);
  });

  it('sidesOf and sideBText are inverses on valid cuts', () => {
    expect(Array.from(sidesOf('1,4', 5))).toEqual([0, 1, 0, 0, 1]);
    expect(sideBText(sidesOf('4,1', 5))).toBe('1,4');
  });
});
