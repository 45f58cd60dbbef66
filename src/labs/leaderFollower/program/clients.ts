/**
 * The clients of a leader-follower run, on the kit's closed loop (../../../sim/kit/closedLoop.ts). Client
 * c lives beside node c mod nodes (its "home": an app server in the same rack) and shares that node's side
 * of any partition: it reaches exactly the nodes its home can reach. Calls to a node cost no time; only
 * replication crosses the network.
 *
 * Finding the leader is what a health-checking load balancer does: starting from its home and going round
 * the node ids, the client sends the write to the first reachable, running node that says it can take
 * writes (a leader; with fencing, a leader holding its lease). Two such nodes at once is split brain, and
 * then each client writes to the one it finds first. Reads go to that leader, to a random reachable
 * follower, or to a random reachable node, as `readFrom` says.
 *
 * A refused request (no node found, or the node refused) fails: it certainly had no effect, and the client
 * waits retryMs more before its next one. A write the leader took but did not acknowledge within timeoutMs
 * times out (it may still take effect).
 */
import type { RegisterInput } from '../../../core/checkers';
import type { Rng } from '../../../core/random/rng';
import { NodeStatus, type Simulation } from '../../../sim/index';
import { ClosedLoop } from '../../../sim/kit/closedLoop';
import { msToTicks } from '../../../sim/kit/time';
import type { RequestOp } from '../../../sim/kit/clientRequest';
import type { RunContext } from '../../contract';
import type { Msg, ReplicaNode } from './node';
import type { Recorder } from './record';
import type { LeaderFollowerScenario } from '../scenario';

export interface ClientHost {
  sim: Simulation<Msg>;
  actor(node: number): ReplicaNode;
  /** Entries node `node` is behind the newest leader's log now. */
  lagOf(node: number): number;
}

export class ClientDriver {
  readonly loop: ClosedLoop;
  private readonly pick: Rng[];
  private readonly kind: Rng[];

  constructor(
    private readonly s: LeaderFollowerScenario,
    root: Rng,
    private readonly host: ClientHost,
    private readonly rec: Recorder,
    context: RunContext | undefined,
  ) {
    this.pick = Array.from({ length: s.clients }, (_, c) => root.fork(c).fork('pick'));
    this.kind = Array.from({ length: s.clients }, (_, c) => root.fork(c).fork('kind'));
    const options = { clients: s.clients, ops: s.ops, thinkMs: s.thinkMs, root, workPerOp: 6 * s.nodes + 20, work: (u: number) => context?.work(u) };
    this.loop = new ClosedLoop(host.sim, options, (c) => {
      const isWrite = this.kind[c].chance(s.writePct, 100);
      return { ops: 1, start: () => this.invoke(c, isWrite) };
    });
  }

  /** Client c's one-off request (the script's 'request' event, started by the loop): served as any operation. */
  startRequest(c: number, op: RequestOp): void {
    this.invoke(c, op === 'write');
  }

  /** The leader acknowledged write `op` (ignored when its client already gave up). */
  acknowledged(op: number): void {
    if (this.loop.isPending(op)) this.rec.acknowledged(op, this.host.sim.now);
    this.loop.answer(op, undefined);
  }

  /** Can client c reach node x now (x running, no cut between x and the client's home)? */
  private reaches(c: number, x: number): boolean {
    const sim = this.host.sim;
    const home = c % this.s.nodes;
    if (sim.node(x).status !== NodeStatus.up) return false;
    return x === home || !(sim.network.isCut(home, x) || sim.network.isCut(x, home));
  }

  /** The first node from the client's home on that says it can take writes; -1 when none does. */
  private findLeader(c: number): number {
    const n = this.s.nodes;
    for (let k = 0; k < n; k++) {
      const x = (c + k) % n;
      if (this.reaches(c, x) && this.host.actor(x).claimsLeader()) return x;
    }
    return -1;
  }

  /** A random reachable node; with `followersOnly`, one that does not claim to lead. */
  private pickNode(c: number, followersOnly: boolean): number {
    const candidates: number[] = [];
    for (let x = 0; x < this.s.nodes; x++) {
      if (this.reaches(c, x) && !(followersOnly && this.host.actor(x).claimsLeader())) candidates.push(x);
    }
    return candidates.length === 0 ? -1 : candidates[this.pick[c].int(candidates.length)];
  }

  /** The operation's index is its place in the history (invoke order); a write writes index + 1. */
  private invoke(c: number, isWrite: boolean): void {
    const input: RegisterInput = isWrite ? { f: 'write', value: this.host.sim.history.operations.length + 1 } : { f: 'read' };
    const op = this.loop.invoke(c, input);
    const readFrom = this.s.readFrom;
    const node = isWrite || readFrom === 'leader' ? this.findLeader(c) : this.pickNode(c, readFrom === 'followers');
    const actor = node >= 0 ? this.host.actor(node) : undefined;
    this.rec.request(op, c, node, actor ? actor.disk.epoch : 0);
    if (!actor) return this.refuse(op);
    if (isWrite) {
      if (!actor.clientWrite(op, op + 1)) return this.refuse(op);
      // Acknowledged already (async) or later; past the timeout the client gives up.
      this.loop.deadline(op, msToTicks(this.s.timeoutMs), true);
      return;
    }
    const read = actor.clientRead(actor.claimsLeader());
    if (!read) return this.refuse(op);
    this.rec.read(op, read.index, this.host.lagOf(node));
    this.loop.answer(op, read.value === 0 ? null : read.value);
  }

  private refuse(op: number): void {
    this.loop.giveUp(op, false, msToTicks(this.s.retryMs));
  }
}
