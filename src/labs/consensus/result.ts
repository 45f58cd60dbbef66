/**
 * What the consensus program returns (types and codes only, so a UI imports it without the program). Per
 * change and per interval data is columnar (typed arrays the worker transfers); the verdict is data with
 * its prose beside it.
 *
 * Vocabulary:
 *   - time: simulated milliseconds (the scenario's unit); the engine ticks in microseconds.
 *   - server s: engine node s, written "s0", "s1"... Servers 0..servers-1 start as the cluster's voters;
 *     the higher ones join only through an addServer event.
 *   - entry value: 0 a leader's no-op, > 0 a client command's id, < 0 a configuration (voters mask = -value).
 *   - step: the engine event (1-based) during which something happened; traceIndex: trace entries before it.
 */
import type { Finding, FindingKind, StampedFinding } from '../../core/raft';
import type { StageData } from '../../core/stage/types';
import type { Ecdf } from '../../core/stats/ecdf';
import type { LabResult } from '../contract';

export type { Finding, FindingKind, StampedFinding };

/** The broken variants a student can switch on, each caught by the invariants. */
export const BROKEN_VARIANTS = ['none', 'doubleVote', 'commitOldTerm', 'keepConflicts'] as const;
export type BrokenVariant = (typeof BROKEN_VARIANTS)[number];
export const BROKEN_VARIANT_HELP: Readonly<Record<BrokenVariant, string>> = {
  none: 'Raft as in Figure 2.',
  doubleVote: 'A server grants every up-to-date candidate of a term, not only the first: it votes twice in a term.',
  commitOldTerm: 'A leader commits an entry of an earlier term as soon as a majority stores it (the Figure 8 mistake).',
  keepConflicts: 'A follower keeps its own conflicting entries instead of deleting them and what follows.',
};

/** How the cluster starts. */
export const BOOTSTRAPS = ['election', 'leader', 'figure16'] as const;
export type Bootstrap = (typeof BOOTSTRAPS)[number];
export const BOOTSTRAP_HELP: Readonly<Record<Bootstrap, string>> = {
  election: 'Every server a follower in term 0 with an empty log: the first election starts the cluster.',
  leader: 's0 leads term 1 and every log is empty (as if s0 had just won): scripts can name the leader.',
  figure16: 'Five servers; s0 leads term 1; s0, s1 and s2 hold entries 1-3, s3 and s4 only 1-2 (the election-time experiment\'s start).',
};

/** The election-time experiment a scenario asks for besides its run (./experiment.ts). */
export const EXPERIMENTS = ['none', 'scale', 'randomness'] as const;
export type Experiment = (typeof EXPERIMENTS)[number];

/** changes.kind: what changed on a server (columns a, b, c as listed). */
export const ChangeKind = {
  /** a: role (0 follower, 1 candidate, 2 leader). */
  role: 0,
  /** a: currentTerm. */
  term: 1,
  /** a: votedFor (the vote granted in currentTerm; candidates vote for themselves). */
  vote: 2,
  /** a: index, b: term, c: value of the appended entry. */
  append: 3,
  /** a: the first index deleted (it and every later entry). */
  truncate: 4,
  /** a: commitIndex (a restart sets it back to 0). */
  commit: 5,
  /** a: index, c: value of the entry applied to the state machine. */
  apply: 6,
  /** a: the voters mask of the server's latest configuration. */
  config: 7,
  /** a: 0 running, 1 crashed, 2 paused. */
  status: 8,
} as const;
export const CHANGE_KIND_NAMES = ['role', 'term', 'vote', 'append', 'truncate', 'commit', 'apply', 'config', 'status'] as const;

export interface ChangeColumns {
  tMs: Float64Array;
  step: Int32Array;
  server: Uint8Array;
  kind: Uint8Array;
  a: Int32Array;
  b: Int32Array;
  c: Int32Array;
}

/** Leadership intervals, ordered by start; end = the run's end when still leading. */
export interface LeaderColumns {
  server: Uint8Array;
  term: Int32Array;
  startMs: Float64Array;
  endMs: Float64Array;
}

/** Client commands (value = index + 1), by submission. */
export interface RequestColumns {
  submitMs: Float64Array;
  /** When a server first applied it; NaN while not committed. */
  committedMs: Float64Array;
  /** Where the accepting leader appended it (0: never accepted). */
  index: Int32Array;
  term: Int32Array;
  /** Servers asked until one accepted (or the client gave up). */
  attempts: Uint8Array;
}

/** A time without a leader: from a leader's crash until every running server heard from a newer leader. */
export interface LeaderlessGap {
  server: number;
  term: number;
  crashMs: number;
  /** NaN when the run ended first. */
  endMs: number;
}

/** A membership change asked for by the script, and what became of it. */
export interface MembershipChange {
  tMs: number;
  kind: 'addServer' | 'removeServer';
  node: number;
  /** The leader that took it (-1: none did before the run ended). */
  leader: number;
  /** Its configuration entry: index and when it committed (NaN: not committed). */
  index: number;
  committedMs: number;
  /** Why leaders refused it meanwhile (the latest refusal), '' when none did. */
  refused: string;
}

export interface Verdict {
  ok: boolean;
  /** The first broken invariant: the run stopped at it. */
  violation: StampedFinding | undefined;
  /** Figure 2 rules broken on the way (the first few), each stamped. */
  alarms: StampedFinding[];
  /** The violation, or a sentence saying every check held. */
  prose: string;
}

/** One election timeout range of the experiment: every trial's time without a leader. */
export interface ElectionTimesCurve {
  minMs: number;
  maxMs: number;
  /** Downtime of every trial, ascending (Infinity: censored), and the trial each came from. */
  downtimeMs: Float64Array;
  trialOf: Uint32Array;
  /** Trials still leaderless at the cap. */
  censored: number;
  /** The empirical CDF of the uncensored downtimes, as a fraction of all trials. */
  cdf: Ecdf;
  meanMs: number;
}

/** The experiment's result: one curve per range of `experiment` (in its order), and the engine events spent. */
export interface ExperimentResult {
  experiment: Exclude<Experiment, 'none'>;
  curves: ElectionTimesCurve[];
  events: number;
}

export interface ConsensusResult extends LabResult {
  lab: 'consensus';
  /** Engine nodes (initial servers plus any that join). */
  nodeCount: number;
  changes: ChangeColumns;
  leaders: LeaderColumns;
  requests: RequestColumns;
  gaps: LeaderlessGap[];
  membership: MembershipChange[];
  verdict: Verdict;
  /** What the stage draws: servers s0.., messages in flight, cards (role, term, vote, election timer, log tail, commit). */
  stage: StageData;
  /** The election-time experiment, when the scenario asks for it. */
  experiment?: ExperimentResult;
}
