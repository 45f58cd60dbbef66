/**
 * The decisions of Raft's Figure 2 as pure functions, each with the switch of the broken variant that
 * bends it (the lab lets a student turn one on and watch the invariants catch it):
 *
 *   decideVote      RequestVote: refuse a stale term; grant once per term, to a log at least as up to date
 *                   (broken: `ignoreVotedFor` grants every up-to-date candidate of the term: votes twice);
 *   matchAppend     AppendEntries: refuse when no entry at prevLogIndex has prevLogTerm; delete a
 *                   conflicting entry and all after it; append what is missing; never cut entries that
 *                   agree (broken: `keepConflicts` keeps its own conflicting entries and appends only past
 *                   its end: a follower that does not truncate a conflicting suffix);
 *   leaderCommit    the highest index a majority of the configuration stores, only if its entry is of the
 *                   leader's term (broken: `countOldTerms` commits old-term entries by counting replicas,
 *                   the Figure 8 mistake);
 *   followerCommit  min(leaderCommit, index of the last new entry), never backwards.
 *
 * The caller adopts a higher term (and clears its vote) before asking; these functions never change state.
 */
import { isMember, majorityOf } from './config';
import { lastIndex, lastTerm, termAt, type RaftLog } from './log';

/** True when a log ending at (termA, indexA) is at least as up to date as one ending at (termB, indexB). */
export function isUpToDate(termA: number, indexA: number, termB: number, indexB: number): boolean {
  return termA > termB || (termA === termB && indexA >= indexB);
}

export interface VoteRequest {
  term: number;
  candidate: number;
  lastLogIndex: number;
  lastLogTerm: number;
}

export interface Voter {
  currentTerm: number;
  /** -1: none in currentTerm. */
  votedFor: number;
  log: RaftLog;
}

export type VoteReason = 'granted' | 'staleTerm' | 'alreadyVoted' | 'logBehind';

export function decideVote(voter: Voter, req: VoteRequest, options: { ignoreVotedFor?: boolean } = {}): VoteReason {
  if (req.term < voter.currentTerm) return 'staleTerm';
  if (!options.ignoreVotedFor && voter.votedFor !== -1 && voter.votedFor !== req.candidate) return 'alreadyVoted';
  if (!isUpToDate(req.lastLogTerm, req.lastLogIndex, lastTerm(voter.log), lastIndex(voter.log))) return 'logBehind';
  return 'granted';
}

/**
 * PreVote (dissertation §9.6): would this server vote for the asker at `req.term` (its term + 1)? Only if
 * that term is above this server's, the asker's log is up to date, and this server has not heard from a leader
 * within the minimum election timeout. Nothing changes: no term, no vote.
 */
export function decidePreVote(voter: Voter, req: VoteRequest, hasLeader: boolean): VoteReason {
  if (req.term <= voter.currentTerm) return 'staleTerm';
  if (hasLeader) return 'alreadyVoted';
  if (!isUpToDate(req.lastLogTerm, req.lastLogIndex, lastTerm(voter.log), lastIndex(voter.log))) return 'logBehind';
  return 'granted';
}

/** How a follower merges an AppendEntries. `appendFrom` is the offset in the request's entries of the first to append. */
export type AppendMatch =
  | { ok: false }
  | { ok: true; truncateFrom: number; appendFrom: number; lastNewIndex: number };

export function matchAppend(
  log: RaftLog,
  prevLogIndex: number,
  prevLogTerm: number,
  entryTerms: ArrayLike<number>,
  options: { keepConflicts?: boolean } = {},
): AppendMatch {
  if (prevLogIndex > lastIndex(log) || termAt(log, prevLogIndex) !== prevLogTerm) return { ok: false };
  const n = entryTerms.length;
  const last = lastIndex(log);
  let truncate = 0;
  let from = n;
  for (let k = 0; k < n; k++) {
    const index = prevLogIndex + 1 + k;
    if (index > last) {
      from = k;
      break;
    }
    if (log.terms[index - 1] !== entryTerms[k] && !options.keepConflicts) {
      truncate = index;
      from = k;
      break;
    }
  }
  return { ok: true, truncateFrom: truncate, appendFrom: from, lastNewIndex: prevLogIndex + n };
}

export interface CommitInput {
  log: RaftLog;
  currentTerm: number;
  commitIndex: number;
  self: number;
  /** Voters of the leader's latest configuration. */
  config: number;
  /** matchIndex per server (the leader's own entry is ignored: it stores its whole log). */
  matchIndex: ArrayLike<number>;
}

/**
 * The leader's new commit index: the largest N stored by a majority of `config` (the leader counts when it
 * is a member), if entry N is of the current term; else unchanged. Terms never fall along a log, so when
 * the majority's N is of an older term, every entry below it is too and nothing commits by counting.
 */
export function leaderCommit(input: CommitInput, options: { countOldTerms?: boolean } = {}): number {
  const { log, config, matchIndex, self } = input;
  const need = majorityOf(config);
  const last = lastIndex(log);
  // The need-th largest stored index over the members (at most 31: a quadratic count, no allocation).
  let n = 0;
  for (let s = 0; s < 31 && config >>> s !== 0; s++) {
    if (!isMember(config, s)) continue;
    const candidate = s === self ? last : matchIndex[s] ?? 0;
    if (candidate <= n) continue;
    let count = 0;
    for (let t = 0; t < 31 && config >>> t !== 0; t++) {
      if (isMember(config, t) && (t === self ? last : matchIndex[t] ?? 0) >= candidate) count++;
    }
    if (count >= need) n = candidate;
  }
  if (n <= input.commitIndex) return input.commitIndex;
  if (!options.countOldTerms && termAt(log, n) !== input.currentTerm) return input.commitIndex;
  return n;
}

/** A follower's commit index after an accepted AppendEntries. */
export function followerCommit(commitIndex: number, leaderCommitIndex: number, lastNewIndex: number): number {
  if (leaderCommitIndex <= commitIndex) return commitIndex;
  return Math.max(commitIndex, Math.min(leaderCommitIndex, lastNewIndex));
}
