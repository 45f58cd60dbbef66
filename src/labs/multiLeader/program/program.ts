/**
 * The multi-leader program: scenario -> the same workload and faults run twice on the engine, with
 * last-writer-wins and with siblings (./node.ts), then each client history checked for linearizability
 * (key-value model, one register per key), each acknowledged write's fate decided (./outcome.ts), and
 * everything packed into columns. Pure and deterministic: every draw comes from the scenario's seed,
 * forked per purpose and per client, and both runs draw the same numbers in the same order.
 */
import { checkLinearizability, kvModel, type CheckResult, type KvInput, type KvOutput } from '../../../core/checkers';
import { formatVector } from '../../../core/clocks';
import { TraceHasher } from '../../../core/hash/traceHasher';
import { rng } from '../../../core/random/rng';
import { quantileSorted } from '../../../core/stats';
import { Simulation, applyFault, scheduleScenario, type LatencySpec, type Operation } from '../../../sim/index';
import { packOperations } from '../../clientHistory';
import type { LabProgram, RunContext } from '../../contract';
import { ClientDriver, readOutput } from './clients';
import type { SiblingsBug } from './messages';
import type { Resolution } from '../result';
import { Leader, storedState, type Msg, type NodeConfig, type NodeHost, type Write } from './node';
import { isConverged, outcomeOf } from './outcome';
import { Fate as StageFate, type StageData } from '../../../core/stage/types';
import { Recorder } from './record';
import { stageOf, stageOptions } from './stage';
import { Fate, type ConflictColumns, type LostColumns, type MultiLeaderResult, type OpColumns, type RunResult } from '../result';
import type { MultiLeaderScenario } from '../scenario';
import { historyColumns, historyInMs, okLatencyMs, statusCounts, verdictMetric } from '../../../sim/kit/history';
import { TICKS_PER_MS, msToTicks, ticksToMs } from '../../../sim/kit/time';
import { requestHandler } from '../../../sim/kit/clientRequest';

export type * from '../result';

/** Search steps each linearizability check may take (the verdict is 'unknown' past it). */
export const CHECK_STEPS_MAX = 5_000_000;
/** Engine events a run may handle. */
export const EVENTS_MAX = 2_000_000;
/** Resends stop this many retry periods after the last client operation and the last scripted event. */
const SETTLE_RETRIES = 20;

type KvOp = Operation<KvInput, KvOutput>;

export interface Run {
  sim: Simulation<Msg>;
  rec: Recorder;
  clients: ClientDriver;
  history: readonly KvOp[];
  /** states[region][key]: what each leader holds at the end. */
  states: Write[][][];
}


export function interLatency(s: MultiLeaderScenario): LatencySpec {
  const half = msToTicks(s.interMs / 2);
  return s.interLatency === 'uniform'
    ? { kind: 'uniform', minTicks: half, maxTicks: msToTicks(s.interMs * 1.5) }
    : { kind: 'exponential', minTicks: half, meanTicks: Math.max(1, half) };
}

/**
 * Runs the store and its clients to the end with one resolution; the program and the tests start here.
 * `withStage` also records what the stage draws (outside the trace: the hash is the same).
 */
export function simulate(s: MultiLeaderScenario, resolution: Resolution, context?: RunContext, bug: SiblingsBug = 'none', withStage = false): Run {
  const cfg: NodeConfig = { regions: s.regions, keys: s.keys, resolution, retryTicks: msToTicks(s.retryMs), bug };
  const rec = new Recorder();
  const host: NodeHost = {
    rec,
    get quietTick() {
      return clients.loop.quietTick(s.events, SETTLE_RETRIES * cfg.retryTicks);
    },
  };
  const sim = new Simulation<Msg>({
    seed: s.seed,
    nodes: s.regions,
    network: { latency: interLatency(s) },
    protocol: (ctx) => new Leader(ctx, cfg, host),
    limits: { maxEvents: EVENTS_MAX },
    ...(withStage ? { stage: stageOptions(s.regions) } : {}),
  });
  if (s.skewMs !== 0) applyFault(sim, { type: 'skew', node: 1, ticks: msToTicks(s.skewMs) });
  const clients = new ClientDriver(s, rng(s.seed).fork('clients'), sim, context);
  scheduleScenario(sim, s.events, { ticksPerUnit: TICKS_PER_MS, onEvent: requestHandler(clients.loop, (c, op) => clients.startRequest(c, op)) });
  clients.watchPauses(s.events);
  clients.loop.start();
  sim.run();
  const states = Array.from({ length: s.regions }, (_, region) => Array.from({ length: s.keys }, (_, key) => [...storedState(sim.node(region).storage, key)]));
  return { sim, rec, clients, history: sim.history.operations as readonly KvOp[], states };
}

