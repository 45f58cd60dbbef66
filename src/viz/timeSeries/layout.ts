/**
 * Layout of values over simulated time for many nodes. Small scenes (up to `allSeriesMax` nodes) draw
 * every node's line; large ones draw an aggregate band across nodes per pixel column (default p50..max,
 * plus the median line; band.ts) and only the highlighted nodes' lines, so the mark count follows the
 * width in pixels. Around the data: a playhead at t, threshold lines, and detector markers at a time.
 *
 *   value
 *     |         n17 ___/‾‾‾‾‾‾\___          <- highlighted series, labelled at its end
 *     |  ░░░░░░░░░░░░░░░░░░░░░░░░░░░        <- band: p50..max across nodes
 *     |  - - - - - - - - - - - - - - -     <- median across nodes
 *     +--------------|----▼-------------> t <- playhead, marker ("n17 hot")
 */
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { axisTicks, chartFrame, finiteOr, type Frame, type Tick } from '../shared/axis';
import { formatCompact } from '../shared/format';
import { bandAcrossNodes, bandFromSeries, validBandSeries, type Band, type BandSeries } from './band';
import { placeMarkers, spreadLabels } from './labels';
import { isValidMatrix, reduceColumns, type ColumnMatrix, type NodeMatrix, type Reduce } from './matrix';
import { matrixTimeAxis } from './timeAxis';

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
  bandSeries?: BandSeries;
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

export function layoutTimeSeries(input: TimeSeriesInput, width: number, height: number): TimeSeriesLayout {
  const frame = chartFrame(width, height, margin);
  const m = isValidMatrix(input.matrix) ? input.matrix : null;
  const isAggregated = m !== null && m.nodeCount > (input.allSeriesMax ?? 12);
  const highlighted = m ? uniqueValid(input.highlight ?? [], m.nodeCount) : [];
  const bandSeries = isAggregated && input.bandSeries && validBandSeries(input.bandSeries, m.bucketCount) ? input.bandSeries : null;
  // With a precomputed band, only the highlighted rows are reduced; otherwise every row (for the band).
  const rows = bandSeries ? highlighted : undefined;
  const columnsMax = Math.max(1, Math.floor(frame.innerWidth / Math.max(1, input.columnPx ?? 2)));
  const columns = m ? reduceColumns(m, columnsMax, input.reduce ?? 'mean', rows) : reduceColumns(emptyMatrix, 1);
  const n = columns.columnCount;
  const axis = matrixTimeAxis(m, columns.columnStart, frame, input.formatTimeTick);
  const [qLo, qHi] = (input.band ?? [0.5, 1]).map(unitOr0);
  const band = !isAggregated ? null : bandSeries ? bandFromSeries(bandSeries, columns.columnStart, m.nodeCount) : bandAcrossNodes(columns.cells, columns.nodeCount, n, qLo, qHi);
  const y = valueScale(input, columns.cells, band, frame);
  const toY = (v: number) => (v === v ? y(Math.max(0, v)) : Number.NaN);
  const shownNodes = !m ? [] : isAggregated ? highlighted : range(m.nodeCount);
  const series = placeSeries(input, shownNodes, columns, rows !== undefined, toY);
  spreadLabels(series, frame);
  const { tStart, tEnd, x } = axis;
  const inTime = (t: number) => Number.isFinite(t) && t >= tStart && t <= tEnd && m !== null;
  return {
    frame,
    isAggregated,
    columnCount: n,
    xs: axis.columnT0.map((t0, c) => x((t0 + axis.columnT1[c]) / 2)),
    columnT0: axis.columnT0,
    columnT1: axis.columnT1,
    bandLo: band ? band.lo.map(toY) : new Float64Array(0),
    bandHi: band ? band.hi.map(toY) : new Float64Array(0),
    median: band ? band.median.map(toY) : new Float64Array(0),
    bandLoValue: band?.lo ?? new Float64Array(0),
    bandHiValue: band?.hi ?? new Float64Array(0),
    medianValue: band?.median ?? new Float64Array(0),
    liveCount: band?.live ?? new Int32Array(0),
    series,
    playheadX: input.t !== undefined && inTime(input.t) ? x(input.t) : null,
    thresholds: (input.thresholds ?? []).filter((th) => Number.isFinite(th.value)).map((th) => ({ ...th, y: y(th.value) })),
    markers: placeMarkers((input.markers ?? []).filter((mk) => inTime(mk.t)).map((mk) => ({ ...mk, x: x(mk.t) })), frame),
    xTicks: axis.xTicks,
    yTicks: axisTicks(y, Math.max(2, Math.floor(frame.innerHeight / 36)), input.formatValue ?? formatCompact),
    yMax: y.domain()[1],
    tStart,
    tEnd,
  };
}

/** The value axis: from 0 to `yMax`, or to the largest of the data, the band's top and the thresholds, niced. */
function valueScale(input: TimeSeriesInput, cells: Float64Array, band: Band | null, frame: Frame): ScaleLinear<number, number> {
  let top = input.yMax ?? 0;
  if (input.yMax === undefined) {
    for (let i = 0; i < cells.length; i++) if (cells[i] > top && cells[i] < Infinity) top = cells[i];
    if (band) for (let c = 0; c < band.hi.length; c++) if (band.hi[c] > top && band.hi[c] < Infinity) top = band.hi[c];
    for (const th of input.thresholds ?? []) if (Number.isFinite(th.value)) top = Math.max(top, th.value);
  }
  return scaleLinear().domain([0, top > 0 ? top : 1]).nice().range([frame.top + frame.innerHeight, frame.top]);
}

/**
 * A line per shown node. Rows of `columns` are the shown nodes in order when only they were reduced
 * (`isRowPerShown`), else every node. With highlights, only they are labelled (the rest are context,
 * drawn muted); without, every line is.
 */
function placeSeries(input: TimeSeriesInput, nodes: readonly number[], columns: ColumnMatrix, isRowPerShown: boolean, toY: (v: number) => number): PlacedSeries[] {
  const n = columns.columnCount;
  const highlightRank = new Map((input.highlight ?? []).map((node, i) => [node, i] as const));
  return nodes.map((node, i): PlacedSeries => {
    const row = isRowPerShown ? i : node;
    const values = columns.cells.subarray(row * n, (row + 1) * n);
    const ys = values.map(toY);
    const rank = highlightRank.get(node) ?? -1;
    return { node, label: input.labels?.[node] ?? `n${node}`, ys, values, labelY: lastFinite(ys), isLabelled: highlightRank.size === 0 || rank >= 0, rank };
  });
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


/** A quantile in [0, 1] (not finite: 0). */
function unitOr0(q: number): number {
  return Math.max(0, Math.min(1, Number.isFinite(q) ? q : 0));
}
