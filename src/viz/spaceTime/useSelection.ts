/**
 * What the reader picked: event a (its causal past and future light up, concurrent events are marked),
 * event b (compared with a: "a happened before b", "b happened before a" or "concurrent", with the clocks
 * that prove it), and the keyboard's focus. Each change gives one sentence for the live region.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { clockOf, compareEvents, coneCounts, coneOf, type Comparison, type Cone } from '../../core/causality/query';
import { comparisonSentence, eventName, formatClock, formatTime } from '../../core/causality/prose';
import type { CausalRun } from '../../core/causality/types';
import { formatNumber } from '../shared/format';

export interface Selection {
  a: number;
  b: number;
  focus: number;
  cone: Cone | undefined;
  comparison: Comparison | undefined;
  /** The latest sentence (for the polite live region). */
  message: string;
  select(e: number, asB: boolean): void;
  setFocus(e: number, announce: boolean): void;
  clear(): void;
}

/** An event in words: "n1:5, receive append #4 from n0, at 12.5 ms (Lamport 9), clock {n0: 3, n1: 5}". */
export function describeEvent(run: CausalRun, e: number, detail?: (e: number) => string): string {
  const g = run.graph;
  const text = g.text[e] >= 0 ? g.texts[g.text[e]] : '';
  const where = run.timeUnit === 'step' ? `Lamport ${run.clocks.lamport[e]}` : `at ${formatTime(g.time[e], run.timeUnit)} (Lamport ${run.clocks.lamport[e]})`;
  const extra = detail?.(e);
  const line = run.timeUnit === 'step' && g.source[e] > 0 ? `, line ${g.source[e]}` : '';
  return `${eventName(g, e)}${text ? `, ${text}` : ''}, ${where}, clock ${formatClock(g, clockOf(g, run.clocks, e))}${line}${extra ? ` (${extra})` : ''}`;
}

function events(n: number): string {
  return `${formatNumber(n)} event${n === 1 ? '' : 's'}`;
}

export function useSelection(run: CausalRun, detail?: (e: number) => string): Selection {
  const [a, setA] = useState(-1);
  const [b, setB] = useState(-1);
  const [focus, setFocusState] = useState(-1);
  const [message, setMessage] = useState('');
  useEffect(() => {
    setA(-1);
    setB(-1);
    setFocusState(-1);
    setMessage('');
  }, [run]);
  const cone = useMemo(() => (a >= 0 && a < run.graph.count ? coneOf(run.graph, run.clocks, a) : undefined), [run, a]);
  const comparison = useMemo(() => (a >= 0 && b >= 0 && b < run.graph.count ? compareEvents(run.graph, run.clocks, a, b) : undefined), [run, a, b]);
  const select = useCallback((e: number, asB: boolean) => {
    setFocusState(e);
    if (asB && a >= 0) {
      setB(e);
      setMessage(comparisonSentence(run.graph, compareEvents(run.graph, run.clocks, a, e)));
      return;
    }
    setA(e);
    setB(-1);
    const counts = coneCounts(run.graph, coneOf(run.graph, run.clocks, e));
    setMessage(`a = ${describeEvent(run, e, detail)}. Its causal past holds ${events(counts.past)}, its future ${events(counts.future)}; ${events(counts.concurrent)} concurrent with it. Shift+click or Shift+Enter picks b to compare.`);
  }, [run, a, detail]);
  const setFocus = useCallback((e: number, announce: boolean) => {
    setFocusState(e);
    if (announce && e >= 0) setMessage(describeEvent(run, e, detail));
  }, [run, detail]);
  const clear = useCallback(() => {
    setA(-1);
    setB(-1);
    setMessage('Selection cleared.');
  }, []);
  return { a, b, focus, cone, comparison, message, select, setFocus, clear };
}