/** One resolution's run, checked and packed; with its stage when `withStage` (the program's runs). */
export function runResult(s: MultiLeaderScenario, resolution: Resolution, context?: RunContext, bug: SiblingsBug = 'none', withStage = false): RunResult {
  const run = simulate(s, resolution, context, bug, withStage);
  const { sim, rec, history, states } = run;
  const historyMs = historyInMs(history);
  const check: CheckResult = checkLinearizability(kvModel(), historyMs, { stepsMax: CHECK_STEPS_MAX });
  const outcome = outcomeOf(history, rec.writes, states, rec.droppedFor, run.clients.readFrom);
  const ops = opColumns(history, rec.writes, outcome.fate, s.clientsPerRegion, s.regions);
  const lost: LostColumns = {
    op: Uint32Array.from(outcome.lost, (l) => l.op),
    key: Uint8Array.from(outcome.lost, (l) => l.key),
    winner: Uint32Array.from(outcome.lost, (l) => Math.max(0, l.winner)),
    hops: Uint16Array.from(outcome.lost, (l) => Math.min(0xffff, l.hops)),
    isAfterWinner: Uint8Array.from(outcome.lost, (l) => (l.isAfterWinner ? 1 : 0)),
  };
  const conflicts = conflictColumns(rec);
  const converged = isConverged(states);
  const count = (code: number) => ops.fate.reduce((n, f) => n + (f === code ? 1 : 0), 0);
  const writeMs = okLatencyMs(history, (op) => op.input.f === 'put');
  const rtt = sortedMs(rec.roundTrips);
  const lag = sortedMs(rec.lags);
  const trace = sim.trace.columns();
  const finalValues = states.map((region) => region.map((ws) => readOutput(ws.map((w) => w.value))));
  const writeDots = rec.writes.map((w) => (w ? `r${w.dot.node}#${w.dot.counter}` : ''));
  const writeContexts = rec.writes.map((w) => (w ? formatVector(w.context, s.regions) : ''));
  const metrics: Record<string, number> = {
    ops: history.length,
    ...statusCounts(history),
    writesAcked: history.filter((op) => op.input.f === 'put' && op.status === 'ok').length,
    conflicts: conflicts.a.length,
    kept: count(Fate.kept),
    superseded: count(Fate.superseded),
    lostUpdates: count(Fate.lost),
    lostAfterWinner: lost.isAfterWinner.reduce((n, x) => n + x, 0),
    siblingReads: run.clients.siblingReads,
    siblingsMax: rec.siblingsMax,
    merges: run.clients.merges,
    converged: converged ? 1 : 0,
    lastChangeMs: ticksToMs(rec.lastChangeTick),
    writeP50Ms: quantileSorted(writeMs, 0.5),
    writeP99Ms: quantileSorted(writeMs, 0.99),
    roundTripP50Ms: quantileSorted(rtt, 0.5),
    replicationLagP50Ms: quantileSorted(lag, 0.5),
    replicationLagMaxMs: lag.length > 0 ? lag[lag.length - 1] : NaN,
    linearizable: verdictMetric(check.verdict),
    engineEvents: sim.events,
  };
  const traceHash = new TraceHasher().string(trace.hash).numbers(ops.value).numbers(ops.fate).string(finalValues.flat().join(';')).string(check.verdict).hex();
  const replication = rec.replication(s.regions);
  const stage = withStage ? stageOf({ sim, rec, resolution, regions: s.regions, clientsPerRegion: s.clientsPerRegion, ticksPerMs: TICKS_PER_MS, flagMs: s.interMs, requests: run.clients.loop.requests }) : undefined;
  return {
    resolution, metrics, ops, conflicts, lost, replication, writeDots, writeContexts, finalValues, isConverged: converged, check, historyMs: packOperations(historyMs), traceHash,
    ...(stage ? { stage } : {}), ...(sim.stoppedAtLimit ? { stoppedAtLimit: sim.stoppedAtLimit } : {}),
  };
}

