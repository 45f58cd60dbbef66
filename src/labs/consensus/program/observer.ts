/**
 * The run's observer: every server's reports (./host.ts) go to the safety monitor (core/raft/safety.ts)
 * and, when recording, into the result's tables (./record.ts). It also keeps the ghost view the result
 * needs: who leads which term, and the times without a leader: from a leader's crash until a newer leader
 * is heard by every running member of its configuration (the paper's Figure 16 measure).
 *
 * The first invariant violation is stamped (engine step, time, trace position) and stops the engine at
 * the end of the current event; alarms are stamped and kept.
 */
import { isMember } from '../../../core/raft/config';
import type { Finding, StampedFinding } from '../../../core/raft/finding';
import type { RaftLog } from '../../../core/raft/log';
import { Role, type PersistentState, type RoleCode } from '../../../core/raft/persistent';
import { ALARMS_MAX, SafetyMonitor } from '../../../core/raft/safety';
import { ChangeKind, type LeaderlessGap } from '../result';
import type { ServerHost } from './host';
import { ChangeLog, LeaderLog } from './record';

/** What the observer reads of the engine. */
export interface RunClock {
  now(): number;
  step(): number;
  traceIndex(): number;
  isRunning(server: number): boolean;
  stop(reason: string): void;
}

/** Program-level listeners (clients and membership requests). */
export interface Listeners {
  applied?(server: number, index: number, value: number): void;
  configAppended?(server: number, index: number, mask: number): void;
  leaderCommitted?(server: number, commitIndex: number): void;
  catchUpFailed?(server: number, node: number): void;
}

interface OpenGap extends LeaderlessGap {
  crashTick: number;
}

export class Observer implements ServerHost {
  readonly monitor = new SafetyMonitor();
  readonly changes = new ChangeLog();
  readonly leaders = new LeaderLog();
  readonly alarms: StampedFinding[] = [];
  violation: StampedFinding | undefined = undefined;
  readonly gaps: (LeaderlessGap & { crashTick: number; endTick: number })[] = [];
  listeners: Listeners = {};
  /** Stop the engine as soon as the first time without a leader ends (the election-time trials). */
  stopWhenLeaderBack = false;
  private readonly logs: RaftLog[] = [];
  private readonly roleOf: number[] = [];
  private readonly termOf: number[] = [];
  private readonly configOf: number[] = [];
  private readonly heardTerm: number[] = [];
  private openGap: OpenGap | undefined = undefined;

  constructor(private readonly clock: RunClock, private readonly isRecording: boolean, private readonly ticksPerMs: number) {}

  /** Registers server `s`'s disk at the start and reports what it already holds. */
  attach(s: number, disk: PersistentState, config: number): void {
    this.monitor.attach(s, disk.log);
    this.logs[s] = disk.log;
    this.roleOf[s] = Role.follower;
    this.termOf[s] = 0;
    this.configOf[s] = config;
    this.heardTerm[s] = 0;
    if (disk.currentTerm > 0) this.term(s, disk.currentTerm);
    if (disk.votedFor >= 0) this.vote(s, disk.currentTerm, disk.votedFor);
    for (let i = 1; i <= disk.log.terms.length; i++) this.appended(s, i, false);
    if (config !== 0) this.row(s, ChangeKind.config, config);
  }

  role(s: number, role: RoleCode, term: number): void {
    const before = this.roleOf[s];
    this.roleOf[s] = role;
    this.row(s, ChangeKind.role, role);
    if (role === Role.leader) {
      this.leaders.begin(s, term, this.clock.now());
      this.check(this.monitor.leader(s, term));
    } else if (before === Role.leader) this.leaders.finish(s, this.clock.now());
  }

  term(s: number, term: number): void {
    this.termOf[s] = term;
    this.row(s, ChangeKind.term, term);
    this.check(this.monitor.term(s, term));
  }

  vote(s: number, term: number, candidate: number): void {
    this.row(s, ChangeKind.vote, candidate);
    this.check(this.monitor.vote(s, term, candidate));
  }

  appended(s: number, index: number, isLeader: boolean): void {
    const log = this.logs[s];
    const value = log.values[index - 1];
    this.row(s, ChangeKind.append, index, log.terms[index - 1], value);
    this.check(this.monitor.appended(s, index));
    if (isLeader && value < 0) this.listeners.configAppended?.(s, index, -value);
  }

