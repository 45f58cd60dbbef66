/**
 * What the CAP/PACELC program returns (types and names only, so the Panel imports it without the program).
 * Eight runs of one store on one scenario: `cap` holds CP and AP (the script as written), `pacelc` holds
 * PA/EL, PC/EC and PA/EC without its cuts, `pacelcCut` the same three with them; `stages` what the stage
 * draws of CP and AP. Times are simulated milliseconds.
 */
import type { Verdict } from '../../core/checkers';
import { counterOf, writerOf } from '../../core/quorum';
import type { StageData } from '../../core/stage/types';
import type { LabResult } from '../contract';

export { OpKind, RequestStatus } from '../../sim/kit/codes';

export const CAP_MODES = ['CP', 'AP'] as const;
export const PACELC_MODES = ['PA/EL', 'PC/EC', 'PA/EC'] as const;
export type CapMode = (typeof CAP_MODES)[number];
export type PacelcMode = (typeof PACELC_MODES)[number];
export type Mode = CapMode | PacelcMode;

/** Requests coordinated on one side of a cut (majority or minority), invoked while it was cut. */
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
  /** Whether the run had the script's cuts (CAP runs always; PACELC runs once without, once with). */
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
  /** The two sides during cuts (majority = index 0, minority = index 1); zeros in a run without a cut. */
  sides: [SideCounts, SideCounts];
  /**
   * Availability over time per side: ok / invoked per bin of `binMs` (NaN: nothing invoked). Requests
   * asked while nothing was cut count on the majority side (the whole cluster is a majority).
   */
  availabilityMajority: Float64Array;
  availabilityMinority: Float64Array;
  /** Latencies of ok reads and ok writes, ms, ascending. */
  readLatencyMs: Float64Array;
  writeLatencyMs: Float64Array;
  endMs: number;
}

/** A span of the script during which the cluster is cut, and its groups (node lists). */
export interface CutSpan {
  fromMs: number;
  /** The heal or the next cut; the run's end when nothing heals it. */
  toMs: number;
  groups: number[][];
}

/**
 * Each request of a CAP run, by history index, for the narration and the cards: who asked whom, what, and
 * how it ended. A version packs (counter, writer) and the writer is the value written (src/core/quorum).
 */
export interface StageRequests {
  /** The client (0..clients-1) that asked. */
  client: Uint8Array;
  coordinator: Uint8Array;
  /** OpKind code (src/sim/kit/codes.ts): 0 read, 1 write. */
  kind: Uint8Array;
  /** RequestStatus code: 1 ok, 2 fail, 3 timeout. */
  status: Uint8Array;
  /** The version a write took or a read returned; -1 none, 0 nil. */
  version: Int32Array;
  callMs: Float64Array;
}

/** A version in words, "12@4": value 12 at counter 4 (the writer of a version is the value it wrote); "nil" before any write. */
export function versionText(v: number): string {
  return v <= 0 ? 'nil' : `${writerOf(v)}@${counterOf(v)}`;
}

/** What the stage shows of one CAP run (CP or AP). */
export interface CapStage {
  mode: CapMode;
  stage: StageData;
  requests: StageRequests;
}

export interface CapResult extends LabResult {
  lab: 'cap';
  nodeCount: number;
  /** The script's cuts, in time order. */
  cuts: CutSpan[];
  /** Width of an availability bin, ms; bin k covers [k * binMs, (k + 1) * binMs). */
  binMs: number;
  cap: RunSummary[];
  pacelc: RunSummary[];
  pacelcCut: RunSummary[];
  /** The stage of CP and AP, in CAP_MODES order. */
  stages: CapStage[];
  /** CP's stage (the same object as stages[0].stage): what LabResult's playback reads. */
  stage: StageData;
}
