/**
 * Goal: every lesson step says what its run shows, and every number it quotes is on the page for it.
 * Method: each step's scenario runs through the program; the page's text at the step's t is rebuilt from
 * the functions the page draws with (the cards' accessible names at t in both runs, the narration rows in
 * view around t, the playhead, the measurements' tables and sentences); each number of the step's text
 * must appear there (the same value, possibly shown with more decimals), and each claim is checked
 * against the run.
 */
import { describe, expect, it } from 'vitest';
import { cardTexts as stageCards, narrationTexts } from '../../viz/stage/testing/screenText';
import { missingNumbers, quotedNumbers as numbers } from '../../core/text/quotedNumbers';
import { plainContext } from '../contract';
import { lesson, type LessonStep } from './lesson';
import { program } from './program/program';
import type { VectorClocksResult } from './result';
import { cardSpec } from './ui/cards';
import { commitWaitText, compareRows, leaseRows, leaseText, lostText, scriptText, violationTexts, writeRows } from './ui/select';
import { spec } from './index';

const results = new Map<string, VectorClocksResult>();
const stepOf = (id: string) => lesson.find((x) => x.id === id)!;
const resultOf = (s: LessonStep): VectorClocksResult => {
  const key = JSON.stringify(s.scenario);
  if (!results.has(key)) results.set(key, program(s.scenario, plainContext()));
  return results.get(key)!;
};



/** The page's text for step `s` at its t: cards and narration of both runs, the playhead, the measurements. */
/** The cards at t, in words: "r1, pt 161.2, Lamport 7, HLC 227.5·1, ...". */
const cardTexts = (data: Parameters<typeof stageCards>[0], replicas: number, t: number) => stageCards(data, cardSpec, t, replicas, { width: 900, height: 330 });
const missing = (s: LessonStep) => missingNumbers(s.text, screen(s));

function screen(s: LessonStep): string[] {
  const r = resultOf(s);
  const t = s.t ?? 0;
  return [
    String(t),
    ...r.runs.flatMap((run) => [...cardTexts(run.stage!, r.replicas, t), ...narrationTexts(run.stage!, t), ...writeRows(run).map((row) => row.join(' ')), ...leaseRows(run).map((row) => row.join(' '))]),
    lostText(r.runs[0]),
    scriptText(s.scenario.events),
    ...compareRows(r).map((row) => `${row.label}: ${row.values.map((v) => (row.format ? row.format(v) : String(v))).join(' / ')}`),
    commitWaitText(r),
    leaseText(r),
    ...violationTexts(r),
  ];
}



const writeOf = (r: VectorClocksResult, run: number, name: string) => r.runs[run].writes.name.indexOf(name);

