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

/**
 * quantileSorted(values sorted ascending, p), without the sort: selects the one or two ranks the quantile
 * reads (Hoare's quickselect, median-of-three pivots; O(n) expected), so it returns exactly the same number.
 * Reorders `values` in place (a scratch array: still a permutation of it after the call). No NaNs allowed.
 */
export function quantileSelect(values: Float64Array | Float32Array, p: number): number {
  const n = values.length;
  if (n === 0 || !(p >= 0 && p <= 1)) return NaN;
  if (n === 1) return values[0];
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  if (lo >= n - 1) return selectRank(values, n - 1);
  const a = selectRank(values, lo);
  // After selecting rank lo, every value past index lo is >= it: rank lo + 1 is their minimum.
  let b = values[lo + 1];
  for (let i = lo + 2; i < n; i++) if (values[i] < b) b = values[i];
  return a + (b - a) * (h - lo);
}

/** The k-th smallest value (k from 0), leaving values[k] there, smaller before it and larger after it. */
function selectRank(values: Float64Array | Float32Array, k: number): number {
  let left = 0;
  let right = values.length - 1;
  while (right > left) {
    const mid = (left + right) >>> 1;
    // Median of three as the pivot: a sorted or constant input stays O(n).
    if (values[mid] < values[left]) swap(values, mid, left);
    if (values[right] < values[left]) swap(values, right, left);
    if (values[right] < values[mid]) swap(values, right, mid);
    const pivot = values[mid];
    let i = left;
    let j = right;
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
      if (i <= j) {
        swap(values, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return values[k];
  }
  return values[k];
}

function swap(a: Float64Array | Float32Array, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}
