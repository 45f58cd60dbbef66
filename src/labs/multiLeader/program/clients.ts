/**
 * The clients of a multi-leader run: closed-loop processes, each in one region and talking only to that
 * region's leader over a short local hop (uniform in 0.5..1.5 x localMs each way, from the client's own
 * stream). They are not engine nodes: a request is two scheduled hops, so only leader-to-leader traffic
 * crosses the simulated network (and its partitions).
 *
 * A client's action is a read of one key, or an update: a read, then at once a write of a new value with
 * the context the read returned (Riak's fetch-then-store). An update counts two operations of the budget
 * when it starts; if its read fails, the write is never issued (so a run can end with fewer operations). Every draw (think time, action, key, hops) comes
 * from the client's streams in the same order whatever the resolution, so the LWW and the siblings runs
 * issue the same operations at the same times and differ only in what reads return.
 */
import type { KvInput, KvOutput } from '../../../core/checkers';
import { ZERO, type VersionVector } from '../../../core/clocks';
import type { Rng } from '../../../core/random/rng';
import { keySampler } from '../../../core/workload';
import { NodeStatus, type Simulation } from '../../../sim/index';
import { ClosedLoop } from '../../../sim/kit/closedLoop';
import type { RequestOp } from '../../../sim/kit/clientRequest';
import type { RunContext } from '../../contract';
import type { Leader, Msg } from './node';
import type { MultiLeaderScenario } from '../scenario';
import { TICKS_PER_MS, msToTicks } from '../../../sim/kit/time';

interface Streams {
  action: Rng;
  key: () => number;
  hop: Rng;
}

/** The value a read of `values` returns in the history: the sorted values joined by '|', '' for none. */
export function readOutput(values: readonly number[]): string {
  return [...values].sort((a, b) => a - b).join('|');
}

export class ClientDriver {
  readonly loop: ClosedLoop;
  /** Reads that returned two or more siblings. */
  siblingReads = 0;
  /** Writes whose context came from a read of two or more siblings: they merge them. */
  merges = 0;
  private readonly streams: Streams[];
  private readonly context: VersionVector[][];
  /** The values the client's last read of each key returned. */
  private readonly lastRead: number[][][];
  /** readFrom[op]: for a write, the values its client's read had returned (what it knowingly replaces). */
  readonly readFrom: number[][] = [];
  /** Requests that reached a paused leader, per region, to be handled in arrival order when it resumes. */
  private readonly held: (() => void)[][];

  constructor(
    private readonly s: MultiLeaderScenario,
    root: Rng,
    private readonly sim: Simulation<Msg>,
    run: RunContext | undefined,
  ) {
    const count = s.regions * s.clientsPerRegion;
    this.streams = Array.from({ length: count }, (_, c) => {
      const r = root.fork(c);
      return { action: r.fork('action'), key: keySampler({ kind: 'celebrity', n: s.keys, pct: s.hotKeyPct }, r.fork('key')), hop: r.fork('hop') };
    });
    this.context = Array.from({ length: count }, () => new Array<VersionVector>(s.keys).fill(ZERO));
    this.lastRead = Array.from({ length: count }, () => Array.from({ length: s.keys }, () => []));
    this.held = Array.from({ length: s.regions }, () => []);
    const options = { clients: count, ops: s.ops, thinkMs: s.thinkMs, root, workPerOp: 4 * s.regions + 20, work: (u: number) => run?.work(u) };
    this.loop = new ClosedLoop(sim, options, (c, remaining) => {
      const st = this.streams[c];
      const isUpdate = st.action.chance(s.updatePct, 100) && remaining >= 2;
      const key = st.key();
      return { ops: isUpdate ? 2 : 1, start: () => this.invoke(c, key, isUpdate, false) };
    });
  }

