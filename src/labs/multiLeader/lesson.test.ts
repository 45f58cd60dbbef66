/** Each lesson claim, checked against the program's numbers for the step's scenario. */
import { describe, expect, it } from 'vitest';
import { plainContext } from '../contract';
import { lesson } from './lesson';
import { program } from './program/program';
import { Fate, OpKind, OpStatus, type MultiLeaderResult } from './result';
import { spec } from './index';

const results = new Map<string, MultiLeaderResult>();
const step = (id: string) => {
  const s = lesson.find((x) => x.id === id)!;
  expect(spec.validate(s.scenario).ok).toBe(true);
  const key = JSON.stringify(s.scenario);
  if (!results.has(key)) results.set(key, program(s.scenario, plainContext()));
  return results.get(key)!;
};
const quoted = (id: string) => lesson.find((x) => x.id === id)!.text;

describe('multi-leader lesson claims hold in the simulation', () => {
  it('has 4-6 steps, each with a valid scenario', () => {
    expect(lesson.length).toBeGreaterThanOrEqual(4);
    expect(lesson.length).toBeLessThanOrEqual(6);
    for (const s of lesson) expect(spec.validate(s.scenario).ok).toBe(true);
  });

  it('local-writes: median write 2.1 ms, measured inter-region round trip 166 ms', () => {
    const m = step('local-writes').runs[0].metrics;
    expect(m.writeP50Ms.toFixed(1)).toBe('2.1');
    expect(Math.round(m.roundTripP50Ms)).toBe(166);
    expect(quoted('local-writes')).toContain('2.1 ms');
    expect(quoted('local-writes')).toContain('166 ms');
  });

  it('concurrent-writes: replication lag 72 ms (median); 18 conflicting pairs among 27 acknowledged writes', () => {
    const m = step('concurrent-writes').runs[0].metrics;
    expect(Math.round(m.replicationLagP50Ms)).toBe(72);
    expect(m.writesAcked).toBe(27);
    expect(m.conflicts).toBe(18);
    // "such": every pair was written in different regions.
    const { conflicts, ops } = step('concurrent-writes').runs[0];
    for (let j = 0; j < conflicts.a.length; j++) expect(ops.region[conflicts.a[j]]).not.toBe(ops.region[conflicts.b[j]]);
  });

  it('lww-loses: the link is cut for 1.2 s; LWW loses 17 of 38 acknowledged writes; every region ends equal', () => {
    const r = step('lww-loses');
    const events = lesson.find((x) => x.id === 'lww-loses')!.scenario.events;
    expect(events.map((e) => e.type)).toEqual(['partition', 'heal']);
    expect(events[1].t - events[0].t).toBe(1200);
    const m = r.runs[0].metrics;
    expect([m.lostUpdates, m.writesAcked, m.converged]).toEqual([17, 38, 1]);
    // "every client was told ok": each lost write's operation returned ok.
    for (const op of r.runs[0].lost.op) expect(r.runs[0].ops.status[op]).toBe(OpStatus.ok);
  });

  it('clock-skew: region 1 is 2 s behind; 3 concurrent pairs among 15 writes; 7 lost, all from region 1, each after the write it lost to', () => {
    const s = lesson.find((x) => x.id === 'clock-skew')!.scenario;
    expect([s.skewMs, s.clientsPerRegion, s.keys, s.updatePct]).toEqual([-2000, 1, 1, 100]);
    const lww = step('clock-skew').runs[0];
    expect([lww.metrics.conflicts, lww.metrics.writesAcked, lww.metrics.lostUpdates, lww.metrics.lostAfterWinner]).toEqual([3, 15, 7, 7]);
    for (const op of lww.lost.op) expect(lww.ops.region[op]).toBe(1);
    // "each made by a client that had read the very write it lost to": dropped itself (no later write of its line).
    expect(Array.from(lww.lost.hops)).toEqual(new Array(7).fill(0));
  });

  it('siblings: 0 lost; 16 reads returned two siblings; 7 merging writes; every acknowledged write kept or superseded', () => {
    const siblings = step('siblings').runs[1];
    const m = siblings.metrics;
    expect([m.lostUpdates, m.siblingReads, m.siblingsMax, m.merges, m.converged]).toEqual([0, 16, 2, 7, 1]);
    for (let i = 0; i < siblings.ops.kind.length; i++) {
      if (siblings.ops.kind[i] !== OpKind.write || siblings.ops.status[i] !== OpStatus.ok) continue;
      expect([Fate.kept, Fate.superseded]).toContain(siblings.ops.fate[i]);
    }
  });
});
