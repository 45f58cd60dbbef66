/**
 * The clocks program: scenario -> the same writes and faults run twice on the engine (./replica.ts),
 * trusting the clocks and with commit wait, then every write's fate decided per store (./outcome.ts), the
 * lease's holdings compared in true time, and everything packed into columns. Pure and deterministic:
 * every draw comes from the scenario's seed, forked per purpose and per replica, and both runs draw the
 * same numbers in the same order.
 */
import { quantileSorted } from '../../../core/stats';
import { TraceHasher } from '../../../core/hash/traceHasher';
import { rng } from '../../../core/random/rng';
import { Simulation, applyFault, scheduleScenario } from '../../../sim/index';
import { TICKS_PER_MS, msToTicks, ticksToMs } from '../../../sim/kit/time';
import type { LabProgram, RunContext } from '../../contract';
import { STORES, type RunKind, type RunResult, type VectorClocksResult, type Violation, type WriteColumns } from '../result';
import { horizon, writesEndMs, type VectorClocksScenario } from '../scenario';
import type { ClockBug, Msg, PlannedWrite, ReplicaConfig, Write } from './messages';
import { leaseOverlaps, lwwOutcome, siblingsOutcome, stampInversions, survivorsOf } from './outcome';
import { Recorder } from './record';
import { Replica, storedStores } from './replica';
import { sampleClocks, stageOf, stageOptions } from './stage';

export type * from '../result';

/** Engine events a run may handle. */
export const EVENTS_MAX = 1_000_000;
const RETRY_MS = 200;
const LETTERS = 'abcd';

/** Every client's writes: replica i's first in 0..gap, then gaps uniform in 0.5..1.5 x gap; indexed in start order. */
export function planWrites(s: VectorClocksScenario): PlannedWrite[][] {
  const root = rng(s.seed).fork('writes');
  const gap = msToTicks(s.gapMs);
  const all: { replica: number; tick: number; k: number }[] = [];
  for (let i = 0; i < s.replicas; i++) {
    const r = root.fork(i);
    let t = r.range(0, gap);
    for (let k = 0; k < s.writesPerReplica; k++) {
      if (k > 0) t += r.range(Math.floor(gap / 2), Math.floor((gap * 3) / 2));
      all.push({ replica: i, tick: t, k });
    }
  }
  all.sort((a, b) => a.tick - b.tick || a.replica - b.replica);
  const plan: PlannedWrite[][] = Array.from({ length: s.replicas }, () => []);
  all.forEach((w, index) => plan[w.replica].push({ index, replica: w.replica, tick: w.tick, name: `${LETTERS[w.replica]}${w.k + 1}` }));
  return plan;
}

export interface Run {
  sim: Simulation<Msg>;
  rec: Recorder;
  plan: PlannedWrite[][];
  count: number;
}

/** One run to the end; `withStage` also records what the stage draws (outside the trace: the hash is the same). */
export function simulate(s: VectorClocksScenario, kind: RunKind, withStage = false, bug: ClockBug = 'none'): Run {
  const plan = planWrites(s);
  const count = s.replicas * s.writesPerReplica;
  const crashTicks = Array.from({ length: s.replicas }, (_, n) => s.events.filter((e) => e.type === 'crash' && e.node === n).map((e) => msToTicks(e.t)));
  const cfg: ReplicaConfig = {
    kind, bug, replicas: s.replicas, epsTicks: msToTicks(s.epsMs), leaseTicks: msToTicks(s.leaseMs), retryTicks: msToTicks(RETRY_MS), plan,
    quietTick: msToTicks(Math.max(writesEndMs(s), s.events.length > 0 ? s.events[s.events.length - 1].t : 0)),
  };
  let rec!: Recorder;
  const half = msToTicks(s.interMs / 2);
  const sim = new Simulation<Msg>({
    seed: s.seed,
    nodes: s.replicas,
    network: { latency: { kind: 'uniform', minTicks: half, maxTicks: msToTicks(s.interMs * 1.5) } },
    protocol: (ctx) => new Replica(ctx, cfg, rec, crashTicks[ctx.id]),
    limits: { maxEvents: EVENTS_MAX },
    ...(withStage ? { stage: stageOptions() } : {}),
  });
  rec = new Recorder(sim, cfg.epsTicks);
  const clocks = rng(s.seed).fork('clocks');
  for (let n = 0; n < s.replicas; n++) {
    const r = clocks.fork(n);
    const offset = r.range(-cfg.epsTicks, cfg.epsTicks) + (n === 1 ? msToTicks(s.skewMs) : 0);
    const drift = s.driftPpm > 0 ? r.range(-s.driftPpm, s.driftPpm) : 0;
    if (offset !== 0) applyFault(sim, { type: 'skew', node: n, ticks: offset });
    if (drift !== 0) applyFault(sim, { type: 'drift', node: n, ppm: drift });
  }
  scheduleScenario(sim, s.events, { ticksPerUnit: TICKS_PER_MS });
  if (withStage) {
    const until = msToTicks(horizon(s));
    sampleClocks(sim, Math.max(msToTicks(0.5), Math.ceil(until / 4000)), until);
  }
  sim.run();
  return { sim, rec, plan, count };
}

