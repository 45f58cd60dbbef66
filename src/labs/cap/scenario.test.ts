import { describe, expect, it } from 'vitest';
import { migrateV1, sideBOfV1 } from './migrations';
import { cutScript, defaults } from './scenario';
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

  it("validate accepts the stage's faults (crash, recover, pause, resume, isolate, partition, heal) and refuses others", () => {
    const script = [
      { t: 10, type: 'crash', node: 1 }, { t: 20, type: 'recover', node: 1 }, { t: 30, type: 'pause', node: 2 },
      { t: 40, type: 'resume', node: 2 }, { t: 50, type: 'isolate', node: 0 }, { t: 60, type: 'partition', groups: '0,1|2,3,4' }, { t: 70, type: 'heal' },
    ];
    expect(messages({ events: script })).toEqual([]);
    expect(messages({ events: [{ t: 10, type: 'skew', node: 1, ms: 5 }] })[0]).toMatch(/skew/);
  });

  it('validate refuses a fault on a node past the cluster and a Pareto scale of 0', () => {
    expect(messages({ nodes: 3 })[0]).toMatch(/^events\[0\]/);
    expect(messages({ events: [{ t: 10, type: 'crash', node: 7 }] })[0]).toMatch(/^events\[0\]\.node/);
    expect(messages({ latency: 'pareto', latencyMsMin: 0 })).toEqual(['latencyMsMin is the Pareto scale and must be above 0, got 0']);
  });

  it('horizon covers the script: a heal at 5 s keeps the scrubber open until then', () => {
    expect(spec.horizon({ ...defaults, events: cutScript('3,4', 150, 5000) })).toBe(5000);
  });
});

describe('cap migrations', () => {
  it("1 -> 2: schema 1's cut parameters become a partition of side B and a heal, defaults when absent", () => {
    expect(migrateV1({})).toEqual({ events: cutScript('3,4') });
    expect(migrateV1({ nodes: 3, clients: 6, sideB: 2 })).toEqual({ nodes: 3, clients: 6, events: cutScript('2') });
    expect(migrateV1({ sideB: '4,2,3', partitionMs: 10, healMs: 90, seed: 4 })).toEqual({ seed: 4, events: cutScript('2,3,4', 10, 90) });
  });

  it("sideBOfV1 reads schema 1's side B as its program did: ids past the cluster ignored, the last node alone when none remain", () => {
    expect(sideBOfV1('3,4', 3)).toBe('2');
    expect(sideBOfV1('1,4', 3)).toBe('1');
    expect(() => sideBOfV1('0,1,2', 3)).toThrow('sideB must leave at least one node on side A, got all 3');
    expect(() => sideBOfV1('3,3', 5)).toThrow('sideB lists node 3 twice');
  });
});
