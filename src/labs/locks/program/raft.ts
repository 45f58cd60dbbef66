/**
 * A compact Raft server (Figure 2) for the lock service, the ID log and the broadcast log, built on the pure
 * rules of src/core/raft (decideVote, matchAppend, leaderCommit, followerCommit). Its servers are engine
 * nodes `peers` (any ids), numbered 0..peers.length-1 inside Raft (the configuration mask and matchIndex).
 * The first peer leads term 1 at the start (as if it had just won), so scenes can name the leader.
 *
 * Commands travel as entry ids: the leader that appends a command records it in the run's entry table with
 * its own clock's reading (the leader-stamped time, never below the stamp of the entry before it), and the
 * log carries the id, as a real log would carry the command and its stamp. Every server applies committed
 * entries to its own state machine (rebuilt from the log after a restart); the leader answers the client.
 */
import { firstServers } from '../../../core/raft/config';
import { appendEntry, lastIndex, lastTerm, termAt, truncateFrom } from '../../../core/raft/log';
import { Role, adoptTerm, freshPersistent, freshVolatile, leaderIndexes, type PersistentState, type VolatileState } from '../../../core/raft/persistent';
import { decideVote, followerCommit, leaderCommit, matchAppend } from '../../../core/raft/rules';
import type { Actor, NodeContext } from '../../../sim/index';
import type { CmdResult, Command, Msg } from './messages';

/** One entry of the run's table: the command and the leader-stamped time (local ticks of the leader). */
export interface EntryRecord {
  cmd: Command;
  stampTicks: number;
}

/** A replicated state machine: applies entries in index order; the same log gives the same answers. */
export interface StateMachine {
  apply(index: number, entry: EntryRecord): CmdResult;
}

export interface RaftOptions {
  peers: readonly number[];
  electionTicksMin: number;
  electionTicksMax: number;
  heartbeatTicks: number;
  batchMax: number;
  /** The run's entry table (shared by every server of the run: ids are its indexes + 1). */
  table: EntryRecord[];
  machine(): StateMachine;
  /** The engine node of client `index` (commands name their client by index). */
  clientNode(index: number): number;
  /** Called when a server becomes leader of `term` (the observer checks Election Safety there). */
  onLeader(server: number, term: number): void;
  /** Called after every server applies an entry (the observer checks the invariants there). */
  onApply(server: number, index: number, entryId: number, entry: EntryRecord, result: CmdResult): void;
}

const TAG_ELECTION = 1;
const TAG_HEARTBEAT = 2;

export class RaftServer implements Actor<Msg> {
  readonly disk: PersistentState;
  readonly v: VolatileState;
  readonly self: number;
  machine: StateMachine;
  private votes = 0;
  private electionTimer = -1;
  private heartbeatTimer = -1;
  /** Client commands seen by this leader in its term, by (client, seq), so a retry is not appended twice. */
  private readonly pending = new Set<string>();

  constructor(readonly ctx: NodeContext<Msg>, readonly opts: RaftOptions, private readonly startsAsLeader: boolean) {
    this.self = opts.peers.indexOf(ctx.id);
    ctx.storage.raft ??= freshPersistent(firstServers(opts.peers.length));
    this.disk = ctx.storage.raft as PersistentState;
    this.v = freshVolatile(opts.peers.length);
    this.machine = opts.machine();
  }

  get isLeader(): boolean {
    return this.v.role === Role.leader;
  }

  /** The leader this server knows of, as an engine id (-1: none). */
  get leaderNode(): number {
    if (this.isLeader) return this.ctx.id;
    return this.v.leaderId >= 0 ? this.opts.peers[this.v.leaderId] : -1;
  }

  /**
   * At first boot every server is in term 1 having voted for the first peer, as if it had just won: a
   * server that stood at once would otherwise stand for term 1 too, and a second leader of term 1 could win
   * (found by the swarm test, seed 1537: the first peer cut off at 1 ms, the other two elected one of their own).
   */
  onStart(): void {
    const isFirstBoot = this.disk.currentTerm === 0;
    if (isFirstBoot) {
      this.disk.currentTerm = 1;
      this.disk.votedFor = 0;
      this.v.leaderId = 0;
    }
    if (this.startsAsLeader && isFirstBoot) this.becomeLeader();
    else this.resetElection();
  }