/** One run, judged and packed; with its stage when `withStage` (the program's runs). */
export function runResult(s: VectorClocksScenario, kind: RunKind, context?: RunContext, withStage = false, bug: ClockBug = 'none'): RunResult {
  const run = simulate(s, kind, withStage, bug);
  const { sim, rec, plan, count } = run;
  context?.work(count * (8 * s.replicas + count));
  const endTick = sim.now;
  const stores = Array.from({ length: s.replicas }, (_, n) => storedStores(sim.node(n).storage));
  const writes = writeColumns(plan.flat().sort((a, b) => a.index - b.index), rec, count, s.replicas);
  const outcomes = STORES.map((store, k) => (store === 'siblings'
    ? siblingsOutcome(rec.committed, count, survivorsOf(stores, store))
    : lwwOutcome(rec.committed, count, survivorsOf(stores, store), rec.readFrom[k], rec.drops[k])));
  writes.lost = outcomes.map((o) => o.lost);
  writes.lostTo = outcomes.map((o) => o.lostTo);
  writes.inverted = outcomes.map((o) => o.inverted);
  const finalValues = STORES.map((store) => stores.map((st) => (store === 'siblings' ? st.siblings.map((w) => w.value).join('|') : (st[store]?.value ?? ''))));
  const violations: Violation[] = [...rec.violations];
  const inversions = stampInversions(rec.committed, rec.startTick, rec.commitTick, rec.boundBrokenTick);
  if (kind === 'commitWait') {
    for (const [a, b] of inversions.within) violations.push({ invariant: 'commit-order', tMs: ticksToMs(rec.commitTick[b]), replica: rec.committed[b]!.replica, text: `${rec.committed[a]!.value} committed before ${rec.committed[b]!.value} started, yet its stamp is not smaller, while every clock was within ε` });
  }
  const overlaps = leaseOverlaps(rec.holdings, endTick);
  if (kind === 'commitWait') {
    for (const o of overlaps) {
      const [ha, hb] = [rec.holdings[o.a], rec.holdings[o.b]];
      if (Math.max(ha.startTick, hb.startTick) < rec.boundBrokenTick) violations.push({ invariant: 'lease-exclusive', tMs: ticksToMs(o.start), replica: hb.holder, text: `r${ha.holder} and r${hb.holder} both held the lease, while every clock was within ε` });
    }
  }
  const commitLatency = Float64Array.from(writes.commitMs.map((c, i) => c - writes.startMs[i]).filter((x) => Number.isFinite(x))).sort();
  const sum = (a: Uint8Array) => a.reduce((n, x) => n + x, 0);
  const metrics: Record<string, number> = {
    writes: count,
    committed: rec.committed.filter(Boolean).length,
    ...Object.fromEntries(STORES.map((store, k) => [`lost.${store}`, sum(writes.lost[k])])),
    invertedWall: sum(writes.inverted[0]),
    siblingsMax: Math.max(0, ...stores.map((st) => st.siblings.length)),
    stampInversions: inversions.all.length,
    commitWaitP50Ms: quantileSorted(commitLatency, 0.5),
    commitWaitMaxMs: commitLatency.length > 0 ? commitLatency[commitLatency.length - 1] : NaN,
    leaseHoldings: rec.holdings.length,
    leaseOverlaps: overlaps.length,
    leaseOverlapMs: overlaps.reduce((t, o) => t + ticksToMs(o.end - o.start), 0),
    violations: violations.length,
    engineEvents: sim.events,
  };
  const traceHash = new TraceHasher().string(sim.trace.columns().hash).string(finalValues.flat().join(';')).numbers(Uint8Array.from(writes.lost.flatMap((l) => [...l]))).hex();
  const stage = withStage ? stageOf(sim, rec, s.replicas) : undefined;
  return {
    kind, metrics, writes, finalValues,
    leases: {
      holder: Uint8Array.from(rec.holdings, (h) => h.holder),
      startMs: Float64Array.from(rec.holdings, (h) => ticksToMs(h.startTick)),
      endMs: Float64Array.from(rec.holdings, (h) => ticksToMs(h.endTick < 0 ? endTick : h.endTick)),
    },
    overlaps: {
      a: Uint32Array.from(overlaps, (o) => o.a), b: Uint32Array.from(overlaps, (o) => o.b),
      startMs: Float64Array.from(overlaps, (o) => ticksToMs(o.start)), endMs: Float64Array.from(overlaps, (o) => ticksToMs(o.end)),
    },
    boundBrokenMs: Number.isFinite(rec.boundBrokenTick) ? ticksToMs(rec.boundBrokenTick) : NaN,
    violations, traceHash,
    ...(stage ? { stage } : {}), ...(sim.stoppedAtLimit ? { stoppedAtLimit: sim.stoppedAtLimit } : {}),
  };
}

