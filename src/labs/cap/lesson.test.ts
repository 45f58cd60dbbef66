/**
 * Each lesson claim, checked against the program's numbers for the step's scenario, and each step's t and
 * highlight against what the stage shows then: the narration's row at t, the cards at t, the sides.
 */
import { describe, expect, it } from 'vitest';
import { fieldAt, fieldText, narratedAt } from '../../core/stage/query';
import { plainContext } from '../contract';
import { storeOutcome } from '../../sim/kit/leaderless/store';
import { eventWords, Kind } from '../../viz/narration/sentences';
import { lesson } from './lesson';
import { modeScenario } from './program/modes';
import { program } from './program/program';
import type { CapResult, CapStage } from './result';
import { spec } from './index';
import { latencyAt, percent } from './ui/select';
import { capWords } from './ui/words';

const results = new Map<string, CapResult>();
const stepOf = (id: string) => lesson.find((x) => x.id === id)!;
const step = (id: string): CapResult => {
  const s = stepOf(id);
  expect(spec.validate(s.scenario).ok).toBe(true);
  const key = JSON.stringify(s.scenario);
  if (!results.has(key)) results.set(key, program(s.scenario, plainContext()));
  return results.get(key)!;
};
const ms = (sorted: Float64Array, p: number) => Number(latencyAt(sorted, p).toPrecision(2));
const stageOf = (r: CapResult, mode: string) => r.stages.find((s) => s.mode === mode)!;
/** The narration's current row at t, in the lab's words. */
const rowAt = (st: CapStage, t: number) => eventWords(st.stage, st.stage.narrated[narratedAt(st.stage, t)], capWords(st));
const card = (st: CapStage, node: number, field: string, t: number) => {
  const row = fieldAt(st.stage.fields, node, st.stage.fields.names.indexOf(field), t);
  return row < 0 ? '' : fieldText(st.stage.fields, row);
};

