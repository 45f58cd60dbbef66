/**
 * What the CRDTs program returns (types, codes and names only, so the Panel imports it without the
 * program). One gossip run holds every view (the CRDT and its foils share updates and messages); a second
 * run keeps the same updates as increments through a consensus log. Times are simulated milliseconds.
 */
import type { StageData } from '../../core/stage/types';
import type { LabResult } from '../contract';
import type { CrdtTypeParam } from './scenario';

/** How a client's update ended: refused (its replica was down), ok, or timed out (consensus only). */
export const RequestOutcome = { refused: 0, ok: 1, timeout: 2 } as const;

export type AnomalyKind = 'remove-undone' | 're-add-lost' | 'add-lost' | 'over-count' | 'under-count';

/** One anomaly: where a replica started to read what the updates it had seen forbid. */
export interface AnomalyRow {
  kind: AnomalyKind;
  tMs: number;
  replica: number;
  /** The sentence the narration and the table show. */
  text: string;
}

export interface ViewResult {
  key: string;
  title: string;
  /** False for the foils that are not CRDTs (the naive set, the max-merged and the delta counters). */
  isCrdt: boolean;
  stage: StageData;
  /** What each replica reads at the end. */
  finalValues: string[];
  /** Every replica holds the same state at the end. */
  isConverged: boolean;
  /** Every replica holds the merge (join) of all replicas' final states (state-based views; delta: the same as isConverged). */
  equalsJoin: boolean;
  /** When the replicas last came to agree for good (ms); NaN when they disagree at the end. */
  settledMs: number;
  /** settledMs after the last update or scripted fault (0 when they already agreed then); NaN when not converged. */
  convergeMs: number;
  /** Agreement over time: from agreeMs[i] on, the replicas hold distinct[i] different states. */
  agreeMs: Float64Array;
  distinct: Uint8Array;
  anomalies: AnomalyRow[];
}

/** The two ways of keeping a counter under the same updates and faults, side by side. */
export interface AvailabilityRow {
  label: string;
  asked: number;
  ok: number;
  /** Of those asked at a replica cut off from n0 (the log's leader). */
  askedCutOff: number;
  okCutOff: number;
  /** Latency of ok updates, ms: median and 99th percentile (NaN when none). */
  p50Ms: number;
  p99Ms: number;
}

export interface CrdtsResult extends LabResult {
  lab: 'crdts';
  type: CrdtTypeParam;
  replicas: number;
  views: ViewResult[];
  /** Client updates in time order. */
  updates: { tMs: Float64Array; replica: Uint8Array; text: string[]; outcome: Uint8Array; cutOff: Uint8Array };
  /** The last update or scripted fault (ms): convergence is timed from here. */
  quietMs: number;
  /** The scenario's gossip interval (ms), fan-out and duplicate percentage, as the page quotes them. */
  gossipMs: number;
  fanout: number;
  duplicatePct: number;
  /** Messages the gossip run sent and delivered (duplicates included). */
  gossipSent: number;
  gossipDelivered: number;
  duplicated: number;
  /** The CRDT (applied locally) against the consensus log, for the same updates as increments. */
  availability: [AvailabilityRow, AvailabilityRow];
  /** The consensus run's stage (n0 leads; cards: log length, commit). */
  logStage: StageData;
  /** The first view's stage (what LabResult's playback reads). */
  stage: StageData;
}

/** The views of a type, by member key, with their titles: the CRDT first. */
export function viewsOf(type: CrdtTypeParam): { key: string; title: string; isCrdt: boolean }[] {
  switch (type) {
    case 'g-counter': return [{ key: 'g', title: 'G-Counter', isCrdt: true }, { key: 'delta', title: 'Counter adding increments', isCrdt: false }];
    case 'pn-counter': return [{ key: 'pn', title: 'PN-Counter', isCrdt: true }, { key: 'max', title: 'Signed counter merged by max', isCrdt: false }];
    case 'or-set': return [{ key: 'or', title: 'OR-Set', isCrdt: true }, { key: 'naive', title: 'Set merged by union', isCrdt: false }, { key: 'tp', title: '2P-Set', isCrdt: true }];
    default: return [{ key: 'lww', title: 'LWW-Register (Lamport)', isCrdt: true }, { key: 'wall', title: 'LWW-Register (wall clock)', isCrdt: true }];
  }
}

/** The card fields of a view (recorded as `<key>.<field>`), labelled. */
export function viewFields(key: string, elements: number): { field: string; label: string }[] {
  const f = (name: string, label: string) => ({ field: `${key}.${name}`, label });
  switch (key) {
    case 'g': return [f('value', 'value'), f('counts', 'counts')];
    case 'delta': return [f('value', 'value'), f('own', 'own')];
    case 'pn': return [f('value', 'value'), f('p', 'P'), f('n', 'N')];
    case 'max': return [f('value', 'value'), f('counts', 'counts')];
    case 'or': return [f('value', ''), f('context', 'seen'), ...['a', 'b', 'c', 'd', 'e', 'f'].slice(0, elements).map((e) => f(e, e))];
    case 'naive': return [f('value', '')];
    case 'tp': return [f('value', ''), f('added', 'A'), f('removed', 'R')];
    default: return [f('value', 'value'), f('stamp', 'stamp')];
  }
}
