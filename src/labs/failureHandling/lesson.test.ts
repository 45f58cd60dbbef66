/**
 * Goal: each lesson claim holds in the simulation, and every number a step quotes is on screen at its step.
 * Method: run each step's scenario; check the claims as data; then build the screen's text (the headline,
 * the table's cells, the narration's remarks and their times, the script and the parameters) and require
 * each number of the step's text in it.
 */
import { describe, expect, it } from 'vitest';
import { plainContext } from '../contract';
import { spec } from './index';
import { lesson } from './lesson';
import { program } from './program/program';
import { BreakerState } from '../../core/resilience/circuitBreaker';
import { Outcome, type FailureResult } from './result';
import { nodeNamesOf } from './scenario';
import { compareRows, headline, scriptText } from './ui/select';
import { missingNumbers } from '../../core/text/quotedNumbers';

const cache = new Map<string, FailureResult>();
const run = (id: string): FailureResult => {
  const s = lesson.find((x) => x.id === id)!;
  const key = JSON.stringify(s.scenario);
  if (!cache.has(key)) cache.set(key, program(s.scenario, plainContext()));
  return cache.get(key)!;
};

function screenText(id: string): string[] {
  const r = run(id);
  const s = lesson.find((x) => x.id === id)!.scenario;
  const parts: string[] = [headline(r), ...r.stage.remarks, ...r.stage.nodeNames, scriptText(s, nodeNamesOf(s))];
  for (const t of r.breakers.tMs) parts.push(t.toFixed(3));
  for (const row of compareRows(r)) parts.push(row.run, row.base);
  parts.push(`${s.ratePerSec} requests/s`, `waits ${s.timeoutMs} ms`, `slots 0/${s.slots}`);
  // The parameters sheet: every value of the scenario.
  for (const [key, value] of Object.entries(s)) if (key !== 'events') parts.push(String(value));
  return parts;
}

const breakerAt = (r: FailureResult, caller: number) => Array.from(r.breakers.tMs).map((t, i) => ({ t: t.toFixed(3), caller: r.breakers.caller[i], state: r.breakers.state[i] })).filter((x) => x.caller === caller);

