/**
 * What the PBS program returns (types only, so the Panel can import it without pulling the program).
 * Per-trial arrays stay in the worker: the result holds the plotted grid and per-configuration summaries,
 * so its size does not grow with the trial count.
 */
import type { LabResult } from '../contract';

/** One (N, R, W) configuration's figures, all from the same trials. */
export interface PbsConfigResult {
  n: number;
  r: number;
  w: number;
  /** R + W > N: every read quorum meets every write quorum, so every read is consistent at commit. */
  isStrict: boolean;
  /** P(consistent read) at each `tMs` of the result (0..1). */
  pConsistent: Float64Array;
  /** P(consistent read) for a read issued at the moment the write commits (t = 0). */
  pAtCommit: number;
  /** Least t (ms after commit) with at least 99.9% of reads consistent (0 when already at commit). */
  tVisibility999Ms: number;
  /** Read and write latency percentiles (ms): 50th, 99th, 99.9th. */
  readMs: { p50: number; p99: number; p999: number };
  writeMs: { p50: number; p99: number; p999: number };
}

export interface PbsResult extends LabResult {
  lab: 'pbs';
  trials: number;
  /** The plot's t grid: ms after commit, 0..tMaxMs. */
  tMs: Float64Array;
  configs: PbsConfigResult[];
}
