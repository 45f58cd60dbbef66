/**
 * The leaderless register store, a kit piece (Dynamo-style; the quorums lab's store and the one CAP
 * compares modes on): one key on N replicas (nodes 0..n-1), any node coordinating a client request with
 * read and write quorums, and the options read repair, ABD write-back and sloppy quorum with hinted
 * handoff (./node.ts); closed-loop clients (./clients.ts); the spec's faults, in the engine's vocabulary.
 *
 * `runStore` runs it; `storeOutcome` also checks the history (linearizability of one register, staleness)
 * and packs what every lab built on it reports: per-request columns, totals and the trace hash. Pure and
 * deterministic: every draw comes from the spec's seed, forked per purpose and per client.
 */
import type { RegisterInput } from '../../../core/checkers';
import { TraceHasher } from '../../../core/hash/traceHasher';
import { hashedVersion } from '../../../core/quorum';
import { rng } from '../../../core/random/rng';
import { quantileSorted } from '../../../core/stats';
import { scheduleScenario } from '../../scenario';
import type { ScenarioEvent } from '../../scenarioEvent';
import { Simulation } from '../../simulation';
import type { StageOptions } from '../../stageLog';
import {
  checkRegisterHistory, historyColumns, okLatencyMs, registerValue, staleColumns, statusCounts, verdictMetric,
  type CheckedHistory, type RegisterOp,
} from '../history';
import { hopLatency, type HopLatency } from '../latency';
import { TICKS_PER_MS, msToTicks, ticksToMs } from '../time';
import type { RequestRow } from '../closedLoop';
import { storeClients, storeRequests } from './clients';
import { Phase, type Bug, type CoordinatorChoice, type StoreRequestColumns } from './codes';
import type { Msg, NodeConfig, NodeHost } from './messages';
import { QuorumNode, storedState } from './node';
import { StoreRecorder } from './recorder';

/** What a store run is: cluster, quorums, options, workload, network (./latency.ts) and faults; times in ms. */
export interface StoreSpec extends HopLatency {
  /** Root of every random stream (latencies, loss, workload, coordinators). */
  seed: number;
  /** Nodes in the cluster n0..n(nodes-1): any of them coordinates. */
  nodes: number;
  /** Replicas of the key (N): its preference list is n0..n(n-1); nodes past it are sloppy-quorum fallbacks. */
  n: number;
  /** Write quorum W: acks a write waits for (1..n). */
  w: number;
  /** Read quorum R: replies a read waits for (1..n). */
  r: number;
  /** Client processes, each running one operation at a time. */
  clients: number;
  /** Operations over all clients. */
  ops: number;
  /** Percent of operations that write (the rest read). */
  writePct: number;
  /** Mean pause of a client between operations (uniform 0..2x mean), ms. */
  thinkMs: number;
  /** How a client picks the coordinator: a random node per operation, or always node (client mod nodes). */
  coordinator: CoordinatorChoice;
  /** Probability that a message is lost. */
  loss: number;
  /** A coordinator gives up on a request after this long, ms (a write may then have taken effect). */
  timeoutMs: number;
  /** After answering a read, send the chosen version to replicas that replied with an older one. */
  readRepair: boolean;
  /** ABD: before answering, a read writes the chosen version back to W replicas. */
  writeBack: boolean;
  /** A preferred replica silent for fallbackMs is replaced by a fallback node holding a hint. */
  sloppyQuorum: boolean;
  /** Sloppy quorum: how long the coordinator waits for a preferred replica before asking a fallback, ms. */
  fallbackMs: number;
  /** Sloppy quorum: a fallback retries handing its hints to their replica this often, ms. */
  handoffMs: number;
  /** A deliberately broken coordinator, to show the checker catching it. */
  bug: Bug;
  /** Faults (crash, recover, pause, resume, partition, heal) and client requests, by time in ms. */
  events: readonly ScenarioEvent[];
}

/** What a host gives a run: progress reports and a work budget (a lab's RunContext). */
export interface StoreContext {
  progress(fraction: number): void;
  work(units: number): void;
}

/** Search steps the linearizability check may take (the verdict is 'unknown' past it). */
export const CHECK_STEPS_MAX = 5_000_000;
/** Engine events a run may handle (a run hitting it says so in stoppedAtLimit). */
export const EVENTS_MAX = 2_000_000;

export interface StoreRun {
  sim: Simulation<Msg>;
  rec: StoreRecorder;
  history: readonly RegisterOp[];
  /** The script's one-off client requests that started (../clientRequest.ts). */
  requests: readonly RequestRow[];
}

/**
 * What a run's stage log records: the engine's stage options, or a function making them from the run's
 * recorder and history (a describer that reads them as messages are sent, like ./stage.ts's StoreStage).
 */
export type StoreStageOptions = StageOptions<Msg> | ((rec: StoreRecorder, history: () => readonly RegisterOp[]) => StageOptions<Msg>);

/**
 * Runs the store and its clients to the end. With `stage`, the engine also keeps a stage log (message
 * labels, card fields) outside the trace: the run and its hash are the same with or without it.
 */
