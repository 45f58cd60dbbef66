/**
 * What the page shows, derived from a result (pure, tested without a DOM): the headline of each strategy
 * in words, the strategy-vs-none table, the time-series matrices, the breaker timeline, the script in words.
 */
import type { NodeMatrix, TimeMarker } from '../../../viz/timeSeries';
import { faultLabel } from '../../faultEvents';
import { Outcome, type FailureResult, type RunFigures, type Series, type Totals } from '../result';
import { STRATEGY_LABELS, type FailureEvent, type FailureScenario } from '../scenario';
import { formatNumber } from '../../../viz/shared/format';

const int = (x: number) => (Number.isFinite(x) ? formatNumber(Math.round(x)) : '–');
const ms = (x: number) => (Number.isFinite(x) ? `${x >= 100 ? formatNumber(Math.round(x)) : x.toFixed(1)} ms` : '–');
const pct = (x: number) => (Number.isFinite(x) ? `${x.toFixed(1)} %` : '–');

/** "recovered 1.5 s after the fault ended" / "not recovered by the end (60 s)". */
export function recoverWords(t: Totals, result: FailureResult): string {
  if (Number.isNaN(result.triggerEndMs)) return 'no fault in the script';
  if (Number.isNaN(t.recoverMs)) return `not recovered by the end (${result.endTime / 1000} s)`;
  return `${(t.recoverMs / 1000).toFixed(1)} s`;
}

export function goodputPct(t: Totals): number {
  return t.arrivals ? (100 * t.goodput) / t.arrivals : Number.NaN;
}

/** The strategy's headline: its metric in one or two sentences, against none when compared. */
export function headline(result: FailureResult): string {
  const t = result.run.totals;
  const b = result.baseline?.totals;
  const vs = (x: string, y: string | undefined) => (y === undefined ? x : `${x} (none: ${y})`);
  const common = `${int(t.arrivals)} requests; goodput ${vs(pct(goodputPct(t)), b && pct(goodputPct(b)))}; ${int(t.firstTries + t.retries)} attempts downstream, amplification ${vs(t.amplification.toFixed(2), b && b.amplification.toFixed(2))}; time to recover after the last fault: ${vs(recoverWords(t, result), b && recoverWords(b, result))}.`;
  switch (result.strategy) {
    case 'breaker': {
      const saved = b ? b.firstTries + b.retries - (t.firstTries + t.retries) : Number.NaN;
      return `The breakers opened ${t.breakerOpens} times and rejected ${int(t.breakerRejected)} calls at once (not counted as failures); ${Number.isFinite(saved) ? `${int(saved)} requests to the downstream saved against none` : 'no baseline to compare'}. ${common}`;
    }
    case 'fallback':
      return `${int(t.outcomes[Outcome.fallback])} fallback answers at once; retry queue at most ${int(t.queuePeak)} deep (oldest write waiting ${ms(t.queueOldestMs)}), ${int(t.queueDone)} writes applied from it, ${int(t.dlqCount)} in the dead-letter queue, ${int(t.duplicates)} duplicates absorbed by the idempotency key. ${common}`;
    case 'stale':
      return `${int(t.staleServed)} stale answers (median age ${ms(t.staleAgeP50Ms)}, oldest ${ms(t.staleAgeMaxMs)}), ${int(t.cacheHits)} fresh hits; each stale answer saved a trip downstream of ${ms(t.latencySavedMs)} on average. ${common}`;
    case 'degrade':
      return `${int(t.localServed)} answers from local data; ${int(t.replayed)} local writes replayed at reconciliation, ${int(t.conflicts)} conflicts found, ${int(t.lostWrites)} writes lost to last-writer-wins. ${common}`;
    case 'shed':
      return `Retries denied by the budget ${int(t.budgetDenied)}; shed 503 ${int(t.shed)}, throttled 429 ${int(t.throttled)}, expired work dropped ${int(t.dropped)}. ${common}`;
    default:
      return `${int(t.lateReplies)} replies came after their caller had given up (work done for nobody). ${common}`;
  }
}

export interface Row {
  label: string;
  run: string;
  base: string;
}

/** The strategy beside none on the same seed and script. */
export function compareRows(result: FailureResult): Row[] {
  const t = result.run.totals;
  const b = result.baseline?.totals;
  const row = (label: string, f: (x: Totals) => string): Row => ({ label, run: f(t), base: b ? f(b) : '–' });
  return [
    row('requests', (x) => int(x.arrivals)),
    row('answered ok', (x) => int(x.outcomes[Outcome.ok])),
    row('stale / local / fallback', (x) => `${int(x.outcomes[Outcome.stale])} / ${int(x.outcomes[Outcome.local])} / ${int(x.outcomes[Outcome.fallback])}`),
    row('errors', (x) => int(x.outcomes[Outcome.error])),
    row('rejected fast', (x) => int(x.outcomes[Outcome.rejected])),
    row('goodput (data within the deadline)', (x) => `${int(x.goodput)} (${pct(goodputPct(x))})`),
    row('p50 / p99 latency', (x) => `${ms(x.p50Ms)} / ${ms(x.p99Ms)}`),
    row('call round trip p99.9 before the first fault (the timeout is ' + result.timeoutMs + ' ms)', (x) => ms(x.roundTripP999Ms)),
    row('attempts: first tries + retries', (x) => `${int(x.firstTries)} + ${int(x.retries)}`),
    row('amplification', (x) => x.amplification.toFixed(2)),
    row('server work done', (x) => int(x.completions)),
    row('replies after the caller gave up', (x) => int(x.lateReplies)),
    row('time to recover', (x) => recoverWords(x, result)),
  ];
}

