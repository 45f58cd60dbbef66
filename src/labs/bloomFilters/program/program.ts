/**
 * The Bloom filters program: scenario -> the filter filled and measured (./filters.ts), the deletion
 * experiment, then the filter put in front of a slow store on the engine (./nodes.ts), its requests
 * drawn on the stage. Pure and deterministic: the keys are fixed names (item-i, probe-i), every draw of
 * the engine run comes from the scenario's seed.
 */
import type { BloomFilter } from '../../../core/bloom';
import { TraceHasher } from '../../../core/hash/traceHasher';
import { rng } from '../../../core/random/rng';
import { quantileSorted } from '../../../core/stats';
import { buildStage, scheduleScenario, Simulation, type Actor, type StageOptions } from '../../../sim/index';
import { msToTicks, TICKS_PER_MS, ticksToMs } from '../../../sim/kit/time';
import type { LabProgram, RunContext } from '../../contract';
import type { BloomResult, ContextResult, FilterOps } from '../result';
import { CLIENT, FRONT, NODE_NAMES, type BloomScenario } from '../scenario';
import { CELLS_MAX, deletionResult, filled, fillCurve, filterResult } from './filters';
import { Client, Front, Host, labelOf, Store, type Msg } from './nodes';

export type * from '../result';

/** Engine events a run may handle (2,000 requests need about 20,000). */
export const EVENTS_MAX = 1_000_000;

export const MESSAGE_KINDS = ['get', 'put', 'read', 'write', 'found', 'absent', 'written', 'no', 'value', 'none', 'ok'] as const;
export const CARD_FIELDS = ['role', 'state'] as const;

const stageOptions: StageOptions<Msg> = { describe: { kind: (m) => m.k, label: labelOf, kinds: MESSAGE_KINDS } };

export interface ContextRun {
  sim: Simulation<Msg>;
  host: Host;
}

/** Runs the client, the front (with `filter`, which puts change) and the store to the end. */
export function simulate(s: BloomScenario, filter: BloomFilter, withStage = true): ContextRun {
  const host = new Host(s, filter, rng(s.seed).fork('client'));
  const half = msToTicks(s.netMs / 2);
  const sim = new Simulation<Msg>({
    seed: s.seed,
    nodes: NODE_NAMES.length,
    network: { latency: { kind: 'uniform', minTicks: Math.max(1, half), maxTicks: Math.max(1, msToTicks(s.netMs * 1.5)) } },
    protocol: (ctx): Actor<Msg> => (ctx.id === CLIENT ? new Client(ctx, host) : ctx.id === FRONT ? new Front(ctx, host) : new Store(ctx, host)),
    limits: { maxEvents: EVENTS_MAX },
    ...(withStage ? { stage: stageOptions } : {}),
  });
  scheduleScenario(sim, s.events, { ticksPerUnit: TICKS_PER_MS });
  sim.run();
  return { sim, host };
}

function opsOf(host: Host, s: BloomScenario, cells: number): FilterOps {
  const positions = Uint32Array.from(host.opPositions);
  return {
    count: host.opT.length,
    tMs: Float64Array.from(host.opT, ticksToMs),
    kind: Uint8Array.from(host.opKind),
    answer: Uint8Array.from(host.opAnswer),
    keys: host.opKeys,
    positions,
    wasSet: Uint8Array.from(host.opWasSet),
    windows: Uint32Array.from(host.opWindows),
    cell: positions.map((x) => cellOf(x, s.m, cells)),
  };
}

/** The cell c with floor(c m / cells) <= x < floor((c + 1) m / cells). */
export function cellOf(x: number, m: number, cells: number): number {
  let c = Math.floor((x * cells) / m);
  while (c > 0 && Math.floor((c * m) / cells) > x) c--;
  while (c < cells - 1 && Math.floor(((c + 1) * m) / cells) <= x) c++;
  return c;
}

function contextOf(host: Host): ContextResult {
  const ms = (ticks: number[]) => Float64Array.from(ticks, ticksToMs).sort();
  const wasted = host.opAnswer.filter((a) => a === 2).length;
  return {
    gets: host.gets,
    puts: host.puts,
    getsAbsent: host.getsAbsent,
    saved: host.opAnswer.filter((a) => a === 0).length,
    storeReads: host.opAnswer.filter((a) => a === 1 || a === 2).length,
    wastedReads: wasted,
    readsWithoutFilter: host.readsWithoutFilter,
    timeouts: host.timeouts,
    noP50Ms: quantileSorted(ms(host.noLatency), 0.5),
    readP50Ms: quantileSorted(ms(host.readLatency), 0.5),
  };
}

export const program: LabProgram<BloomScenario, BloomResult> = (s, context: RunContext) => {
  const filter = filled(s, context);
  const measured = filterResult(s, filter, context);
  context.progress(0.3);
  const fill = fillCurve(s, context);
  context.progress(0.5);
  const deletion = deletionResult(s, filter, context);
  context.progress(0.8);
  const { sim, host } = simulate(s, filter);
  context.work(50 * s.requests);
  const cells = Math.min(s.m, CELLS_MAX);
  const ops = opsOf(host, s, cells);
  const ctx = contextOf(host);
  const trace = sim.trace.columns();
  const stage = buildStage({
    trace,
    log: sim.stageLog!.columns(),
    ticksPerUnit: TICKS_PER_MS,
    timeUnit: 'ms',
    horizon: sim.now / TICKS_PER_MS,
    nodeNames: [...NODE_NAMES],
    remarks: { tick: host.remarkTick, node: host.remarkNode, text: host.remarkText },
  });
  const metrics: Record<string, number> = {
    bitsSet: measured.bitsSet,
    fill: measured.fill,
    falsePositives: measured.falsePositives,
    measuredFp: measured.measured,
    measuredFpAt2n: fill.measured[fill.measured.length - 1],
    formulaFp: measured.formula,
    optimalK: measured.optimalK,
    overflows: deletion.overflows,
    stuck: deletion.stuck,
    countingLost: deletion.countingLost,
    naiveLost: deletion.naiveLost,
    clearedLost: deletion.clearedLost,
    countingBytes: deletion.countingBytes,
    gets: ctx.gets,
    puts: ctx.puts,
    saved: ctx.saved,
    storeReads: ctx.storeReads,
    wastedReads: ctx.wastedReads,
    timeouts: ctx.timeouts,
    engineEvents: sim.events,
  };
  const traceHash = new TraceHasher()
    .string(trace.hash)
    .numbers([measured.bitsSet, measured.falsePositives, deletion.overflows, deletion.stuck, deletion.countingLost, deletion.naiveLost, deletion.clearedLost])
    .numbers(fill.measured)
    .numbers(ops.answer)
    .numbers(ops.positions)
    .hex();
  const marks = Float64Array.from(new Set<number>([...stage.events.time, ...s.events.map((e) => e.t)])).sort();
  return {
    lab: 'bloom-filters',
    traceHash,
    metrics,
    endTime: sim.now / TICKS_PER_MS,
    marks,
    ...(sim.stoppedAtLimit ? { stoppedAtLimit: sim.stoppedAtLimit } : {}),
    stage,
    m: s.m,
    k: s.k,
    n: s.n,
    filter: measured,
    fill,
    deletion,
    ops,
    context: ctx,
  };
};
