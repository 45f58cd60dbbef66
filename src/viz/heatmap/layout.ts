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
import { isValidMatrix, matrixMax, reduceColumns, type NodeMatrix, type Reduce } from '../timeSeries/matrix';

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
  const rowsMax = Math.max(1, Math.floor(frame.innerHeight / Math.max(1, input.rowPxMin ?? 3)));
  const columnsMax = Math.max(1, Math.floor(frame.innerWidth / Math.max(1, input.columnPxMin ?? 2)));
  const reduce = input.reduce ?? 'max';
  const columns = m ? reduceColumns(m, columnsMax, reduce) : null;
  const columnCount = columns?.columnCount ?? 0;

  const groupSize = Math.max(1, Math.ceil(order.length / rowsMax));
  const rowCount = Math.ceil(order.length / groupSize);
  const rowHeight = rowCount > 0 ? frame.innerHeight / rowCount : 0;
  const cells = new Float64Array(rowCount * columnCount).fill(Number.NaN);
  const rows: HeatmapRow[] = [];
  const name = (node: number) => input.labels?.[node] ?? `n${node}`;
  for (let r = 0; r < rowCount; r++) {
    const first = r * groupSize;
    const last = Math.min(order.length, first + groupSize) - 1;
    for (let c = 0; c < columnCount; c++) {
      let sum = 0;
      let max = -Infinity;
      let count = 0;
      for (let p = first; p <= last; p++) {
        const v = columns!.cells[order[p] * columnCount + c];
        if (v !== v) continue;
        sum += v;
        if (v > max) max = v;
        count++;
      }
      if (count > 0) cells[r * columnCount + c] = reduce === 'max' ? max : sum / count;
    }
    const count = last - first + 1;
    rows.push({
      y: frame.top + r * rowHeight,
      height: rowHeight,
      first,
      last,
      nodeFirst: order[first],
      nodeLast: order[last],
      count,
      label: count === 1 ? name(order[first]) : `${name(order[first])}…${name(order[last])}`,
      tick: name(order[first]),
      isLabelled: false,
    });
  }
  // Labels at least 13 px apart: every row when rows are tall enough, else every k-th. A row of several
  // nodes is labelled by its first node, like an axis tick (the tooltip and the table give the range).
  const every = rowHeight > 0 ? Math.max(1, Math.ceil(13 / rowHeight)) : 1;
  for (let r = 0; r < rows.length; r += every) rows[r].isLabelled = true;

  const top = input.domain?.[1] ?? (m ? matrixMax(m) : 1);
  const bottom = input.domain?.[0] ?? 0;
  const domain: [number, number] = [bottom, top > bottom ? top : bottom + 1];
  const levels = new Uint8Array(cells.length);
  const span = domain[1] - domain[0];
  for (let i = 0; i < cells.length; i++) {
    const v = cells[i];
    levels[i] = v !== v ? NO_VALUE : Math.max(0, Math.min(LEVELS - 1, Math.round(((v - domain[0]) / span) * (LEVELS - 1))));
  }

  const tStart = m ? m.t0 : 0;
  const tEnd = m ? m.t0 + m.bucketCount * m.bucketWidth : 1;
  const x = scaleLinear().domain([tStart, tEnd]).range([frame.left, frame.left + frame.innerWidth]);
  const columnX = new Float64Array(columnCount + 1).fill(frame.left);
  const columnT0 = new Float64Array(columnCount);
  const columnT1 = new Float64Array(columnCount);
  for (let c = 0; columns && m && c <= columnCount; c++) {
    const t = tStart + columns.columnStart[c] * m.bucketWidth;
    columnX[c] = x(t);
    if (c < columnCount) columnT0[c] = t;
    if (c > 0) columnT1[c - 1] = t;
  }
  // Below the time axis and its title (at +14 and +26): the legend's title at +41, its bar from +44.
  const legend = { x: frame.left, y: frame.top + frame.innerHeight + 44, width: Math.min(240, frame.innerWidth), height: 10 };
  const legendScale = scaleLinear().domain(domain).range([legend.x, legend.x + legend.width]);
  return {
    frame,
    rows,
    columnCount,
    columnX,
    columnT0,
    columnT1,
    cells,
    levels,
    domain,
    legendTicks: axisTicks(legendScale, Math.max(2, Math.floor(legend.width / 50)), input.formatValue ?? formatCompact),
    legend,
    xTicks: axisTicks(x, Math.max(2, Math.floor(frame.innerWidth / 70)), input.formatTimeTick ?? formatCompact),
    isAggregated: groupSize > 1 || (m !== null && columnCount < m.bucketCount),
  };
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