export function runStore(s: StoreSpec, context?: StoreContext, stage?: StoreStageOptions): StoreRun {
  const cfg: NodeConfig = {
    nodes: s.nodes, n: s.n, w: s.w, r: s.r,
    timeoutTicks: msToTicks(s.timeoutMs), fallbackTicks: msToTicks(s.fallbackMs), handoffTicks: msToTicks(s.handoffMs),
    readRepair: s.readRepair, writeBack: s.writeBack, sloppyQuorum: s.sloppyQuorum, bug: s.bug,
  };
  const rec = new StoreRecorder();
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
  const sim: Simulation<Msg> = new Simulation<Msg>({
    seed: s.seed,
    nodes: s.nodes,
    network: { latency: hopLatency(s), loss: s.loss },
    protocol: (ctx) => new QuorumNode(ctx, cfg, host),
    limits: { maxEvents: EVENTS_MAX },
    ...(stage ? { stage: typeof stage === 'function' ? stage(rec, (): readonly RegisterOp[] => sim.history.operations as readonly RegisterOp[]) : stage } : {}),
  });
  const root = rng(s.seed).fork('clients');
  const clients = storeClients(s, root, sim, rec, cfg.timeoutTicks, context);
  scheduleScenario(sim, s.events, { ticksPerUnit: TICKS_PER_MS, onEvent: storeRequests(s, clients, root, sim, rec, cfg.timeoutTicks) });
  clients.start();
  sim.run();
  return { sim, rec, history: sim.history.operations as readonly RegisterOp[], requests: clients.requests };
}

export type StoreMetrics = {
  ops: number; ok: number; failed: number; timeouts: number; reads: number; writes: number;
  staleReads: number; kStalenessMax: number; tVisibilityMaxMs: number; linearizable: number;
  hintsStored: number; hintsDelivered: number; readRepairs: number; latencyP50Ms: number; latencyP99Ms: number;
  engineEvents: number;
};

/** A store run checked and packed. */
export interface StoreOutcome {
  run: StoreRun;
  /** The history in ms, its linearizability verdict and the reads' staleness. */
  checked: CheckedHistory;
  requests: StoreRequestColumns;
  metrics: StoreMetrics;
  /** Hash of the trace, the values and versions every request ended with, and the verdict. */
  traceHash: string;
  endMs: number;
  stoppedAtLimit?: string;
}

/** Runs the store, checks its history (progress 0.6 after the run, 0.9 after the check) and packs it. */
export function storeOutcome(s: StoreSpec, context?: StoreContext, stage?: StoreStageOptions): StoreOutcome {
  const run = runStore(s, context, stage);
  context?.progress(0.6);
  const checked = checkRegisterHistory(run.history, CHECK_STEPS_MAX);
  context?.progress(0.9);
  const requests = requestColumns(run, checked.staleness.stale);
  const traceHash = new TraceHasher()
    .string(run.sim.trace.columns().hash)
    .numbers(requests.value)
    .numbers(Array.from(requests.version, hashedVersion))
    .string(checked.check.verdict)
    .hex();
  const { sim } = run;
  return {
    run, checked, requests, metrics: metricsOf(run, checked), traceHash, endMs: ticksToMs(sim.now),
    ...(sim.stoppedAtLimit ? { stoppedAtLimit: sim.stoppedAtLimit } : {}),
  };
}

/** What each node stores at the end: version and value (-1 for nodes past N, which hold no copy). */
export function finalState(run: StoreRun, n: number): { version: Int32Array; value: Int32Array } {
  const nodes = run.sim.nodeCount;
  const stored = (i: number) => storedState(run.sim.node(i).storage);
  return {
    version: Int32Array.from({ length: nodes }, (_, i) => (i < n ? stored(i).version : -1)),
    value: Int32Array.from({ length: nodes }, (_, i) => (i < n ? stored(i).value : -1)),
  };
}

function requestColumns({ history, rec, requests }: StoreRun, stale: readonly { op: number; k: number }[]): StoreRequestColumns {
  const count = history.length;
  const isRequest = new Uint8Array(count);
  for (const r of requests) isRequest[r.op] = 1;
  const perOp = (of: readonly number[]) => (_: unknown, i: number) => of[i];
  return {
    ...historyColumns(history, (input) => input.f === 'write'),
    ...staleColumns(count, stale),
    coordinator: Uint8Array.from({ length: count }, perOp(rec.coordinator)),
    value: Int32Array.from(history, registerValue),
    version: Int32Array.from({ length: count }, perOp(rec.version)),
    versionSeenMax: Int32Array.from({ length: count }, perOp(rec.seenMax)),
    isRequest,
  };
}

function metricsOf({ sim, rec, history }: StoreRun, { check, staleness }: CheckedHistory): StoreMetrics {
  const writes = history.filter((op) => op.input.f === 'write').length;
  const latency = okLatencyMs(history);
  return {
    ops: history.length,
    ...statusCounts(history),
    reads: history.length - writes,
    writes,
    staleReads: staleness.staleReads,
    kStalenessMax: staleness.kMax,
    tVisibilityMaxMs: staleness.tVisibilityMax,
    linearizable: verdictMetric(check.verdict),
    hintsStored: rec.hintsStored,
    hintsDelivered: rec.hintsDelivered,
    readRepairs: rec.contactsIn(Phase.repair),
    latencyP50Ms: quantileSorted(latency, 0.5),
    latencyP99Ms: quantileSorted(latency, 0.99),
    engineEvents: sim.events,
  };
}
