/**
 * Layout of values over simulated time for many nodes. Small scenes (up to `allSeriesMax` nodes) draw
 * every node's line; large ones draw an aggregate band across nodes per pixel column (default p50..max,
 * plus the median line) and only the highlighted nodes' lines, so the mark count follows the width in
 * pixels. Around the data: a playhead at t, threshold lines, and detector markers at a time.
 *
 *   value
 *     |         n17 ___/‾‾‾‾‾‾\___          <- highlighted series, labelled at its end
 *     |  ░░░░░░░░░░░░░░░░░░░░░░░░░░░        <- band: p50..max across nodes
 *     |  - - - - - - - - - - - - - - -     <- median across nodes
 *     +--------------|----▼-------------> t <- playhead, marker ("n17 hot")
 */
import { scaleLinear } from 'd3-scale';
import { axisTicks, chartFrame, finiteOr, type Frame, type Tick } from '../shared/axis';
import { formatCompact } from '../shared/format';
import { isValidMatrix, reduceColumns, reduceSeries, type NodeMatrix, type Reduce } from './matrix';

export interface Threshold {
  value: number;
  /** Shown at the line's right end ("90% = hot"). Text only. */
  label: string;
}

export interface TimeMarker {
  t: number;
  /** Shown at the marker ("n17 flagged hot"). Text only. */
  label: string;
  /** The node the marker is about, if any (its series is highlighted). */
  node?: number;
}

export interface TimeSeriesInput {
  matrix: NodeMatrix | null;
  /** Node names by index, for labels and the tooltip; default `n<i>`. */
  labels?: readonly string[];
  /** Nodes drawn as their own lines when the chart aggregates (the top-k hottest, the flagged node). */
  highlight?: readonly number[];
  /** Up to this many nodes, every node gets its own line and no band. Default 12. */
  allSeriesMax?: number;
  /** How buckets sharing a pixel column combine. Default 'mean'. */
  reduce?: Reduce;
  /** The band's quantiles across nodes, in [0, 1]. Default [0.5, 1] (median to max). */
  band?: readonly [number, number];
  /**
   * The band already computed per bucket (by the worker): its low and high edge and the median line, each
   * of length bucketCount, matching `band`'s quantiles. With it, an aggregated chart reads only its
   * highlighted nodes' rows (k x buckets) instead of sorting every column across all nodes.
   */
  bandSeries?: { lo: ArrayLike<number>; hi: ArrayLike<number>; median?: ArrayLike<number> };
  /** Upper y bound; default the larger of the data's max and the thresholds (niced). */
  yMax?: number;
  thresholds?: readonly Threshold[];
  markers?: readonly TimeMarker[];
  /** The playhead's simulated time; not drawn when outside the matrix's time range. */
  t?: number;
  /** Pixels per column at least (aggregation step). Default 2. */
  columnPx?: number;
  /** y tick labels. Default compact numbers. */
  formatValue?: (value: number) => string;
  /** x tick labels (simulated time in the lab's unit: "2" for 2,000 ms under an axis in seconds). Default compact numbers. */
  formatTimeTick?: (t: number) => string;
}

export interface PlacedSeries {
  node: number;
  label: string;
  /** y in pixels per column (NaN where the node had no value). */
  ys: Float64Array;
  /** Raw reduced values per column. */
  values: Float64Array;
  /** Where the end label goes (collision-avoided) and whether it is drawn. */
  labelY: number;
  isLabelled: boolean;
  /** Index into the highlight list (its colour and dash), or -1 for an unhighlighted line in a small scene. */
  rank: number;
}

export interface PlacedMarker extends TimeMarker {
  x: number;
  /** Label row 0..MARKER_ROWS-1, or -1 when its label would collide in every row (the flag stays). */
  labelRow: number;
  /** Label anchored after the line ('start') or before it ('end', near the right edge). */
  anchor: 'start' | 'end';
}

/** Rows of marker labels before one is left out. */
export const MARKER_ROWS = 3;
/** Approximate width of one label character at 11px (labels are short: "crash n3", "salt ×8"). */
const CHAR_PX = 6.6;

