/**
 * The leader-follower program: scenario -> a replicated register (./node.ts, ./leader.ts) on the engine,
 * driven by closed-loop clients (./clients.ts), with the scenario's faults; an observer records roles,
 * leases and lag (./record.ts, ./lag.ts); then the run is analysed (./analysis.ts: lost acknowledged
 * writes, split brain, invariants), the client history is checked for linearizability (single register)
 * and measured for staleness, and the same scenario runs in the other two replication modes for the
 * comparison table. Pure and deterministic: every draw comes from the scenario's seed.
 */
import { TraceHasher } from '../../../core/hash/traceHasher';
import { rng } from '../../../core/random/rng';
import { quantileSorted } from '../../../core/stats';
import { NodeStatus, Simulation, scheduleScenario } from '../../../sim/index';
import { packOperations } from '../../clientHistory';
import type { LabProgram, RunContext } from '../../contract';
import { analyze, type Analysis } from './analysis';
import { ClientDriver } from './clients';
import { LagSampler } from './lag';
import { ReplicaNode, type Disk, type Msg, type NodeConfig, type NodeHost } from './node';
import { Recorder } from './record';
import { REPLICATION_MODES, type LeaderFollowerResult, type ModeSummary, type ReplicationMode } from '../result';
import { horizon, settleMs, type LeaderFollowerScenario } from '../scenario';
import { requestColumns } from './columns';
import { checkRegisterHistory, historyOp, okLatencyMs, statusCounts, verdictMetric, type CheckedHistory, type RegisterOp } from '../../../sim/kit/history';
import { TICKS_PER_MS, msToTicks, ticksToMs } from '../../../sim/kit/time';
import { stageOf, stageOptions } from './stage';
import { requestHandler } from '../../../sim/kit/clientRequest';
import type { RequestRow } from '../../../sim/kit/closedLoop';

export type * from '../result';

/** Search steps the linearizability check may take (the verdict is 'unknown' past it). */
export const CHECK_STEPS_MAX = 5_000_000;
/** Engine events a run may handle (a scenario hitting it says so in stoppedAtLimit). */
export const EVENTS_MAX = 3_000_000;
/** Lag samples over the expected horizon (the chart's resolution). */
const SAMPLES_PER_RUN = 600;


export interface Run {
  sim: Simulation<Msg>;
  rec: Recorder;
  lag: LagSampler;
  sampleMs: number;
  history: readonly RegisterOp[];
  /** The script's one-off client requests that started. */
  requests: readonly RequestRow[];
}


/** Runs the store and its clients to the end; the program and the tests both start here. */
export function simulate(s: LeaderFollowerScenario, context?: RunContext, withStage = false): Run {
  const cfg: NodeConfig = {
    nodes: s.nodes, mode: s.replication, fencing: s.fencing,
    heartbeatTicks: msToTicks(s.heartbeatMs), detectTicks: msToTicks(s.detectMs), leaseTicks: msToTicks(s.leaseMs), applyTicks: msToTicks(s.applyMs),
  };
  const rec = new Recorder();
  const quietTick = () => clients.loop.quietTick(s.events, msToTicks(settleMs(s)));
  const host: NodeHost = { rec, acknowledge: (op) => clients.acknowledged(op), get quietTick() { return quietTick(); } };
  const sim = new Simulation<Msg>({
    seed: s.seed,
    nodes: s.nodes,
    network: { latency: { kind: 'uniform', minTicks: msToTicks(s.latencyMsMin), maxTicks: msToTicks(s.latencyMsMax) }, loss: s.loss },
    protocol: (ctx) => new ReplicaNode(ctx, cfg, host),
    limits: { maxEvents: EVENTS_MAX },
    ...(withStage ? { stage: stageOptions } : {}),
  });
  const actor = (node: number) => sim.node(node).actor as unknown as ReplicaNode;
  const sampleMs = Math.max(1, Math.ceil(horizon(s) / SAMPLES_PER_RUN));
  const lag = new LagSampler(sim, s.nodes, msToTicks(sampleMs), () => sim.now >= quietTick());
  rec.onLeaderAppend = () => lag.onLeaderAppend();
  const clients = new ClientDriver(s, rng(s.seed).fork('clients'), { sim, actor, lagOf: (n) => lag.lagOf(n) }, rec, context);
  scheduleScenario(sim, s.events, { ticksPerUnit: TICKS_PER_MS, onEvent: requestHandler(clients.loop, (c, op) => clients.startRequest(c, op)) });
  observeFaults(sim, s, rec);
  clients.loop.start();
  lag.start();
  sim.run();
  rec.finish(sim.now);
  return { sim, rec, lag, sampleMs, history: sim.history.operations as readonly RegisterOp[], requests: clients.loop.requests };
}

