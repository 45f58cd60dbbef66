/**
 * The Bloom filter's published arithmetic (Fan, Cao, Almeida, Broder, "Summary Cache", 2000, section V.C;
 * Broder and Mitzenmacher's survey). With m bits, k hashes and n inserted items, a bit stays 0 with
 * probability (1 - 1/m)^(kn) ~ e^(-kn/m), so a non-member passes all k probes with probability
 *
 *     f = (1 - e^(-kn/m))^k                    least at k = (m/n) ln 2, where f = (1/2)^k ~ 0.6185^(m/n)
 *
 * and m = -n ln p / (ln 2)^2 bits reach rate p: about 9.6 bits per item for 1 % (10 bits give 0.82 % at
 * k = 7; 8 bits give 2.16 % at k = 6). Everything here uses the deterministic log and exp of
 * src/core/math and exact arithmetic, so a plotted curve is the same in every engine.
 */
import { exp, log } from '../math/detMath';

/** ln 2 as a double (an exactly specified constant, not a computed logarithm). */
const LN2 = Math.LN2;

function checkShape(m: number, n: number, k: number): void {
  if (!(Number.isInteger(m) && m >= 1)) throw new Error(`invalid m: ${m}`);
  if (!(Number.isInteger(n) && n >= 0)) throw new Error(`invalid n: ${n}`);
  if (!(Number.isInteger(k) && k >= 1)) throw new Error(`invalid k: ${k}`);
}

/** x^k for a non-negative integer k by repeated squaring (exact IEEE operations only). */
export function powInt(x: number, k: number): number {
  let result = 1;
  let base = x;
  for (let e = k; e > 0; e >>>= 1) {
    if (e & 1) result *= base;
    base *= base;
  }
  return result;
}

/** ln(1 + x) for small |x| without cancellation (Goldberg's trick: exact-operation correction of log(1 + x)). */
export function log1p(x: number): number {
  const u = 1 + x;
  if (u === 1) return x;
  return (log(u) * x) / (u - 1);
}

/** The formula the literature quotes: (1 - e^(-kn/m))^k. */
export function falsePositiveRate(m: number, n: number, k: number): number {
  checkShape(m, n, k);
  return powInt(1 - exp((-k * n) / m), k);
}

/** The same with the exact zero-probability (1 - 1/m)^(kn) in place of e^(-kn/m): (1 - (1 - 1/m)^(kn))^k. */
export function falsePositiveRateExact(m: number, n: number, k: number): number {
  checkShape(m, n, k);
  return powInt(1 - exp(k * n * log1p(-1 / m)), k);
}

/** Expected fraction of bits set after n inserts: 1 - (1 - 1/m)^(kn). */
export function expectedFill(m: number, n: number, k: number): number {
  checkShape(m, n, k);
  return 1 - exp(k * n * log1p(-1 / m));
}

/** The real-valued optimum (m/n) ln 2. */
export function optimalK(m: number, n: number): number {
  checkShape(m, Math.max(n, 1), 1);
  return (m / Math.max(n, 1)) * LN2;
}

/** The integer k (>= 1) with the lowest falsePositiveRate(m, n, k): the floor or the ceiling of the optimum. */
export function optimalHashCount(m: number, n: number): number {
  const real = optimalK(m, n);
  const low = Math.max(1, Math.floor(real));
  const high = Math.max(1, Math.ceil(real));
  return falsePositiveRate(m, n, high) < falsePositiveRate(m, n, low) ? high : low;
}

/** Bits per item for rate p at the optimal k: -ln p / (ln 2)^2 (9.585 for p = 0.01). */
export function bitsPerItem(p: number): number {
  if (!(p > 0 && p < 1)) throw new Error(`invalid p: ${p}`);
  return -log(p) / (LN2 * LN2);
}

/** Bits for n items at rate p: ceil(n * bitsPerItem(p)) (9,585,059 for 10^6 items at 1 %). */
export function bitsFor(n: number, p: number): number {
  if (!(Number.isInteger(n) && n >= 1)) throw new Error(`invalid n: ${n}`);
  return Math.ceil(n * bitsPerItem(p));
}

/** Items a filter with `bitsSet` of m bits set probably holds: -(m/k) ln(1 - bitsSet/m) (Swamidass and Baldi). */
export function estimatedItems(m: number, k: number, bitsSet: number): number {
  checkShape(m, 0, k);
  if (bitsSet >= m) return Number.POSITIVE_INFINITY;
  return (-m / k) * log1p(-bitsSet / m);
}

/** falsePositiveRate(m, n, k) at each n of `ns`: a theoretical curve to plot measurements on. */
export function rateCurve(m: number, k: number, ns: ArrayLike<number>): Float64Array {
  const out = new Float64Array(ns.length);
  for (let i = 0; i < ns.length; i++) out[i] = falsePositiveRate(m, ns[i], k);
  return out;
}