export interface TimeSeriesLayout {
  frame: Frame;
  isAggregated: boolean;
  columnCount: number;
  /** Pixel x of each column's centre, and the simulated time range each column covers. */
  xs: Float64Array;
  columnT0: Float64Array;
  columnT1: Float64Array;
  /** Band across nodes per column, as pixels and values (empty when not aggregated). */
  bandLo: Float64Array;
  bandHi: Float64Array;
  median: Float64Array;
  bandLoValue: Float64Array;
  bandHiValue: Float64Array;
  medianValue: Float64Array;
  /** Nodes with a value per column (the band's population). */
  liveCount: Int32Array;
  series: PlacedSeries[];
  playheadX: number | null;
  thresholds: (Threshold & { y: number })[];
  /** Markers with their label placement: a row (0 above the plot, 1 and 2 just inside it) or none. */
  markers: PlacedMarker[];
  xTicks: Tick[];
  yTicks: Tick[];
  yMax: number;
  tStart: number;
  tEnd: number;
}

const margin = { left: 52, right: 64, top: 16, bottom: 30 };
const LABEL_GAP_PX = 12;

export function layoutTimeSeries(input: TimeSeriesInput, width: number, height: number): TimeSeriesLayout {
  const frame = chartFrame(width, height, margin);
  const m = isValidMatrix(input.matrix) ? input.matrix : null;
  const allSeriesMax = input.allSeriesMax ?? 12;
  const isAggregated = m !== null && m.nodeCount > allSeriesMax;
  const columnsMax = Math.max(1, Math.floor(frame.innerWidth / Math.max(1, input.columnPx ?? 2)));
  const highlighted = m ? uniqueValid(input.highlight ?? [], m.nodeCount) : [];
  const bandSeries = isAggregated && input.bandSeries && validBandSeries(input.bandSeries, m.bucketCount) ? input.bandSeries : null;
  // With a precomputed band, only the highlighted rows are reduced; otherwise every row (for the band).
  const rows = bandSeries ? highlighted : undefined;
  const columns = m ? reduceColumns(m, columnsMax, input.reduce ?? 'mean', rows) : reduceColumns(emptyMatrix, 1);
  const n = columns.columnCount;
  const tStart = m ? m.t0 : 0;
  const tEnd = m ? m.t0 + m.bucketCount * m.bucketWidth : 1;
  const x = scaleLinear().domain([tStart, tEnd > tStart ? tEnd : tStart + 1]).range([frame.left, frame.left + frame.innerWidth]);

  const xs = new Float64Array(n);
  const columnT0 = new Float64Array(n);
  const columnT1 = new Float64Array(n);
  for (let c = 0; c < n; c++) {
    columnT0[c] = tStart + columns.columnStart[c] * m!.bucketWidth;
    columnT1[c] = tStart + columns.columnStart[c + 1] * m!.bucketWidth;
    xs[c] = x((columnT0[c] + columnT1[c]) / 2);
  }

  const [qLo, qHi] = input.band ?? [0.5, 1];
  const band = !isAggregated ? null : bandSeries ? bandFromSeries(bandSeries, columns.columnStart, m!.nodeCount) : bandAcrossNodes(columns.cells, columns.nodeCount, n, qLo, qHi);

  const thresholds = input.thresholds ?? [];
  let top = input.yMax ?? 0;
  if (input.yMax === undefined) {
    for (let i = 0; i < columns.cells.length; i++) if (columns.cells[i] > top && columns.cells[i] < Infinity) top = columns.cells[i];
    if (band) for (let c = 0; c < n; c++) if (band.hi[c] > top && band.hi[c] < Infinity) top = band.hi[c];
    for (const th of thresholds) if (Number.isFinite(th.value)) top = Math.max(top, th.value);
  }
  const y = scaleLinear().domain([0, top > 0 ? top : 1]).nice().range([frame.top + frame.innerHeight, frame.top]);
  const toY = (v: number) => (v === v ? y(Math.max(0, v)) : Number.NaN);

  const shownNodes = !m ? [] : isAggregated ? highlighted : range(m.nodeCount);
  const highlightRank = new Map((input.highlight ?? []).map((node, i) => [node, i] as const));
  const series = shownNodes.map((node, i): PlacedSeries => {
    // Rows of `columns` are the highlighted nodes in order when only they were reduced, else every node.
    const row = rows ? i : node;
    const values = columns.cells.subarray(row * n, (row + 1) * n);
    const ys = new Float64Array(n);
    for (let c = 0; c < n; c++) ys[c] = toY(values[c]);
    return {
      node,
      label: input.labels?.[node] ?? `n${node}`,
      ys,
      values,
      labelY: lastFinite(ys),
      isLabelled: true,
      rank: highlightRank.get(node) ?? -1,
    };
  });
  // With highlights, only they are labelled (the rest are context, drawn muted); without, every line is.
  if (highlightRank.size > 0) for (const s of series) if (s.rank < 0) s.isLabelled = false;
  spreadLabels(series, frame);

  const bandLo = new Float64Array(band ? n : 0);
  const bandHi = new Float64Array(band ? n : 0);
  const median = new Float64Array(band ? n : 0);
  if (band) {
    for (let c = 0; c < n; c++) {
      bandLo[c] = toY(band.lo[c]);
      bandHi[c] = toY(band.hi[c]);
      median[c] = toY(band.median[c]);
    }
  }

  const inTime = (t: number) => Number.isFinite(t) && t >= tStart && t <= tEnd && m !== null;
  const format = input.formatValue ?? formatCompact;
  return {
    frame,
    isAggregated,
    columnCount: n,
    xs,
    columnT0,
    columnT1,
    bandLo,
    bandHi,
    median,
    bandLoValue: band?.lo ?? new Float64Array(0),
    bandHiValue: band?.hi ?? new Float64Array(0),
    medianValue: band?.median ?? new Float64Array(0),
    liveCount: band?.live ?? new Int32Array(0),
    series,
    playheadX: input.t !== undefined && inTime(input.t) ? x(input.t) : null,
    thresholds: thresholds.filter((th) => Number.isFinite(th.value)).map((th) => ({ ...th, y: y(th.value) })),
    markers: placeMarkers((input.markers ?? []).filter((mk) => inTime(mk.t)).map((mk) => ({ ...mk, x: x(mk.t) })), frame),
    xTicks: axisTicks(x, Math.max(2, Math.floor(frame.innerWidth / 70)), input.formatTimeTick ?? formatCompact),
    yTicks: axisTicks(y, Math.max(2, Math.floor(frame.innerHeight / 36)), format),
    yMax: y.domain()[1],
    tStart,
    tEnd,
  };
}

