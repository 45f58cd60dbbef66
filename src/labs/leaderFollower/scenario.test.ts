import { describe, expect, it } from 'vitest';
import { defaults } from './scenario';
import { spec } from './index';

const messages = (over: object) => {
  const r = spec.validate({ ...defaults, ...over });
  return r.ok ? [] : r.issues.map((i) => i.message);
};

describe('leader-follower scenario', () => {
  it('validate(preset) accepts the defaults and every preset', () => {
    expect(spec.validate(defaults).ok).toBe(true);
    for (const p of spec.presets) expect({ id: p.id, ok: spec.validate(p.scenario).ok }).toEqual({ id: p.id, ok: true });
    expect(spec.presets.map((p) => p.id)).toEqual(['async-stale-reads', 'sync', 'semi-sync', 'async-failover', 'split-brain', 'split-brain-fenced']);
  });

  it('validate refuses a lease that would outlive the failure detection, naming the rule and the fix', () => {
    expect(messages({ leaseMs: 60 })).toEqual(['leaseMs must be below detectMs = 60 with fencing (an old lease must end before a successor can be elected), got 60']);
    expect(messages({ leaseMs: 10 })).toEqual(['leaseMs must be above heartbeatMs = 10 with fencing (each heartbeat renews the lease), got 10']);
    expect(messages({ leaseMs: 60, fencing: false })).toEqual([]);
  });

  it('validate refuses heartbeats slower than the detection, nodes out of 3..9, events on missing nodes, bad groups, unknown modes', () => {
    expect(messages({ heartbeatMs: 60, fencing: false })).toEqual(['heartbeatMs must be below detectMs = 60 (followers would suspect a healthy leader), got 60']);
    expect(messages({ nodes: 10 })).toEqual(['nodes must be 3..9, got 10']);
    expect(messages({ events: [{ t: 1, type: 'crash', node: 5 }] })).toEqual(['events[0].node must be a node n0..n2, got 5']);
    expect(messages({ events: [{ t: 1, type: 'partition', groups: '0,0|1' }] })[0]).toMatch(/^events\[0\]\.groups: partition groups must not share nodes/);
    expect(messages({ replication: 'quorum' })[0]).toMatch(/^replication must be one of sync, semi-sync, async/);
    expect(messages({ latencyMsMin: 20, latencyMsMax: 10 })).toEqual(['latencyMsMin must be at most latencyMsMax = 10, got 20']);
  });

  it('cost and horizon grow with the operations and cover the script', () => {
    expect(spec.cost({ ...defaults, ops: 2000 })).toBeGreaterThan(spec.cost(defaults));
    expect(spec.horizon({ ...defaults, events: [{ t: 5000, type: 'heal' }] })).toBeGreaterThan(5000);
    expect(spec.cost({ ...defaults, ops: 2000, nodes: 9, clients: 8 })).toBeLessThan(200_000_000);
  });
});
