/**
 * Goal: the stage tells the run as it went, and recording it changes nothing; the faults the stage offers
 * do what they say. Method: presets and small scripted scenarios run through the program; the stage's
 * at-t queries (src/core/stage) compared with the run's own columns (writes, replication, conflicts).
 */
import { describe, expect, it } from 'vitest';
import { clockOffsetAt, epochAt, fieldAt, fieldText, isBlocked, isInside } from '../../../core/stage/query';
import { Fate, REMARK_KIND, type StageData } from '../../../core/stage/types';
import { plainContext } from '../../contract';
import { OpStatus, type MultiLeaderResult } from '../result';
import { defaults, presets, type MultiLeaderScenario } from '../scenario';
import { program, runResult } from './program';

const run = (s: MultiLeaderScenario): MultiLeaderResult => program(s, plainContext());
const preset = (id: string) => presets.find((p) => p.id === id)!.scenario;
const field = (data: StageData, node: number, name: string, t: number) => fieldText(data.fields, fieldAt(data.fields, node, data.fields.names.indexOf(name), t));

describe('multi-leader stage', () => {
  it('recording the stage leaves every run\'s trace hash as it was', () => {
    const paused: MultiLeaderScenario = { ...defaults, events: [{ t: 200, type: 'pause', node: 0 }, { t: 400, type: 'resume', node: 0 }] };
    for (const s of [preset('partition'), preset('four-regions'), paused]) {
      for (const resolution of ['lww', 'siblings'] as const) {
        expect(runResult(s, resolution, undefined, 'none', true).traceHash).toBe(runResult(s, resolution).traceHash);
      }
    }
  });

  it('cards end as the run does: every write applied everywhere, nothing pending, k0 as each region holds it', () => {
    const r = run(defaults);
    r.runs.forEach((x) => {
      const data = x.stage!;
      const writes = Array.from(x.ops.tsMs).filter((ts) => !Number.isNaN(ts)).length;
      for (let region = 0; region < r.regions; region++) {
        expect(field(data, region, 'applied', r.endTime)).toBe(String(writes));
        expect(field(data, region, 'pending', r.endTime)).toBe(`r${1 - region} 0`);
        expect(field(data, region, 'k0', r.endTime)).toBe(x.finalValues[region][0]);
      }
    });
    expect(r.runs[0].stage!.kinds).toEqual(['rep', 'ack']);
  });

  it('pending counts a leader\'s writes the other region has not acknowledged: they pile up during the partition', () => {
    const r = run(preset('partition'));
    const data = r.runs[0].stage!;
    const pending = (t: number) => Number(field(data, 0, 'pending', t).replace('r1 ', ''));
    expect(pending(1490)).toBeGreaterThan(pending(290) + 5);
    expect([isBlocked(data.epochs, epochAt(data.epochs, 500), 0, 1, 2), isBlocked(data.epochs, epochAt(data.epochs, 500), 1, 0, 2)]).toEqual([true, true]);
    const m = data.messages;
    for (let i = 0; i < m.count; i++) if (m.send[i] >= 300 && m.send[i] < 1500) expect(m.fate[i]).toBe(Fate.cut);
  });

  it('each conflict a leader meets is a sentence at that moment, a step of its count, and a badge for interMs after it', () => {
    const s = preset('partition');
    const r = run(s);
    r.runs.forEach((x) => {
      const data = x.stage!;
      const ev = data.events;
      const rows = Array.from({ length: ev.count }, (_, i) => i).filter((i) => ev.kind[i] === REMARK_KIND);
      expect(rows.length).toBeGreaterThanOrEqual(x.metrics.conflicts);
      let total = 0;
      for (let region = 0; region < r.regions; region++) total += Number(field(data, region, 'conflicts', r.endTime));
      expect(total).toBe(rows.length);
      for (const i of rows) {
        const [t, region] = [ev.time[i], ev.from[i]];
        expect(data.remarks[ev.payload[i]]).toMatch(new RegExp(`^r${region}: conflict on k\\d, writes \\d+ vs \\d+; `));
        expect(field(data, region, 'conflict', t)).toBe('yes');
        const later = rows.some((j) => ev.from[j] === region && ev.time[j] > t && ev.time[j] <= t + s.interMs + 1);
        if (!later) expect(field(data, region, 'conflict', t + s.interMs + 0.001)).toBe('');
      }
    });
    expect(r.runs[1].stage!.remarks[0]).toMatch(/; both kept$/);
    expect(r.runs[0].stage!.remarks[0]).toMatch(/; LWW keeps \d+$/);
  });

  it('a crash shows on the crashed leader, a skew as its clock offset, and Step stops at every event', () => {
    const crashed = run(preset('four-regions'));
    const data = crashed.runs[0].stage!;
    expect([isInside(data.crashes, 2, 399), isInside(data.crashes, 2, 400), isInside(data.crashes, 2, 899), isInside(data.crashes, 2, 900)]).toEqual([false, true, true, false]);
    expect(Array.from(data.events.time).every((t) => crashed.marks.includes(t))).toBe(true);
    expect(clockOffsetAt(run(preset('clock-skew')).runs[0].stage!.clocks, 1, 0)).toBe(-2000);
  });
});

