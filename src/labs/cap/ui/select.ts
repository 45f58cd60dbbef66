/**
 * Pure selectors from the CAP/PACELC result to what the Panel draws: the script's cuts in words, each
 * mode's figures in words, availability over time and latency CDFs as chart series, and the PACELC table.
 * Loops are bounded by nodes, cuts, bins (40) and CDF points (~20), never by requests.
 */
import type { LineSeries } from '../../../viz/lineChart';
import { nearestRank as latencyAt } from '../../../core/stats';
import type { CapResult, CutSpan, RunSummary } from '../result';

export { latencyAt };

// --- the cuts ---

const names = (nodes: readonly number[]) => nodes.map((n) => `n${n}`).join(', ');

/** "n3, n4 cut off from n0, n1, n2, 150–450 ms" (two groups) or "{n0} | {n1} | {n2, n3}, 150–450 ms". */
export function cutSpanText(span: CutSpan, nodeCount: number): string {
  const to = span.toMs === Infinity ? 'the end' : `${fmtMs(span.toMs)}`;
  const when = `${fmtMs(span.fromMs)}–${to} ms`;
  if (span.groups.length === 2) {
    const [a, b] = [...span.groups].sort((x, y) => y.length - x.length || x[0] - y[0]);
    // The smaller group is the one cut off (the later one when both are halves).
    return `${names(b)} cut off from ${names(a)}, ${when}${2 * a.length > nodeCount ? '' : ' (no majority on either side)'}`;
  }
  return `${span.groups.map((g) => `{${names(g)}}`).join(' | ')}, ${when}`;
}

/** Every cut of the script, or a sentence saying there is none. */
export function cutsText(result: Pick<CapResult, 'cuts' | 'nodeCount'>): string {
  if (result.cuts.length === 0) return 'nothing is cut';
  return result.cuts.map((c) => cutSpanText(c, result.nodeCount)).join('; ');
}

/** Where the charts of the CAP runs end: the shorter run's end, at least the end of the last cut. */
export function capChartEnd(result: Pick<CapResult, 'cuts' | 'cap'>): number {
  const lastCut = result.cuts.length > 0 ? result.cuts[result.cuts.length - 1].toMs : 0;
  return Math.max(Number.isFinite(lastCut) ? lastCut : 0, Math.min(...result.cap.map((r) => r.endMs)));
}

function fmtMs(ms: number): string {
  return String(Number(ms.toFixed(1)));
}

// --- figures ---

/** A fraction as a whole percentage ("–" when there is nothing to divide). */
export function percent(num: number, den: number): string {
  if (!(den > 0)) return '–';
  const p = (100 * num) / den;
  // Never round a fraction below 1 up to 100%, nor one above 0 down to 0%.
  const shown = p > 0 && p < 1 ? '<1' : p < 100 && p > 99 ? '>99' : String(Math.round(p));
  return `${shown}%`;
}

/** "N = 5, W = R = 3, ABD write-back" and the like: a mode's settings in one line (N left out on request). */
export function settingsText(r: RunSummary, isNShown = true): string {
  const quorums = r.w === r.r ? `W = R = ${r.w}` : `W = ${r.w}, R = ${r.r}`;
  const extras = [r.writeBack ? 'ABD write-back' : 'no write-back', ...(r.sloppyQuorum ? ['sloppy quorum'] : [])];
  return `${isNShown ? `N = ${r.n}, ` : ''}${quorums}, ${extras.join(', ')}`;
}

export interface Figure {
  label: string;
  value: string;
}

/** The figures of a run with the script's cuts: each side's availability during them, stale reads, writes, losses. */
export function cutFigures(r: RunSummary): Figure[] {
  const [a, b] = r.sides;
  return [
    { label: 'majority side served', value: `${percent(a.ok, a.requests)} of ${a.requests}` },
    { label: 'minority side served', value: `${percent(b.ok, b.requests)} of ${b.requests}` },
    { label: 'writes accepted (majority / minority)', value: `${a.writesOk} / ${b.writesOk}` },
    { label: 'stale reads', value: String(r.staleReads) },
    { label: 'lost writes', value: String(r.lostWrites) },
  ];
}

/** One sentence: what the mode did during the cuts. */
export function cutHeadline(r: RunSummary): string {
  const [a, b] = r.sides;
  if (a.requests + b.requests === 0) return `No request was asked during a cut: drag across the stage to cut the cluster.`;
  if (b.requests === 0) return `${r.mode} served ${percent(a.ok, a.requests)} of the requests asked during the cut; none was asked on a minority side.`;
  const refused = (s: typeof a) => s.requests > 0 && s.ok === 0;
  const served = (s: typeof a) => s.requests > 0 && s.ok === s.requests;
  if (a.requests === 0) {
    if (refused(b)) return `${r.mode} refused every request during the cut: no side held a majority.`;
    if (served(b)) return `${r.mode} served every request during the cut, though no side held a majority.`;
    return `${r.mode} served ${percent(b.ok, b.requests)} of the requests during the cut; no side held a majority.`;
  }
  if (refused(b) && served(a)) return `${r.mode} refused every request the minority side asked during the cut and served all of the majority side's.`;
  if (served(a) && served(b)) {
    const both = a.writesOk > 0 && b.writesOk > 0 ? ', accepting writes on both sides' : '';
    return `${r.mode} served every request on both sides during the cut${both}.`;
  }
  return `${r.mode} served ${percent(a.ok, a.requests)} of the majority side's requests and ${percent(b.ok, b.requests)} of the minority side's during the cut.`;
}

