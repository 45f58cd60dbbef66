/**
 * Layout of a nodes x time heatmap. Rows are nodes (in a given order, e.g. hottest first), columns are
 * time buckets; when there are more nodes than pixel rows (or buckets than pixel columns), neighbours are
 * combined (default: their max, so one hot node in a group of ten still shows). The result is one level
 * (0..254, or NO_VALUE) per cell, which the canvas paints as one image pixel per cell, scaled up: drawing
 * costs rows x columns, bounded by the chart's pixels.
 */
import { scaleLinear } from 'd3-scale';
import { axisTicks, chartFrame, type Frame, type Tick } from '../shared/axis';
import { formatCompact } from '../shared/format';
import { isValidMatrix, matrixMax, reduceColumns, type ColumnMatrix, type NodeMatrix, type Reduce } from '../timeSeries/matrix';
import { matrixTimeAxis } from '../timeSeries/timeAxis';

/** Level of a cell with no value (every node in it down or silent). */
export const NO_VALUE = 255;
/** Levels of the colour scale (0..LEVELS-1). */
export const LEVELS = 255;

export interface HeatmapInput {
  matrix: NodeMatrix | null;
  /** Node names by index; default `n<i>`. Text only. */
  labels?: readonly string[];
  /** Node indexes top to bottom; default 0..nodeCount-1. Indexes out of range are skipped. */
  order?: ArrayLike<number>;
  /** How nodes sharing a row and buckets sharing a column combine. Default 'max'. */
  reduce?: Reduce;
  /** Values mapped to the ends of the colour scale; default [0, the matrix's max]. Outside: clamped. */
  domain?: readonly [number, number];
  /** Smallest row height and column width in pixels before neighbours combine. Defaults 3 and 2. */
  rowPxMin?: number;
  columnPxMin?: number;
  /** Legend tick labels. Default compact numbers. */
  formatValue?: (value: number) => string;
  /** x tick labels (simulated time). Default compact numbers. */
  formatTimeTick?: (t: number) => string;
}

export interface HeatmapRow {
  y: number;
  height: number;
  /** Positions in `order` covered by the row: first..last inclusive. */
  first: number;
  last: number;
  /** Node indexes of the row (first and last shown; the count). */
  nodeFirst: number;
  nodeLast: number;
  count: number;
  label: string;
  /** The short label drawn at the axis: the first node's name. */
  tick: string;
  isLabelled: boolean;
}

export interface HeatmapLayout {
  frame: Frame;
  rows: HeatmapRow[];
  columnCount: number;
  /** Pixel x of each column's left edge; columnX[columnCount] is the right edge. */
  columnX: Float64Array;
  columnT0: Float64Array;
  columnT1: Float64Array;
  /** Combined values: cells[row * columnCount + column] (NaN: no value). */
  cells: Float64Array;
  /** Colour level per cell, 0..LEVELS-1, or NO_VALUE. */
  levels: Uint8Array;
  domain: [number, number];
  legendTicks: Tick[];
  /** Legend bar placement (below the plot). */
  legend: { x: number; y: number; width: number; height: number };
  xTicks: Tick[];
  isAggregated: boolean;
}

const margin = { left: 64, right: 12, top: 8, bottom: 72 };

export function layoutHeatmap(input: HeatmapInput, width: number, height: number): HeatmapLayout {
  const frame = chartFrame(width, height, margin);
  const m = isValidMatrix(input.matrix) ? input.matrix : null;
  const order = m ? validOrder(input.order, m.nodeCount) : [];
  const reduce = input.reduce ?? 'max';
  const columnsMax = Math.max(1, Math.floor(frame.innerWidth / Math.max(1, input.columnPxMin ?? 2)));
  const columns = m ? reduceColumns(m, columnsMax, reduce) : null;
  const columnCount = columns?.columnCount ?? 0;
  const rowsMax = Math.max(1, Math.floor(frame.innerHeight / Math.max(1, input.rowPxMin ?? 3)));
  const groupSize = Math.max(1, Math.ceil(order.length / rowsMax));
  const rows = groupRows(order, groupSize, frame, (node) => input.labels?.[node] ?? `n${node}`);
  const cells = columns ? combineRows(columns, order, groupSize, rows.length, reduce) : new Float64Array(0);
  const top = input.domain?.[1] ?? (m ? matrixMax(m) : 1);
  const bottom = input.domain?.[0] ?? 0;
  const domain: [number, number] = [bottom, top > bottom ? top : bottom + 1];
  const axis = matrixTimeAxis(m, columns?.columnStart ?? new Int32Array(1), frame, input.formatTimeTick);
  // Below the time axis and its title (at +14 and +26): the legend's title at +41, its bar from +44.
  const legend = { x: frame.left, y: frame.top + frame.innerHeight + 44, width: Math.min(240, frame.innerWidth), height: 10 };
  const legendScale = scaleLinear().domain(domain).range([legend.x, legend.x + legend.width]);
  return {
    frame,
    rows,
    columnCount,
    columnX: axis.columnX,
    columnT0: axis.columnT0,
    columnT1: axis.columnT1,
    cells,
    levels: levelsOf(cells, domain),
    domain,
    legendTicks: axisTicks(legendScale, Math.max(2, Math.floor(legend.width / 50)), input.formatValue ?? formatCompact),
    legend,
    xTicks: axis.xTicks,
    isAggregated: groupSize > 1 || (m !== null && columnCount < m.bucketCount),
  };
}