describe('CAP/PACELC lesson claims hold in the simulation', { timeout: 30_000 }, () => {
  it('has 5 steps, each with a valid scenario, a t and a view of the stage', () => {
    expect(lesson.length).toBe(5);
    for (const s of lesson) {
      expect(spec.validate(s.scenario).ok).toBe(true);
      expect(s.t).toBeGreaterThanOrEqual(0);
      expect(['CP', 'AP']).toContain(s.highlight?.view);
    }
  });

  it('cut: n3, n4 cut off from n0..n2 from 150 to 450 ms, every node a replica; t is the split', () => {
    const r = step('cut');
    expect(r.cuts).toEqual([{ fromMs: 150, toMs: 450, groups: [[0, 1, 2], [3, 4]] }]);
    expect(r.cap.map((x) => x.n)).toEqual([5, 5]);
    expect(stepOf('cut').t).toBe(150);
    expect(rowAt(stageOf(r, 'CP'), 150)).toBe('the network splits: {n3, n4} | {n0, n1, n2}');
    expect(stepOf('cut').highlight?.nodes).toEqual(['n3', 'n4']);
  });

  it('cp: 3 of 5; c4 asks n4 at 151.2 ms, only n4 and n3 reply, n4 refuses at 211.2 ms after 60 ms; 0 of 9 served, linearizable', () => {
    const r = step('cp');
    const s = stepOf('cp');
    const cp = stageOf(r, 'CP');
    const [summary] = r.cap;
    expect([summary.w, summary.r, summary.n, summary.writeBack]).toEqual([3, 3, 5, true]);
    expect(rowAt(cp, s.t!)).toBe('n4 refuses c4\'s read: no quorum');
    const refusal = cp.stage.events.time[cp.stage.narrated[narratedAt(cp.stage, s.t!)]];
    expect([refusal.toFixed(1), s.t! - refusal < 0.01]).toEqual(['211.2', true]);
    const op = cp.stage.events.payload[cp.stage.narrated[narratedAt(cp.stage, s.t!)]];
    expect(cp.requests.callMs[op].toFixed(1)).toBe('151.2');
    const ev = cp.stage.events;
    const asked = Array.from(cp.stage.narrated).find((row) => ev.kind[row] === Kind.invoke && ev.payload[row] === op)!;
    expect([ev.time[asked], eventWords(cp.stage, asked, capWords(cp))]).toEqual([cp.requests.callMs[op], 'c4 asks n4 to read']);
    expect(refusal - cp.requests.callMs[op]).toBeCloseTo(s.scenario.timeoutMs, 6);
    const { run } = storeOutcome(modeScenario(s.scenario, 'CP', true));
    const { columns: c } = run.rec.contacts(run.history.length);
    const replied = new Set<number>();
    for (let i = 0; i < c.request.length; i++) if (c.request[i] === op && !Number.isNaN(c.replyMs[i])) replied.add(c.node[i]);
    expect([...replied].sort()).toEqual([3, 4]);
    expect([summary.sides[1].ok, summary.sides[1].requests]).toEqual([0, 9]);
    expect([summary.verdict, summary.staleReads, summary.lostWrites]).toEqual(['linearizable', 0, 0]);
  });

  it('ap: W = R = 1, 47 of 47 minority requests served with writes; at 449 ms n0 holds 192@27 and n3 191@18; not linearizable', () => {
    const r = step('ap');
    const [, ap] = r.cap;
    const st = stageOf(r, 'AP');
    const t = stepOf('ap').t!;
    expect([ap.w, ap.r]).toEqual([1, 1]);
    expect([ap.sides[1].ok, ap.sides[1].requests]).toEqual([47, 47]);
    expect(ap.sides[1].writesOk).toBeGreaterThan(0);
    expect([card(st, 0, 'copy', t), card(st, 3, 'copy', t)]).toEqual(['192@27', '191@18']);
    expect(t).toBeLessThan(r.cuts[0].toMs);
    expect(ap.lostWrites).toBeGreaterThan(0);
    expect(ap.verdict).toBe('not linearizable');
  });

  it('else-latency: CP before the cut waits on two rounds; PA/EL reads 3 / 7.9 ms, PC/EC 9.4 / 30 ms; only PC/EC linearizable', () => {
    const r = step('else-latency');
    expect(stepOf('else-latency').t).toBeLessThan(r.cuts[0].fromMs);
    const [paEl, pcEc] = r.pacelc;
    expect([paEl.w, paEl.r, pcEc.w, pcEc.r, pcEc.writeBack, pcEc.n]).toEqual([1, 1, 2, 2, true, 3]);
    expect([ms(paEl.readLatencyMs, 50), ms(paEl.readLatencyMs, 99)]).toEqual([3, 7.9]);
    expect([ms(pcEc.readLatencyMs, 50), ms(pcEc.readLatencyMs, 99)]).toEqual([9.4, 30]);
    expect([paEl.verdict, pcEc.verdict]).toEqual(['not linearizable', 'linearizable']);
  });

  it('pa-ec: 15 ms median reads for PA/EC and PC/EC, both linearizable; under the cut 91% of the minority side against 0%, not linearizable', () => {
    const r = step('pa-ec');
    const [, pcEc, paEc] = r.pacelc;
    expect([ms(pcEc.readLatencyMs, 50), ms(paEc.readLatencyMs, 50)]).toEqual([15, 15]);
    expect([pcEc.verdict, paEc.verdict]).toEqual(['linearizable', 'linearizable']);
    const [, pcCut, paCut] = r.pacelcCut;
    expect(paCut.sloppyQuorum).toBe(true);
    expect(percent(paCut.sides[1].ok, paCut.sides[1].requests)).toBe('91%');
    expect(pcCut.sides[1].ok).toBe(0);
    expect(paCut.verdict).toBe('not linearizable');
    expect(stepOf('pa-ec').t).toBeGreaterThan(r.cuts[0].fromMs);
  });
});
