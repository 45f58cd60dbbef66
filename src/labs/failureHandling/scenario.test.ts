/** Goal: bad input is refused with the limit named; presets validate. */
import { describe, expect, it } from 'vitest';
import { defaults, presets, validate } from './scenario';

describe('failure-handling scenario', () => {
  it('accepts the defaults and every preset', () => {
    for (const s of [defaults, ...presets.map((p) => p.scenario)]) expect(validate(s).ok).toBe(true);
  });

  it('refuses values over their limits, naming the limit', () => {
    const bad = validate({ ...defaults, ratePerSec: 5000 });
    expect(bad.ok).toBe(false);
    expect(JSON.stringify(!bad.ok && bad.issues)).toContain('500');
    const badMin = validate({ ...defaults, minCalls: 30, windowCalls: 20 });
    expect(JSON.stringify(!badMin.ok && badMin.issues)).toContain('minCalls must be at most windowCalls = 20');
  });

  it('refuses a slowdown of a caller and a node that does not exist', () => {
    const caller = validate({ ...defaults, events: [{ t: 10, type: 'slowdown', node: 0 }] });
    expect(JSON.stringify(!caller.ok && caller.issues)).toContain('must be a server, 2..3');
    const ghost = validate({ ...defaults, events: [{ t: 10, type: 'crash', node: 7 }] });
    expect(ghost.ok).toBe(false);
  });
});
