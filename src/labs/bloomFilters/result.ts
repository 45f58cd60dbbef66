/**
 * What the Bloom filters program returns (types and codes only, so the Panel imports it without the
 * program). Rates are fractions (0.01 = 1 %); times are simulated milliseconds.
 */
import type { LabResult } from '../contract';

/** The standard filter after its n elements, and its false-positive rate measured and predicted. */
export interface FilterResult {
  /** Cells the bit array is drawn in: min(m, 4096); cell c covers bits [floor(c m / cells), floor((c + 1) m / cells)). */
  cells: number;
  /** Bits set per cell. */
  cellBits: Uint32Array;
  bitsSet: number;
  /** Fraction of the m bits set. */
  fill: number;
  /** Never-inserted keys queried (probe-0, probe-1, ...). */
  probes: number;
  /** Of them, answered "probably yes". */
  falsePositives: number;
  measured: number;
  /** (1 - e^(-kn/m))^k. */
  formula: number;
  /** fill^k: the rate this very filter should show given the bits it has set. */
  fillPowK: number;
  /** Binomial noise of the measurement around the formula: sqrt(f (1 - f) / probes). */
  sigma: number;
  bitsPerElement: number;
  /** (m / n) ln 2, and the best integer k. */
  optimalK: number;
  optimalHashCount: number;
  formulaAtOptimum: number;
  /** -ln(0.01) / (ln 2)^2 = 9.585: bits per element for 1 % at the best k. */
  bitsPerElementFor1Pct: number;
  byteLength: number;
  /** The formula at k = 1..K for this m and n: the curve the measurement is drawn on. */
  curveK: Float64Array;
  curveRate: Float64Array;
}

/** The rate measured as one filter fills to twice its design n, on the formula's curve. */
export interface FillCurve {
  /** Never-inserted keys queried at each point. */
  probes: number;
  /** Elements inserted at each point (n/4, n/2, ... 2n). */
  n: Float64Array;
  measured: Float64Array;
  formula: Float64Array;
  /** The formula over 0..2n. */
  curveN: Float64Array;
  curveRate: Float64Array;
}

/** Deleting the first deleted elements: counting filter (saturating, or decrementing anyway) and the standard one cleared. */
export interface DeletionResult {
  width: number;
  /** 2^width - 1: where a counter saturates. */
  counterMax: number;
  deleted: number;
  /** Elements not deleted: each must still answer "yes". */
  kept: number;
  /** Increments refused by a saturated counter while filling. */
  overflows: number;
  saturatedAfterFill: number;
  /** Decrements skipped on saturated counters (they stay set for good). */
  stuck: number;
  saturatedAfterDelete: number;
  /** Counters above 0 after the deletions (0 after deleting every element, unless a counter overflowed). */
  countersLeft: number;
  /** Kept elements answering "no": saturating counters (always 0). */
  countingLost: number;
  /** Kept elements answering "no" when saturated counters are decremented anyway. */
  naiveLost: number;
  /** Kept elements answering "no" after the deleted ones' bits were cleared in the standard filter. */
  clearedLost: number;
  /** Deleted elements the counting filter still answers "yes" to (stuck counters, shared counters). */
  deletedStillYes: number;
  countingBytes: number;
  standardBytes: number;
}

/** ops.kind */
export const OpKind = { get: 0, put: 1 } as const;
/** ops.answer: what the filter said, and what it turned out to be. */
export const Answer = { no: 0, yes: 1, falsePositive: 2, inserted: 3 } as const;
export const ANSWER_WORDS = ['definitely no', 'probably yes', 'probably yes: a false positive', 'inserted'] as const;

/** Every filter operation at the front f1, in time order: what the bit-array view animates at the playhead. */
export interface FilterOps {
  count: number;
  tMs: Float64Array;
  kind: Uint8Array;
  answer: Uint8Array;
  keys: string[];
  /** k positions per operation (operation i's at i k .. i k + k - 1). */
  positions: Uint32Array;
  /** Whether each position's bit was set just before the operation. */
  wasSet: Uint8Array;
  /**
   * The 17 bits centred on each position just before the operation, as a mask (bit j = bit position - 8
   * + j; 0 beyond the array's ends): the zoom the page shows when a drawn cell holds many bits.
   */
  windows: Uint32Array;
  /** The drawn cell of each position. */
  cell: Uint32Array;
}

/** The run on the engine: client c0, front f1 (the filter), store s2. */
export interface ContextResult {
  gets: number;
  puts: number;
  /** Gets for keys the store never had. */
  getsAbsent: number;
  /** Gets the filter answered "definitely no": disk reads saved. */
  saved: number;
  /** Store reads for gets (the filter said "probably yes"). */
  storeReads: number;
  /** Of them, for keys the store does not hold: false positives, wasted reads. */
  wastedReads: number;
  /** Store reads a front without a filter would make: every get that reached it. */
  readsWithoutFilter: number;
  timeouts: number;
  /** Median latency of the gets the filter answered alone, and of those that read the store (ms). */
  noP50Ms: number;
  readP50Ms: number;
}

export interface BloomResult extends LabResult {
  lab: 'bloom-filters';
  m: number;
  k: number;
  n: number;
  filter: FilterResult;
  fill: FillCurve;
  deletion: DeletionResult;
  ops: FilterOps;
  context: ContextResult;
}
