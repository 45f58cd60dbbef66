/**
 * Mean and standard deviation over numbers (arrays or typed arrays). Degenerate input gets a defined
 * result, never a throw: the mean of nothing is NaN, the spread of one value is 0.
 */

/** Arithmetic mean; NaN for an empty input. */
export function mean(values: ArrayLike<number>): number {
  const n = values.length;
  if (n === 0) return NaN;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i];
  return sum / n;
}

/**
 * Standard deviation, two-pass (stable for large offsets). Population (divide by n) by default; `sample`
 * divides by n - 1. NaN for an empty input; 0 for one value (population) and NaN for one value (sample).
 */
export function stdev(values: ArrayLike<number>, sample = false): number {
  const n = values.length;
  if (n === 0) return NaN;
  if (sample && n < 2) return NaN;
  const m = mean(values);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i] - m;
    sum += d * d;
  }
  return Math.sqrt(sum / (sample ? n - 1 : n));
}

/** Min, max, mean and population stdev in one call; NaN fields for an empty input. */
export function summary(values: ArrayLike<number>): { min: number; max: number; mean: number; stdev: number } {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    if (values[i] < min) min = values[i];
    if (values[i] > max) max = values[i];
  }
  if (values.length === 0) return { min: NaN, max: NaN, mean: NaN, stdev: NaN };
  return { min, max, mean: mean(values), stdev: stdev(values) };
}
