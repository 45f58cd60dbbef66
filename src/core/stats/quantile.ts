/**
 * Quantiles with linear interpolation between closest ranks (R-7, the default of R, NumPy and d3.quantile).
 * NaN values are ignored; an empty input (or p outside 0..1 / NaN) gives NaN.
 */

/** The p-quantile (p in 0..1) of values in ascending order; no copy. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0 || !(p >= 0 && p <= 1)) return NaN;
  if (n === 1) return sorted[0];
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  if (lo >= n - 1) return sorted[n - 1];
  return sorted[lo] + (sorted[lo + 1] - sorted[lo]) * (h - lo);
}

/** Ascending Float64Array copy of the values without NaNs. */
export function sortedCopy(values: ArrayLike<number>): Float64Array {
  let count = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) count++;
  const out = new Float64Array(count);
  let j = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) out[j++] = values[i];
  return out.sort();
}

/** The p-quantile of unsorted values (sorts a copy). */
export function quantile(values: ArrayLike<number>, p: number): number {
  return quantileSorted(sortedCopy(values), p);
}

/** Several quantiles with one sort: quantiles(latencies, [0.5, 0.99]). */
export function quantiles(values: ArrayLike<number>, ps: readonly number[]): Float64Array {
  const sorted = sortedCopy(values);
  const out = new Float64Array(ps.length);
  for (let i = 0; i < ps.length; i++) out[i] = quantileSorted(sorted, ps[i]);
  return out;
}

/** The value at percentile p (0..100) of values in ascending order, by nearest rank (no interpolation); NaN when empty. */
export function nearestRank(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
}