  truncating(s: number, from: number, isLeader: boolean): void {
    this.row(s, ChangeKind.truncate, from);
    this.check(this.monitor.truncating(s, from, isLeader));
  }

  committed(s: number, from: number, to: number, term: number, isLeader: boolean): void {
    this.row(s, ChangeKind.commit, to);
    this.check(this.monitor.committed(s, from, to, term));
    if (isLeader) this.listeners.leaderCommitted?.(s, to);
  }

  applied(s: number, index: number, value: number): void {
    this.row(s, ChangeKind.apply, index, 0, value);
    this.check(this.monitor.applied(s, index));
    this.listeners.applied?.(s, index, value);
  }

  config(s: number, mask: number): void {
    this.configOf[s] = mask;
    this.row(s, ChangeKind.config, mask);
  }

  heard(s: number, term: number): void {
    if (term <= this.heardTerm[s]) return;
    this.heardTerm[s] = term;
    if (this.openGap) this.closeGapIfLed();
  }

  catchUpFailed(s: number, node: number): void {
    this.listeners.catchUpFailed?.(s, node);
  }

  /** Right after a scripted crash, recover, pause or resume took effect. */
  status(s: number, status: number, isRestart: boolean): void {
    this.row(s, ChangeKind.status, status);
    if (status === 1 && this.roleOf[s] === Role.leader) this.leaderCrashed(s);
    if (isRestart) {
      this.roleOf[s] = Role.follower;
      this.row(s, ChangeKind.role, Role.follower);
      this.row(s, ChangeKind.commit, 0);
    }
    if (this.openGap) this.closeGapIfLed();
  }

  /** Closes what is still open at the run's end. */
  finish(endTick: number): void {
    for (let s = 0; s < this.roleOf.length; s++) if (this.roleOf[s] === Role.leader) this.leaders.finish(s, endTick);
  }

  private leaderCrashed(s: number): void {
    this.roleOf[s] = Role.follower;
    this.leaders.finish(s, this.clock.now());
    const term = this.termOf[s];
    if (this.openGap) this.openGap.term = Math.max(this.openGap.term, term);
    else this.openGap = { server: s, term, crashMs: this.clock.now() / this.ticksPerMs, endMs: NaN, crashTick: this.clock.now() };
  }

  /** The gap ends when a running leader newer than it is heard by every running member of its configuration. */
  private closeGapIfLed(): void {
    const gap = this.openGap!;
    for (let l = 0; l < this.roleOf.length; l++) {
      if (this.roleOf[l] !== Role.leader || this.termOf[l] <= gap.term || !this.clock.isRunning(l)) continue;
      const config = this.configOf[l];
      let isHeard = true;
      for (let s = 0; s < this.roleOf.length && isHeard; s++) {
        if (s !== l && isMember(config, s) && this.clock.isRunning(s) && this.heardTerm[s] < this.termOf[l]) isHeard = false;
      }
      if (!isHeard) continue;
      const now = this.clock.now();
      this.gaps.push({ ...gap, endMs: now / this.ticksPerMs, endTick: now });
      this.openGap = undefined;
      if (this.stopWhenLeaderBack) this.clock.stop('a leader is back');
      return;
    }
  }

  /** Gaps, the open one included (endMs NaN). */
  allGaps(): LeaderlessGap[] {
    const out: LeaderlessGap[] = this.gaps.map(({ server, term, crashMs, endMs }) => ({ server, term, crashMs, endMs }));
    if (this.openGap) out.push({ server: this.openGap.server, term: this.openGap.term, crashMs: this.openGap.crashMs, endMs: NaN });
    return out;
  }

  private row(s: number, kind: (typeof ChangeKind)[keyof typeof ChangeKind], a: number, b = 0, c = 0): void {
    if (this.isRecording) this.changes.push(this.clock.now(), this.clock.step(), s, kind, a, b, c);
  }

  private check(f: Finding | undefined): void {
    if (!f) return;
    const stamped: StampedFinding = { ...f, step: this.clock.step(), tMs: this.clock.now() / this.ticksPerMs, traceIndex: this.clock.traceIndex() };
    if (!f.isInvariant) {
      if (this.alarms.length < ALARMS_MAX) this.alarms.push(stamped);
      return;
    }
    if (this.violation) return;
    this.violation = stamped;
    this.clock.stop(`invariant violated: ${f.kind}`);
  }
}
