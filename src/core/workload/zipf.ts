/**
 * Zipf(s) over ranks 0..n-1 by inverse CDF: P(rank r) is proportional to 1 / (r + 1)^s. The CDF is built
 * once (n floats); a draw is one uniform number and a binary search, so it is exact for any s >= 0 (s = 0
 * is uniform) and deterministic given the uniform stream.
 */
import { pow } from '../math/detMath';

/** Cumulative probabilities: cdf[r] = P(rank <= r); cdf[n-1] is exactly 1. */
export function zipfCdf(n: number, s: number): Float64Array {
  if (!(Number.isInteger(n) && n >= 1)) throw new Error(`invalid zipf n: ${n}`);
  if (!(s >= 0 && Number.isFinite(s))) throw new Error(`invalid zipf s: ${s}`);
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let r = 0; r < n; r++) {
    sum += s === 0 ? 1 : pow(r + 1, -s);
    cdf[r] = sum;
  }
  for (let r = 0; r < n; r++) cdf[r] /= sum;
  cdf[n - 1] = 1;
  return cdf;
}

/** The rank whose CDF interval holds u (u in [0, 1)): the first r with cdf[r] > u. */
export function sampleCdf(cdf: Float64Array, u: number): number {
  let lo = 0;
  let hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cdf[mid] > u) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Probability of rank r under Zipf(n, s) (from the CDF). */
export function zipfProbability(cdf: Float64Array, r: number): number {
  return r === 0 ? cdf[0] : cdf[r] - cdf[r - 1];
}
