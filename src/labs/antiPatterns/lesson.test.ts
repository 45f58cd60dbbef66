/**
 * Goal: each lesson claim holds in the simulation, and every number a step quotes is on screen at its step.
 * Method: run each step's scenario; check the claims as data; then build the screen's text (narration
 * remarks, the tables' cells, the script's times and the parameters) and require each number of the step's
 * text in it.
 */
import { describe, expect, it } from 'vitest';
import { plainContext } from '../contract';
import { spec } from './index';
import { lesson } from './lesson';
import { program } from './program/program';
import type { AntiResult } from './result';
import { settingWords } from './ui/select';
import { missingNumbers } from '../../core/text/quotedNumbers';

const cache = new Map<string, AntiResult>();
const run = (id: string): AntiResult => {
  const s = lesson.find((x) => x.id === id)!;
  const key = JSON.stringify(s.scenario);
  if (!cache.has(key)) cache.set(key, program(s.scenario, plainContext()));
  return cache.get(key)!;
};
const f3 = (v: number) => v.toFixed(3);
const cell = (r: AntiResult, label: RegExp) => r.compare.find((c) => label.test(c.label))!;

/** What the page shows for a result: remarks, table cells, script times, parameters. */
function screenText(id: string): string[] {
  const r = run(id);
  const s = lesson.find((x) => x.id === id)!.scenario;
  const parts: string[] = [...r.stage.remarks, ...r.stage.nodeNames];
  for (const c of r.compare) parts.push(c.label, c.broken, c.fixed);
  for (const t of r.txs ?? []) parts.push(f3(t.beginMs), f3(t.decidedMs), f3(t.appliedMs), f3(t.sagaEndMs));
  for (const p of r.loadSweep ?? []) parts.push(String(p.aRatePerSec), p.bP99Broken.toFixed(1), p.bP99Fixed.toFixed(1));
  for (const f of r.faults ?? []) parts.push(`${f.fromMs} ms`, `${f.toMs} ms`, `${f.down.length} services`, `${f.down.length} service`);
  for (const e of s.events) parts.push(String(e.t));
  parts.push(settingWords(s), String(s.durationMs));
  return parts;
}