  onTimer(tag: number): void {
    if (tag === TAG_HEARTBEAT) {
      this.heartbeatTimer = -1;
      if (this.isLeader) this.heartbeat();
      return;
    }
    this.electionTimer = -1;
    if (!this.isLeader) this.stand();
  }

  onMessage(from: number, m: Msg): void {
    const peer = this.opts.peers.indexOf(from);
    switch (m.k) {
      case 'vote': return this.onVote(peer, m);
      case 'voteReply': return this.onVoteReply(peer, m);
      case 'append': return this.onAppend(peer, m);
      case 'appendReply': return this.onAppendReply(peer, m);
      case 'cmd': return this.onCommand(from, m.cmd);
      default:
    }
  }

  private onCommand(client: number, cmd: Command): void {
    if (cmd.op === 'noop') return;
    if (!this.isLeader) {
      this.ctx.send(client, { k: 'redirect', seq: cmd.seq, leader: this.leaderNode });
      return;
    }
    const key = `${cmd.client}/${cmd.seq}`;
    if (this.pending.has(key)) return;
    this.pending.add(key);
    this.appendCommand(cmd);
    this.replicate();
  }

  private appendCommand(cmd: Command): void {
    const log = this.disk.log;
    const last = lastIndex(log);
    const before = last === 0 ? -Infinity : this.opts.table[log.values[last - 1] - 1].stampTicks;
    this.opts.table.push({ cmd, stampTicks: Math.max(this.ctx.localNow(), before) });
    appendEntry(log, this.disk.currentTerm, this.opts.table.length);
  }

  private stand(): void {
    adoptTerm(this.disk, this.v, this.disk.currentTerm + 1);
    this.v.role = Role.candidate;
    this.disk.votedFor = this.self;
    this.votes = 1 << this.self;
    const log = this.disk.log;
    this.broadcast({ k: 'vote', term: this.disk.currentTerm, lastLogIndex: lastIndex(log), lastLogTerm: lastTerm(log) });
    this.resetElection();
  }

  private onVote(peer: number, m: Extract<Msg, { k: 'vote' }>): void {
    this.observe(m.term);
    const reason = decideVote(this.disk, { term: m.term, candidate: peer, lastLogIndex: m.lastLogIndex, lastLogTerm: m.lastLogTerm });
    const granted = reason === 'granted';
    if (granted) {
      this.disk.votedFor = peer;
      this.resetElection();
    }
    this.ctx.send(this.opts.peers[peer], { k: 'voteReply', term: this.disk.currentTerm, granted });
  }

  private onVoteReply(peer: number, m: Extract<Msg, { k: 'voteReply' }>): void {
    if (this.observe(m.term) || this.v.role !== Role.candidate || m.term !== this.disk.currentTerm || !m.granted) return;
    this.votes |= 1 << peer;
    let count = 0;
    for (let v = this.votes; v !== 0; v &= v - 1) count++;
    if (count * 2 > this.opts.peers.length) this.becomeLeader();
  }

  private becomeLeader(): void {
    this.v.role = Role.leader;
    this.v.leaderId = this.self;
    this.opts.onLeader(this.ctx.id, this.disk.currentTerm);
    this.pending.clear();
    leaderIndexes(this.v, this.disk.log);
    if (this.electionTimer >= 0) this.ctx.cancelTimer(this.electionTimer);
    this.electionTimer = -1;
    this.appendCommand({ op: 'noop' });
    this.heartbeat();
  }

  private heartbeat(): void {
    this.replicate();
    if (this.heartbeatTimer < 0) this.heartbeatTimer = this.ctx.setTimer(this.opts.heartbeatTicks, TAG_HEARTBEAT);
  }

