/**
 * What the anti-patterns program returns (types and names only: the program and the UI both read this file).
 *
 * One scene per anti-pattern (`mode`). Each scene runs the broken design and its fix on one engine, one seed
 * and one workload: the same clients send the same requests, at the same moments, to both halves of the stage.
 * Time is in simulated ms.
 */
import type { StageData } from '../../core/stage/types';
import type { LabResult } from '../contract';

export const MODES = ['shared-db', '2pc', 'clocks', 'partition', 'locality'] as const;
export type Mode = (typeof MODES)[number];

/** The scene's nodes by engine id (a fault's `node` field). Names are a letter and a number (the lessons' highlights and the tour rely on it). */
export function nodeNamesOf(mode: Mode): string[] {
  switch (mode) {
    case 'shared-db': return ['c0', 'c1', 'a0', 'b0', 'd0', 'a1', 'b1', 'd1', 'd2'];
    case '2pc': return ['c0', 'r0', 't0', 'p0', 'p1', 'p2', 'o0', 's0', 's1', 's2'];
    case 'clocks': return ['w0', 'w1', 'k0', 'k1'];
    case 'partition': return ['c0', 'f0', 'd0', 'f1', 'd1'];
    case 'locality': return ['u0', 'u1', 'a0', 'a1', 'd0', 'a2', 'a3', 'd1', 'd2'];
  }
}

/** An invariant, checked at every step it can break; `detail` says where it broke, or what was checked. */
export interface Check {
  id: string;
  name: string;
  ok: boolean;
  detail: string;
  /** When it first broke (ms), NaN while it holds. */
  tMs: number;
}

/** One row of a side-by-side table: a measure, the broken design's value, the fix's. */
export interface CompareRow {
  label: string;
  broken: string;
  fixed: string;
}

/** A client request as the client saw it (both halves get one per request). */
export interface RequestRow {
  side: 0 | 1;
  /** What was asked ('A', 'B', 'orders', 'profile', 'EU user', ...). */
  what: string;
  sentMs: number;
  /** NaN: no answer within the client's timeout. */
  latencyMs: number;
  outcome: 'ok' | 'fallback' | 'error' | 'timeout';
}

/** shared-db: B's p99 (ms) at one load of A, each side, fault-free. */
export interface LoadPoint {
  aRatePerSec: number;
  bP99Broken: number;
  bP99Fixed: number;
}

/** shared-db: which services a DB fault took down. */
export interface FaultImpact {
  node: string;
  fromMs: number;
  toMs: number;
  /** Services that failed at least half of the requests they got in the window. */
  down: string[];
}

/** 2pc: one transaction on both sides. */
export interface TxRow {
  tx: number;
  beginMs: number;
  /** 2PC: the coordinator's logged decision and when every participant applied it (NaN: not yet). */
  decision: 'commit' | 'abort' | 'none';
  decidedMs: number;
  appliedMs: number;
  /** Saga: forward steps committed, compensations run (in order), when it ended (NaN: still running). */
  sagaSteps: string;
  sagaOutcome: 'done' | 'compensated' | 'running';
  sagaEndMs: number;
}

export interface AntiResult extends LabResult {
  lab: 'anti-patterns';
  mode: Mode;
  stage: StageData;
  checks: Check[];
  compare: CompareRow[];
  requests: RequestRow[];
  loadSweep?: LoadPoint[];
  faults?: FaultImpact[];
  txs?: TxRow[];
}
