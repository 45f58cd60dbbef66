/**
 * AppendEntries on the receiving side (Figure 2): refuse a stale term (without resetting the election
 * timer, so a deposed leader cannot hold followers back); otherwise follow the sender, reset the timer,
 * check the entry before the new ones, delete a conflicting suffix, append what is missing, and advance
 * the commit index to min(leaderCommit, last new index). The broken `keepConflicts` variant keeps its own
 * conflicting entries (see core/raft/rules.ts).
 */
import { lastIndex } from '../../../core/raft/log';
import { Role } from '../../../core/raft/persistent';
import { followerCommit, matchAppend } from '../../../core/raft/rules';
import { MsgKind, type AppendMsg, type AppendReplyMsg } from './messages';
import type { RaftServer } from './server';

export function handleAppend(s: RaftServer, from: number, m: AppendMsg): void {
  if (m.term < s.term) {
    reply(s, from, false, lastIndex(s.disk.log));
    return;
  }
  s.observeTerm(m.term);
  // Same term: a candidate learns it lost; a leader of the same term exists only under a broken variant.
  if (s.v.role !== Role.follower) s.becomeFollower();
  s.v.leaderId = from;
  s.lastHeardLeader = s.ctx.localNow();
  s.resetElectionTimer();
  s.host.heard(s.id, m.term);
  const log = s.disk.log;
  const match = matchAppend(log, m.prevLogIndex, m.prevLogTerm, m.terms, { keepConflicts: s.opts.broken === 'keepConflicts' });
  if (!match.ok) {
    reply(s, from, false, m.prevLogIndex > lastIndex(log) ? lastIndex(log) : m.prevLogIndex - 1);
    return;
  }
  if (match.truncateFrom > 0) s.truncate(match.truncateFrom);
  for (let k = match.appendFrom; k < m.terms.length; k++) s.append(m.terms[k], m.values[k]);
  s.commitTo(followerCommit(s.v.commitIndex, m.leaderCommit, match.lastNewIndex));
  reply(s, from, true, match.lastNewIndex);
}

function reply(s: RaftServer, to: number, success: boolean, index: number): void {
  const m: AppendReplyMsg = { k: MsgKind.appendEntriesReply, term: s.term, success, index };
  s.ctx.send(to, m);
}
