/**
 * Poisson arrivals: `count` request times (integer ticks, ascending) at `ratePerS` requests per second with
 * `ticksPerS` ticks per second. Gaps are exponential; the running sum stays a float and each time is
 * rounded to ticks once, so rounding never accumulates.
 */
import type { Rng } from '../random/rng';
import { log } from '../math/detMath';

export function poissonArrivals(count: number, ratePerS: number, ticksPerS: number, random: Rng): Float64Array {
  if (!(Number.isInteger(count) && count >= 0)) throw new Error(`invalid arrival count: ${count}`);
  if (!(ratePerS > 0 && Number.isFinite(ratePerS))) throw new Error(`invalid rate: ${ratePerS}`);
  const out = new Float64Array(count);
  const meanGap = ticksPerS / ratePerS;
  let t = 0;
  for (let i = 0; i < count; i++) {
    t += -log(1 - random.float()) * meanGap;
    out[i] = Math.round(t);
  }
  return out;
}

/** A uniform random permutation of 0..n-1 (Fisher-Yates on a typed array). */
export function permutation(n: number, random: Rng): Uint32Array {
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = random.int(i + 1);
    const tmp = out[i];
    out[i] = out[j];
    out[j] = tmp;
  }
  return out;
}
