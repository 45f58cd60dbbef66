import { describe, expect, it } from 'vitest';
import { defaults } from './scenario';
import { spec } from './index';

const messages = (over: object) => {
  const r = spec.validate({ ...defaults, ...over });
  return r.ok ? [] : r.issues.map((i) => i.message);
};

describe('quorums scenario', () => {
  it('validate(preset) accepts the defaults and every preset', () => {
    expect(spec.validate(defaults).ok).toBe(true);
    for (const p of spec.presets) expect({ id: p.id, ok: spec.validate(p.scenario).ok }).toEqual({ id: p.id, ok: true });
    expect(spec.presets.map((p) => p.id)).toEqual(['abd', 'no-write-back', 'w1-r1', 'sloppy-partition']);
  });

  it('validate refuses W or R above N, naming N and the fix', () => {
    expect(messages({ w: 4 })).toEqual(['W must be 1..N = 3 (a quorum cannot need more replicas than hold the key), got 4']);
    expect(messages({ r: 5 })).toEqual(['R must be 1..N = 3 (a quorum cannot need more replicas than hold the key), got 5']);
    expect(messages({ n: 6 })).toEqual(['n (replicas) must be at most nodes = 5, got 6: lower n or add nodes']);
  });

  it('validate refuses nodes out of 3..9, events on missing nodes and bad partition groups', () => {
    expect(messages({ nodes: 10 })).toEqual(['nodes must be 3..9, got 10']);
    expect(messages({ events: [{ t: 1, type: 'crash', node: 7 }] })).toEqual(['events[0].node must be a node n0..n4, got 7']);
    expect(messages({ events: [{ t: 1, type: 'partition', groups: '0,0|1' }] })[0]).toMatch(/^events\[0\]\.groups: partition groups must not share nodes/);
    expect(messages({ latencyMsMin: 20, latencyMsMax: 10 })).toEqual(['latencyMsMin must be at most latencyMsMax = 10, got 20']);
  });

  it('validate accepts the latency distributions and refuses a Pareto scale of 0', () => {
    expect(messages({ latency: 'exponential', latencyMsMean: 3 })).toEqual([]);
    expect(messages({ latency: 'pareto', paretoShape: 1.2, latencyMsMax: 200 })).toEqual([]);
    expect(messages({ latency: 'pareto', latencyMsMin: 0 })).toEqual(['latencyMsMin is the Pareto scale and must be above 0, got 0']);
    expect(messages({ latency: 'normal' })).toEqual(['latency must be one of uniform, exponential, pareto, got "normal"']);
  });
});
