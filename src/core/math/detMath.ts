/**
 * Deterministic log, exp and pow: the same bits in every JavaScript engine.
 *
 * Why: Math.log, Math.exp and Math.pow are not specified to the last bit, and they differ between engines
 * and engine versions (measured here: Node 20's V8 and Chromium 156's gave one-ulp-apart PBS percentiles).
 * A simulation is a pure function of its scenario, so every float that reaches a trace must come from
 * IEEE-754 operations that are exactly specified (+, -, *, /, sqrt, rounding). These are the classic
 * fdlibm algorithms (Sun Microsystems, 1993), written with those operations only: log and exp are
 * accurate to under 1 ulp; pow(x, y) = exp(y log x) is accurate to about |y log x| ulp, which is plenty
 * for the samplers that use it (a Pareto tail, a Zipf weight), never for exact integer powers.
 *
 * Word access goes through one shared DataView (big-endian by default, so word 0 is the high word).
 */

const view = new DataView(new ArrayBuffer(8));

function highWord(x: number): number {
  view.setFloat64(0, x);
  return view.getInt32(0);
}

function withHighWord(x: number, high: number): number {
  view.setFloat64(0, x);
  view.setInt32(0, high);
  return view.getFloat64(0);
}

/** 2^k for integer k in [-1074, 1023], built from its bits (exact). */
function powerOfTwo(k: number): number {
  if (k >= -1022) {
    view.setInt32(0, (k + 1023) << 20);
    view.setInt32(4, 0);
    return view.getFloat64(0);
  }
  return powerOfTwo(k + 1000) * powerOfTwo(-1000);
}

const LN2_HI = 6.93147180369123816490e-1;
const LN2_LO = 1.90821492927058770002e-10;
const TWO54 = 1.80143985094819840000e16;
const LG1 = 6.666666666666735130e-1;
const LG2 = 3.999999999940941908e-1;
const LG3 = 2.857142874366239149e-1;
const LG4 = 2.222219843214978396e-1;
const LG5 = 1.818357216161805012e-1;
const LG6 = 1.531383769920937332e-1;
const LG7 = 1.479819860511658591e-1;

/** Natural logarithm: log(0) = -Infinity, log(negative or NaN) = NaN, log(Infinity) = Infinity. */
export function log(x: number): number {
  if (Number.isNaN(x) || x < 0) return NaN;
  if (x === 0) return -Infinity;
  if (x === Infinity) return Infinity;
  let k = 0;
  let hx = highWord(x);
  if (hx < 0x00100000) {
    // Subnormal: scale into the normal range first.
    k -= 54;
    x *= TWO54;
    hx = highWord(x);
  }
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  // Normalise x into [sqrt(2)/2, sqrt(2)): i is set when the mantissa is above sqrt(2).
  const i = (hx + 0x95f64) & 0x100000;
  x = withHighWord(x, hx | (i ^ 0x3ff00000));
  k += i >> 20;
  const f = x - 1;
  const dk = k;
  if ((0x000fffff & (2 + hx)) < 3) {
    // |f| < 2^-20: a short series is exact enough.
    if (f === 0) return k === 0 ? 0 : dk * LN2_HI + dk * LN2_LO;
    const r = f * f * (0.5 - 0.33333333333333333 * f);
    return k === 0 ? f - r : dk * LN2_HI - (r - dk * LN2_LO - f);
  }
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  const r = t2 + t1;
  if (((hx - 0x6147a) | (0x6b851 - hx)) > 0) {
    const hfsq = 0.5 * f * f;
    return k === 0 ? f - (hfsq - s * (hfsq + r)) : dk * LN2_HI - (hfsq - (s * (hfsq + r) + dk * LN2_LO) - f);
  }
  return k === 0 ? f - s * (f - r) : dk * LN2_HI - (s * (f - r) - dk * LN2_LO - f);
}

const O_THRESHOLD = 7.09782712893383973096e2;
const U_THRESHOLD = -7.45133219101941108420e2;
const INV_LN2 = 1.44269504088896338700;
const P1 = 1.66666666666666019037e-1;
const P2 = -2.77777777770155933842e-3;
const P3 = 6.61375632143793436117e-5;
const P4 = -1.65339022054652515390e-6;
const P5 = 4.13813679705723846039e-8;

/** e^x: exp(-Infinity) = 0, overflow gives Infinity, underflow 0. */
export function exp(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x > O_THRESHOLD) return Infinity;
  if (x < U_THRESHOLD) return 0;
  const hx = highWord(x) & 0x7fffffff;
  let hi = 0;
  let lo = 0;
  let k = 0;
  if (hx > 0x3fd62e42) {
    // |x| > ln2 / 2. Reduce: x = k ln2 + r with |r| <= ln2 / 2, hi - lo = r in extra precision.
    if (hx < 0x3ff0a2b2) {
      k = x > 0 ? 1 : -1; // |x| < 1.5 ln2
      hi = x - k * LN2_HI;
      lo = k * LN2_LO;
    } else {
      k = Math.trunc(INV_LN2 * x + (x > 0 ? 0.5 : -0.5));
      hi = x - k * LN2_HI; // exact: LN2_HI has trailing zero bits
      lo = k * LN2_LO;
    }
    x = hi - lo;
  } else if (hx < 0x3e300000) {
    return 1 + x; // |x| < 2^-28
  }
  const t = x * x;
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((x * c) / (c - 2) - x);
  const y = 1 - (lo - (x * c) / (2 - c) - hi);
  return k >= -1021 ? (k === 1024 ? y * 2 * powerOfTwo(1023) : y * powerOfTwo(k)) : y * powerOfTwo(k + 1000) * powerOfTwo(-1000);
}

/**
 * x^y for x >= 0 (the samplers' domain), as exp(y log x), with the exact special cases: y = 0 gives 1,
 * x = 1 gives 1, x = 0 gives 0 (y > 0) or Infinity (y < 0). Negative x gives NaN: use integer
 * multiplication for integer powers of signed numbers.
 */
export function pow(x: number, y: number): number {
  if (y === 0 || x === 1) return 1;
  if (Number.isNaN(x) || Number.isNaN(y) || x < 0) return NaN;
  if (x === 0) return y > 0 ? 0 : Infinity;
  return exp(y * log(x));
}
