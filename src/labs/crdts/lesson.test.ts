/**
 * Goal: every lesson step says what its run shows, and every number it quotes is on the page for it.
 * Method: each step's scenario runs through the program; the page's text at the step's t and view is
 * rebuilt from the functions the page draws with (./screen.ts: cards in words, narration rows around t,
 * the agreement line, the measurements); each number of the step's text must appear there (the same value,
 * possibly with more decimals), and each claim is checked against the run.
 */
import { describe, expect, it } from 'vitest';
import { missingNumbers } from '../../core/text/quotedNumbers';
import { plainContext } from '../contract';
import { lesson, type LessonStep } from './lesson';
import { program } from './program/program';
import type { CrdtsResult } from './result';
import { screenText } from './ui/screen';

const results = new Map<string, CrdtsResult>();
const resultOf = (s: LessonStep): CrdtsResult => {
  const key = JSON.stringify(s.scenario);
  if (!results.has(key)) results.set(key, program(s.scenario, plainContext()));
  return results.get(key)!;
};
const stepOf = (id: string) => lesson.find((x) => x.id === id)!;
const viewOf = (s: LessonStep, key: string) => resultOf(s).views.find((v) => v.key === key)!;


function missing(s: LessonStep): string[] {
  return missingNumbers(s.text, screenText(resultOf(s), s.scenario.events, s.highlight?.view ?? 'or', s.scenario.elements, s.t ?? 0));
}

describe('crdts lesson', () => {
  it.each(lesson.map((s) => [s.id, s] as const))('%s: every number it quotes is on its page', (_id, s) => {
    expect(missing(s)).toEqual([]);
  });

  it('count-apart: both sides of the cut accept every increment (none refused)', () => {
    const r = resultOf(stepOf('count-apart'));
    expect(r.availability[0].ok).toBe(r.availability[0].asked);
    expect(r.availability[0].okCutOff).toBeGreaterThan(0);
  });

  it('converge: the G-Counter converges to the merge of all, at the step\'s t, and reads the increments made', () => {
    const s = stepOf('converge');
    const g = viewOf(s, 'g');
    expect(g.isConverged && g.equalsJoin).toBe(true);
    expect(s.t!).toBeGreaterThanOrEqual(g.settledMs);
    expect(Number(g.finalValues[0])).toBe(resultOf(s).availability[0].ok);
  });

  it('consensus: the log refuses the side cut off from n0, and is slower where it answers', () => {
    const [crdt, log] = resultOf(stepOf('consensus')).availability;
    expect(log.okCutOff).toBe(0);
    expect(log.askedCutOff).toBeGreaterThan(0);
    expect(log.p50Ms).toBeGreaterThan(crdt.p50Ms);
  });

  it('naive and two-phase: the OR-Set shows no anomaly; the naive set undoes a remove at the step\'s t; the 2P-Set loses a re-add at its t', () => {
    const naive = stepOf('naive');
    expect(viewOf(naive, 'or').anomalies).toEqual([]);
    expect(viewOf(naive, 'naive').anomalies.some((a) => a.kind === 'remove-undone' && a.tMs === naive.t)).toBe(true);
    const tp = stepOf('two-phase');
    expect(viewOf(tp, 'tp').anomalies.some((a) => a.kind === 're-add-lost' && a.tMs === tp.t)).toBe(true);
    expect(viewOf(tp, 'tp').finalValues[0]).toBe('{}');
    expect(viewOf(tp, 'or').finalValues[0]).toBe('{a, b, c}');
  });

  it('pn-counter: the PN-Counter reads the updates\' sum; the max-merged one reads more', () => {
    const s = stepOf('pn-counter');
    expect(viewOf(s, 'pn').anomalies).toEqual([]);
    expect(Number(viewOf(s, 'max').finalValues[0])).toBeGreaterThan(Number(viewOf(s, 'pn').finalValues[0]));
    expect(s.text).toContain(`(${viewOf(s, 'max').anomalies.length} anomalies in this run)`);
  });

  it('lww: the wall-clock register ends with an older write than the Lamport one, and n1 holds its own write only under Lamport', () => {
    const s = stepOf('lww');
    expect(viewOf(s, 'wall').finalValues[0]).toBe('"v29"');
    expect(viewOf(s, 'lww').finalValues[0]).toBe('"v30"');
  });

  it('duplicates: every G-Counter reads the increments made; the adding counter reads more at every replica', () => {
    const s = stepOf('duplicates');
    const r = resultOf(s);
    expect(r.duplicated).toBeGreaterThan(0);
    const made = viewOf(s, 'g').finalValues.map(Number);
    expect(new Set(made)).toEqual(new Set([r.availability[0].ok]));
    for (const v of viewOf(s, 'delta').finalValues) expect(Number(v)).toBeGreaterThan(made[0]);
  });
});
