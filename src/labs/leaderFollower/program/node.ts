/**
 * One node of the leader-follower store: a follower applying the leader's log, a candidate standing for
 * election when its leader went silent, or the leader (./leader.ts).
 *
 * Follower: accepts appends of the newest epoch it knows (refusing older ones), checks log matching,
 * truncates a diverging suffix, and applies entries in order, one per applyMs (its apply thread). It
 * answers every append at once (matched, and what it applied), and reports each later apply.
 *
 * Election: a follower that heard nothing from its leader for detectMs (plus a random extra of up to half
 * that, so followers do not all stand at once) asks every node to vote it leader of a new epoch. A node
 * grants one vote per epoch, only if it too heard nothing from its leader for detectMs, and only to a
 * candidate whose log is at least as up to date as its own (newer last epoch, or same and longer); a node
 * that refuses because its own log is ahead stands itself. So the most up-to-date reachable follower wins.
 * A voter adopts the new epoch at once and refuses the old leader from then on.
 *
 * Why this keeps leases safe (fencing): a leader's lease from a heartbeat sent at s was acknowledged by a
 * majority, each of which heard from it at or after s; a successor needs a vote from one of them, given
 * only after detectMs of silence, so at or after s + detectMs > s + leaseMs. A new leader has no lease until
 * a majority answers one of its own heartbeats.
 *
 * Durable (ctx.storage): role, epoch, the highest epoch voted in, the log, the applied index. A leader
 * restarts as leader (with fencing, without a lease until a majority answers it again).
 */
import type { NodeContext } from '../../../sim/index';
import { initialDisk, Role, type Disk, type RoleCode } from './disk';
import { isAtLeastAsUpToDate, lastEpoch, matchesAt, mergeEntries, resumeHint, stateAt } from './log';
import { Leadership, TAG_HEARTBEAT } from './leader';
import type { Msg, NodeConfig, NodeHost } from './messages';
import { LeadCause } from '../result';

export type { Disk, Msg, NodeConfig, NodeHost, RoleCode };
export { Role };

const TAG_DETECT = 2;
const TAG_APPLY = 3;

interface Candidacy {
  epoch: number;
  votes: Map<number, { lastEpoch: number; lastIndex: number }>;
  stoodTick: number;
}

export class ReplicaNode {
  readonly disk: Disk;
  /** The leader this node follows (-1: unknown). */
  leaderId = -1;
  lead: Leadership | undefined = undefined;
  private lastHeard = 0;
  private detectTimer = -1;
  private applyTimer = -1;
  /** Highest index known to match the current leader's log. */
  private verified = 0;
  private candidacy: Candidacy | undefined = undefined;
  private readonly majority: number;

  constructor(
    private readonly ctx: NodeContext<Msg>,
    private readonly cfg: NodeConfig,
    private readonly host: NodeHost,
  ) {
    const s = ctx.storage as { disk?: Disk };
    s.disk ??= initialDisk(ctx.id);
    this.disk = s.disk;
    this.majority = Math.floor(cfg.nodes / 2) + 1;
  }

  get role(): RoleCode {
    return this.disk.role;
  }

  onStart(): void {
    const isFirst = this.ctx.incarnation === 0;
    if (this.disk.role === Role.leader) {
      // The first leader starts with a lease (the cluster was set up so); a restarted one has none.
      const leaseEnd = isFirst ? this.ctx.localNow() + this.cfg.leaseTicks : -Infinity;
      this.lead_(this.disk.epoch, isFirst ? LeadCause.bootstrap : LeadCause.restarted, !isFirst, leaseEnd);
      return;
    }
    this.disk.role = Role.follower;
    this.leaderId = isFirst ? 0 : -1;
    this.lastHeard = this.ctx.localNow();
    this.armDetector(this.detectDelay());
    this.applyNext();
  }

  /** Says it can take writes now (what a health-checking load balancer asks). */
  claimsLeader(): boolean {
    return this.lead !== undefined && this.lead.isServing();
  }

  clientWrite(op: number, value: number): boolean {
    return this.lead !== undefined && this.lead.write(op, value);
  }

  /** As leader: a read at the commit index (null: refused). Otherwise: what this node applied. */
  clientRead(asLeader: boolean): { value: number; index: number } | null {
    if (asLeader) return this.lead ? this.lead.read() : null;
    return { value: stateAt(this.disk.log, this.disk.applied), index: this.disk.applied };
  }

