/**
 * The filter experiments of one scenario, apart from the engine: fill a standard filter with the n
 * elements item-0..item-(n-1), measure its false-positive rate on `probes` keys never inserted (probe-0..)
 * against the formula, and delete `deletePct` of the elements three ways:
 *
 *   counting filter, saturating counters    decrement; a saturated counter is never decremented (it stays
 *                                           stuck): no inserted element is ever lost;
 *   counting filter, decrementing anyway    the naive policy: a counter that overflowed is decremented
 *                                           below its true count and reaches 0 early: false negatives;
 *   standard filter, bits cleared           the misuse: every element sharing a cleared bit is lost.
 *
 * False negatives are counted over the elements that were not deleted (each must still answer "yes").
 */
import { BloomFilter, CountingBloomFilter, type CounterWidth, bitsPerBin, falsePositiveRate, optimalHashCount, optimalK, bitsPerItem, powInt, probePositions, rateCurve } from '../../../core/bloom';
import type { RunContext } from '../../contract';
import type { DeletionResult, FillCurve, FilterResult } from '../result';
import type { BloomScenario } from '../scenario';

/** Cells the bit array is drawn in: one bit per cell up to this m, a density per cell beyond. */
export const CELLS_MAX = 4096;
/** The theory curve runs over k = 1..K_CURVE (or further when the chosen k is larger). */
const K_CURVE = 20;

export const itemKey = (i: number) => `item-${i}`;
export const probeKey = (i: number) => `probe-${i}`;

/** The standard filter holding item-0..item-(n-1). */
export function filled(s: BloomScenario, context?: RunContext): BloomFilter {
  const filter = new BloomFilter(s.m, s.k);
  for (let i = 0; i < s.n; i++) filter.add(itemKey(i));
  context?.work(s.n);
  return filter;
}

/** The filter's picture and its false-positive rate, measured and predicted. */
export function filterResult(s: BloomScenario, filter: BloomFilter, context?: RunContext): FilterResult {
  let falsePositives = 0;
  for (let i = 0; i < s.probes; i++) if (filter.has(probeKey(i))) falsePositives++;
  context?.work(s.probes);
  const cells = Math.min(s.m, CELLS_MAX);
  const bitsSet = filter.bitsSet();
  const fill = bitsSet / s.m;
  const formula = falsePositiveRate(s.m, s.n, s.k);
  const kMax = Math.max(K_CURVE, s.k + 2);
  const curveK = Float64Array.from({ length: kMax }, (_, i) => i + 1);
  return {
    cells,
    cellBits: bitsPerBin(filter.words, s.m, cells),
    bitsSet,
    fill,
    probes: s.probes,
    falsePositives,
    measured: falsePositives / s.probes,
    formula,
    fillPowK: powInt(fill, s.k),
    sigma: Math.sqrt((formula * (1 - formula)) / s.probes),
    bitsPerElement: s.m / s.n,
    optimalK: optimalK(s.m, s.n),
    optimalHashCount: optimalHashCount(s.m, s.n),
    formulaAtOptimum: falsePositiveRate(s.m, s.n, optimalHashCount(s.m, s.n)),
    bitsPerElementFor1Pct: bitsPerItem(0.01),
    byteLength: filter.byteLength,
    curveK,
    curveRate: curveK.map((k) => falsePositiveRate(s.m, s.n, k)),
  };
}

/** Deletes the first deletePct % of the elements from a counting filter (two policies) and from a copy of the standard one. */
export function deletionResult(s: BloomScenario, filter: BloomFilter, context?: RunContext): DeletionResult {
  const width = s.width as CounterWidth;
  const counting = new CountingBloomFilter(s.m, s.k, width);
  const max = counting.max;
  // The naive policy's counters: saturate on the way up like the real ones, but always decrement.
  const naive = width <= 8 ? new Uint8Array(s.m) : new Uint16Array(s.m);
  const pair = new Int32Array(2);
  const positions = new Uint32Array(s.k);
  for (let i = 0; i < s.n; i++) {
    counting.add(itemKey(i));
    probePositions(itemKey(i), s.m, s.k, pair, positions);
    for (let j = 0; j < s.k; j++) if (naive[positions[j]] < max) naive[positions[j]]++;
  }
  const overflows = counting.overflows;
  const saturatedAfterFill = counting.saturated();
  const deleted = Math.floor((s.n * s.deletePct) / 100);
  const cleared = new BloomFilter(s.m, s.k, filter.words.slice());
  for (let i = 0; i < deleted; i++) {
    counting.remove(itemKey(i));
    cleared.clearPositions(itemKey(i));
    probePositions(itemKey(i), s.m, s.k, pair, positions);
    for (let j = 0; j < s.k; j++) if (naive[positions[j]] > 0) naive[positions[j]]--;
  }
  context?.work(3 * s.n);
  let countingLost = 0;
  let naiveLost = 0;
  let clearedLost = 0;
  for (let i = deleted; i < s.n; i++) {
    const key = itemKey(i);
    if (!counting.has(key)) countingLost++;
    if (!cleared.has(key)) clearedLost++;
    probePositions(key, s.m, s.k, pair, positions);
    for (let j = 0; j < s.k; j++) {
      if (naive[positions[j]] === 0) {
        naiveLost++;
        break;
      }
    }
  }
  let deletedStillYes = 0;
  for (let i = 0; i < deleted; i++) if (counting.has(itemKey(i))) deletedStillYes++;
  return {
    width,
    counterMax: max,
    deleted,
    kept: s.n - deleted,
    overflows,
    saturatedAfterFill,
    stuck: counting.stuck,
    saturatedAfterDelete: counting.saturated(),
    countersLeft: counting.nonZero(),
    countingLost,
    naiveLost,
    clearedLost,
    deletedStillYes,
    countingBytes: counting.byteLength,
    standardBytes: filter.byteLength,
  };
}

/** Where the rate is measured as the filter fills: fractions of the design n, past it to 2n. */
export const FILL_POINTS = [0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75, 2] as const;
/** Probes per fill point (the first of the scenario's probe keys). */
export const FILL_PROBES_MAX = 20_000;
/** Points of the formula's curve over 0..2n. */
const CURVE_POINTS = 40;

/**
 * The rate as the filter fills: a fresh filter gets item-0, item-1, ... up to 2n, and at each of
 * FILL_POINTS x n its rate is measured on never-inserted keys: it climbs past the design n.
 */
export function fillCurve(s: BloomScenario, context?: RunContext): FillCurve {
  const probes = Math.min(s.probes, FILL_PROBES_MAX);
  const filter = new BloomFilter(s.m, s.k);
  const n = FILL_POINTS.map((f) => Math.max(1, Math.round(f * s.n)));
  const measured = new Float64Array(n.length);
  let added = 0;
  n.forEach((target, p) => {
    for (; added < target; added++) filter.add(itemKey(added));
    let hits = 0;
    for (let i = 0; i < probes; i++) if (filter.has(probeKey(i))) hits++;
    measured[p] = hits / probes;
  });
  context?.work(2 * s.n + n.length * probes);
  const curveN = Float64Array.from({ length: CURVE_POINTS + 1 }, (_, i) => Math.round((i * 2 * s.n) / CURVE_POINTS));
  return { probes, n: Float64Array.from(n), measured, formula: Float64Array.from(n, (x) => falsePositiveRate(s.m, x, s.k)), curveN, curveRate: rateCurve(s.m, s.k, curveN) };
}