  /**
   * A paused leader holds its clients' requests as the engine holds its messages: after each resume,
   * crash or recover of a leader in the script (scheduled after the script's own faults, so it runs right
   * after them), what it held is handled in arrival order if it is up, or dropped if it crashed meanwhile
   * (the connections broke). A script without pauses schedules nothing.
   */
  watchPauses(events: readonly { t: number; type: string; node?: number }[]): void {
    if (!events.some((e) => e.type === 'pause')) return;
    for (const e of events) {
      if (e.node === undefined || !(e.type === 'resume' || e.type === 'crash' || e.type === 'recover')) continue;
      const region = e.node;
      this.sim.at(msToTicks(e.t), () => this.release(region));
    }
  }

  private release(region: number): void {
    const status = this.sim.node(region).status;
    if (status === NodeStatus.paused) return;
    const requests = this.held[region].splice(0);
    if (status === NodeStatus.up) for (const handle of requests) handle();
  }

  /**
   * Client c's one-off request (the script's 'request' event, started by the loop), on the hot key k0: a
   * write with the context the client holds for it, or a read.
   */
  startRequest(c: number, op: RequestOp): void {
    this.invoke(c, 0, false, op === 'write');
  }

  regionOf(c: number): number {
    return Math.floor(c / this.s.clientsPerRegion);
  }

  private hopTicks(c: number): number {
    const local = this.s.localMs * TICKS_PER_MS;
    return Math.round(local / 2 + this.streams[c].hop.float() * local);
  }

  /** Operation `op` of client c: a read of `key` (then a write when `isUpdate`), or the write itself. */
  private invoke(c: number, key: number, isUpdate: boolean, isWrite: boolean): void {
    const sim = this.sim;
    const value = String(sim.history.operations.length + 1);
    const input: KvInput = isWrite ? { f: 'put', key: `k${key}`, value } : { f: 'get', key: `k${key}` };
    const op = this.loop.invoke(c, input);
    if (sim.node(this.regionOf(c)).status === NodeStatus.crashed) return this.loop.giveUp(op, false); // connection refused: certainly no effect
    const there = sim.now + this.hopTicks(c);
    const back = this.hopTicks(c);
    sim.at(there, () => this.arrive(c, op, key, isUpdate, isWrite, back));
    // No answer in time: a write may or may not have happened as far as the client knows; a read failed.
    this.loop.deadline(op, msToTicks(this.s.timeoutMs), isWrite);
  }

  /** The request reaches the leader: a crashed one never answers (the client's deadline does), a paused one holds it. */
  private arrive(c: number, op: number, key: number, isUpdate: boolean, isWrite: boolean, backTicks: number): void {
    const sim = this.sim;
    const node = sim.node(this.regionOf(c));
    if (node.status === NodeStatus.paused) this.held[this.regionOf(c)].push(() => this.arrive(c, op, key, isUpdate, isWrite, backTicks));
    if (node.status !== NodeStatus.up) return;
    const leader = node.actor as unknown as Leader;
    if (isWrite) {
      const merged = this.lastRead[c][key].length >= 2;
      this.readFrom[op] = this.lastRead[c][key];
      const context = leader.write(op, key, op + 1, this.context[c][key]);
      sim.at(sim.now + backTicks, () => this.answer(c, op, undefined, () => {
        this.context[c][key] = context;
        this.lastRead[c][key] = [op + 1];
        if (merged) this.merges++;
        return false;
      }));
      return;
    }
    const reply = leader.read(key);
    sim.at(sim.now + backTicks, () => this.answer(c, op, readOutput(reply.values), () => {
      this.context[c][key] = reply.context;
      this.lastRead[c][key] = reply.values;
      if (reply.values.length >= 2) this.siblingReads++;
      if (!isUpdate) return false;
      this.invoke(c, key, false, true);
      return true;
    }));
  }

  /**
   * The answer reaches client c (ignored when it already gave up); `then` updates what the client knows
   * and returns true when the action goes on (an update's write was invoked).
   */
  private answer(c: number, op: number, output: KvOutput, then: () => boolean): void {
    if (this.loop.ok(op, output) && !then()) this.loop.next(c);
  }
}