const column = (s: Series, values: ArrayLike<number>): number[] => Array.from(values).slice(0, s.bins);

/** Rows of one chart: each a name and its values per bin (both runs share bins). */
function matrixOf(s: Series, rows: readonly { label: string; values: ArrayLike<number> }[]): { matrix: NodeMatrix; labels: string[] } {
  const values = new Float64Array(rows.length * s.bins);
  rows.forEach((r, i) => values.set(column(s, r.values), i * s.bins));
  return { matrix: { values, nodeCount: rows.length, bucketCount: s.bins, t0: 0, bucketWidth: s.binMs }, labels: rows.map((r) => r.label) };
}

export type ChartId = 'latency' | 'goodput' | 'errors' | 'queues';

/** The charts under the stage: the strategy's lines, and none's beside them when compared. */
export function chartOf(result: FailureResult, id: ChartId): { matrix: NodeMatrix; labels: string[] } {
  const r = result.run.series;
  const b = result.baseline?.series;
  const name = STRATEGY_LABELS[result.strategy];
  const perSec = 1000 / r.binMs;
  const offered = (x: Series) => Float64Array.from({ length: x.bins }, (_, i) => (x.firstTries[i] + x.retries[i]) * perSec);
  const rows: { label: string; values: ArrayLike<number> }[] = [];
  const both = (label: string, f: (x: Series) => ArrayLike<number>) => {
    rows.push({ label: `${label} (${name})`, values: f(r) });
    if (b) rows.push({ label: `${label} (none)`, values: f(b) });
  };
  if (id === 'latency') {
    both('p50', (x) => x.p50Ms);
    both('p99', (x) => x.p99Ms);
  } else if (id === 'goodput') {
    both('goodput', (x) => x.goodput);
    both('throughput', (x) => x.throughput);
    both('attempts sent', offered);
  } else if (id === 'errors') {
    both('errors %', (x) => x.errorPct);
    both('rejected %', (x) => x.rejectedPct);
  } else {
    both('server queues', (x) => x.serverQueue);
    if (result.strategy === 'fallback') {
      rows.push({ label: 'retry queue', values: r.retryQueue });
      rows.push({ label: 'DLQ', values: r.dlq });
    }
  }
  return matrixOf(r, rows);
}

/** Each caller's breaker state per bin: 0 closed, 1 half-open, 2 open (the state at the bin's end). */
export function breakerChart(result: FailureResult): { matrix: NodeMatrix; labels: string[] } {
  const s = result.run.series;
  const values = new Float64Array(result.callers * s.bins);
  const level = [0, 2, 1];
  for (let c = 0; c < result.callers; c++) {
    let state = 0;
    let k = 0;
    for (let bin = 0; bin < s.bins; bin++) {
      const end = (bin + 1) * s.binMs;
      while (k < result.breakers.tMs.length && result.breakers.tMs[k] < end) {
        if (result.breakers.caller[k] === c) state = level[result.breakers.state[k]];
        k++;
      }
      values[c * s.bins + bin] = state;
    }
  }
  return { matrix: { values, nodeCount: result.callers, bucketCount: s.bins, t0: 0, bucketWidth: s.binMs }, labels: Array.from({ length: result.callers }, (_, c) => `c${c}`) };
}

export const BREAKER_LEVEL_WORDS = ['closed', 'half-open', 'open'];

export function markersOf(events: readonly FailureEvent[], names: readonly string[]): TimeMarker[] {
  return events.map((e) => ({ t: e.t, label: eventWords(e, names) }));
}

export function eventWords(e: FailureEvent, names: readonly string[]): string {
  if (e.type === 'slowdown') return `slow ${names[e.node]}`;
  if (e.type === 'restore') return `restore ${names[e.node]}`;
  return faultLabel(e as Parameters<typeof faultLabel>[0], (i) => names[i] ?? `n${i}`);
}

/** The script in words ("Crash s2 at 5000 ms · Recover s2 at 10000 ms"; '' for none). */
export function scriptText(s: FailureScenario, names: readonly string[]): string {
  return s.events.map((e) => `${eventWords(e, names)} at ${e.t} ms`).join(' · ');
}

export function checkRows(result: FailureResult): { name: string; ok: boolean; detail: string }[] {
  return result.checks;
}

export function runLabel(f: RunFigures): string {
  return STRATEGY_LABELS[f.strategy];
}
