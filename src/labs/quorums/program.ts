/**
 * The quorums program: scenario -> a leaderless register (./node.ts) on the engine, driven by closed-loop
 * clients, with the scenario's faults; then the client history checked for linearizability (single
 * register) and measured for staleness, and every request's quorum data packed into columns. Pure and
 * deterministic: every draw comes from the scenario's seed, forked per purpose and per client.
 */
import { checkLinearizability, registerModel, registerStaleness, type CheckResult, type RegisterInput, type RegisterOutput } from '../../core/checkers';
import { TraceHasher } from '../../core/hash/traceHasher';
import { quorumFacts } from '../../core/quorum';
import { rng, type Rng } from '../../core/random/rng';
import { quantileSorted } from '../../core/stats';
import { NodeStatus, Simulation, scheduleScenario, type Operation } from '../../sim/index';
import type { LabProgram, RunContext } from '../contract';
import { QuorumNode, type Msg, type NodeConfig, type NodeHost } from './node';
import { Recorder } from './record';
import { OpKind, Phase, RequestStatus, type ContactColumns, type HistoryOp, type QuorumsResult, type RequestColumns } from './result';
import { TICKS_PER_MS, type QuorumsScenario } from './scenario';

export type * from './result';

/** Search steps the linearizability check may take (the verdict is 'unknown' past it). */
export const CHECK_STEPS_MAX = 5_000_000;
/** Engine events a run may handle (a scenario hitting it says so in stoppedAtLimit). */
export const EVENTS_MAX = 2_000_000;

type RegisterOp = Operation<RegisterInput, RegisterOutput>;

export interface Run {
  sim: Simulation<Msg>;
  rec: Recorder;
  history: readonly RegisterOp[];
}

/** Runs the store and its clients to the end; the program and the tests both start here. */
export function simulate(s: QuorumsScenario, context?: RunContext): Run {
  const ticks = (msValue: number) => Math.round(msValue * TICKS_PER_MS);
  const cfg: NodeConfig = {
    nodes: s.nodes, n: s.n, w: s.w, r: s.r,
    timeoutTicks: ticks(s.timeoutMs), fallbackTicks: ticks(s.fallbackMs), handoffTicks: ticks(s.handoffMs),
    readRepair: s.readRepair, writeBack: s.writeBack, sloppyQuorum: s.sloppyQuorum, bug: s.bug,
  };
  const rec = new Recorder(TICKS_PER_MS);
  const lastEventTick = s.events.length > 0 ? ticks(s.events[s.events.length - 1].t) : 0;
  const settleTicks = 5 * cfg.handoffTicks + 2 * cfg.timeoutTicks;
  let sim: Simulation<Msg>;
  const clients = new ClientDriver(s, rng(s.seed).fork('clients'), () => sim, rec, cfg.timeoutTicks, context);
  const host: NodeHost = {
    rec,
    answer: (op, output) => clients.answered(op, output),
    giveUp: (op, mayHaveEffect) => clients.gaveUp(op, mayHaveEffect),
    get quietTick() {
      return clients.doneTick === Infinity ? Infinity : Math.max(clients.doneTick, lastEventTick) + settleTicks;
    },
  };
  sim = new Simulation<Msg>({
    seed: s.seed,
    nodes: s.nodes,
    network: { latency: { kind: 'uniform', minTicks: ticks(s.latencyMsMin), maxTicks: ticks(s.latencyMsMax) }, loss: s.loss },
    protocol: (ctx) => new QuorumNode(ctx, cfg, host),
    limits: { maxEvents: EVENTS_MAX },
  });
  scheduleScenario(sim, s.events, { ticksPerUnit: TICKS_PER_MS });
  clients.start();
  sim.run();
  return { sim, rec, history: sim.history.operations as readonly RegisterOp[] };
}

/**
 * Closed-loop clients: client c runs one operation at a time, pauses (uniform 0..2 x thinkMs), and starts
 * the next while operations remain. It picks the coordinator per operation, and gives up one tick after
 * the coordinator's deadline when no answer came (a crashed or paused coordinator): a write then times
 * out (it may have taken effect), a read fails (a read never changes the register).
 */
