/**
 * The partitioning program: scenario -> one workload (arrival times, keys, reads/writes), the four
 * placements and their table, then the workload served on the engine under the chosen strategy, summarized
 * into aggregated series, detections and before/after phases. Pure and deterministic: every random draw
 * comes from the scenario's seed (forked per purpose and per node), time is simulated.
 */
import { TraceHasher } from '../../../core/hash/traceHasher';
import { rng } from '../../../core/random/rng';
import { keyHashes } from '../../../core/ring';
import { keySampler, permutation, poissonArrivals, type KeyDistribution } from '../../../core/workload';
import { cached, type LabProgram, type RunContext } from '../../contract';
import { hottestKeyOf } from './mitigations';
import { crashImpact, placements, strategyTable, type KeyCounts } from './placement';
import { BUCKETS, type FaultImpact, type PartitioningResult } from '../result';
import { KEY_UNITS, type PartitioningScenario } from '../scenario';
import { checkpointPlan, keepCheckpoints, paramsKey, reusedBuckets, typedBytes } from './checkpoints';
import { planOf, serve } from './serve';
import { F_WRITE, giveServed, type Workload } from './served';
import { partitioningStage } from './stage';
import { clusterSeries, detect, nodeMatrices, nodeMedians, nodeSeries, phases, totalsOf, type SettledPrefix } from './summarize';
import { TICKS_PER_MS, ticksToMs } from '../../../sim/kit/time';

export type * from '../result';

/** Most hot keys listed in the result. */
const HOT_KEYS = 16;

export const program: LabProgram<PartitioningScenario, PartitioningResult> = (s, context) => {
  const root = rng(s.seed);
  // The pieces before the engine, from the run cache when an earlier run made them (never mutated here:
  // the engine writes its own copy of the flags).
  const cache = context.cache;
  const workloadKey = `partitioning/workload/${paramsKey(s, ['seed', 'requests', 'rate', 'keys', 'distribution', 'zipfS', 'celebrityPct', 'writePct'])}`;
  const { workload, rankToKey, keyRequests } = cached(cache, workloadKey, () => {
    const made = makeWorkload(s, root);
    const counts = new Uint32Array(s.keys);
    for (let i = 0; i < made.workload.key.length; i++) counts[made.workload.key[i]]++;
    const hottestKey = made.workload.key.length > 0 ? hottestKeyOf(made.workload.key, s.keys) : 0;
    return { workload: { ...made.workload, hottestKey }, rankToKey: made.rankToKey, keyRequests: counts };
  }, typedBytes);
  context.progress(0.1);
  const placedKey = `partitioning/placements/${paramsKey(s, ['seed', 'nodes', 'keys', 'vnodes', 'rangeMaxKeys'])}`;
  const placed = cached(cache, placedKey, () => placements(s, keyHashes(s.keys, s.seed)), typedBytes);
  const { table, keyCounts } = cached(cache, `partitioning/table/${paramsKey(s)}`, () => {
    const counts: Partial<KeyCounts> = {};
    const rows = strategyTable(s, placed, keyRequests, root.fork('range-queries'), counts);
    return { table: rows, keyCounts: counts as KeyCounts };
  }, (v) => 64 * 1024 + typedBytes(v.keyCounts));
  context.work(KEY_UNITS * s.keys + 3 * s.nodes * s.vnodes);
  context.progress(0.3);

  const hotKeys = rankToKey.slice(0, Math.min(HOT_KEYS, s.keys));
  const checkpoints = checkpointPlan(s, workload, planOf(s, workload, BUCKETS), cache);
  const served = serve(s, workload, placed, s.strategy, BUCKETS, context, hotKeys, checkpoints);
  // What the run wrote into the flags (hits, fan-outs), for the summaries.
  const ran: Workload = { ...workload, flags: served.flags };
  const directoryNode = s.strategy === 'directory' ? s.nodes : -1;
  const widthMs = ticksToMs(served.widthTicks);
  // Resumed from a checkpoint: the buckets before it have the quantiles the run that took it computed.
  const from = reusedBuckets(checkpoints, served.widthTicks);
  const finals = checkpoints.finals;
  const matrices = nodeMatrices(served, BUCKETS, finals && from > 0 ? { from, p50: finals.nodeP50, p99: finals.nodeP99, completed: finals.completed } : undefined);
  // Requests settled before the checkpoint resumed from are summed already; each checkpoint taken keeps its own.
  const marks = served.checkpoints.map((c) => c.settled);
  const { series: cluster, at: clusterAt } = clusterSeries(
    served, ran, BUCKETS, finals && from > 0 ? { from, p50: finals.clusterP50, p99: finals.clusterP99, prefix: checkpoints.prefix?.cluster } : undefined,
    served.checkpoints.map((c) => ({ settled: c.settled, from: Math.max(0, Math.floor(c.tick / served.widthTicks) - 1) })),
  );
  const medians = nodeMedians(matrices, s.nodes, BUCKETS, finals && from > 0 ? { from, medians: finals.medians } : undefined);
  const finalsNow = { nodeP50: matrices.latencyP50Ms, nodeP99: matrices.latencyP99Ms, clusterP50: cluster.latencyP50Ms, clusterP99: cluster.latencyP99Ms, completed: matrices.completed, medians };
  const detections = detect(matrices, medians, served.nodeSlots, BUCKETS, widthMs);
  const endMs = ticksToMs(served.endTick);
  const faults: FaultImpact[] = [];
  s.events.forEach((e, i) => {
    if (e.type === 'crash' || e.type === 'recover') {
      // What a crash of the node does under each strategy depends on the placements alone (copied: the result's stay its own).
      const byStrategy = cached(cache, `${placedKey}/crash-impact/node=${e.node}`, () => crashImpact(s, placed, e.node, keyCounts), () => 1024);
      faults.push({ t: e.t, type: e.type, node: e.node, byStrategy: byStrategy.map((r) => ({ ...r })), requestsFailed: served.failedByEvent[i] });
    }
  });
  const { totals, at: totalsAt } = totalsOf(served, ran, checkpoints.prefix, marks);
  const { phases: phaseList, at: phasesAt } = phases(s, served, ran, endMs, checkpoints.prefix, marks);
  const traceHash = new TraceHasher().string(served.hash).numbers(hotKeys).string(JSON.stringify(table)).hex();
  const { stage, info, waitingAt } = partitioningStage({
    s, served, workload: ran, cpuPct: matrices.cpuPct, buckets: BUCKETS, detections, endMs, directoryNode, waiting: checkpoints.prefix?.waiting, marks, bin: cache?.bin,
  });
  const prefixes: SettledPrefix[] = marks.map((settled, k) => ({ settled, totals: totalsAt[k], phases: phasesAt[k], cluster: clusterAt[k], waiting: waitingAt[k] }));
  keepCheckpoints(cache, checkpoints, served.checkpoints, finalsNow, prefixes);
  // The run's working columns go back for the next run (the result and the checkpoints hold copies).
  giveServed(served, cache?.bin);
  const stops = stageMarks(stage.events.time, [...s.events.map((e) => e.t), ...detections.map((d) => d.t)]);
  context.progress(1);
  return {
    lab: 'partitioning',
    traceHash,
    metrics: {
      requests: totals.sent,
      ok: totals.ok,
      failed: totals.failed,
      latencyP50Ms: totals.latencyP50Ms,
      latencyP99Ms: totals.latencyP99Ms,
      hotNode: detections.length > 0 ? detections[0].node : -1,
      detections: detections.length,
      cacheHits: totals.cacheHits,
      cacheStale: totals.cacheStale,
      fanoutExtra: totals.fanoutExtra,
      engineEvents: totals.engineEvents,
    },
    endTime: endMs,
    marks: stops,
    ...(served.stoppedAtLimit ? { stoppedAtLimit: served.stoppedAtLimit } : {}),
    strategy: s.strategy,
    nodeCount: s.nodes,
    directoryNode,
    keyCount: s.keys,
    requestCount: s.requests,
    hotKeys,
    hotKeySharePct: Float64Array.from(hotKeys, (k) => (keyRequests[k] / s.requests) * 100),
    table,
    buckets: { count: BUCKETS, widthMs },
    series: nodeSeries(matrices, medians, s.nodes, BUCKETS, directoryNode),
    perNode: { cpuPct: matrices.cpuPct, queueMax: matrices.queueMax, latencyP99Ms: matrices.latencyP99Ms, completed: matrices.completed },
    cluster,
    detections,
    hotNode: detections.length > 0 ? detections[0].node : -1,
    phases: phaseList,
    faults,
    totals,
    stage,
    stageInfo: info,
  };
};

