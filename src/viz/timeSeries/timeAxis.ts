/**
 * The time axis of a node matrix reduced to pixel columns (matrix.ts), shared by the time series and the
 * heatmap: the matrix's time span, its pixel scale across the plot, each column's time range and pixel
 * edges, and the ticks. A missing matrix gives the span 0..1 and no columns.
 */
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { axisTicks, type Frame, type Tick } from '../shared/axis';
import { formatCompact } from '../shared/format';
import type { NodeMatrix } from './matrix';

export interface MatrixTimeAxis {
  tStart: number;
  tEnd: number;
  /** Simulated time to pixel x across the plot. */
  x: ScaleLinear<number, number>;
  /** The simulated time range each column covers. */
  columnT0: Float64Array;
  columnT1: Float64Array;
  /** Pixel x of each column's left edge; columnX[columnCount] is the right edge. */
  columnX: Float64Array;
  xTicks: Tick[];
}

/** Tick labels at least this far apart (pixels). */
const TICK_SPACING_PX = 70;

export function matrixTimeAxis(m: NodeMatrix | null, columnStart: Int32Array, frame: Frame, formatTimeTick: (t: number) => string = formatCompact): MatrixTimeAxis {
  const tStart = m ? m.t0 : 0;
  const tEnd = m ? m.t0 + m.bucketCount * m.bucketWidth : 1;
  const x = scaleLinear().domain([tStart, tEnd > tStart ? tEnd : tStart + 1]).range([frame.left, frame.left + frame.innerWidth]);
  const n = m ? columnStart.length - 1 : 0;
  const columnT0 = new Float64Array(n);
  const columnT1 = new Float64Array(n);
  const columnX = new Float64Array(n + 1).fill(frame.left);
  for (let c = 0; m && c <= n; c++) {
    const t = tStart + columnStart[c] * m.bucketWidth;
    columnX[c] = x(t);
    if (c < n) columnT0[c] = t;
    if (c > 0) columnT1[c - 1] = t;
  }
  const xTicks = axisTicks(x, Math.max(2, Math.floor(frame.innerWidth / TICK_SPACING_PX)), formatTimeTick);
  return { tStart, tEnd, x, columnT0, columnT1, columnX, xTicks };
}
