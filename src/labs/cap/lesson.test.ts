/** Each lesson claim, checked against the program's numbers for the step's scenario. */
import { describe, expect, it } from 'vitest';
import { plainContext } from '../contract';
import { storeOutcome } from '../../sim/kit/leaderless/store';
import { lesson } from './lesson';
import { modeScenario } from './program/modes';
import { program } from './program/program';
import type { CapResult, RunSummary } from './result';
import { spec } from './index';
import { latencyAt, percent } from './ui/select';

const results = new Map<string, CapResult>();
const step = (id: string): CapResult => {
  const s = lesson.find((x) => x.id === id)!;
  expect(spec.validate(s.scenario).ok).toBe(true);
  const key = JSON.stringify(s.scenario);
  if (!results.has(key)) results.set(key, program(s.scenario, plainContext()));
  return results.get(key)!;
};
const ms = (sorted: Float64Array, p: number) => Number(latencyAt(sorted, p).toPrecision(2));
const sides = (r: RunSummary) => r.sides.map((s) => [s.ok, s.requests, s.writesOk]);

describe('CAP/PACELC lesson claims hold in the simulation', { timeout: 30_000 }, () => {
  it('has 4-6 steps, each with a valid scenario', () => {
    expect(lesson.length).toBeGreaterThanOrEqual(4);
    expect(lesson.length).toBeLessThanOrEqual(6);
    for (const s of lesson) expect(spec.validate(s.scenario).ok).toBe(true);
  });

  it('cut: n3, n4 cut from 150 to 450 ms, every node a replica in the CAP runs', () => {
    const r = step('cut');
    expect([r.partitionMs, r.healMs, Array.from(r.side)]).toEqual([150, 450, [0, 0, 0, 1, 1]]);
    expect(r.cap.map((x) => x.n)).toEqual([5, 5]);
  });

  it('cp: W = R = 2 of 3, 0 of side B\'s 8 served, 48 of 48 of side A\'s, linearizable, nothing stale or lost', () => {
    const [cp] = step('cp').cap;
    expect([cp.n, cp.w, cp.r, cp.writeBack]).toEqual([3, 2, 2, true]);
    expect(sides(cp).map(([ok, requests]) => [ok, requests])).toEqual([[48, 48], [0, 8]]);
    expect([cp.verdict, cp.staleReads, cp.lostWrites]).toEqual(['linearizable', 0, 0]);
    // Each refusal came after the 60 ms timeout: the requests n2 coordinated during the cut.
    const s = lesson.find((x) => x.id === 'cp')!.scenario;
    const q = storeOutcome(modeScenario(s, 'CP', true)).requests;
    const waits: number[] = [];
    for (let i = 0; i < q.kind.length; i++) {
      if (q.coordinator[i] === 2 && q.callMs[i] >= s.partitionMs && q.callMs[i] < s.healMs) waits.push(Math.round(q.retMs[i] - q.callMs[i]));
    }
    expect(waits).toEqual(new Array(8).fill(60));
  });

  it('ap: 84 of 84 and 47 of 47 served, 18 and 11 writes accepted, 36 stale reads, 11 lost, not linearizable', () => {
    const [, ap] = step('ap').cap;
    expect([ap.w, ap.r]).toEqual([1, 1]);
    expect(sides(ap)).toEqual([[84, 84, 18], [47, 47, 11]]);
    expect([ap.staleReads, ap.lostWrites, ap.verdict]).toEqual([36, 11, 'not linearizable']);
  });

  it('else-latency: PA/EL reads 3 / 7.9 ms, PC/EC 9.4 / 30 ms; 2 stale of 222; verdicts', () => {
    const [paEl, pcEc] = step('else-latency').pacelc;
    expect([ms(paEl.readLatencyMs, 50), ms(paEl.readLatencyMs, 99)]).toEqual([3, 7.9]);
    expect([ms(pcEc.readLatencyMs, 50), ms(pcEc.readLatencyMs, 99)]).toEqual([9.4, 30]);
    expect([paEl.staleReads, paEl.readsOk, paEl.verdict]).toEqual([2, 222, 'not linearizable']);
    expect(pcEc.verdict).toBe('linearizable');
  });

  it('pa-ec: 15 ms median reads for PA/EC and PC/EC, both linearizable; under the cut 91% of side B against 0%, not linearizable', () => {
    const r = step('pa-ec');
    const [, pcEc, paEc] = r.pacelc;
    expect([ms(pcEc.readLatencyMs, 50), ms(paEc.readLatencyMs, 50)]).toEqual([15, 15]);
    expect([pcEc.verdict, paEc.verdict]).toEqual(['linearizable', 'linearizable']);
    const [, pcCut, paCut] = r.pacelcCut;
    expect(paCut.sloppyQuorum).toBe(true);
    expect(percent(paCut.sides[1].ok, paCut.sides[1].requests)).toBe('91%');
    expect(pcCut.sides[1].ok).toBe(0);
    expect(paCut.verdict).toBe('not linearizable');
  });
});