describe('anti-patterns lesson claims hold in the simulation', () => {
  it('has 10 steps, each valid, 2-3 sentences, t within the run, naming nodes the scene has', () => {
    expect(lesson.length).toBe(10);
    for (const s of lesson) {
      expect(spec.validate(s.scenario).ok, s.id).toBe(true);
      const sentences = s.text.split(/(?<=[.!?])\s+(?=\S)/).length;
      expect(sentences, s.id).toBeGreaterThanOrEqual(2);
      expect(sentences, s.id).toBeLessThanOrEqual(3);
      expect(s.t!).toBeLessThanOrEqual(run(s.id).endTime);
      for (const n of s.highlight?.nodes ?? []) expect(run(s.id).stage.nodeNames).toContain(n);
    }
  });

  it('every number a step quotes is on its screen', () => {
    for (const s of lesson) expect(missingNumbers(s.text, screenText(s.id)), s.id).toEqual([]);
  });

  it('shared-db-load: B\'s p99 is higher on the shared database and climbs with A\'s load; the fix stays flat', () => {
    const r = run('shared-db-load');
    expect(r.metrics.bP99Broken).toBeGreaterThan(2 * r.metrics.bP99Fixed);
    const sweep = r.loadSweep!;
    expect(sweep[sweep.length - 1].bP99Broken).toBeGreaterThan(3 * sweep[0].bP99Broken);
    expect(sweep[sweep.length - 1].bP99Fixed).toBeLessThan(1.5 * sweep[0].bP99Fixed);
    expect(r.metrics.lagMsMean).toBeGreaterThan(0);
  });

  it('shared-db-outage: the shared database takes both services down, A\'s own store only A', () => {
    const f = run('shared-db-outage').faults!;
    expect(f.find((x) => x.node === 'd0')!.down).toEqual(['a0', 'b0']);
    expect(f.find((x) => x.node === 'd1')!.down).toEqual(['a1']);
    expect(run('shared-db-outage').metrics.bFailedFixed).toBe(0);
  });

  it('shared-db-schema: A\'s schema change fails B\'s reads on the shared database until B catches up, never on the right', () => {
    const r = run('shared-db-schema');
    expect(r.compare.find((c) => /refused after A's schema change/.test(c.label))).toMatchObject({ broken: '43', fixed: '0' });
    const bErrors = r.requests.filter((x) => x.side === 0 && x.what === 'B' && x.outcome === 'error');
    expect(Math.min(...bErrors.map((x) => x.sentMs))).toBeGreaterThanOrEqual(990);
    expect(Math.max(...bErrors.map((x) => x.sentMs))).toBeLessThan(1800);
    expect(r.metrics.bFailedFixed).toBe(0);
  });

  it('2pc-locks: T1 commits everywhere, locks held while prepared, reads of p0 waited', () => {
    const r = run('2pc-locks');
    expect(r.txs![0]).toMatchObject({ tx: 1, decision: 'commit' });
    expect(f3(r.txs![0].decidedMs)).toBe('205.100');
    expect(r.metrics.blockedReads).toBe(14);
    expect(r.metrics.lockHoldMsMean).toBeGreaterThan(0);
  });

  it('2pc-blocked and 2pc-recovers: COMMIT T4 logged before the crash, applied only after the recovery, then nothing stays blocked', () => {
    const r = run('2pc-blocked');
    const t4 = r.txs!.find((t) => t.tx === 4)!;
    expect(t4.decision).toBe('commit');
    expect(t4.decidedMs).toBeLessThan(810);
    expect(t4.appliedMs).toBeGreaterThan(1810);
    expect(f3(t4.appliedMs)).toBe('1811.801');
    expect(r.metrics.readWaitMsMax).toBeGreaterThan(900);
    // Unblocked after recovery: every transaction begun after it reaches its verdict everywhere.
    for (const t of r.txs!.filter((x) => x.beginMs > 1810 && x.beginMs < 2900)) expect(Number.isFinite(t.appliedMs), `T${t.tx}`).toBe(true);
    expect(r.checks.every((c) => c.ok)).toBe(true);
  });

  it('saga: saga 3 is T1 then C1, readers saw intermediate states', () => {
    const r = run('saga');
    expect(r.txs!.find((t) => t.tx === 3)).toMatchObject({ sagaSteps: 'T1 C1', sagaOutcome: 'compensated' });
    expect(r.metrics.intermediateReads).toBe(11);
    expect(r.metrics.dirtyReads).toBe(1);
  });

  it('clocks: wall-clock LWW loses 6 of 12 later writes, HLC none', () => {
    const r = run('clocks');
    expect([r.metrics.lostWall, r.metrics.writes, r.metrics.lostHlc]).toEqual([6, 12, 0]);
  });

  it('partition: f0\'s pool drains and profile goes down with it; f1 keeps profile up', () => {
    const r = run('partition');
    expect(r.metrics.poolFullMsBroken).toBeGreaterThan(1000);
    expect(r.metrics.poolFullMsFixed).toBe(0);
    expect(r.metrics.profileUpBroken).toBeLessThan(60);
    expect(r.metrics.profileUpFixed).toBe(100);
    expect(r.metrics.breakerOpened).toBe(2);
  });

  it('locality: an EU request costs reads x cross RTT on the left, reads x local RTT on the right', () => {
    const r = run('locality');
    const s = lesson.find((x) => x.id === 'locality')!.scenario;
    expect(r.metrics.euP50Broken).toBeCloseTo(s.reads * s.crossRttMs + s.localRttMs, 6);
    expect(r.metrics.euP50Fixed).toBeCloseTo((s.reads + 1) * s.localRttMs, 6);
    expect(cell(r, /cross-region calls/).broken).toBe('2.15');
  });
});
