/**
 * What the leader-follower program returns (types and codes only, so a Panel imports it without the
 * program). Per-request and per-interval data is columnar (typed arrays the worker transfers); the few
 * promotions and lost writes are small lists of plain objects.
 *
 * Vocabulary:
 *   - time: simulated milliseconds (the scenario's unit); the engine ticks in microseconds.
 *   - request i = client operation i of the history (same index).
 *   - log index: position in the replication log, from 1; an entry is (epoch, value); a new leader's first
 *     entry is an empty barrier (no client operation).
 *   - epoch: the number of a leader's term, +1 per promotion (n0 leads epoch 1 from the start).
 *   - serving: able to acknowledge a client write right now (leader, and with fencing also holding a lease).
 *   - value: the integer a write writes (operation index + 1, unique); 0 = nil (never written).
 */
import type { CheckResult, StalenessReport } from '../../core/checkers';
import type { StageData } from '../../core/stage/types';
import type { LabResult } from '../contract';
import type { HistoryColumns, StaleColumns } from '../../sim/kit/codes';

/** requests.kind (OpKind) and requests.status (RequestStatus): the codes every client history uses. */
export { OpKind, RequestStatus } from '../../sim/kit/codes';

export const REPLICATION_MODES = ['sync', 'semi-sync', 'async'] as const;
export type ReplicationMode = (typeof REPLICATION_MODES)[number];

export const READ_SOURCES = ['leader', 'followers', 'any'] as const;
export type ReadSource = (typeof READ_SOURCES)[number];

/** leaders.cause: how a node came to lead. */
export const LeadCause = { bootstrap: 0, promoted: 1, restarted: 2 } as const;
export const LEAD_CAUSE_NAMES = ['bootstrap', 'promoted', 'restarted from its disk'] as const;
/** leaders.endCause: how its leadership ended. */
export const EndCause = { running: 0, steppedDown: 1, crashed: 2 } as const;
export const END_CAUSE_NAMES = ['still leading at the end', 'stepped down', 'crashed'] as const;

/** Per request (history index): the shared columns (kind, process, callMs, retMs, status; isStale, staleK), and: */
export interface RequestColumns extends HistoryColumns, StaleColumns {
  /** The client (0..clients-1) and its home node (client c lives beside node c mod nodes). */
  client: Uint8Array;
  /** The node that took the request; -1 when none could (no reachable leader or node). */
  node: Int8Array;
  /** The epoch that node was in when it took the request (0 when none). */
  epoch: Int32Array;
  /** Write: the value written. Read: the value returned (0 = nil); -1 when it returned none. */
  value: Int32Array;
  /** Write: its log index (0 when not appended). Read: the log index it read at (-1 when refused). */
  index: Int32Array;
  /** Read: entries the serving node was behind the newest leader's log when it answered (0 when fresh). */
  lagEntries: Int32Array;
  /** 1 for a one-off request of the script (a 'request' event), 0 for the budget's operations. */
  isRequest: Uint8Array;
}

/** Per node over time: sampled every `sampleMs`, values[node * samples + i], NaN while the node is down. */
export interface LagSeries {
  sampleMs: number;
  samples: number;
  nodeCount: number;
  /** Entries behind: the newest leader's last log index minus the node's applied index (peak within the sample). */
  entries: Float32Array;
  /** Age of the oldest entry the node has not applied yet, ms (0 when caught up). */
  ageMs: Float32Array;
}

/** Intervals of one kind (leadership or serving), one row each, ordered by start. */
export interface IntervalColumns {
  node: Uint8Array;
  epoch: Int32Array;
  startMs: Float64Array;
  endMs: Float64Array;
  /** leaders: LeadCause; serving: 0. */
  cause: Uint8Array;
  /** leaders: EndCause; serving: 0. */
  endCause: Uint8Array;
}

/** Why a follower won an election: its log against its voters' (the most up-to-date reachable node wins). */
export interface Promotion {
  tMs: number;
  node: number;
  epoch: number;
  /** The winner's last log entry (epoch, index) when it stood. */
  lastEpoch: number;
  lastIndex: number;
  /** Nodes that voted for it, with their last entry (each at most as up to date as the winner's). */
  voters: { node: number; lastEpoch: number; lastIndex: number }[];
  /** When it stood (its detector fired), ms. */
  stoodMs: number;
}

export interface StepDown {
  tMs: number;
  node: number;
  /** The epoch it led, and the newer one it learned of. */
  epoch: number;
  newerEpoch: number;
}

/** An acknowledged write that the surviving log does not hold. */
export interface LostWrite {
  op: number;
  process: number;
  value: number;
  /** Who acknowledged it, in which epoch, at which log index, when. */
  node: number;
  epoch: number;
  index: number;
  ackMs: number;
  /** The first promotion whose winner's log lacked it (NaN when no promotion did: lost to a later truncation). */
  lostAtMs: number;
  /** 'failover': acknowledged before any newer leader existed, never replicated to it; 'deposed': taken by a leader after a newer one was promoted (split brain). */
  cause: 'failover' | 'deposed';
}

/** One replication mode's figures on the same scenario (the comparison table). */
export interface ModeSummary {
  mode: ReplicationMode;
  writesOk: number;
  writeTimeouts: number;
  writesFailed: number;
  writeP50Ms: number;
  writeP99Ms: number;
  staleReads: number;
  lostAckedWrites: number;
  verdict: CheckResult['verdict'];
}

/** The safety facts of the run, checked by the tests on every seed. */
export interface Invariants {
  /** Most distinct nodes that led one epoch (1 when elections are safe). */
  leadersPerEpochMax: number;
  /** Total time two or more nodes were serving at once, ms (split brain). */
  splitBrainMs: number;
  /** Writes accepted by a leader after a newer epoch had a leader. */
  deposedWrites: number;
  /** Writes accepted while another node was serving too. */
  splitBrainWrites: number;
  /** Writes accepted outside the accepting node's serving intervals (must be 0: the recorder's own check). */
  writesOutsideServing: number;
  /** Log entries, summed over nodes, that differ from the surviving log at the end. */
  divergentEntries: number;
}


export interface LeaderFollowerResult extends LabResult {
  lab: 'leader-follower';
  nodeCount: number;
  mode: ReplicationMode;
  readFrom: ReadSource;
  fencing: boolean;
  requests: RequestColumns;
  lag: LagSeries;
  leaders: IntervalColumns;
  serving: IntervalColumns;
  /** Times two or more nodes were serving (merged), ms. */
  splitBrain: { startMs: Float64Array; endMs: Float64Array };
  promotions: Promotion[];
  stepDowns: StepDown[];
  lost: LostWrite[];
  /** The three modes on this scenario (this run's mode included), in REPLICATION_MODES order. */
  compare: ModeSummary[];
  invariants: Invariants;
  /** The node whose log survives (the newest leader at the end, else the most up-to-date node). */
  survivor: number;
  /** Per node at the end: last log index, its epoch, applied index, entries diverging from the survivor's log. */
  finalLastIndex: Int32Array;
  finalLastEpoch: Int32Array;
  finalApplied: Int32Array;
  finalDivergent: Int32Array;
  check: CheckResult;
  staleness: StalenessReport;
  /** Scripted faults as the charts mark them: time, label. */
  faults: { tMs: number; label: string }[];
  /** What the stage draws: nodes, clients, messages in flight, card fields (role, epoch, log, applied, commit). */
  stage: StageData;
}
