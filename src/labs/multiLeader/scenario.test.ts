import { describe, expect, it } from 'vitest';
import { defaults } from './scenario';
import { spec } from './index';

const messages = (over: object) => {
  const r = spec.validate({ ...defaults, ...over });
  return r.ok ? [] : r.issues.map((i) => i.message);
};

describe('multi-leader scenario', () => {
  it('validate(preset) accepts the defaults and every preset', () => {
    expect(spec.validate(defaults).ok).toBe(true);
    for (const p of spec.presets) expect({ id: p.id, ok: spec.validate(p.scenario).ok }).toEqual({ id: p.id, ok: true });
    expect(spec.presets.map((p) => p.id)).toEqual(['two-regions', 'partition', 'clock-skew', 'four-regions']);
  });

  it('validate refuses regions out of 2..4, events on missing regions, bad groups, and a timeout shorter than a local round trip', () => {
    expect(messages({ regions: 5 })).toEqual(['regions must be 2..4, got 5']);
    expect(messages({ events: [{ t: 1, type: 'crash', node: 3 }] })).toEqual(['events[0].node must be a region 0..1, got 3']);
    expect(messages({ events: [{ t: 1, type: 'partition', groups: '0,0|1' }] })[0]).toMatch(/^events\[0\]\.groups: partition groups must not share nodes/);
    expect(messages({ localMs: 10, timeoutMs: 20 })).toEqual(['timeoutMs must be above 3 x localMs = 30 (a round trip to the leader takes up to that), got 20']);
  });

  it('validate accepts every fault the stage offers (pause, isolate, one-way cuts, clock jumps), on regions that exist', () => {
    const events = [
      { t: 10, type: 'pause', node: 0 }, { t: 20, type: 'resume', node: 0 }, { t: 30, type: 'isolate', node: 1 }, { t: 40, type: 'heal' },
      { t: 50, type: 'cut', from: 0, to: 1 }, { t: 60, type: 'healLink', from: 0, to: 1 }, { t: 70, type: 'clockJump', node: 1, ms: -1000 },
    ];
    expect(messages({ events })).toEqual([]);
    expect(messages({ events: [{ t: 5, type: 'cut', from: 0, to: 2 }] })).toEqual(['events[0].to must be a region 0..1, got 2']);
    expect(messages({ events: [{ t: 5, type: 'isolate', node: 2 }] })).toEqual(['events[0].node must be a region 0..1, got 2']);
    expect(messages({ events: [{ t: 5, type: 'drift', node: 0, ppm: 10 }] })[0]).toMatch(/drift/);
  });

  it('validate refuses a link from a region to itself', () => {
    expect(messages({ events: [{ t: 5, type: 'cut', from: 1, to: 1 }] })).toEqual(['events[0] (cut) must join two different regions, got 1 -> 1']);
    expect(messages({ events: [{ t: 5, type: 'healLink', from: 0, to: 0 }] })).toEqual(['events[0] (healLink) must join two different regions, got 0 -> 0']);
  });

  it('validate accepts a skew event in ms and refuses one past the limit', () => {
    expect(messages({ events: [{ t: 5, type: 'skew', node: 1, ms: -2000 }] })).toEqual([]);
    expect(messages({ events: [{ t: 5, type: 'skew', node: 1, ms: 200_000 }] })[0]).toMatch(/^events\[0\]\.ms must be/);
  });
});
