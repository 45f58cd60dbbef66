/**
 * What the CAP/PACELC program returns (types and names only, so the Panel imports it without the program).
 * Eight runs of one store on one scenario: `cap` holds CP and AP (with the cut), `pacelc` holds PA/EL, PC/EC
 * and PA/EC without it, `pacelcCut` the same three with it. Times are simulated milliseconds.
 */
import type { Verdict } from '../../core/checkers';
import type { LabResult } from '../contract';

export const CAP_MODES = ['CP', 'AP'] as const;
export const PACELC_MODES = ['PA/EL', 'PC/EC', 'PA/EC'] as const;
export type CapMode = (typeof CAP_MODES)[number];
export type PacelcMode = (typeof PACELC_MODES)[number];
export type Mode = CapMode | PacelcMode;

/** Requests coordinated on one side of the cut, invoked while it was cut. */
export interface SideCounts {
  /** Requests invoked during the cut. */
  requests: number;
  /** ... that got an ok answer. */
  ok: number;
  /** Reads among them that certainly missed a completed write (k-staleness >= 1). */
  staleReads: number;
  /** Writes among them acknowledged ok. */
  writesOk: number;
}

export interface RunSummary {
  mode: Mode;
  /** Whether the run had the cut (CAP runs always; PACELC runs once without, once with). */
  isCut: boolean;
  /** Replicas of the key, the quorums and the options the mode runs with. */
  n: number;
  w: number;
  r: number;
  writeBack: boolean;
  sloppyQuorum: boolean;
  /** The quorums run's trace hash (the same scenario in the quorums lab replays it). */
  traceHash: string;
  verdict: Verdict;
  /** The checker's verdict in prose (with the operation it cannot place, when not linearizable). */
  verdictProse: string;
  ops: number;
  ok: number;
  failed: number;
  timeouts: number;
  reads: number;
  readsOk: number;
  writesOk: number;
  staleReads: number;
  /**
   * Acknowledged writes that the version order puts before a write which had already been acknowledged
   * when they began: the newer value loses to an older one once the copies meet (a lost update).
   */
  lostWrites: number;
  /** The two sides during the cut (A = index 0, B = index 1); zeros in a run without the cut. */
  sides: [SideCounts, SideCounts];
  /** Availability over time per side: ok / invoked per bin of `binMs` (NaN: nothing invoked). */
  availabilityA: Float64Array;
  availabilityB: Float64Array;
  /** Latencies of ok reads and ok writes, ms, ascending. */
  readLatencyMs: Float64Array;
  writeLatencyMs: Float64Array;
  endMs: number;
}

export interface CapResult extends LabResult {
  lab: 'cap';
  nodeCount: number;
  /** Side of each node: 0 = A, 1 = B. */
  side: Uint8Array;
  partitionMs: number;
  healMs: number;
  /** Width of an availability bin, ms; bin k covers [k * binMs, (k + 1) * binMs). */
  binMs: number;
  cap: RunSummary[];
  pacelc: RunSummary[];
  pacelcCut: RunSummary[];
}