function writeColumns(plan: readonly PlannedWrite[], rec: Recorder, count: number, replicas: number): WriteColumns {
  const w = (i: number): Write | undefined => rec.committed[i];
  return {
    name: plan.map((p) => p.name),
    replica: Uint8Array.from(plan, (p) => p.replica),
    startMs: Float64Array.from(plan, (p) => (rec.startTick[p.index] === undefined ? NaN : ticksToMs(rec.startTick[p.index]))),
    commitMs: Float64Array.from(plan, (p) => (rec.commitTick[p.index] === undefined ? NaN : ticksToMs(rec.commitTick[p.index]))),
    wallMs: Float64Array.from(plan, (p) => (w(p.index) ? ticksToMs(w(p.index)!.wall) : NaN)),
    lamport: Uint32Array.from(plan, (p) => w(p.index)?.lamport ?? 0),
    hlcMs: Float64Array.from(plan, (p) => (w(p.index) ? ticksToMs(w(p.index)!.hlc.l) : NaN)),
    hlcC: Uint32Array.from(plan, (p) => w(p.index)?.hlc.c ?? 0),
    clock: plan.map((p) => (w(p.index) ? `[${vectorText(w(p.index)!, replicas)}]` : '')),
    lost: [], lostTo: [], inverted: [],
  };
  void count;
}

function vectorText(w: Write, replicas: number): string {
  const out: number[] = [];
  for (let n = 0; n < replicas; n++) out.push(n === w.dot.node ? w.dot.counter : (w.context[n] ?? 0));
  return out.join(',');
}

export const program: LabProgram<VectorClocksScenario, VectorClocksResult> = (s, context) => {
  const trusted = runResult(s, 'trusted', context, true);
  context.progress(0.5);
  const careful = runResult(s, 'commitWait', context, true);
  context.progress(1);
  const metrics: Record<string, number> = {};
  for (const run of [trusted, careful]) for (const [name, value] of Object.entries(run.metrics)) metrics[`${run.kind}.${name}`] = value;
  const stoppedAtLimit = trusted.stoppedAtLimit ?? careful.stoppedAtLimit;
  const endTime = Math.max(trusted.stage!.horizon, careful.stage!.horizon);
  return {
    lab: 'vector-clocks',
    traceHash: new TraceHasher().string(trusted.traceHash).string(careful.traceHash).hex(),
    metrics,
    endTime,
    marks: eventMarks([trusted, careful], s.events),
    ...(stoppedAtLimit ? { stoppedAtLimit } : {}),
    replicas: s.replicas,
    epsMs: s.epsMs,
    runs: [trusted, careful],
    stage: trusted.stage,
  };
};

/** What Step walks: every moment either run's stage shows something happen, and the script's times. */
function eventMarks(runs: readonly RunResult[], script: readonly { t: number }[]): Float64Array {
  const times = new Set<number>(script.map((e) => e.t));
  for (const run of runs) if (run.stage) for (const t of run.stage.events.time) times.add(t);
  return Float64Array.from(times).sort();
}