/** Step's stops: every time something happens on the stage (ascending, `times` already is), and `extra` times. */
function stageMarks(times: Float64Array, extra: readonly number[]): Float64Array {
  // A merge of the ascending times with the few sorted extras (no sort of the stage's 10^5+ times).
  const more = Float64Array.from(extra).sort();
  // Two passes, counting then writing: the column is allocated at its size.
  const merge = (out: Float64Array | null): number => {
    let n = 0;
    let last = Number.NaN;
    let i = 0;
    let j = 0;
    while (i < times.length || j < more.length) {
      const next = j >= more.length || (i < times.length && times[i] <= more[j]) ? times[i++] : more[j++];
      if (n === 0 || next !== last) {
        if (out) out[n] = next;
        n++;
        last = next;
      }
    }
    return n;
  };
  const all = new Float64Array(merge(null));
  merge(all);
  return all;
}

/** Arrivals, keys and reads/writes, each from its own fork of the root stream. */
export function makeWorkload(s: PartitioningScenario, root: ReturnType<typeof rng>): { workload: Workload; rankToKey: Uint32Array } {
  const t0 = poissonArrivals(s.requests, s.rate, 1000 * TICKS_PER_MS, root.fork('arrivals'));
  const rankToKey = permutation(s.keys, root.fork('ranks'));
  const dist: KeyDistribution =
    s.distribution === 'uniform' ? { kind: 'uniform', n: s.keys }
    : s.distribution === 'zipf' ? { kind: 'zipf', n: s.keys, s: s.zipfS }
    : { kind: 'celebrity', n: s.keys, pct: s.celebrityPct };
  const draw = keySampler(dist, root.fork('keys'));
  const writes = root.fork('writes');
  const key = new Uint32Array(s.requests);
  const flags = new Uint8Array(s.requests);
  for (let i = 0; i < s.requests; i++) {
    key[i] = rankToKey[draw()];
    if (writes.chance(s.writePct, 100)) flags[i] = F_WRITE;
  }
  return { workload: { t0, key, flags }, rankToKey };
}

export type { RunContext };