  /** AppendEntries to every follower from its nextIndex (at most batchMax entries). */
  private replicate(): void {
    const log = this.disk.log;
    for (let p = 0; p < this.opts.peers.length; p++) {
      if (p === this.self) continue;
      const prev = this.v.nextIndex[p] - 1;
      const end = Math.min(lastIndex(log), prev + this.opts.batchMax);
      this.ctx.send(this.opts.peers[p], {
        k: 'append', term: this.disk.currentTerm, prevLogIndex: prev, prevLogTerm: termAt(log, prev),
        terms: log.terms.slice(prev, end), values: log.values.slice(prev, end), leaderCommit: this.v.commitIndex,
      });
    }
    this.advanceCommit();
  }

  private onAppend(peer: number, m: Extract<Msg, { k: 'append' }>): void {
    this.observe(m.term);
    const reply = (success: boolean, index: number) => this.ctx.send(this.opts.peers[peer], { k: 'appendReply', term: this.disk.currentTerm, success, index });
    if (m.term < this.disk.currentTerm) return reply(false, 0);
    if (this.v.role !== Role.follower) this.v.role = Role.follower;
    this.v.leaderId = peer;
    this.resetElection();
    const match = matchAppend(this.disk.log, m.prevLogIndex, m.prevLogTerm, m.terms);
    if (!match.ok) return reply(false, Math.min(m.prevLogIndex - 1, lastIndex(this.disk.log)));
    if (match.truncateFrom > 0) truncateFrom(this.disk.log, match.truncateFrom);
    for (let k = match.appendFrom; k < m.terms.length; k++) appendEntry(this.disk.log, m.terms[k], m.values[k]);
    this.commitTo(followerCommit(this.v.commitIndex, m.leaderCommit, match.lastNewIndex));
    reply(true, match.lastNewIndex);
  }

  private onAppendReply(peer: number, m: Extract<Msg, { k: 'appendReply' }>): void {
    if (this.observe(m.term) || !this.isLeader || m.term !== this.disk.currentTerm) return;
    if (m.success) {
      this.v.matchIndex[peer] = Math.max(this.v.matchIndex[peer], m.index);
      this.v.nextIndex[peer] = Math.max(this.v.nextIndex[peer], m.index + 1);
      this.advanceCommit();
    } else this.v.nextIndex[peer] = Math.max(1, Math.min(this.v.nextIndex[peer] - 1, m.index + 1));
  }

  private advanceCommit(): void {
    const to = leaderCommit({ log: this.disk.log, currentTerm: this.disk.currentTerm, commitIndex: this.v.commitIndex, self: this.self, config: firstServers(this.opts.peers.length), matchIndex: this.v.matchIndex });
    this.commitTo(to);
  }

  private commitTo(to: number): void {
    const v = this.v;
    if (to <= v.commitIndex) return;
    v.commitIndex = to;
    while (v.lastApplied < v.commitIndex) {
      v.lastApplied++;
      const entryId = this.disk.log.values[v.lastApplied - 1];
      const entry = this.opts.table[entryId - 1];
      const result = this.machine.apply(v.lastApplied, entry);
      this.opts.onApply(this.ctx.id, v.lastApplied, entryId, entry, result);
      const cmd = entry.cmd;
      if (this.isLeader && cmd.op !== 'noop') this.ctx.send(this.opts.clientNode(cmd.client), { k: 'cmdReply', seq: cmd.seq, result, leader: this.ctx.id });
    }
  }

  /** Adopts a higher term: a leader or candidate steps down. True when the term changed. */
  private observe(term: number): boolean {
    const wasLeader = this.isLeader;
    if (!adoptTerm(this.disk, this.v, term)) return false;
    if (wasLeader && this.heartbeatTimer >= 0) this.ctx.cancelTimer(this.heartbeatTimer);
    this.heartbeatTimer = -1;
    this.resetElection();
    return true;
  }

  private resetElection(): void {
    if (this.electionTimer >= 0) this.ctx.cancelTimer(this.electionTimer);
    const { electionTicksMin: min, electionTicksMax: max } = this.opts;
    this.electionTimer = this.ctx.setTimer(min + this.ctx.rng.int(max - min + 1), TAG_ELECTION);
  }

  private broadcast(m: Msg): void {
    for (let p = 0; p < this.opts.peers.length; p++) if (p !== this.self) this.ctx.send(this.opts.peers[p], m);
  }
}
