/**
 * The band across nodes per pixel column of an aggregated time series: its low and high edge and the
 * median line, either computed here from every node's column values (quantiles per column) or reduced
 * from per-bucket edges the worker computed (then only the highlighted rows need reducing).
 */
import { quantileSorted } from '../../core/stats';
import { reduceSeries } from './matrix';

/** The band per bucket from the worker: low and high edge and the median line, each of length bucketCount. */
export interface BandSeries {
  lo: ArrayLike<number>;
  hi: ArrayLike<number>;
  median?: ArrayLike<number>;
}

/** The band per column from per-bucket edges: low edge and median averaged, high edge kept at its max. */
export function bandFromSeries(series: BandSeries, columnStart: Int32Array, nodeCount: number): Band {
  const lo = reduceSeries(series.lo, columnStart, 'mean');
  const hi = reduceSeries(series.hi, columnStart, 'max');
  const median = series.median ? reduceSeries(series.median, columnStart, 'mean') : lo;
  const live = new Int32Array(lo.length).fill(nodeCount);
  return { lo, hi, median, live };
}

export function validBandSeries(series: BandSeries, bucketCount: number): boolean {
  return series.lo.length >= bucketCount && series.hi.length >= bucketCount && (!series.median || series.median.length >= bucketCount);
}

export interface Band {
  lo: Float64Array;
  hi: Float64Array;
  median: Float64Array;
  live: Int32Array;
}

/**
 * Quantiles across nodes per column (NaN skipped; qLo and qHi in [0, 1]). One scratch array, sorted per
 * column: columns x nodes log nodes, e.g. 600 x 1,000 in a few ms.
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


