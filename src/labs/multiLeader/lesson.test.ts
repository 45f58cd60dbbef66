/**
 * Goal: every lesson step says what its run shows, and every number it quotes is on the page for it.
 * Method: each step's scenario runs through the program; the page's text at the step's t is rebuilt from
 * the functions the page draws with (the cards' accessible names at t, the narration rows in view around
 * t, the playhead, the measurements' tables and sentences); each number of the step's text must appear
 * there (the same value, possibly shown with more decimals), and each claim is checked against the run.
 */
import { describe, expect, it } from 'vitest';
import { cardTexts as stageCards, narrationTexts } from '../../viz/stage/testing/screenText';
import { missingNumbers, quotedNumbers as numbers } from '../../core/text/quotedNumbers';
import { plainContext } from '../contract';
import { lesson, type LessonStep } from './lesson';
import { program } from './program/program';
import { Fate, OpKind, OpStatus, type MultiLeaderResult } from './result';
import { cardSpec } from './ui/cards';
import { compareRows, conflictRows, finalRows, latencyText, lostRows, pendingChart, scriptText, verdictTexts } from './ui/select';
import { spec } from './index';

const results = new Map<string, MultiLeaderResult>();
const stepOf = (id: string) => lesson.find((x) => x.id === id)!;
const resultOf = (s: LessonStep): MultiLeaderResult => {
  const key = JSON.stringify(s.scenario);
  if (!results.has(key)) results.set(key, program(s.scenario, plainContext()));
  return results.get(key)!;
};
const round1 = (v: number) => Math.round(v * 10) / 10;

/** Rows the conflicts and lost-updates tables show before "Show more". */
const TABLE_ROWS = 12;

/** The cards of a run at t, in words: "r1, applied 4, to r0 4, k0 13, conflicts 0, up". */
const cardTexts = (data: Parameters<typeof stageCards>[0], regions: number, t: number) => stageCards(data, cardSpec(regions), t, regions);
const missing = (s: LessonStep) => missingNumbers(s.text, screen(s));

/** The page's text for step `s` at its t: cards and narration of both runs, the playhead, the measurements. */
function screen(s: LessonStep): string[] {
  const r = resultOf(s);
  const t = s.t ?? 0;
  const chart = pendingChart(r, s.scenario.events);
  return [
    String(t),
    ...r.runs.flatMap((run) => [...cardTexts(run.stage!, r.regions, t), ...narrationTexts(run.stage!, t)]),
    latencyText(r),
    ...compareRows(r).map((row) => `${row.label}: ${row.values.map((v) => (row.format ? row.format(v) : String(v))).join(' / ')}`),
    `at most ${chart.peak} at once. ${scriptText(s.scenario.events)}`,
    ...conflictRows(r, TABLE_ROWS).rows.map((c) => [c.key, c.tMs.toFixed(1), c.region, c.writes, c.lwwKeeps, c.siblings].join(' ')),
    ...lostRows(r, TABLE_ROWS).rows.map((l) => [l.value, l.key, l.region, l.ackMs.toFixed(1), l.lostTo, l.hops].join(' ')),
    ...verdictTexts(r),
    ...finalRows(r).map((row) => row.join(' ')),
  ];
}



describe('multi-leader lesson', () => {
  it('has 5 steps with distinct ids, valid scenarios, 2-3 sentences each, a moment inside the run and the leaders it names', () => {
    expect(lesson).toHaveLength(5);
    expect(new Set(lesson.map((s) => s.id)).size).toBe(lesson.length);
    for (const s of lesson) {
      expect(spec.validate(s.scenario).ok).toBe(true);
      const sentences = s.text.split(/(?<=[.!?])\s+(?=\S)/).length;
      expect({ id: s.id, sentences: Math.min(3, Math.max(2, sentences)) }).toEqual({ id: s.id, sentences });
      expect(s.t! >= 0 && s.t! <= resultOf(s).endTime).toBe(true);
      for (const node of s.highlight!.nodes!) expect(s.text).toContain(node);
    }
  });

  it.each(lesson.map((s) => [s.id, s] as const))('%s: every number it quotes is on the page at its t', (_, s) => {
    expect(numbers(s.text).length).toBeGreaterThan(2);
    expect(missing(s)).toEqual([]);
  });

  it('the page check fails on a number the page does not show', () => {
    const s = stepOf('concurrent-writes');
    expect(missing({ ...s, text: `${s.text} The lag was 73.1 ms.` })).toEqual(['73.1']);
  });
});

