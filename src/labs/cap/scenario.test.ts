import { describe, expect, it } from 'vitest';
import { defaults, sideBText, sidesOf } from './scenario';
import { spec } from './index';

const messages = (over: object) => {
  const r = spec.validate({ ...defaults, ...over });
  return r.ok ? [] : r.issues.map((i) => i.message);
};

describe('cap scenario', () => {
  it('validate(preset) accepts the defaults and every preset', () => {
    expect(spec.validate(defaults).ok).toBe(true);
    for (const p of spec.presets) expect({ id: p.id, ok: spec.validate(p.scenario).ok }).toEqual({ id: p.id, ok: true });
  });

  it('validate refuses a side B that is empty text, holds every node or repeats a node', () => {
    expect(messages({ sideB: '' })[0]).toMatch(/^sideB must be node ids separated by commas/);
    expect(messages({ sideB: '0,1,2,3,4' })).toEqual(['sideB must leave at least one node on side A, got all 5: pick 1..4 nodes for side B']);
    expect(messages({ sideB: '3,3' })).toEqual(['sideB lists node 3 twice: pick 1..4 nodes for side B']);
  });

  it('sidesOf ignores ids past the cluster, so lowering nodes keeps the scenario valid (the last node alone if none remain)', () => {
    expect(messages({ nodes: 3 })).toEqual([]);
    expect(Array.from(sidesOf('3,4', 3))).toEqual([0, 0, 1]);
    expect(Array.from(sidesOf('1,4', 3))).toEqual([0, 1, 0]);
    expect(messages({ nodes: 3, sideB: '0,1,2,5' })).toEqual(['sideB must leave at least one node on side A, got all 3: pick 1..2 nodes for side B']);
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
