/**
 * What the locks program returns (types and names only: both the program and the UI read this file).
 *
 * Vocabulary: time in simulated ms; "side" is one of the two designs a scene compares (locks: 'redlock' and
 * 'raft'; ids: 'snowflake' and 'raft'; broadcast: 'gossip' and 'raft'); a client's "grant" is the moment it
 * believes it holds the lock, its "release" the moment it stops believing so.
 */
import type { StageData } from '../../core/stage/types';
import type { LabResult } from '../contract';

export const MODES = ['locks', 'ids', 'broadcast'] as const;
export type Mode = (typeof MODES)[number];

/** The scene's nodes by engine id (a fault's `node` field). */
export function nodeNamesOf(mode: Mode): string[] {
  if (mode === 'locks') return ['r0', 'r1', 'r2', 'r3', 'r4', 's0', 's1', 's2', 'd0', 'd1', 'c0', 'c1'];
  if (mode === 'ids') return ['s0', 's1', 's2', 'g0', 'g1', 'g2', 'c0', 'c1', 'c2'];
  return ['s0', 's1', 's2', 'p0', 'p1', 'p2', 'c0', 'c1'];
}

/** An invariant, checked at every step it can break; `detail` says where it broke, or what was checked. */
export interface Check {
  id: string;
  /** The invariant in one sentence. */
  name: string;
  ok: boolean;
  detail: string;
  /** When it first broke (ms), NaN while it holds. */
  tMs: number;
}

/** One client's hold of one side's lock: from the grant it received to its release (NaN: still holding at the end). */
export interface Hold {
  side: 'redlock' | 'raft';
  client: number;
  grantMs: number;
  releaseMs: number;
  /** Raft: the fencing token; Redlock: the random value it set (not ordered). */
  token: number;
  /** Servers that said yes (Redlock), 0 for Raft. */
  votes: number;
  /** Redlock: the validity the client computed (ms); Raft: the TTL asked. */
  validityMs: number;
}

/** A write that reached a storage node, and what the storage did with it. */
export interface WriteRow {
  side: 'redlock' | 'raft';
  client: number;
  tMs: number;
  token: number;
  /** The version the writer read, and the storage's version when the write arrived. */
  baseVersion: number;
  currentVersion: number;
  /** accepted; lost-update (accepted over a write its writer never saw); rejected (fencing). */
  outcome: 'accepted' | 'lost-update' | 'rejected';
}

export interface LockSide {
  grants: number;
  /** Times a client got the lock while another still believed it held it. */
  twoHolders: number;
  writes: number;
  /** Accepted writes that overwrote an update their writer never read: that update is lost. */
  lostUpdates: number;
  /** Writes refused because their token was below the highest seen. */
  rejected: number;
}

export interface LocksOutcome {
  holds: Hold[];
  writes: WriteRow[];
  redlock: LockSide;
  raft: LockSide;
}

/** One ID handed to a client. */
export interface IdRow {
  side: 'snowflake' | 'raft';
  client: number;
  /** Generator (snowflake) or leader (raft) that issued it. */
  node: number;
  invokeMs: number;
  replyMs: number;
  id: number;
  /** How it is written: 'ms-node-seq' for Snowflake, the index for the log. */
  text: string;
  duplicate: boolean;
  /** Below the previous ID this client got from the same side. */
  backwards: boolean;
  /** Below an ID answered before this request was sent (real-time order broken). */
  inverted: boolean;
}

export interface IdSide {
  ids: number;
  duplicates: number;
  backwards: number;
  inverted: number;
}

export interface IdsOutcome {
  rows: IdRow[];
  snowflake: IdSide;
  raft: IdSide;
}

/** What one replica delivered, in order (write values: c0 writes odd numbers, c1 even ones). */
export interface ReplicaDelivery {
  side: 'gossip' | 'raft';
  node: number;
  values: number[];
  /** Pairs of writes this replica delivered in the other order than the side's first replica. */
  inversions: number;
  /** x at the end (NaN: nothing delivered). */
  finalX: number;
}

export interface BroadcastOutcome {
  replicas: ReplicaDelivery[];
  writes: number;
  /** Replicas whose final x differs from the side's first replica's. */
  gossipDiverged: number;
  raftDiverged: number;
}

export interface LocksResult extends LabResult {
  lab: 'locks';
  mode: Mode;
  stage: StageData;
  checks: Check[];
  locks?: LocksOutcome;
  ids?: IdsOutcome;
  broadcast?: BroadcastOutcome;
}
