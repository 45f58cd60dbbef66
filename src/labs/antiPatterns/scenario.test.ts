/** Bad input: every limit is named when refused; presets and defaults validate; node ids follow the scene. */
import { describe, expect, it } from 'vitest';
import { MODES } from './result';
import { defaults, LIMITS, presets, sceneDefaults, validate } from './scenario';

const issues = (input: unknown) => {
  const v = validate(input);
  return v.ok ? [] : v.issues.map((i) => `${i.path}: ${i.message}`);
};

describe('anti-patterns scenario validation', () => {
  it('accepts the defaults, every scene tab\'s defaults and every preset', () => {
    expect(issues(defaults)).toEqual([]);
    for (const m of MODES) expect(issues(sceneDefaults(m, 7)), m).toEqual([]);
    for (const p of presets) expect(issues(p.scenario), p.id).toEqual([]);
  });

  it('names the limit a value breaks', () => {
    expect(issues({ ...defaults, dbSlots: 100 }).join()).toMatch(/dbSlots.*64/);
    expect(issues({ ...defaults, aRatePerSec: 5000 }).join()).toMatch(/aRatePerSec.*1,?000/);
    expect(issues({ ...defaults, threads: 0 }).join()).toMatch(/threads.*1\.\.256/);
    expect(issues({ ...defaults, remoteShare: 2 }).join()).toMatch(/remoteShare.*0\.\.1/);
    expect(issues({ ...defaults, mode: 'paxos' }).join()).toMatch(/mode.*shared-db.*2pc.*clocks.*partition.*locality/);
    expect(issues({ ...defaults, durationMs: 10 }).join()).toMatch(new RegExp(`durationMs.*${LIMITS.durationMsMin}`));
    expect(issues({ ...defaults, latencyMsMin: 9, latencyMsMax: 3 }).join()).toMatch(/latencyMsMin must be at most latencyMsMax = 3, got 9/);
    expect(issues({ ...defaults, localRttMs: 50, crossRttMs: 20 }).join()).toMatch(/localRttMs must be at most crossRttMs = 20, got 50/);
  });

  it('refuses a fault on a node the scene does not have, naming the scene\'s nodes', () => {
    expect(issues({ ...defaults, mode: 'clocks', events: [{ t: 10, type: 'crash', node: 4 }] }).join()).toMatch(/clocks scene, 0\.\.3 \(w0\.\.k1\)/);
    expect(issues({ ...defaults, mode: '2pc', events: [{ t: 10, type: 'crash', node: 9 }] })).toEqual([]);
    expect(issues({ ...defaults, mode: 'partition', events: [{ t: 10, type: 'cut', from: 1, to: 1 }] }).join()).toMatch(/link between two nodes/);
  });

  it('refuses more events than the limit, and an event past the run', () => {
    const events = Array.from({ length: LIMITS.eventsMax + 1 }, (_, i) => ({ t: i, type: 'heal' }));
    expect(issues({ ...defaults, events }).join()).toMatch(/at most 200 events/);
    expect(issues({ ...defaults, events: [{ t: 5000, type: 'heal' }] }).join()).toMatch(/durationMs/);
  });
});
