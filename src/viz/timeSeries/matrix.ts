/**
 * A value per node per time bucket, as one typed array (what a worker hands over), and its reduction to
 * pixel columns: every renderer here reads a matrix through `reduceColumns`, so its cost follows the chart's
 * width in pixels, not the run's length. One read per value, then work per column.
 */

export interface NodeMatrix {
  /** values[node * bucketCount + bucket]; NaN means "no value" (node down, no data) and is skipped. */
  values: ArrayLike<number>;
  nodeCount: number;
  bucketCount: number;
  /** Simulated time at the start of bucket 0, in the lab's unit. */
  t0: number;
  /** Width of one bucket in the lab's unit (> 0). */
  bucketWidth: number;
}

/** How several buckets (or nodes) that share a pixel combine: their mean, or their max (peaks survive). */
export type Reduce = 'mean' | 'max';

export interface ColumnMatrix {
  /** Reduced values: cells[node * columnCount + column]; NaN where a node had no value in the column. */
  cells: Float64Array;
  nodeCount: number;
  columnCount: number;
  /** First bucket of each column; columnStart[columnCount] = bucketCount. */
  columnStart: Int32Array;
}

/**
 * The matrix's values as a Float64Array. Results mix Float32Array, Uint32Array and plain arrays; reading
 * them all through one loop makes its element loads megamorphic (about 5-10x slower in V8), so the hot
 * loops read one array type only. The copy is native and cached per source array.
 */
const widened = new WeakMap<object, Float64Array>();
export function float64Values(values: ArrayLike<number>): Float64Array {
  if (values instanceof Float64Array) return values;
  const cached = widened.get(values as object);
  if (cached && cached.length === values.length) return cached;
  const copy = ArrayBuffer.isView(values) ? new Float64Array(values as unknown as ArrayLike<number>) : Float64Array.from(values);
  widened.set(values as object, copy);
  return copy;
}

/** Nodes x buckets the renderers accept; past it the matrix is refused (an empty chart, not a frozen tab). */
export const MATRIX_CELLS_MAX = 8_000_000;

/** Whether the matrix is usable: positive sizes, values long enough, a finite time axis, under the cell cap. */
export function isValidMatrix(m: NodeMatrix | null | undefined): m is NodeMatrix {
  if (!m) return false;
  const cells = m.nodeCount * m.bucketCount;
  return (
    Number.isInteger(m.nodeCount) && Number.isInteger(m.bucketCount) && m.nodeCount > 0 && m.bucketCount > 0 &&
    cells <= MATRIX_CELLS_MAX && m.values.length >= cells && Number.isFinite(m.t0) && m.bucketWidth > 0 && Number.isFinite(m.bucketWidth)
  );
}

/**
 * Buckets grouped into at most `columnsMax` columns of near-equal size (the first `bucketCount % columns`
 * are not special: column c covers buckets floor(c*B/C) .. floor((c+1)*B/C) - 1).
 */
export function columnStarts(bucketCount: number, columnsMax: number): Int32Array {
  const columns = Math.max(0, Math.min(bucketCount, Math.floor(columnsMax)));
  const starts = new Int32Array(columns + 1);
  for (let c = 0; c <= columns; c++) starts[c] = Math.floor((c * bucketCount) / Math.max(1, columns));
  return starts;
}

/**
 * Every node's buckets (or only `rows`' buckets, in that order) reduced into at most `columnsMax` columns.
 * Degenerate input: zero columns. With `rows`, the cost is rows x buckets, not nodes x buckets: a chart
 * that draws a precomputed band needs only its highlighted nodes.
 */
export function reduceColumns(m: NodeMatrix, columnsMax: number, reduce: Reduce = 'mean', rows?: readonly number[]): ColumnMatrix {
  if (!isValidMatrix(m) || !(columnsMax >= 1)) {
    return { cells: new Float64Array(0), nodeCount: 0, columnCount: 0, columnStart: new Int32Array(1) };
  }
  const columnStart = columnStarts(m.bucketCount, columnsMax);
  const columnCount = columnStart.length - 1;
  const nodes = rows ? rows.filter((node) => Number.isInteger(node) && node >= 0 && node < m.nodeCount) : null;
  const rowCount = nodes ? nodes.length : m.nodeCount;
  const cells = new Float64Array(rowCount * columnCount);
  // A few rows read the source array directly; the whole matrix goes through one widened copy.
  const values = nodes ? m.values : float64Values(m.values);
  for (let r = 0; r < rowCount; r++) {
    reduceInto(values, (nodes ? nodes[r] : r) * m.bucketCount, columnStart, reduce, cells, r * columnCount);
  }
  return { cells, nodeCount: rowCount, columnCount, columnStart };
}

/** One series per bucket (length >= the buckets) reduced to the columns of `columnStart`. */
export function reduceSeries(values: ArrayLike<number>, columnStart: Int32Array, reduce: Reduce): Float64Array {
  const out = new Float64Array(columnStart.length - 1);
  reduceInto(values, 0, columnStart, reduce, out, 0);
  return out;
}

function reduceInto(values: ArrayLike<number>, offset: number, columnStart: Int32Array, reduce: Reduce, out: Float64Array, at: number): void {
  const columnCount = columnStart.length - 1;
  for (let c = 0; c < columnCount; c++) {
    let sum = 0;
    let max = -Infinity;
    let count = 0;
    for (let b = columnStart[c]; b < columnStart[c + 1]; b++) {
      const v = values[offset + b];
      if (v !== v) continue; // NaN: no value
      sum += v;
      if (v > max) max = v;
      count++;
    }
    out[at + c] = count === 0 ? Number.NaN : reduce === 'max' ? max : sum / count;
  }
}

/** The k nodes with the highest peak (ties: lower index first), ignoring NaN; nodes with no value never count. */
export function topNodesByPeak(m: NodeMatrix, k: number): number[] {
  if (!isValidMatrix(m) || !(k >= 1)) return [];
  const values = float64Values(m.values);
  const peaks: { node: number; peak: number }[] = [];
  for (let n = 0; n < m.nodeCount; n++) {
    let peak = -Infinity;
    for (let b = 0; b < m.bucketCount; b++) {
      const v = values[n * m.bucketCount + b];
      if (v > peak && v < Infinity) peak = v;
    }
    if (peak > -Infinity) peaks.push({ node: n, peak });
  }
  peaks.sort((a, b) => b.peak - a.peak || a.node - b.node);
  return peaks.slice(0, Math.floor(k)).map((p) => p.node);
}

/** Largest finite value of the matrix (0 when it has none). */
export function matrixMax(m: NodeMatrix): number {
  if (!isValidMatrix(m)) return 0;
  let max = 0;
  const values = float64Values(m.values);
  const cells = m.nodeCount * m.bucketCount;
  for (let i = 0; i < cells; i++) {
    const v = values[i];
    if (v > max && v < Infinity) max = v;
  }
  return max;
}