describe('multi-leader lesson claims hold in the simulation', () => {
  it('local-writes: at 90 ms r1 applied its own 4 writes, none acknowledged by r0; median write 2.1 ms; round trip 165.9 ms', () => {
    const r = resultOf(stepOf('local-writes'));
    expect(cardTexts(r.runs[0].stage!, 2, 90)[1]).toBe('r1, applied 4, to r0 4, k0 13, conflicts 0, up');
    const w = r.runs[0].ops;
    const byR1 = Array.from({ length: w.kind.length }, (_, i) => i).filter((i) => w.kind[i] === OpKind.write && w.region[i] === 1 && w.status[i] === OpStatus.ok && w.retMs[i] <= 90);
    expect(byR1).toHaveLength(4);
    const m = r.runs[0].metrics;
    expect([m.writeP50Ms.toFixed(1), m.roundTripP50Ms.toFixed(1)]).toEqual(['2.1', '165.9']);
  });

  it('concurrent-writes: lag 72.3 ms (median); at 106.8 ms r0 meets writes 6 (its own) and 4 (r1\'s) on k1, flagged; 18 pairs among 27 writes', () => {
    const r = resultOf(stepOf('concurrent-writes'));
    const [lww] = r.runs;
    expect(round1(lww.metrics.replicationLagP50Ms)).toBe(72.3);
    const c = lww.conflicts;
    expect([round1(c.tMs[0]), c.region[0], c.key[0], c.a[0] + 1, c.b[0] + 1]).toEqual([106.8, 0, 1, 6, 4]);
    expect([lww.ops.region[5], lww.ops.region[3]]).toEqual([0, 1]);
    expect(cardTexts(lww.stage!, 2, 106.812)[0]).toContain('conflicts 1');
    expect([lww.metrics.conflicts, lww.metrics.writesAcked]).toEqual([18, 27]);
    // "different regions": every pair was written in two regions.
    for (let j = 0; j < c.a.length; j++) expect(lww.ops.region[c.a[j]]).not.toBe(lww.ops.region[c.b[j]]);
  });

  it('lww-loses: cut 300..1500 ms; 13 and 19 writes unacknowledged just before the heal; LWW loses 17 of 38, all told ok', () => {
    const s = stepOf('lww-loses');
    expect(s.scenario.events.map((e) => [e.type, e.t])).toEqual([['partition', 300], ['heal', 1500]]);
    const r = resultOf(s);
    const cards = cardTexts(r.runs[0].stage!, 2, 1499);
    expect([cards[0]].concat(cards[1])).toEqual([expect.stringContaining('to r1 13,'), expect.stringContaining('to r0 19,')]);
    const m = r.runs[0].metrics;
    expect([m.lostUpdates, m.writesAcked, m.converged]).toEqual([17, 38, 1]);
    for (const op of r.runs[0].lost.op) expect(r.runs[0].ops.status[op]).toBe(OpStatus.ok);
  });

  it('clock-skew: r1 2000 ms behind; write 8 (acknowledged 878.5 ms) had read 6 and lost to it, r1 holds 6 at 900 ms; 7 lost, all from r1, 3 concurrent pairs', () => {
    const s = stepOf('clock-skew');
    expect(s.scenario.skewMs).toBe(-2000);
    const lww = resultOf(s).runs[0];
    const l = lww.lost;
    const j = Array.from(l.op).indexOf(7);
    expect([round1(lww.ops.retMs[7]), lww.ops.region[7], l.winner[j] + 1, l.isAfterWinner[j], l.hops[j]]).toEqual([878.5, 1, 6, 1, 0]);
    expect(cardTexts(lww.stage!, 2, 900)[1]).toContain('k0 6,');
    expect(cardTexts(lww.stage!, 2, 900)[1]).toContain('clock −2000.0 ms');
    expect([lww.metrics.lostUpdates, lww.metrics.lostAfterWinner, lww.metrics.conflicts]).toEqual([7, 7, 3]);
    for (const op of l.op) expect(lww.ops.region[op]).toBe(1);
  });

  it('siblings: at 1700 ms both leaders hold 116|118 for k0, one from each side; 0 lost; 16 sibling reads; 7 merges', () => {
    const siblings = resultOf(stepOf('siblings')).runs[1];
    for (const card of cardTexts(siblings.stage!, 2, 1700)) expect(card).toContain('k0 116|118,');
    expect([siblings.ops.region[115], siblings.ops.region[117]]).toEqual([1, 0]);
    const m = siblings.metrics;
    expect([m.lostUpdates, m.siblingReads, m.siblingsMax, m.merges, m.converged]).toEqual([0, 16, 2, 7, 1]);
    for (let i = 0; i < siblings.ops.kind.length; i++) {
      if (siblings.ops.kind[i] !== OpKind.write || siblings.ops.status[i] !== OpStatus.ok) continue;
      expect([Fate.kept, Fate.superseded]).toContain(siblings.ops.fate[i]);
    }
  });
});