/** The checker's verdict as a short line. */
export function verdictLine(r: RunSummary): string {
  const mark = r.verdict === 'linearizable' ? '✓' : r.verdict === 'not linearizable' ? '✗' : '?';
  return `${mark} ${r.verdict}`;
}

// --- charts ---

/**
 * Availability per side over time, in percent, for bins starting before `untilMs` (so runs compared side by
 * side share a time axis); bins with no request are left out.
 */
export function availabilitySeries(r: RunSummary, binMs: number, untilMs = Infinity): LineSeries[] {
  const series = (name: string, values: Float64Array, isDashed: boolean): LineSeries => ({
    name,
    isDashed,
    points: Array.from(values.subarray(0, Math.max(1, Math.ceil(untilMs / binMs))), (v, k) => ({
      x: (k + 0.5) * binMs,
      y: v * 100,
      title: `${name}, ${Math.round(k * binMs)}–${Math.round((k + 1) * binMs)} ms: ${Number.isNaN(v) ? 'no requests' : `${Math.round(v * 100)}% served`}`,
    })).filter((p) => Number.isFinite(p.y)),
  });
  return [series('majority side', r.availabilityMajority, false), series('minority side', r.availabilityMinority, true)];
}

/** Percentiles a CDF is drawn at: dense in the tail, where the modes differ. */
export const CDF_PERCENTILES = [0, 5, 10, 20, 30, 40, 50, 60, 70, 80, 90, 95, 98, 99, 99.5, 99.9, 100] as const;

/** One CDF line per run: x = latency (ms), y = percent of ok requests of `kind` done within it. */
export function cdfSeries(runs: readonly RunSummary[], kind: 'read' | 'write'): LineSeries[] {
  return runs.map((r, i) => {
    const sorted = kind === 'read' ? r.readLatencyMs : r.writeLatencyMs;
    return {
      name: r.mode,
      isDashed: i % 2 === 1,
      points: sorted.length === 0 ? [] : CDF_PERCENTILES.map((p) => {
        const x = latencyAt(sorted, p);
        return { x, y: p, title: `${r.mode}: ${p}% of ${kind}s within ${formatMs(x)}` };
      }),
    };
  });
}

export function formatMs(x: number): string {
  if (!Number.isFinite(x)) return '–';
  return `${x >= 100 ? Math.round(x) : Number(x.toPrecision(2))} ms`;
}

// --- the PACELC table ---

export interface PacelcRow {
  mode: string;
  settings: string;
  /** "4.5 / 11 ms": median and 99th percentile. */
  reads: string;
  writes: string;
  staleReads: string;
  verdict: string;
  /** Under the cuts: "100% / 0%", the share of the majority side's and the minority side's requests served. */
  cutServed: string;
  cutVerdict: string;
}

/** "4.5 / 11 ms": the median and the 99th percentile of a sorted latency array. */
export function p50p99(sorted: Float64Array): string {
  if (sorted.length === 0) return '–';
  const [a, b] = [formatMs(latencyAt(sorted, 50)), formatMs(latencyAt(sorted, 99))];
  return `${a.replace(' ms', '')} / ${b}`;
}

/** One row per preset: latency and consistency without the cut, availability and verdict with it. */
export function pacelcRows(plain: readonly RunSummary[], cut: readonly RunSummary[]): PacelcRow[] {
  return plain.map((r, i) => {
    const c = cut[i];
    return {
      mode: r.mode,
      settings: settingsText(r, false),
      reads: p50p99(r.readLatencyMs),
      writes: p50p99(r.writeLatencyMs),
      staleReads: `${r.staleReads} of ${r.readsOk}`,
      verdict: verdictLine(r),
      cutServed: `${percent(c.sides[0].ok, c.sides[0].requests)} / ${percent(c.sides[1].ok, c.sides[1].requests)}`,
      cutVerdict: verdictLine(c),
    };
  });
}

// --- the stage ---

/** One line over the stage: the cuts, and what each store did with the minority side's requests. */
export function minorityLine(result: Pick<CapResult, 'cuts' | 'nodeCount' | 'cap'>): string {
  if (result.cuts.length === 0) return 'Nothing is cut.';
  const [cp, ap] = result.cap;
  const served = (r: RunSummary) => `${r.sides[1].ok} of ${r.sides[1].requests}`;
  return `Cut: ${cutsText(result)}. Minority side served: CP ${served(cp)}, AP ${served(ap)}.`;
}