  onMessage(from: number, msg: Msg): void {
    switch (msg.k) {
      case 'append':
        this.onAppend(from, msg);
        return;
      case 'vote':
        this.onVote(from, msg);
        return;
      case 'voteReply':
        this.onVoteReply(from, msg);
        return;
      case 'appendReply':
        this.lead?.onAppendReply(from, msg);
        return;
      case 'applied':
        this.lead?.onApplied(from, msg);
    }
  }

  onTimer(tag: number): void {
    if (tag === TAG_HEARTBEAT) this.lead?.onTimer();
    else if (tag === TAG_APPLY) {
      this.applyTimer = -1;
      this.applyOne();
    } else if (tag === TAG_DETECT) {
      this.detectTimer = -1;
      this.onDetect();
    }
  }

  // --- follower ---

  private onAppend(from: number, m: Extract<Msg, { k: 'append' }>): void {
    const d = this.disk;
    if (this.lead) {
      if (!this.cfg.fencing) return; // a leader without fencing never doubts itself
      if (m.epoch > d.epoch) this.stepDown(m.epoch);
    }
    if (m.epoch < d.epoch || this.lead) {
      this.ctx.send(from, { k: 'appendReply', epoch: d.epoch, ok: false, round: m.round, matched: 0, applied: 0, hint: -1 });
      return;
    }
    if (m.epoch > d.epoch || this.leaderId !== from || d.role !== Role.follower) this.follow(m.epoch, from);
    this.lastHeard = this.ctx.localNow();
    if (!matchesAt(d.log, m.prevIndex, m.prevEpoch)) {
      this.ctx.send(from, { k: 'appendReply', epoch: d.epoch, ok: false, round: m.round, matched: 0, applied: 0, hint: resumeHint(d.log, m.prevIndex) });
      return;
    }
    const truncatedTo = mergeEntries(d.log, m.prevIndex, m.entries);
    if (truncatedTo >= 0 && truncatedTo < d.applied) {
      d.applied = truncatedTo; // applied entries that the leader's log does not hold: rolled back
      this.host.rec.rollbacks++;
    }
    const matched = m.prevIndex + m.entries.length;
    this.verified = Math.max(this.verified, matched);
    this.applyNext();
    this.ctx.send(from, { k: 'appendReply', epoch: d.epoch, ok: true, round: m.round, matched, applied: Math.min(d.applied, this.verified), hint: 0 });
  }

  /** Follows `leader` in `epoch` (giving up a candidacy, or a leadership that fencing ended). */
  private follow(epoch: number, leader: number): void {
    const d = this.disk;
    d.epoch = epoch;
    d.votedEpoch = Math.max(d.votedEpoch, epoch);
    d.role = Role.follower;
    this.candidacy = undefined;
    this.leaderId = leader;
    this.verified = 0;
  }

  /** Applies the next entry after applyMs (or everything at once when applyMs is 0). */
  private applyNext(): void {
    const d = this.disk;
    if (this.lead || d.applied >= d.log.length) return;
    if (this.cfg.applyTicks === 0) {
      d.applied = d.log.length;
      return;
    }
    if (this.applyTimer < 0) this.applyTimer = this.ctx.setTimer(this.cfg.applyTicks, TAG_APPLY);
  }

  private applyOne(): void {
    const d = this.disk;
    if (this.lead || d.applied >= d.log.length) return;
    d.applied++;
    if (this.leaderId >= 0 && this.verified > 0) {
      this.ctx.send(this.leaderId, { k: 'applied', epoch: d.epoch, applied: Math.min(d.applied, this.verified) });
    }
    this.applyNext();
  }

  // --- failure detection and election ---

  private detectDelay(): number {
    return this.cfg.detectTicks + this.ctx.rng.int(Math.floor(this.cfg.detectTicks / 2) + 1);
  }

  private armDetector(delay: number): void {
    if (this.detectTimer >= 0) this.ctx.cancelTimer(this.detectTimer);
    this.detectTimer = this.ctx.now() >= this.host.quietTick ? -1 : this.ctx.setTimer(Math.max(0, delay), TAG_DETECT);
  }

  private silence(): number {
    return this.ctx.localNow() - this.lastHeard;
  }

  private onDetect(): void {
    if (this.lead || this.ctx.now() >= this.host.quietTick) return;
    if (this.candidacy || this.silence() >= this.cfg.detectTicks) this.stand();
    else this.armDetector(this.lastHeard + this.detectDelay() - this.ctx.localNow());
  }