describe('failure-handling lesson claims hold in the simulation', () => {
  it('has 13 steps, each valid, 2-3 sentences, t within the run, naming nodes the scene has', () => {
    expect(lesson.length).toBe(13);
    for (const s of lesson) {
      expect(spec.validate(s.scenario).ok, s.id).toBe(true);
      const sentences = s.text.split(/(?<=[.!?])\s+(?=\S)/).length;
      expect(sentences, s.id).toBeGreaterThanOrEqual(2);
      expect(sentences, s.id).toBeLessThanOrEqual(3);
      if (s.t !== undefined) expect(s.t).toBeLessThanOrEqual(run(s.id).endTime);
      for (const n of s.highlight?.nodes ?? []) expect(run(s.id).stage.nodeNames).toContain(n);
    }
  }, 120_000);

  it('every number a step quotes is on its screen', () => {
    for (const s of lesson) {
      expect(missingNumbers(s.text, screenText(s.id)), s.id).toEqual([]);
    }
  }, 120_000);

  it('storm and outlives: 4,308 requests make 14,585 attempts (3.39), 4,852 late replies, goodput 17.8 %, never recovered', () => {
    const t = run('storm').run.totals;
    expect([t.arrivals, t.firstTries + t.retries, t.amplification.toFixed(2), t.lateReplies]).toEqual([4308, 14585, '3.39', 4852]);
    expect(((100 * t.goodput) / t.arrivals).toFixed(1)).toBe('17.8');
    expect(t.recoverMs).toBeNaN();
    // The storm is still on in the last 10 s: most attempts are retries and goodput is under a fifth of arrivals.
    const s = run('storm').run.series;
    const last = s.bins - 20;
    let retries = 0;
    let first = 0;
    let good = 0;
    let arrived = 0;
    for (let b = last; b < s.bins; b++) {
      retries += s.retries[b];
      first += s.firstTries[b];
      good += (s.goodput[b] * s.binMs) / 1000;
      arrived += s.arrivals[b];
    }
    expect(retries).toBeGreaterThan(2 * first);
    expect(good).toBeLessThan(arrived / 5);
  }, 120_000);

  it('budget: 164 retries denied, amplification 1.01, goodput 96.1 %, recovered at once', () => {
    const t = run('budget').run.totals;
    expect([t.budgetDenied, t.amplification.toFixed(2), ((100 * t.goodput) / t.arrivals).toFixed(1), t.recoverMs]).toEqual([164, '1.01', '96.1', 0]);
  }, 120_000);

  it('collapse and shed: 4,371 late replies and 19.2 % goodput; dropping expired work skips 448, goodput 85.4 %, back in 1.5 s', () => {
    const c = run('collapse').run.totals;
    expect([c.lateReplies, ((100 * c.goodput) / c.arrivals).toFixed(1), c.retries]).toEqual([4371, '19.2', 0]);
    expect(c.recoverMs).toBeNaN();
    const s = run('shed').run.totals;
    expect([s.dropped, ((100 * s.goodput) / s.arrivals).toFixed(1), s.recoverMs]).toEqual([448, '85.4', 1500]);
  }, 120_000);

  it('rate-limit: 1,295 answered 429, goodput 67.4 % against 6.6 %; the buckets admit at most B + r T', () => {
    const r = run('rate-limit');
    const pct = (t: typeof r.run.totals) => ((100 * t.goodput) / t.arrivals).toFixed(1);
    expect([r.run.totals.throttled, r.run.totals.outcomes[Outcome.rejected], pct(r.run.totals), pct(r.baseline!.totals)]).toEqual([1295, 1295, '67.4', '6.6']);
    expect(r.checks.find((c) => c.name === 'Token buckets admit at most B + r T')?.ok).toBe(true);
  }, 120_000);

  it('breaker: c1 opens at 11541.201, half-opens at 16667.133, reopens at 17800.869, closes for good at 30790.918', () => {
    const c1 = breakerAt(run('breaker-opens'), 1);
    expect(c1[0]).toMatchObject({ t: '11541.201', state: BreakerState.open });
    expect(c1[1]).toMatchObject({ t: '16667.133', state: BreakerState.halfOpen });
    expect(c1[2]).toMatchObject({ t: '17800.869', state: BreakerState.open });
    expect(c1[c1.length - 1]).toMatchObject({ t: '30790.918', state: BreakerState.closed });
    const r = run('breaker-closes');
    const t = r.run.totals;
    const b = r.baseline!.totals;
    expect([t.breakerRejected, b.firstTries + b.retries - t.firstTries - t.retries]).toEqual([813, 4137]);
    expect(t.outcomes[Outcome.rejected]).toBe(813);
    expect([t.recoverMs, b.recoverMs]).toEqual([6000, Number.NaN]);
    expect(r.checks.every((c) => c.ok)).toBe(true);
  }, 120_000);

  it('fallback: 322 fallbacks, queue at most 263, 268 applied, 54 dead letters', () => {
    const t = run('fallback').run.totals;
    expect([t.outcomes[Outcome.fallback], t.queuePeak, t.queueDone, t.dlqCount]).toEqual([322, 263, 268, 54]);
    expect(run('fallback').checks.every((c) => c.ok)).toBe(true);
  }, 120_000);

  it('stale: 1,202 stale answers, median 5,458 ms, oldest 24,024 ms, 377 ms saved each, goodput 100.0 % vs 65.4 %', () => {
    const r = run('stale');
    const t = r.run.totals;
    expect([t.staleServed, Math.round(t.staleAgeP50Ms), Math.round(t.staleAgeMaxMs), Math.round(t.latencySavedMs)]).toEqual([1202, 5458, 24024, 377]);
    expect(t.staleAgeMaxMs).toBeLessThanOrEqual(2000 + 60_000);
  }, 120_000);

  it('degrade: 180 local answers, 53 replays, 52 conflicts, 52 writes lost', () => {
    const t = run('degrade').run.totals;
    expect([t.localServed, t.replayed, t.conflicts, t.lostWrites]).toEqual([180, 53, 52, 52]);
  }, 120_000);
});
