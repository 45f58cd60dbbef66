/**
 * One Raft server as an engine actor: its persistent state lives in `ctx.storage.raft` (it survives a
 * crash), everything in the fields below is volatile (a restart builds a new RaftServer). This file holds
 * the roles, timers, log changes, commit and apply; the messages are handled in ./election.ts (votes and
 * pre-votes), ./follower.ts (AppendEntries) and ./leader.ts (replication, CheckQuorum, membership).
 *
 * Election timer: a deadline on the local clock, re-drawn uniformly in [min, max] at every reset (an
 * accepted AppendEntries, a vote granted, a new candidacy); the engine timer behind it is re-armed only
 * when the deadline moves earlier, so a heartbeat costs no timer event.
 */
import { isMember } from '../../../core/raft/config';
import { appendEntry, lastIndex, latestConfig, truncateFrom } from '../../../core/raft/log';
import { Role, adoptTerm, freshVolatile, type PersistentState, type RoleCode, type VolatileState } from '../../../core/raft/persistent';
import type { Actor, NodeContext } from '../../../sim/index';
import { handlePreVote, handlePreVoteReply, handleVote, handleVoteReply, startCandidacy } from './election';
import { handleAppend } from './follower';
import { becomeLeader, handleAppendReply, onHeartbeat } from './leader';
import type { ServerHost, ServerOptions } from './host';
import { MsgKind, type RaftMsg } from './messages';

export const TAG_ELECTION = 1;
export const TAG_HEARTBEAT = 2;

export class RaftServer implements Actor<RaftMsg> {
  readonly id: number;
  readonly disk: PersistentState;
  readonly v: VolatileState;
  /** Voters of this server's latest configuration (in its log, else its bootstrap one), and that entry's index. */
  config = 0;
  configIndex = 0;
  /** Candidate: votes received (mask). PreVote: the term asked for (0: not asking) and the grants. */
  votes = 0;
  preVoteTerm = 0;
  preVotes = 0;
  /** Local ticks of the last AppendEntries accepted from a leader. */
  lastHeardLeader = -Infinity;
  /** Leader: index of its own-term no-op, local time it took office, last reply per server, a joining server. */
  noopIndex = 0;
  leaderSince = 0;
  readonly lastAck: Float64Array;
  /** Leader: the server's matchIndex moved since the last heartbeat (else unacknowledged entries are resent). */
  readonly progressed: Uint8Array;
  learner = -1;
  learnerRounds = 0;
  heartbeatTimer = -1;
  private electionDeadline = Infinity;
  private electionTimer = -1;
  private electionTimerAt = Infinity;

  constructor(
    readonly ctx: NodeContext<RaftMsg>,
    readonly opts: ServerOptions,
    readonly host: ServerHost,
    private readonly startsAsLeader: boolean,
  ) {
    this.id = ctx.id;
    this.disk = ctx.storage.raft as PersistentState;
    this.v = freshVolatile(opts.nodes);
    this.lastAck = new Float64Array(opts.nodes);
    this.progressed = new Uint8Array(opts.nodes);
    const c = latestConfig(this.disk.log, this.disk.bootstrapConfig);
    this.config = c.mask;
    this.configIndex = c.index;
  }

  get term(): number {
    return this.disk.currentTerm;
  }

  get isLeader(): boolean {
    return this.v.role === Role.leader;
  }

  /** A voter of its own latest configuration (only voters stand for election). */
  get isVoter(): boolean {
    return isMember(this.config, this.id);
  }

  onStart(): void {
    if (this.startsAsLeader) becomeLeader(this);
    else this.resetElectionTimer();
  }

  onMessage(from: number, m: RaftMsg): void {
    switch (m.k) {
      case MsgKind.requestVote:
        return handleVote(this, from, m);
      case MsgKind.requestVoteReply:
        return handleVoteReply(this, from, m);
      case MsgKind.preVote:
        return handlePreVote(this, from, m);
      case MsgKind.preVoteReply:
        return handlePreVoteReply(this, from, m);
      case MsgKind.appendEntries:
        return handleAppend(this, from, m);
      case MsgKind.appendEntriesReply:
        return handleAppendReply(this, from, m);
    }
  }