class ClientDriver {
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
    const thinkTicks = Math.round(st.think.float() * 2 * this.s.thinkMs * TICKS_PER_MS);
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

export const program: LabProgram<QuorumsScenario, QuorumsResult> = (s, context) => {
  const { sim, rec, history } = simulate(s, context);
  context.progress(0.6);
  // Checked in ms, so explanations and staleness speak the scenario's unit.
  const checkOps = history.map((op) => ({ ...op, call: op.call / TICKS_PER_MS, ret: op.ret / TICKS_PER_MS }));
  const check: CheckResult = checkLinearizability(registerModel(), checkOps, { stepsMax: CHECK_STEPS_MAX });
  const staleness = registerStaleness(checkOps);
  context.progress(0.9);
  const requests = requestColumns(history, rec, staleness.stale);
  const { columns: contacts, start } = rec.contacts(history.length);
  requests.contactStart = start;
  contacts.isBehind = behind(contacts, requests.version);
  const finalVersion = Int32Array.from({ length: s.nodes }, (_, i) => (i < s.n ? nodeOf(sim, i).version : -1));
  const finalValue = Int32Array.from({ length: s.nodes }, (_, i) => (i < s.n ? nodeOf(sim, i).value : -1));
  const trace = sim.trace.columns();
  const totals = totalsOf(history);
  const traceHash = new TraceHasher()
    .string(trace.hash)
    .numbers(requests.value)
    .numbers(requests.version)
    .string(check.verdict)
    .hex();
  const violationMs = check.explanation ? checkOps[check.explanation.cannotPlace].call : NaN;
  const marks = Float64Array.from(new Set([...s.events.map((e) => e.t), ...(Number.isNaN(violationMs) ? [] : [violationMs])])).sort();
  const endTime = sim.now / TICKS_PER_MS;
  context.progress(1);
  return {
    lab: 'quorums',
    traceHash,
    metrics: {
      ops: history.length,
      ok: totals.ok,
      failed: totals.failed,
      timeouts: totals.timeouts,
      reads: totals.reads,
      writes: totals.writes,
      staleReads: staleness.staleReads,
      kStalenessMax: staleness.kMax,
      tVisibilityMaxMs: staleness.tVisibilityMax,
      linearizable: check.verdict === 'linearizable' ? 1 : check.verdict === 'not linearizable' ? 0 : -1,
      hintsStored: rec.hintsStored,
      hintsDelivered: rec.hintsDelivered,
      readRepairs: countPhase(contacts.phase, Phase.repair),
      latencyP50Ms: totals.latencyP50Ms,
      latencyP99Ms: totals.latencyP99Ms,
      engineEvents: sim.events,
    },
    endTime,
    marks,
    ...(sim.stoppedAtLimit ? { stoppedAtLimit: sim.stoppedAtLimit } : {}),
    nodeCount: s.nodes,
    n: s.n,
    w: s.w,
    r: s.r,
    quorum: quorumFacts(s.n, s.w, s.r),
    requests,
    contacts,
    handoffs: rec.handoffs(),
    history: checkOps.map(historyOp),
    check,
    staleness,
    finalVersion,
    finalValue,
  };
};

function nodeOf(sim: Simulation<Msg>, id: number): { version: number; value: number } {
  const disk = sim.node(id).storage.disk as { version: number; value: number } | undefined;
  return disk ?? { version: 0, value: 0 };
}

/** Query replies older than the version their request chose. */
function behind(contacts: ContactColumns, chosen: Int32Array): Uint8Array {
  return Uint8Array.from(contacts.request, (op, j) => {
    const v = contacts.version[j];
    return contacts.phase[j] === Phase.query && !Number.isNaN(contacts.replyMs[j]) && chosen[op] >= 0 && v < chosen[op] ? 1 : 0;
  });
}

function countPhase(phase: Uint8Array, code: number): number {
  let count = 0;
  for (const p of phase) if (p === code) count++;
  return count;
}

const STATUS_CODE = { pending: RequestStatus.pending, ok: RequestStatus.ok, fail: RequestStatus.fail, timeout: RequestStatus.timeout } as const;

function requestColumns(history: readonly RegisterOp[], rec: Recorder, stale: readonly { op: number; k: number }[]): RequestColumns {
  const count = history.length;
  const cols: RequestColumns = {
    kind: new Uint8Array(count),
    process: new Int32Array(count),
    coordinator: new Uint8Array(count),
    callMs: new Float64Array(count),
    retMs: new Float64Array(count),
    status: new Uint8Array(count),
    value: new Int32Array(count),
    version: new Int32Array(count),
    versionSeenMax: new Int32Array(count),
    isStale: new Uint8Array(count),
    staleK: new Uint16Array(count),
    contactStart: new Uint32Array(count + 1),
  };
  history.forEach((op, i) => {
    const isWrite = op.input.f === 'write';
    cols.kind[i] = isWrite ? OpKind.write : OpKind.read;
    cols.process[i] = op.process;
    cols.coordinator[i] = rec.coordinator[i];
    cols.callMs[i] = op.call / TICKS_PER_MS;
    cols.retMs[i] = op.ret === Infinity ? NaN : op.ret / TICKS_PER_MS;
    cols.status[i] = STATUS_CODE[op.status];
    cols.value[i] = op.input.f === 'write' ? op.input.value as number : op.status === 'ok' ? ((op.output as number | null) ?? 0) : -1;
    cols.version[i] = rec.version[i];
    cols.versionSeenMax[i] = rec.seenMax[i];
  });
  for (const { op, k } of stale) {
    cols.isStale[op] = 1;
    cols.staleK[op] = Math.min(k, 0xffff);
  }
  return cols;
}

function totalsOf(history: readonly RegisterOp[]) {
  let ok = 0;
  let failed = 0;
  let timeouts = 0;
  let writes = 0;
  const latency: number[] = [];
  for (const op of history) {
    if (op.input.f === 'write') writes++;
    if (op.status === 'ok') {
      ok++;
      latency.push((op.ret - op.call) / TICKS_PER_MS);
    } else if (op.status === 'fail') failed++;
    else if (op.status === 'timeout') timeouts++;
  }
  const sorted = Float64Array.from(latency).sort();
  return {
    ok, failed, timeouts, writes, reads: history.length - writes,
    latencyP50Ms: sorted.length > 0 ? quantileSorted(sorted, 0.5) : NaN,
    latencyP99Ms: sorted.length > 0 ? quantileSorted(sorted, 0.99) : NaN,
  };
}

function historyOp(op: RegisterOp): HistoryOp {
  return {
    index: op.index,
    process: op.process,
    input: op.input.f === 'write' ? { f: 'write', value: op.input.value as number } : { f: 'read' },
    output: op.input.f === 'read' ? ((op.output as number | null | undefined) ?? null) : undefined,
    call: op.call,
    ret: op.ret,
    status: op.status,
  };
}

export type { RunContext };
