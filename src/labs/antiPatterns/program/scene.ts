/** What every scene builder returns: its engine, its observer, and how it measures itself once run. */
import type { Simulation } from '../../../sim/index';
import type { CompareRow, FaultImpact, LoadPoint, TxRow } from '../result';
import type { Msg } from './messages';
import type { Observer } from './observer';

export interface SceneOutcome {
  compare: CompareRow[];
  metrics: Record<string, number>;
  loadSweep?: LoadPoint[];
  faults?: FaultImpact[];
  txs?: TxRow[];
}

export interface Scene {
  sim: Simulation<Msg>;
  obs: Observer;
  names: string[];
  /** Measures the run (after sim.run). */
  finish(): SceneOutcome;
}