describe('multi-leader faults the stage offers', () => {
  it('a paused leader holds its clients\' requests and the other region\'s batches, and handles them when it resumes', () => {
    const s: MultiLeaderScenario = { ...defaults, timeoutMs: 1000, events: [{ t: 200, type: 'pause', node: 0 }, { t: 400, type: 'resume', node: 0 }] };
    const [lww] = run(s).runs;
    const rep = lww.replication;
    const fromR0 = Array.from({ length: rep.op.length }, (_, i) => i).filter((i) => rep.from[i] === 0).map((i) => rep.writtenMs[i]);
    expect(fromR0.some((t) => t > 200 && t < 400)).toBe(false);
    // Requests to r0 during the pause waited for it (the client's timeout is longer) and were answered after the resume.
    const o = lww.ops;
    const waited = Array.from({ length: o.kind.length }, (_, i) => i).filter((i) => o.region[i] === 0 && o.callMs[i] > 200 && o.callMs[i] < 400);
    expect(waited.length).toBeGreaterThan(0);
    for (const i of waited) expect([o.status[i], o.retMs[i] > 400]).toEqual([OpStatus.ok, true]);
    // Batches for r0 that arrived during the pause were handled at the resume.
    const m = lww.stage!.messages;
    const held = Array.from({ length: m.count }, (_, i) => i).filter((i) => m.to[i] === 0 && m.arrive[i] > 200 && m.arrive[i] < 400);
    expect(held.length).toBeGreaterThan(0);
    for (const i of held) expect(m.end[i]).toBe(400);
    expect(lww.isConverged).toBe(true);
  });

  it('with a short client timeout, the requests a paused leader held give up, and none is answered during the pause', () => {
    const s: MultiLeaderScenario = { ...defaults, events: [{ t: 200, type: 'pause', node: 0 }, { t: 400, type: 'resume', node: 0 }] };
    const o = run(s).runs[0].ops;
    const early = Array.from({ length: o.kind.length }, (_, i) => i).filter((i) => o.region[i] === 0 && o.callMs[i] > 200 && o.callMs[i] < 400 - s.timeoutMs);
    expect(early.length).toBeGreaterThan(0);
    for (const i of early) expect(o.status[i]).not.toBe(OpStatus.ok); // a read gave up (failed), a write timed out
    for (let i = 0; i < o.kind.length; i++) if (o.region[i] === 0 && o.status[i] === OpStatus.ok) expect(o.retMs[i] > 201 && o.retMs[i] < 400).toBe(false);
  });

  it('a clock jump moves the timestamps last-writer-wins compares: r1\'s writes after it carry its clock, 1 s behind', () => {
    const s: MultiLeaderScenario = { ...defaults, events: [{ t: 300, type: 'clockJump', node: 1, ms: -1000 }] };
    const [lww] = run(s).runs;
    const o = lww.ops;
    const rep = lww.replication;
    const written = new Map(Array.from(rep.op, (op, i) => [op, rep.writtenMs[i]]));
    let checked = 0;
    for (let i = 0; i < o.kind.length; i++) {
      if (Number.isNaN(o.tsMs[i]) || o.region[i] !== 1) continue;
      expect(o.tsMs[i]).toBeCloseTo(written.get(i)! - (written.get(i)! >= 300 ? 1000 : 0), 6);
      checked++;
    }
    expect(checked).toBeGreaterThan(10);
    expect(clockOffsetAt(lww.stage!.clocks, 1, 301)).toBe(-1000);
  });

  it('isolating a region cuts its links both ways and leaves the others\' link up; a one-way cut stops one direction only', () => {
    const isolated = run({ ...defaults, regions: 3, events: [{ t: 100, type: 'isolate', node: 1 }, { t: 600, type: 'heal' }] }).runs[0];
    const e = isolated.stage!.epochs;
    const at = epochAt(e, 300);
    expect([isBlocked(e, at, 1, 0, 3), isBlocked(e, at, 0, 1, 3), isBlocked(e, at, 2, 1, 3), isBlocked(e, at, 0, 2, 3)]).toEqual([true, true, true, false]);
    expect(isolated.isConverged).toBe(true);
    const cut = run({ ...defaults, events: [{ t: 100, type: 'cut', from: 0, to: 1 }, { t: 600, type: 'healLink', from: 0, to: 1 }] }).runs[0];
    const m = cut.stage!.messages;
    for (let i = 0; i < m.count; i++) {
      if (m.send[i] < 100 || m.send[i] >= 600) continue;
      expect(m.fate[i]).toBe(m.from[i] === 0 ? Fate.cut : Fate.delivered);
    }
    expect(cut.isConverged).toBe(true);
  });
});