/**
 * Pixel x of simulated time t, or null outside the chart's time range. Separate from the layout so a
 * moving playhead costs nothing: the component memoizes the layout without t and places the line here.
 */
export function xAtTime(layout: TimeSeriesLayout, t: number | undefined): number | null {
  if (t === undefined || !Number.isFinite(t) || layout.columnCount === 0 || t < layout.tStart || t > layout.tEnd) return null;
  const span = layout.tEnd - layout.tStart;
  return layout.frame.left + (span > 0 ? ((t - layout.tStart) / span) * layout.frame.innerWidth : 0);
}

/**
 * Marker labels in rows so they do not overlap: left to right, each takes the first row where it clears
 * the previous label and the next flag; past MARKER_ROWS rows its label is dropped (its flag and title stay).
 */
function placeMarkers(markers: (TimeMarker & { x: number })[], frame: Frame): PlacedMarker[] {
  const sorted = [...markers].sort((a, b) => a.x - b.x);
  const rowEnd = new Array<number>(MARKER_ROWS).fill(-Infinity);
  return sorted.map((mk) => {
    const width = mk.label.length * CHAR_PX + 8;
    const anchor: 'start' | 'end' = mk.x + width > frame.left + frame.innerWidth + frame.right - 4 ? 'end' : 'start';
    const from = anchor === 'start' ? mk.x : mk.x - width;
    // The next flag's triangle (x - 5 .. x + 5) must clear the previous label too, hence the 10 px gap.
    const row = rowEnd.findIndex((end) => from >= end + 10);
    if (row >= 0) rowEnd[row] = from + width;
    return { ...mk, labelRow: row, anchor };
  });
}

