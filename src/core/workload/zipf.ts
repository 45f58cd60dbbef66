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

/** Buckets of cdfSampler's guide table (a power of two, so u x GUIDE is exact). */
const GUIDE = 65536;

/**
 * sampleCdf(cdf, u) for many u: a guide table (the answer at each u = b / 65536) narrows each binary search
 * to one bucket's ranks, a few probes instead of log2(n). The answer is the least index whose cdf exceeds u
 * (n - 1 at most), unique, so it is exactly sampleCdf's.
 */
export function cdfSampler(cdf: Float64Array): (u: number) => number {
  const n = cdf.length;
  const guide = new Uint32Array(GUIDE + 1);
  for (let b = 0; b < GUIDE; b++) guide[b] = sampleCdf(cdf, b / GUIDE);
  guide[GUIDE] = n - 1;
  return (u) => {
    const b = Math.floor(u * GUIDE);
    let lo = guide[b];
    let hi = guide[b + 1];
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cdf[mid] > u) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}
