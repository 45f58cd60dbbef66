/**
 * Empirical CDF as two parallel typed arrays: x ascending distinct values, p[i] = fraction of values <= x[i]
 * (the step function's heights; p ends at 1). NaNs are ignored; no values gives empty arrays.
 */
import { sortedCopy } from './quantile';

export interface Ecdf {
  x: Float64Array;
  p: Float64Array;
}

export function ecdf(values: ArrayLike<number>): Ecdf {
  const sorted = sortedCopy(values);
  const n = sorted.length;
  let distinct = 0;
  for (let i = 0; i < n; i++) if (i === n - 1 || sorted[i + 1] !== sorted[i]) distinct++;
  const x = new Float64Array(distinct);
  const p = new Float64Array(distinct);
  let j = 0;
  for (let i = 0; i < n; i++) {
    if (i === n - 1 || sorted[i + 1] !== sorted[i]) {
      x[j] = sorted[i];
      p[j] = (i + 1) / n;
      j++;
    }
  }
  return { x, p };
}

/** F(v) of an Ecdf: fraction of values <= v (0 below the first, 1 from the last on; NaN when empty). */
export function ecdfAt(cdf: Ecdf, v: number): number {
  if (cdf.x.length === 0) return NaN;
  let lo = 0;
  let hi = cdf.x.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cdf.x[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? 0 : cdf.p[lo - 1];
}
