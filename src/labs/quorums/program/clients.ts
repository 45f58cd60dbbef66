/**
 * The clients of a quorums run (see the class comment). They live outside the nodes: a client library
 * co-located with its coordinator, so the client -> coordinator hop is free and only replica traffic
 * crosses the network.
 */
import type { RegisterInput } from '../../../core/checkers';
import type { Rng } from '../../../core/random/rng';
import { NodeStatus, type Simulation } from '../../../sim/index';
import type { RunContext } from '../../contract';
import type { Msg, QuorumNode } from './node';
import type { Recorder } from './record';
import type { QuorumsScenario } from '../scenario';
import { msToTicks } from '../../../sim/kit/time';

/**
 * Closed-loop clients: client c runs one operation at a time, pauses (uniform 0..2 x thinkMs), and starts
 * the next while operations remain. It picks the coordinator per operation, and gives up one tick after
 * the coordinator's deadline when no answer came (a crashed or paused coordinator): a write then times
 * out (it may have taken effect), a read fails (a read never changes the register).
 */
export class ClientDriver {
  doneTick = Infinity;
  private issued = 0;
  private running = 0;
  private readonly streams: { think: Rng; coordinator: Rng; kind: Rng }[];
  private readonly generation: number[];
  private readonly clientOf: number[] = [];

  constructor(
    private readonly s: QuorumsScenario,
    root: Rng,
    private readonly sim: () => Simulation<Msg>,
    private readonly rec: Recorder,
    private readonly timeoutTicks: number,
    private readonly context: RunContext | undefined,
  ) {
    this.streams = Array.from({ length: s.clients }, (_, c) => {
      const r = root.fork(c);
      return { think: r.fork('think'), coordinator: r.fork('coordinator'), kind: r.fork('kind') };
    });
    this.generation = new Array<number>(s.clients).fill(0);
  }

  start(): void {
    this.running = this.s.clients;
    for (let c = 0; c < this.s.clients; c++) this.next(c);
  }

  /** A coordinator's answer; ignored when the client already gave up (a paused coordinator answering late). */
  answered(op: number, output: number): void {
    const sim = this.sim();
    if (sim.history.operations[op].status !== 'pending') return;
    const isRead = (sim.history.operations[op].input as RegisterInput).f === 'read';
    sim.clients.ok(op, isRead ? (output === 0 ? null : output) : undefined);
    this.next(this.clientOf[op]);
  }

  gaveUp(op: number, mayHaveEffect: boolean): void {
    const sim = this.sim();
    if (sim.history.operations[op].status !== 'pending') return;
    const c = this.clientOf[op];
    if (mayHaveEffect) {
      sim.clients.timeout(op);
      this.generation[c]++;
    } else {
      sim.clients.fail(op);
    }
    this.next(c);
  }

  /** Client c starts its next operation after its think time, or finishes. */
  private next(c: number): void {
    const sim = this.sim();
    if (this.issued >= this.s.ops) {
      if (--this.running === 0) this.doneTick = sim.now;
      return;
    }
    this.issued++;
    const st = this.streams[c];
    const thinkTicks = msToTicks(st.think.float() * 2 * this.s.thinkMs);
    const isWrite = st.kind.chance(this.s.writePct, 100);
    const node = this.s.coordinator === 'sticky' ? c % this.s.nodes : st.coordinator.int(this.s.nodes);
    sim.at(sim.now + thinkTicks, () => this.invoke(c, isWrite, node));
  }

  /** The operation's index is its place in the history (invoke order); a write writes index + 1. */
  private invoke(c: number, isWrite: boolean, node: number): void {
    const sim = this.sim();
    const process = c + this.s.clients * this.generation[c];
    const op = sim.history.operations.length;
    const input: RegisterInput = isWrite ? { f: 'write', value: op + 1 } : { f: 'read' };
    sim.clients.invoke(process, input);
    this.clientOf[op] = c;
    this.rec.request(op, node);
    if (isWrite) this.rec.version[op] = 0;
    this.context?.work(4 * this.s.nodes + 20);
    const status = sim.node(node).status;
    if (status === NodeStatus.crashed) {
      sim.clients.fail(op); // connection refused: certainly no effect
      this.next(c);
      return;
    }
    // A paused coordinator never starts the request (it would hold it); the client's deadline answers.
    if (status === NodeStatus.up) (sim.node(node).actor as unknown as QuorumNode).coordinate(op, isWrite, op + 1);
    sim.at(sim.now + this.timeoutTicks + 1, () => this.clientDeadline(op));
  }

  private clientDeadline(op: number): void {
    const sim = this.sim();
    if (sim.history.operations[op].status !== 'pending') return;
    this.gaveUp(op, (sim.history.operations[op].input as RegisterInput).f === 'write');
  }
}
