/**
 * The quorums program: scenario -> a leaderless register (./node.ts) on the engine, driven by closed-loop
 * clients, with the scenario's faults; then the client history checked for linearizability (single
 * register) and measured for staleness, and every request's quorum data packed into columns. Pure and
 * deterministic: every draw comes from the scenario's seed, forked per purpose and per client.
 */
import { TraceHasher } from '../../../core/hash/traceHasher';
import { hashedVersion, quorumFacts } from '../../../core/quorum';
import { rng } from '../../../core/random/rng';
import { quantileSorted } from '../../../core/stats';
import { Simulation, scheduleScenario } from '../../../sim/index';
import type { LabProgram, RunContext } from '../../contract';
import { storeClients } from './clients';
import { QuorumNode, type Msg, type NodeConfig, type NodeHost } from './node';
import { Recorder } from './record';
import { Phase, type ContactColumns, type QuorumsResult, type RequestColumns } from '../result';
import type { QuorumsScenario } from '../scenario';
import type { RegisterInput } from '../../../core/checkers';
import { checkRegisterHistory, historyColumns, historyOp, okLatencyMs, registerValue, staleColumns, statusCounts, verdictMetric, type RegisterOp } from '../../../sim/kit/history';
import { hopLatency } from '../../../sim/kit/latency';
import { TICKS_PER_MS, msToTicks, ticksToMs } from '../../../sim/kit/time';

export type * from '../result';

/** Search steps the linearizability check may take (the verdict is 'unknown' past it). */
export const CHECK_STEPS_MAX = 5_000_000;
/** Engine events a run may handle (a scenario hitting it says so in stoppedAtLimit). */
export const EVENTS_MAX = 2_000_000;


export interface Run {
  sim: Simulation<Msg>;
  rec: Recorder;
  history: readonly RegisterOp[];
}

/** Runs the store and its clients to the end; the program and the tests both start here. */
export function simulate(s: QuorumsScenario, context?: RunContext): Run {
  const cfg: NodeConfig = {
    nodes: s.nodes, n: s.n, w: s.w, r: s.r,
    timeoutTicks: msToTicks(s.timeoutMs), fallbackTicks: msToTicks(s.fallbackMs), handoffTicks: msToTicks(s.handoffMs),
    readRepair: s.readRepair, writeBack: s.writeBack, sloppyQuorum: s.sloppyQuorum, bug: s.bug,
  };
  const rec = new Recorder(TICKS_PER_MS);
  const settleTicks = 5 * cfg.handoffTicks + 2 * cfg.timeoutTicks;
  const isRead = (op: number) => (sim.history.operations[op].input as RegisterInput).f === 'read';
  const host: NodeHost = {
    rec,
    answer: (op, output) => clients.answer(op, isRead(op) ? (output === 0 ? null : output) : undefined),
    giveUp: (op, mayHaveEffect) => clients.giveUp(op, mayHaveEffect),
    get quietTick() {
      return clients.quietTick(s.events, settleTicks);
    },
  };
  const sim = new Simulation<Msg>({
    seed: s.seed,
    nodes: s.nodes,
    network: { latency: hopLatency(s), loss: s.loss },
    protocol: (ctx) => new QuorumNode(ctx, cfg, host),
    limits: { maxEvents: EVENTS_MAX },
  });
  const clients = storeClients(s, rng(s.seed).fork('clients'), sim, rec, cfg.timeoutTicks, context);
  scheduleScenario(sim, s.events, { ticksPerUnit: TICKS_PER_MS });
  clients.start();
  sim.run();
  return { sim, rec, history: sim.history.operations as readonly RegisterOp[] };
}

export const program: LabProgram<QuorumsScenario, QuorumsResult> = (s, context) => {
  const { sim, rec, history } = simulate(s, context);
  context.progress(0.6);
  const { ops: checkOps, check, staleness } = checkRegisterHistory(history, CHECK_STEPS_MAX);
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
    .numbers(Array.from(requests.version, hashedVersion))
    .string(check.verdict)
    .hex();
  const violationMs = check.explanation ? checkOps[check.explanation.cannotPlace].call : NaN;
  const marks = Float64Array.from(new Set([...s.events.map((e) => e.t), ...(Number.isNaN(violationMs) ? [] : [violationMs])])).sort();
  const endTime = ticksToMs(sim.now);
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
      linearizable: verdictMetric(check.verdict),
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

function requestColumns(history: readonly RegisterOp[], rec: Recorder, stale: readonly { op: number; k: number }[]): RequestColumns {
  const count = history.length;
  const perOp = (of: readonly number[]) => (_: unknown, i: number) => of[i];
  return {
    ...historyColumns(history, (input) => input.f === 'write'),
    ...staleColumns(count, stale),
    coordinator: Uint8Array.from({ length: count }, perOp(rec.coordinator)),
    value: Int32Array.from(history, registerValue),
    version: Int32Array.from({ length: count }, perOp(rec.version)),
    versionSeenMax: Int32Array.from({ length: count }, perOp(rec.seenMax)),
    contactStart: new Uint32Array(count + 1),
  };
}

function totalsOf(history: readonly RegisterOp[]) {
  const writes = history.filter((op) => op.input.f === 'write').length;
  const latency = okLatencyMs(history);
  return {
    ...statusCounts(history), writes, reads: history.length - writes,
    latencyP50Ms: quantileSorted(latency, 0.5),
    latencyP99Ms: quantileSorted(latency, 0.99),
  };
}


export type { RunContext };
