/**
 * The clients of a leader-follower run. Client c lives beside node c mod nodes (its "home": an app server
 * in the same rack) and shares that node's side of any partition: it reaches exactly the nodes its home
 * can reach. Calls to a node cost no time; only replication crosses the network.
 *
 * Finding the leader is what a health-checking load balancer does: starting from its home and going round
 * the node ids, the client sends the write to the first reachable, running node that says it can take
 * writes (a leader; with fencing, a leader holding its lease). Two such nodes at once is split brain, and
 * then each client writes to the one it finds first. Reads go to that leader, to a random reachable
 * follower, or to a random reachable node, as `readFrom` says.
 *
 * Closed loop: client c runs one operation at a time, pauses (uniform 0..2 x thinkMs), and starts the next
 * while operations remain. A refused request (no node found, or the node refused) fails: it certainly had
 * no effect, and the client waits retryMs more before its next one. A write the leader took but did not acknowledge within timeoutMs times out (it may still take
 * effect), and the client's process retires as Jepsen's do.
 */
import type { RegisterInput } from '../../../core/checkers';
import type { Rng } from '../../../core/random/rng';
import { NodeStatus, type Simulation } from '../../../sim/index';
import type { RunContext } from '../../contract';
import type { Msg, ReplicaNode } from './node';
import type { Recorder } from './record';
import type { LeaderFollowerScenario } from '../scenario';
import { msToTicks } from '../../../sim/kit/time';

export interface ClientHost {
  sim(): Simulation<Msg>;
  actor(node: number): ReplicaNode;
  /** Entries node `node` is behind the newest leader's log now. */
  lagOf(node: number): number;
}

export class ClientDriver {
  doneTick = Infinity;
  private issued = 0;
  private running = 0;
  private readonly streams: { think: Rng; pick: Rng; kind: Rng }[];
  private readonly generation: number[];
  private readonly clientOf: number[] = [];

  constructor(
    private readonly s: LeaderFollowerScenario,
    root: Rng,
    private readonly host: ClientHost,
    private readonly rec: Recorder,
    private readonly context: RunContext | undefined,
  ) {
    this.streams = Array.from({ length: s.clients }, (_, c) => {
      const r = root.fork(c);
      return { think: r.fork('think'), pick: r.fork('pick'), kind: r.fork('kind') };
    });
    this.generation = new Array<number>(s.clients).fill(0);
  }

  start(): void {
    this.running = this.s.clients;
    for (let c = 0; c < this.s.clients; c++) this.next(c);
  }

  /** The leader acknowledged write `op` (ignored when its client already gave up). */
  acknowledged(op: number): void {
    const sim = this.host.sim();
    if (sim.history.operations[op].status !== 'pending') return;
    this.rec.acknowledged(op, sim.now);
    sim.clients.ok(op, undefined);
    this.next(this.clientOf[op]);
  }

  /** Can client c reach node x now (x running, no cut between x and the client's home)? */
  private reaches(c: number, x: number): boolean {
    const sim = this.host.sim();
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
    return candidates.length === 0 ? -1 : candidates[this.streams[c].pick.int(candidates.length)];
  }

  /** Client c starts its next operation after its think time (plus `extraTicks`), or finishes. */
  private next(c: number, extraTicks = 0): void {
    const sim = this.host.sim();
    if (this.issued >= this.s.ops) {
      if (--this.running === 0) this.doneTick = sim.now;
      return;
    }
    this.issued++;
    const st = this.streams[c];
    const thinkTicks = msToTicks(st.think.float() * 2 * this.s.thinkMs) + extraTicks;
    const isWrite = st.kind.chance(this.s.writePct, 100);
    sim.at(sim.now + thinkTicks, () => this.invoke(c, isWrite));
  }

  /** The operation's index is its place in the history (invoke order); a write writes index + 1. */
  private invoke(c: number, isWrite: boolean): void {
    const sim = this.host.sim();
    const process = c + this.s.clients * this.generation[c];
    const op = sim.history.operations.length;
    const input: RegisterInput = isWrite ? { f: 'write', value: op + 1 } : { f: 'read' };
    sim.clients.invoke(process, input);
    this.clientOf[op] = c;
    this.context?.work(6 * this.s.nodes + 20);
    const readFrom = this.s.readFrom;
    const node = isWrite || readFrom === 'leader' ? this.findLeader(c) : this.pickNode(c, readFrom === 'followers');
    const actor = node >= 0 ? this.host.actor(node) : undefined;
    this.rec.request(op, c, node, actor ? actor.disk.epoch : 0);
    if (!actor) return this.refuse(op, c);
    if (isWrite) {
      if (!actor.clientWrite(op, op + 1)) return this.refuse(op, c);
      // Acknowledged already (async) or later; past the timeout the client gives up.
      sim.at(sim.now + msToTicks(this.s.timeoutMs), () => this.deadline(op));
      return;
    }
    const read = actor.clientRead(actor.claimsLeader());
    if (!read) return this.refuse(op, c);
    this.rec.read(op, read.index, this.host.lagOf(node));
    sim.clients.ok(op, read.value === 0 ? null : read.value);
    this.next(c);
  }

  private refuse(op: number, c: number): void {
    this.host.sim().clients.fail(op);
    this.next(c, msToTicks(this.s.retryMs));
  }

  private deadline(op: number): void {
    const sim = this.host.sim();
    if (sim.history.operations[op].status !== 'pending') return;
    const c = this.clientOf[op];
    sim.clients.timeout(op);
    this.generation[c]++;
    this.next(c);
  }
}
