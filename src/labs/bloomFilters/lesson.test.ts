/**
 * Goal: every lesson step says what its run shows, and every number it quotes is on the page for it.
 * Method: each step's scenario runs through the program; the page's text at the step's t is rebuilt from
 * the functions the page draws with (the bit array's words at t, the cards' accessible names, the
 * narration rows in view around t, the measurements' sentences and rows); each number of the step's text
 * must appear there, and each claim is checked against the run.
 */
import { describe, expect, it } from 'vitest';
import type { StageData } from '../../core/stage/types';
import { cardTexts as stageCards, narrationTexts } from '../../viz/stage/testing/screenText';
import { missingNumbers, quotedNumbers } from '../../core/text/quotedNumbers';
import { plainContext } from '../contract';
import { lesson, type LessonStep } from './lesson';
import { program } from './program/program';
import { Answer, OpKind, type BloomResult } from './result';
import { CARD_SPEC } from './ui/cards';
import { contextRows, contextText, deletionRows, deletionText, designText, fillText, opAt, opWords, rateText, scriptText } from './ui/select';
import { spec } from './index';

const results = new Map<string, BloomResult>();
const stepOf = (id: string) => lesson.find((x) => x.id === id)!;
const resultOf = (s: LessonStep): BloomResult => {
  const key = JSON.stringify(s.scenario);
  if (!results.has(key)) results.set(key, program(s.scenario, plainContext()));
  return results.get(key)!;
};



const cardTexts = (data: StageData, t: number) => stageCards(data, CARD_SPEC, t, 3, { width: 900, height: 190 });
/** Names carry digits after a '-' here (miss-0, item-86516). */
const numbers = (text: string) => quotedNumbers(text, '-');
const missing = (s: LessonStep) => missingNumbers(s.text, screen(s), '-');

/** The page's text for step `s` at its t. */
function screen(s: LessonStep): string[] {
  const r = resultOf(s);
  const t = s.t ?? 0;
  const i = opAt(r, t);
  return [
    String(t),
    i < 0 ? '' : `At ${r.ops.tMs[i]} ms, f1: ${opWords(r, i)}`,
    `${r.m} bits holding ${r.n} elements; the operation at the playhead rings its ${r.k} bits`,
    ...cardTexts(r.stage!, t),
    ...narrationTexts(r.stage!, t),
    rateText(r),
    designText(r),
    fillText(r),
    deletionText(r),
    ...deletionRows(r).map((row) => row.join(' ')),
    contextText(r),
    ...contextRows(r).map((row) => row.join(' ')),
    scriptText(s.scenario.events),
  ];
}



describe('bloom-filters lesson', () => {
  it('has distinct ids, valid scenarios, 2-3 sentences each, a moment inside the run and the nodes it names', () => {
    expect(new Set(lesson.map((s) => s.id)).size).toBe(lesson.length);
    for (const s of lesson) {
      expect(spec.validate(s.scenario).ok).toBe(true);
      const sentences = s.text.split(/(?<=[.!?])\s+(?=\S)/).length;
      expect({ id: s.id, sentences: Math.min(3, Math.max(2, sentences)) }).toEqual({ id: s.id, sentences });
      expect(s.t! >= 0 && s.t! <= resultOf(s).endTime).toBe(true);
      for (const node of s.highlight?.nodes ?? []) expect(s.text).toContain(node);
    }
  });

  it.each(lesson.map((s) => [s.id, s] as const))('%s: every number it quotes is on the page at its t', (_, s) => {
    expect(numbers(s.text).length).toBeGreaterThan(2);
    expect(missing(s)).toEqual([]);
  });

  it('the page check fails on a number the page does not show', () => {
    const s = stepOf('rate');
    expect(missing({ ...s, text: `${s.text} It took 7.77 ms.` })).toEqual(['7.77']);
  });
});

describe('bloom-filters lesson claims hold in the simulation', () => {
  const opOf = (id: string) => {
    const s = stepOf(id);
    const r = resultOf(s);
    const i = opAt(r, s.t!);
    expect(r.ops.tMs[i]).toBe(s.t);
    return { r, i };
  };

  it('definitely-no: at 3.055 ms miss-0 finds bit 485,959 clear and f1 answers c0 without a store message', () => {
    const { r, i } = opOf('definitely-no');
    expect([r.ops.keys[i], r.ops.kind[i], r.ops.answer[i]]).toEqual(['miss-0', OpKind.get, Answer.no]);
    expect(opWords(r, i)).toContain('bit 485,959 is 0');
    // The first message to s2 leaves after this get was answered.
    const m = r.stage!.messages;
    for (let j = 0; j < m.count; j++) if (m.to[j] === 2) expect(m.send[j]).toBeGreaterThan(3.055);
  });

  it('probably-yes: item-86516 has all bits set and is read from s2; medians 2.05 and 13.95 ms', () => {
    const { r, i } = opOf('probably-yes');
    expect([r.ops.keys[i], r.ops.answer[i]]).toEqual(['item-86516', Answer.yes]);
    expect([r.context.noP50Ms.toFixed(2), r.context.readP50Ms.toFixed(2)]).toEqual(['2.05', '13.95']);
  });

  it('insert: new-2 sets bits 4, 61, 55, two of them newly, in a 64-bit filter', () => {
    const { r, i } = opOf('insert');
    expect([r.m, r.k, r.ops.keys[i], r.ops.kind[i]]).toEqual([64, 3, 'new-2', OpKind.put]);
    expect(Array.from(r.ops.positions.subarray(3 * i, 3 * i + 3))).toEqual([4, 61, 55]);
    expect(Array.from(r.ops.wasSet.subarray(3 * i, 3 * i + 3)).filter((b) => b === 0)).toHaveLength(2);
  });

  it('false-positive: miss-6 finds all its bits set; 4 of 12 store reads wasted', () => {
    const { r, i } = opOf('false-positive');
    expect([r.ops.keys[i], r.ops.answer[i]]).toEqual(['miss-6', Answer.falsePositive]);
    expect([r.context.wastedReads, r.context.storeReads]).toEqual([4, 12]);
  });

  it('store-down: s2 is down from 300 to 600 ms; 2 gets time out, and "no" answers continue meanwhile', () => {
    const s = stepOf('store-down');
    expect(s.scenario.events.map((e) => [e.type, e.t])).toEqual([['crash', 300], ['recover', 600]]);
    const r = resultOf(s);
    expect(r.context.timeouts).toBe(2);
    const noWhileDown = Array.from(r.ops.tMs).filter((t, i) => t > 300 && t < 600 && r.ops.answer[i] === Answer.no);
    expect(noWhileDown.length).toBeGreaterThan(0);
  });
});