/**
 * The recorder's view of the script: a crashed leader stops leading, and a paused one stops serving until
 * it resumes (scheduled after scheduleScenario, so each runs right after its fault at the same time).
 *
 * A crash also breaks the node's connections: what it had sent that had not arrived yet is lost, as the
 * unacknowledged tail of a TCP stream is when its sender dies (the engine itself delivers messages already
 * sent). Its outgoing links are cut until it recovers, unless the script partitioned or healed meanwhile
 * (then the script's cuts stand). This is what loses the tail of an async leader's log in a crash.
 */
function observeFaults(sim: Simulation<Msg>, s: LeaderFollowerScenario, rec: Recorder): void {
  let generation = 0;
  const broken = new Map<number, { generation: number; links: number[] }>();
  for (const e of s.events) {
    if (e.type === 'request') continue;
    if (e.type === 'partition' || e.type === 'heal') {
      sim.at(msToTicks(e.t), () => generation++);
      continue;
    }
    const node = e.node;
    sim.at(msToTicks(e.t), () => {
      const status = sim.node(node).status;
      if (e.type === 'crash' && status === NodeStatus.crashed) {
        rec.down(node, sim.now);
        if (broken.has(node)) return;
        const links = Array.from({ length: s.nodes }, (_, y) => y).filter((y) => y !== node && !sim.network.isCut(node, y));
        for (const y of links) sim.network.cut(node, y);
        broken.set(node, { generation, links });
      } else if (e.type === 'recover' && status === NodeStatus.up) {
        const cut = broken.get(node);
        broken.delete(node);
        if (cut && cut.generation === generation) for (const y of cut.links) sim.network.healLink(node, y);
      } else if (e.type === 'pause' && status === NodeStatus.paused) rec.servingEnd(node, sim.now);
      else if (e.type === 'resume' && status === NodeStatus.up) {
        const lead = (sim.node(node).actor as unknown as ReplicaNode | undefined)?.lead;
        if (lead?.isServing()) rec.servingFrom(node, lead.epoch, sim.now, s.fencing ? sim.now + (lead.leaseEnd - sim.node(node).localNow()) : Infinity);
      }
    });
  }
}

/** Linearizability (single register) and staleness of a run's history, in ms. */
export function checkRun(run: Run, stepsMax = CHECK_STEPS_MAX): CheckedHistory {
  return checkRegisterHistory(run.history, stepsMax);
}

/** The run's analysis (lost writes, split brain, invariants) from its recorder and final disks. */
export function analyzeRun(run: Run): Analysis {
  const disks = Array.from({ length: run.sim.nodeCount }, (_, n) => run.sim.node(n).storage.disk as Disk);
  const writes = run.history.filter((op) => op.input.f === 'write').map((op) => ({
    op: op.index, process: op.process, value: (op.input as { value: number }).value, isOk: op.status === 'ok',
  }));
  return analyze(run.rec, disks, writes);
}

export function summarize(mode: ReplicationMode, history: readonly RegisterOp[], checked: CheckedHistory, a: Analysis): ModeSummary {
  const writes = history.filter((op) => op.input.f === 'write');
  const sorted = okLatencyMs(writes);
  const { timeouts: writeTimeouts, failed: writesFailed } = statusCounts(writes);
  return {
    mode, writesOk: sorted.length, writeTimeouts, writesFailed,
    writeP50Ms: quantileSorted(sorted, 0.5), writeP99Ms: quantileSorted(sorted, 0.99),
    staleReads: checked.staleness.staleReads, lostAckedWrites: a.lost.length, verdict: checked.check.verdict,
  };
}