/** The column under pixel x (nearest centre), or -1 when there are no columns. */
export function columnAtX(layout: TimeSeriesLayout, px: number): number {
  const n = layout.columnCount;
  if (n === 0 || !Number.isFinite(px)) return -1;
  const span = layout.frame.innerWidth / n;
  const c = Math.floor((px - layout.frame.left) / Math.max(1e-9, span));
  return Math.max(0, Math.min(n - 1, c));
}

/** Simulated time at pixel x, clamped to the chart's range. */
export function timeAtX(layout: TimeSeriesLayout, px: number): number {
  const f = layout.frame.innerWidth > 0 ? (finiteOr(px, 0) - layout.frame.left) / layout.frame.innerWidth : 0;
  return layout.tStart + Math.max(0, Math.min(1, f)) * (layout.tEnd - layout.tStart);
}

/** The band per column from per-bucket edges: low edge and median averaged, high edge kept at its max. */
function bandFromSeries(series: NonNullable<TimeSeriesInput['bandSeries']>, columnStart: Int32Array, nodeCount: number): Band {
  const lo = reduceSeries(series.lo, columnStart, 'mean');
  const hi = reduceSeries(series.hi, columnStart, 'max');
  const median = series.median ? reduceSeries(series.median, columnStart, 'mean') : lo;
  const live = new Int32Array(lo.length).fill(nodeCount);
  return { lo, hi, median, live };
}

function validBandSeries(series: NonNullable<TimeSeriesInput['bandSeries']>, bucketCount: number): boolean {
  return series.lo.length >= bucketCount && series.hi.length >= bucketCount && (!series.median || series.median.length >= bucketCount);
}

interface Band {
  lo: Float64Array;
  hi: Float64Array;
  median: Float64Array;
  live: Int32Array;
}

/**
 * Quantiles across nodes per column (NaN skipped). One scratch array, sorted per column: columns x
 * nodes log nodes, e.g. 600 x 1,000 in a few ms.
 */
export function bandAcrossNodes(cells: Float64Array, nodeCount: number, columnCount: number, qLo: number, qHi: number): Band {
  const lo = new Float64Array(columnCount);
  const hi = new Float64Array(columnCount);
  const median = new Float64Array(columnCount);
  const live = new Int32Array(columnCount);
  const scratch = new Float64Array(nodeCount);
  for (let c = 0; c < columnCount; c++) {
    let k = 0;
    for (let node = 0; node < nodeCount; node++) {
      const v = cells[node * columnCount + c];
      if (v === v) scratch[k++] = v;
    }
    live[c] = k;
    if (k === 0) {
      lo[c] = hi[c] = median[c] = Number.NaN;
      continue;
    }
    const sorted = scratch.subarray(0, k).sort();
    lo[c] = quantileSorted(sorted, qLo);
    hi[c] = quantileSorted(sorted, qHi);
    median[c] = quantileSorted(sorted, 0.5);
  }
  return { lo, hi, median, live };
}

/** Linear-interpolated quantile of a sorted array (d3-array's R-7 rule); q clamped to [0, 1]. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const p = Math.max(0, Math.min(1, Number.isFinite(q) ? q : 0)) * (n - 1);
  const i = Math.floor(p);
  const j = Math.min(n - 1, i + 1);
  return sorted[i] + (sorted[j] - sorted[i]) * (p - i);
}

/**
 * End labels pushed apart so they do not overlap: sorted by y, each at least LABEL_GAP_PX below the
 * previous, then shifted up if the last one left the frame. Past what fits, later labels are dropped.
 */
