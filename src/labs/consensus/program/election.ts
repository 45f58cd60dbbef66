/**
 * Elections: a follower whose election timeout passes stands (after a pre-vote round when PreVote is on);
 * servers vote once per term for an up-to-date log; a candidate with a majority of its configuration leads.
 *
 *   PreVote (dissertation §9.6): the would-be candidate asks for pre-votes at term + 1; a server grants
 *   one when that term is above its own, the log is up to date and it has not heard a leader within the
 *   minimum election timeout. Nobody's term or vote changes, so a server cut off from the majority never
 *   inflates its term and cannot depose a healthy leader when it comes back.
 *
 *   CheckQuorum's voting half (etcd's leader lease): a server that heard a leader within the minimum
 *   election timeout ignores RequestVote of a higher term (it neither adopts the term nor answers), so
 *   servers removed from the configuration, which no longer hear heartbeats, cannot disrupt the cluster.
 */
import { isMember, isQuorum, membersOf } from '../../../core/raft/config';
import { lastIndex, lastTerm } from '../../../core/raft/log';
import { Role } from '../../../core/raft/persistent';
import { decidePreVote, decideVote } from '../../../core/raft/rules';
import { becomeLeader } from './leader';
import { MsgKind, type VoteMsg, type VoteReplyMsg } from './messages';
import type { RaftServer } from './server';

/** The election timeout passed: ask for pre-votes, or stand at once. */
export function startCandidacy(s: RaftServer): void {
  if (!s.isVoter) return;
  if (!s.opts.preVote) {
    startElection(s);
    return;
  }
  s.preVoteTerm = s.term + 1;
  s.preVotes = 1 << s.id;
  s.resetElectionTimer();
  if (isQuorum(s.preVotes, s.config)) {
    startElection(s);
    return;
  }
  askVoters(s, MsgKind.preVote, s.preVoteTerm);
}

export function startElection(s: RaftServer): void {
  s.preVoteTerm = 0;
  s.disk.currentTerm++;
  s.disk.votedFor = s.id;
  s.v.leaderId = -1;
  s.host.term(s.id, s.term);
  s.host.vote(s.id, s.term, s.id);
  s.setRole(Role.candidate);
  s.votes = 1 << s.id;
  s.resetElectionTimer();
  if (isQuorum(s.votes, s.config)) becomeLeader(s);
  else askVoters(s, MsgKind.requestVote, s.term);
}

function askVoters(s: RaftServer, k: VoteMsg['k'], term: number): void {
  const log = s.disk.log;
  const m: VoteMsg = { k, term, lastLogIndex: lastIndex(log), lastLogTerm: lastTerm(log) };
  for (const peer of membersOf(s.config)) if (peer !== s.id) s.ctx.send(peer, m);
}

/** Heard a leader within the minimum election timeout (a leader counts itself). */
function isInLease(s: RaftServer): boolean {
  if (s.isLeader) return true;
  return s.v.leaderId !== -1 && s.ctx.localNow() - s.lastHeardLeader < s.opts.electionTicksMin;
}

export function handleVote(s: RaftServer, from: number, m: VoteMsg): void {
  if (s.opts.checkQuorum && m.term > s.term && isInLease(s)) return;
  s.observeTerm(m.term);
  const reason = decideVote(
    { currentTerm: s.term, votedFor: s.disk.votedFor, log: s.disk.log },
    { term: m.term, candidate: from, lastLogIndex: m.lastLogIndex, lastLogTerm: m.lastLogTerm },
    { ignoreVotedFor: s.opts.broken === 'doubleVote' },
  );
  const granted = reason === 'granted';
  if (granted) {
    s.disk.votedFor = from;
    s.host.vote(s.id, s.term, from);
    s.resetElectionTimer();
  }
  const reply: VoteReplyMsg = { k: MsgKind.requestVoteReply, term: s.term, granted };
  s.ctx.send(from, reply);
}

export function handleVoteReply(s: RaftServer, from: number, m: VoteReplyMsg): void {
  if (s.observeTerm(m.term)) return;
  if (s.v.role !== Role.candidate || m.term !== s.term || !m.granted) return;
  s.votes |= 1 << from;
  if (isMember(s.config, from) && isQuorum(s.votes, s.config)) becomeLeader(s);
}

export function handlePreVote(s: RaftServer, from: number, m: VoteMsg): void {
  const reason = decidePreVote(
    { currentTerm: s.term, votedFor: s.disk.votedFor, log: s.disk.log },
    { term: m.term, candidate: from, lastLogIndex: m.lastLogIndex, lastLogTerm: m.lastLogTerm },
    isInLease(s),
  );
  const granted = reason === 'granted';
  const reply: VoteReplyMsg = { k: MsgKind.preVoteReply, term: granted ? m.term : s.term, granted };
  s.ctx.send(from, reply);
}

export function handlePreVoteReply(s: RaftServer, from: number, m: VoteReplyMsg): void {
  if (!m.granted) {
    s.observeTerm(m.term);
    return;
  }
  if (s.preVoteTerm === 0 || m.term !== s.preVoteTerm || s.v.role === Role.leader) return;
  s.preVotes |= 1 << from;
  if (isQuorum(s.preVotes, s.config)) startElection(s);
}