/**
 * Rows of `groupSize` consecutive nodes of `order` across the plot's height. Labels at least 13 px apart:
 * every row when rows are tall enough, else every k-th. A row of several nodes is labelled by its first
 * node, like an axis tick (the tooltip and the table give the range).
 */
function groupRows(order: readonly number[], groupSize: number, frame: Frame, name: (node: number) => string): HeatmapRow[] {
  const rowCount = Math.ceil(order.length / groupSize);
  const rowHeight = rowCount > 0 ? frame.innerHeight / rowCount : 0;
  const every = rowHeight > 0 ? Math.max(1, Math.ceil(13 / rowHeight)) : 1;
  return Array.from({ length: rowCount }, (_, r): HeatmapRow => {
    const first = r * groupSize;
    const last = Math.min(order.length, first + groupSize) - 1;
    const count = last - first + 1;
    return {
      y: frame.top + r * rowHeight,
      height: rowHeight,
      first,
      last,
      nodeFirst: order[first],
      nodeLast: order[last],
      count,
      label: count === 1 ? name(order[first]) : `${name(order[first])}…${name(order[last])}`,
      tick: name(order[first]),
      isLabelled: r % every === 0,
    };
  });
}

/** Each row's nodes combined per column (their max or mean; NaN where none has a value). */
function combineRows(columns: ColumnMatrix, order: readonly number[], groupSize: number, rowCount: number, reduce: Reduce): Float64Array {
  const n = columns.columnCount;
  const cells = new Float64Array(rowCount * n).fill(Number.NaN);
  for (let r = 0; r < rowCount; r++) {
    const first = r * groupSize;
    const last = Math.min(order.length, first + groupSize) - 1;
    for (let c = 0; c < n; c++) {
      let sum = 0;
      let max = -Infinity;
      let count = 0;
      for (let p = first; p <= last; p++) {
        const v = columns.cells[order[p] * n + c];
        if (v !== v) continue;
        sum += v;
        if (v > max) max = v;
        count++;
      }
      if (count > 0) cells[r * n + c] = reduce === 'max' ? max : sum / count;
    }
  }
  return cells;
}

/** A colour level per cell: 0..LEVELS-1 across the domain (clamped), NO_VALUE for NaN. */
function levelsOf(cells: Float64Array, domain: [number, number]): Uint8Array {
  const levels = new Uint8Array(cells.length);
  const span = domain[1] - domain[0];
  for (let i = 0; i < cells.length; i++) {
    const v = cells[i];
    levels[i] = v !== v ? NO_VALUE : Math.max(0, Math.min(LEVELS - 1, Math.round(((v - domain[0]) / span) * (LEVELS - 1))));
  }
  return levels;
}

/** The cell under a pixel, or null outside the plot. */
export function cellAt(layout: HeatmapLayout, px: number, py: number): { row: number; column: number } | null {
  const { frame, rows, columnCount } = layout;
  if (rows.length === 0 || columnCount === 0) return null;
  if (!(px >= frame.left && px < frame.left + frame.innerWidth && py >= frame.top && py < frame.top + frame.innerHeight)) return null;
  const row = Math.min(rows.length - 1, Math.floor((py - frame.top) / rows[0].height));
  const column = Math.min(columnCount - 1, Math.floor(((px - frame.left) / frame.innerWidth) * columnCount));
  return { row, column };
}

export interface HeatmapSummaryRow {
  label: string;
  count: number;
  peak: number;
  /** Start of the first column where the peak was reached. */
  peakT: number;
  mean: number;
}

/** The rows with the highest peaks, hottest first (at most `rowsMax`): what a table can say briefly. */
export function heatmapSummary(layout: HeatmapLayout, rowsMax = 20): HeatmapSummaryRow[] {
  const out: HeatmapSummaryRow[] = [];
  const n = layout.columnCount;
  for (let r = 0; r < layout.rows.length; r++) {
    let peak = Number.NaN;
    let peakT = Number.NaN;
    let sum = 0;
    let count = 0;
    for (let c = 0; c < n; c++) {
      const v = layout.cells[r * n + c];
      if (v !== v) continue;
      if (!(v <= peak)) {
        peak = v;
        peakT = layout.columnT0[c];
      }
      sum += v;
      count++;
    }
    out.push({ label: layout.rows[r].label, count: layout.rows[r].count, peak, peakT, mean: count > 0 ? sum / count : Number.NaN });
  }
  const key = (row: HeatmapSummaryRow) => (row.peak === row.peak ? row.peak : -Infinity);
  out.sort((a, b) => (key(b) > key(a) ? 1 : key(b) < key(a) ? -1 : 0));
  return out.slice(0, Math.max(0, Math.floor(rowsMax)));
}

function validOrder(order: ArrayLike<number> | undefined, nodeCount: number): number[] {
  if (!order) return Array.from({ length: nodeCount }, (_, i) => i);
  const out: number[] = [];
  for (let i = 0; i < order.length; i++) {
    const node = order[i];
    if (Number.isInteger(node) && node >= 0 && node < nodeCount) out.push(node);
  }
  return out;
}
