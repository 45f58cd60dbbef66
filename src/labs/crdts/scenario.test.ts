import { describe, expect, it } from 'vitest';
import { defaults, LIMITS, presets, validate } from './scenario';

describe('crdts scenario', () => {
  it('defaults and presets validate', () => {
    expect(validate(defaults).ok).toBe(true);
    for (const p of presets) expect({ id: p.id, ok: validate(p.scenario).ok }).toEqual({ id: p.id, ok: true });
  });

  it('refuses values over their limits, naming the limit', () => {
    const bad = validate({ ...defaults, replicas: 9 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues[0].message).toContain(`${LIMITS.replicasMax}`);
    const updates = validate({ ...defaults, updates: 10_000 });
    expect(updates.ok).toBe(false);
    if (!updates.ok) expect(updates.issues[0].message).toContain('400');
  });

  it('refuses a fan-out above replicas - 1, a fault on a replica that does not exist, and a link from a replica to itself', () => {
    const fanout = validate({ ...defaults, replicas: 3, fanout: 3 });
    expect(fanout.ok).toBe(false);
    if (!fanout.ok) expect(fanout.issues[0].message).toBe('fanout must be at most replicas - 1 = 2, got 3');
    expect(validate({ ...defaults, replicas: 3, events: [{ t: 10, type: 'crash', node: 4 }] }).ok).toBe(false);
    expect(validate({ ...defaults, events: [{ t: 10, type: 'cut', from: 1, to: 1 }] }).ok).toBe(false);
  });

  it('refuses an unknown type and unknown keys', () => {
    expect(validate({ ...defaults, type: 'g-set' }).ok).toBe(false);
    expect(validate({ ...defaults, crdt: 'or-set' }).ok).toBe(false);
  });
});

describe('crdts cost', () => {
  it('the defaults cost far below the worker\'s budget; the largest scenario is refused before it runs', async () => {
    const { WORK_BUDGET } = await import('../../worker/api');
    const { cost } = await import('./scenario');
    expect(cost(defaults)).toBeLessThan(WORK_BUDGET / 100);
    const largest = { ...defaults, replicas: 8, updates: 400, updatesMs: 60_000, settleMs: 60_000, gossipMs: 10, fanout: 7 };
    expect(validate(largest).ok).toBe(true);
    expect(cost(largest)).toBeGreaterThan(WORK_BUDGET);
  });
});