export const program: LabProgram<LeaderFollowerScenario, LeaderFollowerResult> = (s, context) => {
  const run = simulate(s, context, true);
  context.progress(0.3);
  const checked = checkRun(run);
  const a = analyzeRun(run);
  const compare = REPLICATION_MODES.map((mode, i) => {
    if (mode === s.replication) return summarize(mode, run.history, checked, a);
    const other = simulate({ ...s, replication: mode }, context);
    context.progress(0.3 + 0.3 * (i + 1));
    return summarize(mode, other.history, checkRun(other, CHECK_STEPS_MAX / 5), analyzeRun(other));
  });
  const requests = requestColumns(run.history, run.rec, checked.staleness.stale, run.requests);
  const lag = run.lag.series();
  const trace = run.sim.trace.columns();
  const traceHash = new TraceHasher()
    .string(trace.hash)
    .numbers(requests.value)
    .numbers(requests.node)
    .numbers(a.lost.map((l) => l.op))
    .string(checked.check.verdict)
    .hex();
  const endTime = ticksToMs(run.sim.now);
  const faults = s.events.map((e) => ({ tMs: e.t, label: eventLabel(e) }));
  const marks = Float64Array.from(new Set([...faults.map((f) => f.tMs), ...a.promotions.map((p) => p.tMs), ...a.stepDowns.map((x) => x.tMs)])).sort();
  context.progress(1);
  return {
    lab: 'leader-follower',
    traceHash,
    metrics: metricsOf(run, checked, a, compare.find((c) => c.mode === s.replication)!),
    endTime,
    marks,
    ...(run.sim.stoppedAtLimit ? { stoppedAtLimit: run.sim.stoppedAtLimit } : {}),
    nodeCount: s.nodes,
    mode: s.replication,
    readFrom: s.readFrom,
    fencing: s.fencing,
    requests,
    lag: { sampleMs: run.sampleMs, samples: lag.samples, nodeCount: s.nodes, entries: lag.entries, ageMs: lag.ageMs },
    leaders: a.leaders,
    serving: a.serving,
    splitBrain: a.splitBrain,
    promotions: a.promotions,
    stepDowns: a.stepDowns,
    lost: a.lost,
    compare,
    invariants: a.invariants,
    survivor: a.survivor,
    finalLastIndex: a.finalLastIndex,
    finalLastEpoch: a.finalLastEpoch,
    finalApplied: a.finalApplied,
    finalDivergent: a.finalDivergent,
    clientHistories: [{ model: 'register', operations: packOperations(checked.ops.map(historyOp)) }],
    check: checked.check,
    staleness: checked.staleness,
    faults,
    stage: stageOf(run.sim, s.clients, TICKS_PER_MS, run.requests),
  };
};

/** A script event as the fault timeline names it: "crash n0", "partition 0|1,2", "c1 write (request)". */
function eventLabel(e: LeaderFollowerScenario['events'][number]): string {
  if (e.type === 'request') return `c${e.client} ${e.op} (request)`;
  if ('node' in e) return `${e.type} n${e.node}`;
  return e.type === 'partition' ? `partition ${e.groups}` : e.type;
}

function metricsOf(run: Run, checked: CheckedHistory, a: Analysis, m: ModeSummary): Record<string, number> {
  return {
    ops: run.history.length,
    ...statusCounts(run.history),
    writesOk: m.writesOk,
    writeP50Ms: m.writeP50Ms,
    writeP99Ms: m.writeP99Ms,
    staleReads: checked.staleness.staleReads,
    kStalenessMax: checked.staleness.kMax,
    tVisibilityMaxMs: checked.staleness.tVisibilityMax,
    lostAckedWrites: a.lost.length,
    promotions: a.promotions.length,
    stepDowns: a.stepDowns.length,
    splitBrainMs: a.invariants.splitBrainMs,
    deposedWrites: a.invariants.deposedWrites,
    divergentEntries: a.invariants.divergentEntries,
    rollbacks: run.rec.rollbacks,
    linearizable: verdictMetric(checked.check.verdict),
    engineEvents: run.sim.events,
  };
}

export type { RunContext };