  /** Stands for election in a new epoch (above `above`, an epoch another candidate already asked for). */
  private stand(above = 0): void {
    const d = this.disk;
    const epoch = Math.max(d.epoch, d.votedEpoch, above) + 1;
    d.votedEpoch = epoch;
    d.role = Role.candidate;
    this.leaderId = -1;
    const mine = { lastEpoch: lastEpoch(d.log), lastIndex: d.log.length };
    this.candidacy = { epoch, votes: new Map([[this.ctx.id, mine]]), stoodTick: this.ctx.now() };
    this.ctx.broadcast({ k: 'vote', epoch, ...mine });
    this.armDetector(Math.floor(this.detectDelay() / 2));
  }

  private onVote(from: number, m: Extract<Msg, { k: 'vote' }>): void {
    const d = this.disk;
    const mine = { lastEpoch: lastEpoch(d.log), lastIndex: d.log.length };
    const isUpToDate = isAtLeastAsUpToDate(m.lastEpoch, m.lastIndex, mine.lastEpoch, mine.lastIndex);
    const isSilent = this.silence() >= this.cfg.detectTicks;
    const granted = !this.lead && m.epoch > d.votedEpoch && isSilent && isUpToDate;
    if (granted) {
      // Silence is still measured from the last leader heard: granting does not reset it, so a candidate
      // that does not win leaves the voter free to vote again in a later epoch.
      this.follow(m.epoch, -1);
      this.armDetector(this.detectDelay());
    }
    this.ctx.send(from, { k: 'voteReply', epoch: m.epoch, granted, votedEpoch: d.votedEpoch, ...mine });
    if (granted || this.lead || !isSilent || this.ctx.now() >= this.host.quietTick) return;
    const c = this.candidacy;
    if (!isUpToDate && !(c && c.epoch > m.epoch)) {
      // Refused because this node's log is ahead: it stands at once, in an epoch above the request's (even
      // if it is a candidate already), so the most up-to-date reachable node wins.
      this.stand(m.epoch);
    } else if (c && c.epoch === m.epoch && from < this.ctx.id) {
      // Two candidates as up to date as each other split the votes of one epoch: the higher id waits a full
      // detection time, so the lower id's next attempt (after at most 3/4 of it) finds it ready to vote.
      this.armDetector(this.detectDelay());
    }
  }

  private onVoteReply(from: number, m: Extract<Msg, { k: 'voteReply' }>): void {
    const c = this.candidacy;
    if (!c || m.epoch !== c.epoch) return;
    this.disk.votedEpoch = Math.max(this.disk.votedEpoch, m.votedEpoch);
    if (!m.granted) return;
    c.votes.set(from, { lastEpoch: m.lastEpoch, lastIndex: m.lastIndex });
    if (c.votes.size >= this.majority) this.win(c);
  }

  private win(c: Candidacy): void {
    const me = c.votes.get(this.ctx.id)!;
    const voters = [...c.votes].filter(([node]) => node !== this.ctx.id).map(([node, v]) => ({ node, ...v })).sort((a, b) => a.node - b.node);
    this.host.rec.promoted({ tick: this.ctx.now(), node: this.ctx.id, epoch: c.epoch, ...me, voters, stoodTick: c.stoodTick }, this.disk.log);
    this.candidacy = undefined;
    // No lease yet: it starts once a majority answers a heartbeat of this epoch (and so has heard from it).
    this.lead_(c.epoch, LeadCause.promoted, true, -Infinity);
  }

  /** Becomes leader of `epoch`. */
  private lead_(epoch: number, cause: (typeof LeadCause)[keyof typeof LeadCause], barrier: boolean, leaseEnd: number): void {
    const d = this.disk;
    d.role = Role.leader;
    d.epoch = epoch;
    d.votedEpoch = Math.max(d.votedEpoch, epoch);
    this.leaderId = this.ctx.id;
    if (this.detectTimer >= 0) this.ctx.cancelTimer(this.detectTimer);
    this.detectTimer = -1;
    if (this.applyTimer >= 0) this.ctx.cancelTimer(this.applyTimer);
    this.applyTimer = -1;
    this.host.rec.leaderStart(this.ctx.id, epoch, this.ctx.now(), cause);
    this.lead = new Leadership(this.ctx, this.cfg, this.host, d, epoch, { barrier, leaseEnd }, (newer) => {
      if (this.cfg.fencing) this.stepDown(newer);
    });
    this.lead.start();
  }

  /** Fencing: a newer epoch exists, so this leader stops serving at once and follows. */
  private stepDown(newerEpoch: number): void {
    const lead = this.lead;
    if (!lead) return;
    lead.stop();
    this.lead = undefined;
    this.host.rec.steppedDown(this.ctx.id, this.ctx.now(), lead.epoch, newerEpoch);
    this.follow(newerEpoch, -1);
    this.lastHeard = this.ctx.localNow();
    this.armDetector(this.detectDelay());
  }
}
