/**
 * Pure selectors from the CAP/PACELC result (and scenario) to what the Panel draws: the cluster picture and
 * its cut, each mode's figures in words, availability over time and latency CDFs as chart series, and the
 * PACELC table. Loops are bounded by nodes, bins (40) and CDF points (~20), never by requests.
 */
import type { LineSeries } from '../../../viz/lineChart';
import { nearestRank as latencyAt } from '../../../core/stats';
import type { RunSummary } from '../result';
import { sideBText, sidesOf } from '../scenario';

export { latencyAt };

// --- the cut ---

export interface NodeSpot {
  id: number;
  x: number;
  y: number;
  side: 0 | 1;
}

/** Nodes on a circle in a `size` x `size` box, n0 at the top, clockwise; side from the scenario's sideB. */
export function nodeSpots(nodes: number, sideB: string, size: number): NodeSpot[] {
  let side: Uint8Array;
  try {
    side = sidesOf(sideB, nodes);
  } catch {
    side = new Uint8Array(nodes);
  }
  const radius = size * 0.36;
  const c = size / 2;
  return Array.from({ length: nodes }, (_, id) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * id) / nodes;
    return { id, x: c + radius * Math.cos(angle), y: c + radius * Math.sin(angle), side: side[id] as 0 | 1 };
  });
}

/** The sideB text after moving `node` to the other side; null when that would leave a side empty. */
export function toggledSideB(nodes: number, sideB: string, node: number): string | null {
  const side = sidesOf(sideB, nodes);
  side[node] = side[node] ? 0 : 1;
  const countB = side.reduce((a, b) => a + b, 0);
  return countB === 0 || countB === nodes ? null : sideBText(side);
}

/**
 * A line drawn across the picture from (x1, y1) to (x2, y2) cuts the cluster: nodes to its right (as one
 * walks from the start to the end) go to side B. Null when every node falls on one side, or the line is
 * too short to have a direction.
 */
export function sideBFromLine(spots: readonly NodeSpot[], x1: number, y1: number, x2: number, y2: number): string | null {
  const dx = x2 - x1;
  const dy = y2 - y1;
  if (dx * dx + dy * dy < 16) return null;
  const side = spots.map((p) => (dx * (p.y - y1) - dy * (p.x - x1) > 0 ? 1 : 0));
  const countB = side.reduce((a: number, b) => a + b, 0);
  return countB === 0 || countB === spots.length ? null : sideBText(side);
}

/**
 * Where to draw the cut in the picture: the perpendicular bisector of the two sides' centroids, as a segment
 * across the box (coordinates of its two ends).
 */
export function cutLine(spots: readonly NodeSpot[], size: number): { x1: number; y1: number; x2: number; y2: number } | null {
  const centroid = (side: 0 | 1) => {
    const members = spots.filter((p) => p.side === side);
    if (members.length === 0) return null;
    return { x: members.reduce((a, p) => a + p.x, 0) / members.length, y: members.reduce((a, p) => a + p.y, 0) / members.length };
  };
  const a = centroid(0);
  const b = centroid(1);
  if (!a || !b) return null;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length = Math.hypot(dx, dy);
  if (length < 1e-9) return null;
  const mx = (a.x + b.x) / 2;
  const my = (a.y + b.y) / 2;
  // Unit direction along the cut (perpendicular to a -> b), stretched past the box.
  const ux = -dy / length;
  const uy = dx / length;
  return { x1: mx - ux * size, y1: my - uy * size, x2: mx + ux * size, y2: my + uy * size };
}

/** "Side A: n0, n1, n2 · side B: n3, n4". */
export function cutText(nodes: number, sideB: string): string {
  const spots = nodeSpots(nodes, sideB, 100);
  const names = (s: 0 | 1) => spots.filter((p) => p.side === s).map((p) => `n${p.id}`).join(', ');
  return `Side A: ${names(0)} · side B: ${names(1)}`;
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

/** The figures of a run with the cut: each side's availability during it, stale reads, writes, losses. */
export function cutFigures(r: RunSummary): Figure[] {
  const [a, b] = r.sides;
  return [
    { label: 'side A served', value: `${percent(a.ok, a.requests)} of ${a.requests}` },
    { label: 'side B served', value: `${percent(b.ok, b.requests)} of ${b.requests}` },
    { label: 'writes accepted (A / B)', value: `${a.writesOk} / ${b.writesOk}` },
    { label: 'stale reads', value: String(r.staleReads) },
    { label: 'lost writes', value: String(r.lostWrites) },
  ];
}

/** One sentence: what the mode did during the cut. */
export function cutHeadline(r: RunSummary): string {
  const [a, b] = r.sides;
  if (a.requests === 0 || b.requests === 0) {
    const idle = a.requests === 0 ? 'A' : 'B';
    return `Side ${idle} asked nothing during the cut: no client asks its nodes (client c asks node c mod nodes), so ${r.mode} is not tested there; add clients or move nodes.`;
  }
  const refused = (s: typeof a) => s.requests > 0 && s.ok === 0;
  const served = (s: typeof a) => s.requests > 0 && s.ok === s.requests;
  if (refused(b) && served(a)) return `${r.mode} refused every request side B asked during the cut and served all of side A's.`;
  if (refused(a) && served(b)) return `${r.mode} refused every request side A asked during the cut and served all of side B's.`;
  if (served(a) && served(b)) {
    const both = a.writesOk > 0 && b.writesOk > 0 ? ', accepting writes on both sides' : '';
    return `${r.mode} served every request on both sides during the cut${both}.`;
  }
  return `${r.mode} served ${percent(a.ok, a.requests)} of side A's requests and ${percent(b.ok, b.requests)} of side B's during the cut.`;
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
  return [series('side A', r.availabilityA, false), series('side B', r.availabilityB, true)];
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
  /** Under the cut: "100% / 0%", the share of side A's and side B's requests served. */
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
