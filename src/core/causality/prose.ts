/**
 * Causality in words, from data (Elle's habit: the explanation is data first, prose second). Event names
 * follow ShiViz: `host:counter` ("n1:5" is lane n1's fifth event, its own clock entry). Everything here is
 * plain text: the UI renders it as text, never as markup.
 */
import type { Comparison } from './query';
import type { CausalGraph } from './types';

export function eventName(g: CausalGraph, e: number): string {
  return `${g.lanes[g.lane[e]]}:${g.seq[e] + 1}`;
}

/** A clock as `{n0: 3, n1: 5}`, zero entries left out (as ShiViz logs do). */
export function formatClock(g: CausalGraph, clock: ArrayLike<number>): string {
  const parts: string[] = [];
  for (let l = 0; l < clock.length; l++) if (clock[l] > 0) parts.push(`${g.lanes[l]}: ${clock[l]}`);
  return `{${parts.join(', ')}}`;
}

/** "a happened before b", "b happened before a" or "concurrent", with the clock comparison that proves it. */
export function comparisonSentence(g: CausalGraph, cmp: Comparison): string {
  const a = eventName(g, cmp.a);
  const b = eventName(g, cmp.b);
  const ca = formatClock(g, cmp.clockA);
  const cb = formatClock(g, cmp.clockB);
  const la = g.lanes[g.lane[cmp.a]];
  const lb = g.lanes[g.lane[cmp.b]];
  switch (cmp.relation) {
    case 'same':
      return `a and b are the same event (${a}).`;
    case 'before':
      return `a happened before b: b (${b}) has clock ${cb}, which has seen a's own entry (${la} ${cmp.clockB[g.lane[cmp.a]]} ≥ ${cmp.clockA[g.lane[cmp.a]]}), and a (${a}) has clock ${ca}, no entry above b's.`;
    case 'after':
      return `b happened before a: a (${a}) has clock ${ca}, which has seen b's own entry (${lb} ${cmp.clockA[g.lane[cmp.b]]} ≥ ${cmp.clockB[g.lane[cmp.b]]}), and b (${b}) has clock ${cb}, no entry above a's.`;
    default:
      return `a and b are concurrent: a (${a}) has clock ${ca} and b (${b}) has clock ${cb}; a's ${la} entry is ahead (${cmp.clockA[g.lane[cmp.a]]} > ${cmp.clockB[g.lane[cmp.a]]}) and b's ${lb} entry is ahead (${cmp.clockB[g.lane[cmp.b]]} > ${cmp.clockA[g.lane[cmp.b]]}), so neither has seen the other.`;
  }
}

/** A time on the axis in words: "12.5 ms", "step 9". */
export function formatTime(t: number, unit: string): string {
  if (unit === 'step') return `step ${t}`;
  const rounded = Math.round(t * 1000) / 1000;
  return `${rounded.toLocaleString('en-US', { maximumFractionDigits: 3 })} ${unit}`;
}
