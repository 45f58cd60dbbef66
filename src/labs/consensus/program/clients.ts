/**
 * Clients outside the cluster: commands arrive at random times (uniform gaps of mean 1/rate, from the
 * scenario's `clients` stream) and by script ('request' events). A client sends a command to the server
 * it last saw lead, else to a random running server; a follower answers with the leader it knows, and the
 * client tries there (or at random) after a heartbeat interval, at most ATTEMPTS_MAX times. A command is
 * answered when a server first applies it. Clients reach every running server, partitions or not.
 *
 * Membership requests (addServer, removeServer) go to the current leader the same way and are retried
 * while leaders refuse them (a change in progress, no own-term entry committed yet...).
 */
import type { Rng } from '../../../core/random/rng';
import { NodeStatus, type Simulation } from '../../../sim/index';
import type { MembershipChange } from '../result';
import { requestChange, type ChangeKind } from './membership';
import type { RaftMsg } from './messages';
import { submit } from './leader';
import type { RaftServer } from './server';

/** Tries per command or membership request before the client gives up. */
export const ATTEMPTS_MAX = 50;

export class ClientDriver {
  readonly submitTick: number[] = [];
  readonly committedTick: number[] = [];
  readonly index: number[] = [];
  readonly term: number[] = [];
  readonly attempts: number[] = [];
  readonly membership: (MembershipChange & { pending: boolean })[] = [];
  private hint = -1;

  constructor(
    private readonly sim: Simulation<RaftMsg>,
    private readonly r: Rng,
    private readonly retryTicks: number,
    private readonly ticksPerMs: number,
  ) {}

  /** Random arrivals at `ratePerSec` until `endTick`. */
  startArrivals(ratePerSec: number, endTick: number): void {
    if (ratePerSec <= 0) return;
    const meanTicks = (1000 * this.ticksPerMs) / ratePerSec;
    const next = () => {
      const t = this.sim.now + Math.round(this.r.float() * 2 * meanTicks);
      if (t >= endTick) return;
      this.sim.at(t, () => {
        this.request();
        next();
      });
    };
    next();
  }

  /** A new command, sent now to server `first` (-1: the leader last heard of, else a random running server). */
  request(first = -1): void {
    const id = this.submitTick.length;
    this.submitTick.push(this.sim.now);
    this.committedTick.push(NaN);
    this.index.push(0);
    this.term.push(0);
    this.attempts.push(0);
    this.sim.clients.invoke(id, { value: id + 1 });
    if (first >= 0) this.hint = first;
    this.attempt(id);
  }

  /** A server applied `value`: the command it carries is answered (the first time). */
  applied(value: number): void {
    const id = value - 1;
    if (!(id >= 0 && id < this.committedTick.length) || !Number.isNaN(this.committedTick[id])) return;
    this.committedTick[id] = this.sim.now;
    this.sim.clients.ok(id, value);
  }

  private attempt(id: number): void {
    this.attempts[id]++;
    const server = this.pick();
    const res = server ? submit(server, id + 1) : { leader: -1 };
    if ('index' in res) {
      this.index[id] = res.index;
      this.term[id] = res.term;
      this.hint = server!.id;
      return;
    }
    this.hint = res.leader;
    if (this.attempts[id] < ATTEMPTS_MAX) this.sim.at(this.sim.now + this.retryTicks, () => this.attempt(id));
  }

  private pick(): RaftServer | undefined {
    const running = (n: number) => this.sim.node(n).status === NodeStatus.up;
    if (this.hint >= 0 && running(this.hint)) return this.sim.node(this.hint).actor as RaftServer;
    const up: number[] = [];
    for (let n = 0; n < this.sim.nodeCount; n++) if (running(n)) up.push(n);
    return up.length === 0 ? undefined : (this.sim.node(up[this.r.int(up.length)]).actor as RaftServer);
  }

  /** A scripted membership change, handed to the leader now (and retried while refused). */
  change(kind: ChangeKind, node: number): void {
    const row = { tMs: this.sim.now / this.ticksPerMs, kind, node, leader: -1, index: 0, committedMs: NaN, refused: '', pending: true };
    this.membership.push(row);
    let tries = 0;
    const attempt = () => {
      const leader = this.leader();
      // Named before asking: a removal appends its entry (and may commit it) within requestChange.
      row.leader = leader ? leader.id : -1;
      const why = leader ? requestChange(leader, kind, node) : 'no leader';
      if (why === '') return;
      row.leader = -1;
      row.refused = why;
      if (++tries < ATTEMPTS_MAX) this.sim.at(this.sim.now + this.retryTicks, attempt);
      else row.pending = false;
    };
    attempt();
  }

  /** A leader appended a configuration entry: it belongs to the oldest taken change it matches. */
  configAppended(server: number, index: number, mask: number): void {
    const row = this.membership.find((m) => m.pending && m.leader === server && m.index === 0 && ((mask >>> m.node) & 1) === (m.kind === 'addServer' ? 1 : 0));
    if (row) row.index = index;
  }

  leaderCommitted(commitIndex: number): void {
    for (const m of this.membership) {
      if (m.pending && m.index > 0 && commitIndex >= m.index) {
        m.committedMs = this.sim.now / this.ticksPerMs;
        m.pending = false;
      }
    }
  }

  catchUpFailed(server: number, node: number): void {
    const row = this.membership.find((m) => m.pending && m.leader === server && m.node === node && m.index === 0);
    if (!row) return;
    row.refused = `s${node} did not catch up within the allowed heartbeats`;
    row.pending = false;
  }

  /** The running server that leads the highest term (none: undefined). */
  private leader(): RaftServer | undefined {
    let best: RaftServer | undefined;
    for (let n = 0; n < this.sim.nodeCount; n++) {
      const node = this.sim.node(n);
      const a = node.actor as RaftServer | undefined;
      if (node.status === NodeStatus.up && a?.isLeader && (!best || a.term > best.term)) best = a;
    }
    return best;
  }
}