function spreadLabels(series: PlacedSeries[], frame: Frame): void {
  for (const s of series) if (!Number.isFinite(s.labelY)) s.isLabelled = false;
  const withY = series.filter((s) => s.isLabelled).sort((a, b) => a.labelY - b.labelY);
  const fit = Math.max(1, Math.floor(frame.innerHeight / LABEL_GAP_PX) + 1);
  // Highlighted (ranked) series keep their labels first when not all fit.
  const keep = new Set([...withY].sort((a, b) => rankOrder(a) - rankOrder(b)).slice(0, fit));
  const placed = withY.filter((s) => keep.has(s));
  for (const s of withY) if (!keep.has(s)) s.isLabelled = false;
  let previous = -Infinity;
  for (const s of placed) {
    s.labelY = Math.max(s.labelY, previous + LABEL_GAP_PX);
    previous = s.labelY;
  }
  const bottom = frame.top + frame.innerHeight;
  let overflow = previous - bottom;
  for (let i = placed.length - 1; i >= 0 && overflow > 0; i--) {
    placed[i].labelY -= overflow;
    const next = i > 0 ? placed[i - 1].labelY : -Infinity;
    overflow = next + LABEL_GAP_PX - placed[i].labelY;
  }
}

function rankOrder(s: PlacedSeries): number {
  return s.rank >= 0 ? s.rank : 1e9 + s.node;
}

function lastFinite(ys: Float64Array): number {
  for (let c = ys.length - 1; c >= 0; c--) if (Number.isFinite(ys[c])) return ys[c];
  return Number.NaN;
}

function uniqueValid(nodes: readonly number[], nodeCount: number): number[] {
  return [...new Set(nodes)].filter((node) => Number.isInteger(node) && node >= 0 && node < nodeCount);
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

const emptyMatrix: NodeMatrix = { values: [], nodeCount: 0, bucketCount: 0, t0: 0, bucketWidth: 1 };

export interface SummaryRow {
  t0: number;
  t1: number;
  median: number;
  max: number;
  /** Highlighted (or, in small scenes, every) series' value, in layout.series order. */
  series: number[];
}

/**
 * The chart's numbers for a table: at most `rowsMax` rows, each a window of consecutive columns (median:
 * the mean of the columns' medians; max and series values: their max). Without a band (small scenes),
 * median and max are taken across the drawn series.
 */
export function summaryRows(layout: TimeSeriesLayout, rowsMax = 24): SummaryRow[] {
  const n = layout.columnCount;
  if (n === 0 || !(rowsMax >= 1)) return [];
  const size = Math.ceil(n / Math.floor(rowsMax));
  const rows: SummaryRow[] = [];
  for (let start = 0; start < n; start += size) {
    const end = Math.min(n, start + size);
    let medianSum = 0;
    let medianCount = 0;
    let max = Number.NaN;
    const series = layout.series.map(() => Number.NaN);
    for (let c = start; c < end; c++) {
      const median = layout.isAggregated ? layout.medianValue[c] : medianOfSeries(layout, c);
      if (median === median) {
        medianSum += median;
        medianCount++;
      }
      const top = layout.isAggregated ? layout.bandHiValue[c] : maxOfSeries(layout, c);
      if (top === top && !(top <= max)) max = top;
      for (let i = 0; i < layout.series.length; i++) {
        const v = layout.series[i].values[c];
        if (v === v && !(v <= series[i])) series[i] = v;
      }
    }
    rows.push({ t0: layout.columnT0[start], t1: layout.columnT1[end - 1], median: medianCount > 0 ? medianSum / medianCount : Number.NaN, max, series });
  }
  return rows;
}

function medianOfSeries(layout: TimeSeriesLayout, c: number): number {
  const values = layout.series.map((s) => s.values[c]).filter((v) => v === v).sort((a, b) => a - b);
  return quantileSorted(values, 0.5);
}

function maxOfSeries(layout: TimeSeriesLayout, c: number): number {
  let max = Number.NaN;
  for (const s of layout.series) if (s.values[c] === s.values[c] && !(s.values[c] <= max)) max = s.values[c];
  return max;
}