  /** The election timer's deadline on the local clock (Infinity: none, as for a leader). */
  get electionDeadlineLocal(): number {
    return this.electionDeadline;
  }

  /** RaftScope's "time out now": the election timer fires at once (a leader, or a server outside its configuration, ignores it). */
  timeoutNow(): void {
    if (this.isLeader || !this.isVoter) return;
    startCandidacy(this);
  }

  onTimer(tag: number): void {
    if (tag === TAG_HEARTBEAT) {
      this.heartbeatTimer = -1;
      onHeartbeat(this);
      return;
    }
    this.electionTimer = -1;
    this.electionTimerAt = Infinity;
    if (this.isLeader || this.electionDeadline === Infinity) return;
    const now = this.ctx.localNow();
    if (now < this.electionDeadline) this.armElectionTimer(this.electionDeadline - now);
    else startCandidacy(this);
  }

  /** A new random election timeout from now (none for a server outside its configuration, or a leader). */
  resetElectionTimer(): void {
    if (!this.isVoter || this.isLeader) {
      this.electionDeadline = Infinity;
      return;
    }
    const { electionTicksMin: min, electionTicksMax: max } = this.opts;
    const timeout = min + this.ctx.rng.int(max - min + 1);
    this.electionDeadline = this.ctx.localNow() + timeout;
    if (this.electionTimerAt > this.electionDeadline) this.armElectionTimer(timeout);
  }

  /** Adopts a higher term (clearing the vote); a leader or candidate becomes a follower. */
  observeTerm(term: number): boolean {
    const role = this.v.role;
    if (!adoptTerm(this.disk, this.v, term)) return false;
    this.host.term(this.id, term);
    this.afterStepDown(role);
    return true;
  }

  /** Leaves the leader or candidate role in the current term. */
  becomeFollower(): void {
    const role = this.v.role;
    if (role === Role.follower) return;
    this.v.role = Role.follower;
    this.afterStepDown(role);
  }

  setRole(role: RoleCode): void {
    this.v.role = role;
    this.host.role(this.id, role, this.term);
  }

  append(term: number, value: number): number {
    const index = appendEntry(this.disk.log, term, value);
    this.host.appended(this.id, index, this.isLeader);
    if (value < 0) this.refreshConfig();
    return index;
  }

  truncate(from: number): void {
    this.host.truncating(this.id, from, this.isLeader);
    truncateFrom(this.disk.log, from);
    if (from <= this.configIndex) this.refreshConfig();
  }

  /** Moves commitIndex forward to `to` and applies what it covers, in order. */
  commitTo(to: number): void {
    const v = this.v;
    if (to <= v.commitIndex) return;
    this.host.committed(this.id, v.commitIndex, to, this.term, this.isLeader);
    v.commitIndex = to;
    const values = this.disk.log.values;
    while (v.lastApplied < v.commitIndex && v.lastApplied < lastIndex(this.disk.log)) {
      v.lastApplied++;
      this.host.applied(this.id, v.lastApplied, values[v.lastApplied - 1]);
    }
  }

  private refreshConfig(): void {
    const c = latestConfig(this.disk.log, this.disk.bootstrapConfig);
    this.configIndex = c.index;
    if (c.mask === this.config) return;
    const wasVoter = this.isVoter;
    this.config = c.mask;
    this.host.config(this.id, c.mask);
    if (this.isVoter !== wasVoter) this.resetElectionTimer();
  }

  private afterStepDown(role: RoleCode): void {
    this.votes = 0;
    this.preVoteTerm = 0;
    if (role === Role.follower) return;
    this.host.role(this.id, Role.follower, this.term);
    if (role === Role.leader) {
      if (this.heartbeatTimer >= 0) this.ctx.cancelTimer(this.heartbeatTimer);
      this.heartbeatTimer = -1;
      this.learner = -1;
      this.resetElectionTimer();
    }
  }

  private armElectionTimer(delay: number): void {
    if (this.electionTimer >= 0) this.ctx.cancelTimer(this.electionTimer);
    this.electionTimer = this.ctx.setTimer(delay, TAG_ELECTION);
    this.electionTimerAt = this.ctx.localNow() + delay;
  }
}
