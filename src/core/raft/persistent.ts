/**
 * What a Raft server keeps on disk and what it loses in a crash (Figure 2, "State").
 *
 *   persistent  currentTerm (0 at first boot, never falls), votedFor (in currentTerm, -1 for none), the log,
 *               and the bootstrap configuration (the voters it was installed with; 0 for a server that
 *               joins later and learns its configuration from the log). Written before any reply.
 *   volatile    role, commitIndex, lastApplied, the leader it follows, and a leader's nextIndex and
 *               matchIndex. A restart begins from `freshVolatile`: a follower that knows nothing committed.
 *
 * The engine keeps a node's `ctx.storage` across crashes and rebuilds its actor; the Raft actor keeps the
 * persistent part there and the volatile part in its own fields, so a crash wipes exactly the volatile part.
 */
import { emptyLog, lastIndex, type RaftLog } from './log';

export const Role = { follower: 0, candidate: 1, leader: 2 } as const;
export type RoleCode = (typeof Role)[keyof typeof Role];
export const ROLE_NAMES = ['follower', 'candidate', 'leader'] as const;

export interface PersistentState {
  currentTerm: number;
  votedFor: number;
  log: RaftLog;
  bootstrapConfig: number;
}

export interface VolatileState {
  role: RoleCode;
  commitIndex: number;
  lastApplied: number;
  /** The leader this server last accepted AppendEntries from in currentTerm (-1: none). */
  leaderId: number;
  /** Leaders only: next entry to send and highest entry known stored, per server. */
  nextIndex: Int32Array;
  matchIndex: Int32Array;
}

/** A server's disk at first boot. */
export function freshPersistent(bootstrapConfig: number): PersistentState {
  return { currentTerm: 0, votedFor: -1, log: emptyLog(), bootstrapConfig };
}

/** The volatile state a (re)started server begins with: a follower that knows nothing committed. */
export function freshVolatile(servers: number): VolatileState {
  return {
    role: Role.follower,
    commitIndex: 0,
    lastApplied: 0,
    leaderId: -1,
    nextIndex: new Int32Array(servers),
    matchIndex: new Int32Array(servers),
  };
}

/** A new leader's view of its followers: nextIndex just past its log, matchIndex 0. */
export function leaderIndexes(volatile: VolatileState, log: RaftLog): void {
  volatile.nextIndex.fill(lastIndex(log) + 1);
  volatile.matchIndex.fill(0);
}

/** Adopts a higher term seen in any message: the vote is cleared, the server follows. Returns true when it changed. */
export function adoptTerm(disk: PersistentState, volatile: VolatileState, term: number): boolean {
  if (term <= disk.currentTerm) return false;
  disk.currentTerm = term;
  disk.votedFor = -1;
  volatile.role = Role.follower;
  volatile.leaderId = -1;
  return true;
}