describe('vector-clocks lesson', () => {
  it('has 6 steps with distinct ids, valid scenarios, 2-3 sentences each, a moment inside the run and the replicas it names', () => {
    expect(lesson).toHaveLength(6);
    expect(new Set(lesson.map((s) => s.id)).size).toBe(lesson.length);
    for (const s of lesson) {
      expect(spec.validate(s.scenario).ok).toBe(true);
      const sentences = s.text.split(/(?<=[.!?])\s+(?=[A-Z0-9])/).length;
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
    const s = stepOf('later-write-loses');
    expect(missing({ ...s, text: `${s.text} The skew was 97.4 ms.` })).toEqual(['97.4']);
  });
});

describe('vector-clocks lesson claims hold in the simulation', () => {
  it('which-first: c1 at r2 and a1 at r0 are concurrent by version vectors, stamped 77.1 and 84.7; a1 committed at the step\'s t', () => {
    const r = resultOf(stepOf('which-first'));
    const w = r.runs[0].writes;
    const [c1, a1] = [writeOf(r, 0, 'c1'), writeOf(r, 0, 'a1')];
    expect([w.replica[c1], w.replica[a1], w.clock[c1], w.clock[a1]]).toEqual([2, 0, '[0,0,1]', '[1,0,0]']);
    expect([w.wallMs[c1].toFixed(1), w.wallMs[a1].toFixed(1), w.commitMs[a1]]).toEqual(['77.1', '84.7', 89.629]);
  });

  it('later-write-loses: r1 98.3 ms behind; b3 had seen c2 yet carries the smaller wall stamp, and wall-clock LWW lost it to c2', () => {
    const r = resultOf(stepOf('later-write-loses'));
    const w = r.runs[0].writes;
    const [b3, c2] = [writeOf(r, 0, 'b3'), writeOf(r, 0, 'c2')];
    expect(cardTexts(r.runs[0].stage!, 3, 273.034)[1]).toContain('clock −98.3 ms');
    expect([w.clock[b3], w.clock[c2], w.commitMs[b3]]).toEqual(['[1,3,2]', '[1,2,2]', 273.034]);
    expect(w.wallMs[b3]).toBeLessThan(w.wallMs[c2]);
    expect([w.lost[0][b3], w.lostTo[0][b3], w.inverted[0][b3]]).toEqual([1, c2, 1]);
  });

  it('logical-clocks: Lamport and HLC stamp b3 above c2; no store but wall-clock LWW loses a later write; each LWW store loses 3 of 9, siblings 0', () => {
    const r = resultOf(stepOf('logical-clocks'));
    const w = r.runs[0].writes;
    const [b3, c2] = [writeOf(r, 0, 'b3'), writeOf(r, 0, 'c2')];
    expect([w.lamport[c2], w.lamport[b3], w.hlcMs[c2], w.hlcC[c2], w.hlcMs[b3], w.hlcC[b3]]).toEqual([6, 8, 227.5, 0, 227.5, 2]);
    const m = r.runs[0].metrics;
    expect([m['lost.wall'], m['lost.lamport'], m['lost.hlc'], m['lost.siblings'], m.committed]).toEqual([3, 3, 3, 0, 9]);
    for (const store of [1, 2, 3]) expect(w.inverted[store].every((x) => x === 0)).toBe(true);
  });

  it('lease: r1 holds 64.9..323.7 ms, r2 from 273.0 ms; both hold at 300 ms; 2 overlapping pairs, 106.7 ms', () => {
    const r = resultOf(stepOf('lease'));
    const run = r.runs[0];
    expect(leaseRows(run).slice(0, 2)).toEqual([['r1', '64.9', '323.7', 'yes'], ['r2', '273.0', '423.3', 'yes']]);
    const cards = cardTexts(run.stage!, 3, 300);
    expect([cards[1], cards[2]]).toEqual([expect.stringContaining('holds the lease'), expect.stringContaining('holds the lease')]);
    expect([run.metrics.leaseOverlaps, run.metrics.leaseOverlapMs.toFixed(1)]).toEqual([2, '106.7']);
  });

  it('commit-wait: ε 110 ms covers r1\'s skew; median wait 220.0 ms; 0 inversions against 5; 0 lease overlaps; no invariant broken', () => {
    const r = resultOf(stepOf('commit-wait'));
    const [trusted, careful] = r.runs;
    expect(Number.isNaN(careful.boundBrokenMs)).toBe(true);
    expect(careful.metrics.commitWaitP50Ms.toFixed(1)).toBe('220.0');
    expect([trusted.metrics.stampInversions, careful.metrics.stampInversions, careful.metrics.leaseOverlaps]).toEqual([5, 0, 0]);
    expect(careful.writes.commitMs[writeOf(r, 1, 'b3')]).toBe(493.035);
    expect(careful.violations).toEqual([]);
  });

  it('why-lww-loses: r0 isolated 100..600 ms; at 800 ms every replica holds siblings a4|c4; LWW lost 8 of 12, siblings 0', () => {
    const s = stepOf('why-lww-loses');
    expect(s.scenario.events.map((e) => [e.type, e.t])).toEqual([['isolate', 100], ['heal', 600]]);
    const r = resultOf(s);
    for (const card of cardTexts(r.runs[0].stage!, 3, 800)) expect(card).toContain('siblings a4|c4,');
    const m = r.runs[0].metrics;
    expect([m['lost.wall'], m.committed, m['lost.siblings']]).toEqual([8, 12, 0]);
  });
});
