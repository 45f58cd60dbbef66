/**
 * What the clocks program returns (types and codes only, so the Panel imports it without the program).
 * `runs[0]` trusts the clocks, `runs[1]` uses TrueTime-style bounded uncertainty (commit wait); both run
 * the same writes at the same true times with the same faults.
 *
 * Vocabulary:
 *   - time: simulated milliseconds; a clock's reading (its physical time, pt) is true time plus its offset.
 *   - store: how a replica resolves the writes of x it meets: last-writer-wins on the wall-clock stamp
 *     ('wall'), the Lamport stamp ('lamport'), the HLC stamp ('hlc'), or version vectors keeping
 *     concurrent writes as siblings ('siblings', which an application merge joins into one value).
 *   - lost: a committed write that no surviving value of its store has seen (not kept, and no kept write
 *     came after it): the write is gone although its client was told it succeeded.
 *   - inverted: a lost write that happened after the write it lost to (the winner is in its causal past).
 */
import type { StageData } from '../../core/stage/types';
import type { LabResult } from '../contract';

export const RUNS = ['trusted', 'commitWait'] as const;
export type RunKind = (typeof RUNS)[number];
export const RUN_TITLES = ['clocks trusted', 'commit wait (TrueTime-style)'] as const;

export const STORES = ['wall', 'lamport', 'hlc', 'siblings'] as const;
export type StoreKind = (typeof STORES)[number];
export const STORE_TITLES = ['LWW, wall clock', 'LWW, Lamport', 'LWW, HLC', 'version vectors (siblings)'] as const;

/** One row per write (in start order): who, when, its stamps, and what became of it in each store. */
export interface WriteColumns {
  name: string[];
  replica: Uint8Array;
  /** True time the client asked, ms. */
  startMs: Float64Array;
  /** True time the write committed (applied at its replica, client told ok), ms; NaN when it never did (replica down). */
  commitMs: Float64Array;
  /** Its wall-clock stamp, ms (the writer's pt; with commit wait pt + ε at the start). NaN when it never committed. */
  wallMs: Float64Array;
  lamport: Uint32Array;
  /** HLC stamp: l in ms and c. */
  hlcMs: Float64Array;
  hlcC: Uint32Array;
  /** The version vector of what its replica had seen, its own dot included ("[2,1,0]"). */
  clock: string[];
  /** lost[store][write]: 1 when that store lost it. */
  lost: Uint8Array[];
  /** lostTo[store][write]: the write (index) whose survival dropped it, -1 when none. */
  lostTo: Int32Array[];
  /** inverted[store][write]: 1 when it was lost to a write that happened before it. */
  inverted: Uint8Array[];
}

/** The lease's holders: one row per holding, in true time. */
export interface LeaseColumns {
  holder: Uint8Array;
  startMs: Float64Array;
  endMs: Float64Array;
}

/** Two holdings that overlapped in true time (the lease's promise broken). */
export interface OverlapColumns {
  a: Uint32Array;
  b: Uint32Array;
  startMs: Float64Array;
  endMs: Float64Array;
}

/** A broken invariant, as data: which, when, where, and a sentence. */
export interface Violation {
  invariant: string;
  tMs: number;
  replica: number;
  text: string;
}

export interface RunResult {
  kind: RunKind;
  metrics: Record<string, number>;
  writes: WriteColumns;
  /** finalValues[store][replica]: what the replica holds at the end ('' none; siblings '|'-joined). */
  finalValues: string[][];
  leases: LeaseColumns;
  overlaps: OverlapColumns;
  /** When some clock first left ±ε of true time, ms (NaN: never): commit wait's promise holds only before. */
  boundBrokenMs: number;
  violations: Violation[];
  traceHash: string;
  stage?: StageData;
  stoppedAtLimit?: string;
}

export interface VectorClocksResult extends LabResult {
  lab: 'vector-clocks';
  replicas: number;
  epsMs: number;
  runs: [RunResult, RunResult];
}
