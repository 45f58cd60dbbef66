/**
 * The leader role: on election it appends a no-op of its term (committing it tells the leader how far the
 * log is committed, and commits every earlier entry with it), then replicates to every server of its
 * configuration (and to a joining server), pipelined: new entries go out at once, from nextIndex, at most
 * `batchMax` per AppendEntries, and nextIndex moves past them as they are sent. A success moves matchIndex;
 * a failure moves nextIndex back to the follower's hint and resends. Every heartbeat interval each server
 * gets an AppendEntries (empty when it is up to date), resending from matchIndex + 1 when it made no
 * progress since the previous heartbeat (a lost message is resent within two heartbeats).
 *
 * Commit: the majority-stored index of the leader's term only (core/raft/rules.ts; the broken
 * `commitOldTerm` variant counts old-term entries too). CheckQuorum: after an election timeout in office,
 * a leader that did not hear from a majority within the last minimum election timeout steps down.
 * Membership changes (one server at a time) are in ./membership.ts.
 */
import { isMember, isQuorum, membersOf } from '../../../core/raft/config';
import { lastIndex, termAt } from '../../../core/raft/log';
import { Role, leaderIndexes } from '../../../core/raft/persistent';
import { leaderCommit } from '../../../core/raft/rules';
import { afterLeaderCommit, onLearnerProgress, onLearnerRound } from './membership';
import { MsgKind, type AppendMsg, type AppendReplyMsg } from './messages';
import { TAG_HEARTBEAT, type RaftServer } from './server';

export function becomeLeader(s: RaftServer): void {
  s.setRole(Role.leader);
  s.v.leaderId = s.id;
  s.votes = 0;
  s.preVoteTerm = 0;
  s.resetElectionTimer();
  leaderIndexes(s.v, s.disk.log);
  s.lastAck.fill(-Infinity);
  s.progressed.fill(0);
  s.leaderSince = s.ctx.localNow();
  s.learner = -1;
  s.host.heard(s.id, s.term);
  s.noopIndex = s.append(s.term, 0);
  for (const peer of peersOf(s)) sendAppend(s, peer);
  advanceCommit(s);
  s.heartbeatTimer = s.ctx.setTimer(s.opts.heartbeatTicks, TAG_HEARTBEAT);
}

/** Servers the leader replicates to: its configuration and a joining server, not itself, in id order. */
export function peersOf(s: RaftServer): number[] {
  const mask = s.learner >= 0 ? s.config | (1 << s.learner) : s.config;
  return membersOf(mask).filter((p) => p !== s.id);
}

/** Sends new entries to every server that has not been sent them yet. */
export function broadcastAppend(s: RaftServer): void {
  const last = lastIndex(s.disk.log);
  for (const peer of peersOf(s)) if (s.v.nextIndex[peer] <= last) sendAppend(s, peer);
}

/** AppendEntries from the peer's nextIndex (none: a heartbeat); nextIndex moves past what was sent. */
export function sendAppend(s: RaftServer, peer: number): void {
  const log = s.disk.log;
  const prev = Math.min(s.v.nextIndex[peer], lastIndex(log) + 1) - 1;
  const end = Math.min(lastIndex(log), prev + s.opts.batchMax);
  const m: AppendMsg = {
    k: MsgKind.appendEntries,
    term: s.term,
    prevLogIndex: prev,
    prevLogTerm: termAt(log, prev),
    terms: log.terms.slice(prev, end),
    values: log.values.slice(prev, end),
    leaderCommit: s.v.commitIndex,
  };
  s.ctx.send(peer, m);
  s.v.nextIndex[peer] = end + 1;
}

export function handleAppendReply(s: RaftServer, from: number, m: AppendReplyMsg): void {
  if (s.observeTerm(m.term)) return;
  if (!s.isLeader || m.term !== s.term) return;
  const v = s.v;
  s.lastAck[from] = s.ctx.localNow();
  if (!m.success) {
    // A refusal below what the follower acknowledged is stale (or, under a broken variant, a follower
    // contradicting itself): the next heartbeat retries, rather than bouncing at message speed.
    if (m.index < v.matchIndex[from]) return;
    v.nextIndex[from] = Math.min(v.nextIndex[from], m.index + 1);
    sendAppend(s, from);
    return;
  }
  if (m.index > v.matchIndex[from]) {
    v.matchIndex[from] = m.index;
    s.progressed[from] = 1;
  }
  if (v.nextIndex[from] <= v.matchIndex[from]) v.nextIndex[from] = v.matchIndex[from] + 1;
  advanceCommit(s);
  if (!s.isLeader) return;
  onLearnerProgress(s, from);
  if (v.nextIndex[from] <= lastIndex(s.disk.log)) sendAppend(s, from);
}

/** Commits what a majority of the configuration stores (see core/raft/rules.ts), then applies it. */
export function advanceCommit(s: RaftServer): void {
  const to = leaderCommit(
    { log: s.disk.log, currentTerm: s.term, commitIndex: s.v.commitIndex, self: s.id, config: s.config, matchIndex: s.v.matchIndex },
    { countOldTerms: s.opts.broken === 'commitOldTerm' },
  );
  if (to <= s.v.commitIndex) return;
  s.commitTo(to);
  afterLeaderCommit(s);
}

export function onHeartbeat(s: RaftServer): void {
  if (!s.isLeader) return;
  if (s.opts.checkQuorum && !hasQuorum(s)) {
    s.becomeFollower();
    return;
  }
  onLearnerRound(s);
  const last = lastIndex(s.disk.log);
  for (const peer of peersOf(s)) {
    if (!s.progressed[peer] && s.v.matchIndex[peer] < last) s.v.nextIndex[peer] = s.v.matchIndex[peer] + 1;
    s.progressed[peer] = 0;
    sendAppend(s, peer);
  }
  s.heartbeatTimer = s.ctx.setTimer(s.opts.heartbeatTicks, TAG_HEARTBEAT);
}

/** CheckQuorum: a majority of the configuration (the leader counts when a member) answered recently. */
function hasQuorum(s: RaftServer): boolean {
  const now = s.ctx.localNow();
  const window = s.opts.electionTicksMin;
  if (now - s.leaderSince < window) return true;
  let ayes = isMember(s.config, s.id) ? 1 << s.id : 0;
  for (const peer of membersOf(s.config)) if (peer !== s.id && now - s.lastAck[peer] <= window) ayes |= 1 << peer;
  return isQuorum(ayes, s.config);
}

/** A client command: appended and replicated when this server leads, else the leader it knows (-1: none). */
export function submit(s: RaftServer, value: number): { index: number; term: number } | { leader: number } {
  if (!s.isLeader) return { leader: s.v.leaderId };
  const index = s.append(s.term, value);
  broadcastAppend(s);
  advanceCommit(s);
  return { index, term: s.term };
}
