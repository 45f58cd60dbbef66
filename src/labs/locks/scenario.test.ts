/** Bad input: every limit is named when refused; presets and defaults validate; node ids follow the scene. */
import { describe, expect, it } from 'vitest';
import { defaults, LIMITS, presets, validate } from './scenario';

const issues = (input: unknown) => {
  const v = validate(input);
  return v.ok ? [] : v.issues.map((i) => `${i.path}: ${i.message}`);
};

describe('locks scenario validation', () => {
  it('accepts the defaults and every preset', () => {
    expect(issues(defaults)).toEqual([]);
    for (const p of presets) expect(issues(p.scenario), p.id).toEqual([]);
  });

  it('names the limit a value breaks', () => {
    expect(issues({ ...defaults, ttlMs: 100_000 }).join()).toMatch(/ttlMs.*60,?000/);
    expect(issues({ ...defaults, driftFactor: 0.5 }).join()).toMatch(/driftFactor.*0\.1/);
    expect(issues({ ...defaults, mode: 'paxos' }).join()).toMatch(/mode.*locks.*ids.*broadcast/);
    expect(issues({ ...defaults, durationMs: 10 }).join()).toMatch(new RegExp(`durationMs.*${LIMITS.durationMsMin}`));
    expect(issues({ ...defaults, latencyMsMin: 9, latencyMsMax: 3 }).join()).toMatch(/latencyMsMin must be at most latencyMsMax = 3, got 9/);
  });

  it('refuses a fault on a node the scene does not have, naming the scene\'s nodes', () => {
    expect(issues({ ...defaults, mode: 'broadcast', events: [{ t: 10, type: 'crash', node: 9 }] }).join()).toMatch(/broadcast scene, 0\.\.7 \(s0\.\.c1\)/);
    expect(issues({ ...defaults, events: [{ t: 10, type: 'crash', node: 11 }] })).toEqual([]);
  });

  it('refuses more events than the limit', () => {
    const events = Array.from({ length: LIMITS.eventsMax + 1 }, (_, i) => ({ t: i, type: 'heal' }));
    expect(issues({ ...defaults, events }).join()).toMatch(/at most 200 events/);
  });
});
