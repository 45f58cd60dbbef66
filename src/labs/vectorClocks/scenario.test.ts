import { describe, expect, it } from 'vitest';
import { defaults, horizon, LIMITS, presets, validate } from './scenario';

describe('vector-clocks scenario', () => {
  it('validate(defaults) and every preset pass; each preset fits its horizon', () => {
    for (const s of [defaults, ...presets.map((p) => p.scenario)]) {
      expect(validate(s).ok).toBe(true);
      expect(horizon(s)).toBeGreaterThan(0);
    }
  });

  it('validate() refuses values over a limit, naming the limit', () => {
    const r = validate({ ...defaults, replicas: 9 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0].message).toContain(`${LIMITS.replicasMax}`);
    const w = validate({ ...defaults, writesPerReplica: 51 });
    expect(w.ok ? '' : w.issues[0].message).toMatch(/writesPerReplica must be 1\.\.50, got 51/);
  });

  it('validate() refuses an event on a replica that does not exist and a link from a replica to itself', () => {
    const r = validate({ ...defaults, events: [{ t: 10, type: 'crash', node: 3 }] });
    expect(r.ok ? [] : r.issues.map((i) => i.path)).toEqual(['events[0].node']);
    const c = validate({ ...defaults, events: [{ t: 10, type: 'cut', from: 1, to: 1 }] });
    expect(c.ok ? '' : c.issues[0].message).toContain('two different replicas');
    const l = validate({ ...defaults, leaseMs: 0.5 });
    expect(l.ok ? '' : l.issues[0].message).toBe('leaseMs must be 0 (no lease) or 10..10,000, got 0.5');
  });
});