export const program: LabProgram<MultiLeaderScenario, MultiLeaderResult> = (s, context) => {
  const lww = runResult(s, 'lww', context, 'none', true);
  context.progress(0.5);
  const siblings = runResult(s, 'siblings', context, 'none', true);
  context.progress(1);
  const metrics: Record<string, number> = {};
  for (const run of [lww, siblings]) for (const [name, value] of Object.entries(run.metrics)) metrics[`${run.resolution}.${name}`] = value;
  const stoppedAtLimit = lww.stoppedAtLimit ?? siblings.stoppedAtLimit;
  const endTime = Math.max(lastMoment(lww), lastMoment(siblings), s.events.length > 0 ? s.events[s.events.length - 1].t : 0);
  return {
    lab: 'multi-leader',
    traceHash: new TraceHasher().string(lww.traceHash).string(siblings.traceHash).hex(),
    metrics,
    endTime,
    marks: eventMarks([lww, siblings], s.events),
    ...(stoppedAtLimit ? { stoppedAtLimit } : {}),
    regions: s.regions,
    keys: s.keys,
    runs: [lww, siblings],
    clientHistories: [lww, siblings].map((run) => ({ name: run.resolution === 'lww' ? 'LWW' : 'siblings', model: 'kv' as const, operations: run.historyMs })),
    // The messages are the same in both runs: the app paces playback by this one's median latency.
    stage: lww.stage,
  };
};

function opColumns(history: readonly KvOp[], writes: readonly (Write | undefined)[], fate: Uint8Array, perRegion: number, regions: number): OpColumns {
  const count = history.length;
  const clients = perRegion * regions;
  const cols: OpColumns = {
    ...historyColumns(history, (input) => input.f === 'put'),
    region: Uint8Array.from(history, (op) => Math.floor((op.process % clients) / perRegion)),
    key: Uint8Array.from(history, (op) => Number(op.input.key.slice(1))),
    value: new Int32Array(count), returned: new Uint8Array(count), fate, tsMs: new Float64Array(count).fill(NaN),
  };
  history.forEach((op, i) => {
    if (op.input.f === 'put') {
      cols.value[i] = i + 1;
      const w = writes[i];
      if (w) cols.tsMs[i] = ticksToMs(w.ts);
    } else if (op.status === 'ok') {
      const values = (op.output ?? '') === '' ? [] : (op.output as string).split('|').map(Number);
      cols.value[i] = values.length > 0 ? values[0] : 0;
      cols.returned[i] = Math.min(255, values.length);
    } else {
      cols.value[i] = -1;
    }
  });
  return cols;
}

function conflictColumns(rec: Recorder): ConflictColumns {
  const c = rec.conflicts;
  const keeps = (a: number, b: number) => {
    const wa = rec.writes[a]!;
    const wb = rec.writes[b]!;
    return wa.ts > wb.ts || (wa.ts === wb.ts && wa.dot.node > wb.dot.node) ? a : b;
  };
  return {
    key: Uint8Array.from(c, (x) => x.key),
    region: Uint8Array.from(c, (x) => x.region),
    tMs: Float64Array.from(c, (x) => ticksToMs(x.tick)),
    a: Uint32Array.from(c, (x) => x.a),
    b: Uint32Array.from(c, (x) => x.b),
    lwwKeeps: Uint32Array.from(c, (x) => keeps(x.a, x.b)),
  };
}

/**
 * The last time anything happened that the Panel shows: a state change, a call or a return, a message
 * delivered (not the resends a crashed region never answers, which go on until the run's quiet time).
 */
function lastMoment(run: RunResult): number {
  let t = Math.max(run.metrics.lastChangeMs, lastDelivery(run.stage));
  for (let i = 0; i < run.ops.callMs.length; i++) t = Math.max(t, run.ops.callMs[i], Number.isNaN(run.ops.retMs[i]) ? 0 : run.ops.retMs[i]);
  return t;
}

function lastDelivery(stage: StageData | undefined): number {
  let t = 0;
  const m = stage?.messages;
  if (m) for (let i = 0; i < m.count; i++) if (m.fate[i] === StageFate.delivered && m.end[i] > t) t = m.end[i];
  return t;
}

/** What Step walks: every moment either run's stage shows something happen (sends, deliveries, faults, conflicts), and the script's times. */
function eventMarks(runs: readonly RunResult[], script: readonly { t: number }[]): Float64Array {
  const times = new Set<number>(script.map((e) => e.t));
  for (const run of runs) if (run.stage) for (const t of run.stage.events.time) times.add(t);
  return Float64Array.from(times).sort();
}

function sortedMs(ticksList: readonly number[]): Float64Array {
  return Float64Array.from(ticksList, ticksToMs).sort();
}

export type { RunContext };
