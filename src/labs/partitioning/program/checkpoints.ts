/**
 * Where a run keeps engine checkpoints, and finds them again: a what-if edit late in a long run (a crash
 * added at 90%) resumes from the last checkpoint before it instead of simulating the whole run again.
 *
 * Which ticks: at the arrivals' span x (1 - 2^-k), k = 1..CHECKPOINTS (50%, 75%, 87.5% of the run): the
 * share left after checkpoint k halves each time, so an edit at remaining share r in [2^-K, 1/2] resumes
 * from a checkpoint whose remaining share is under 2r: the engine re-runs less than twice what comes after
 * the edit (1.25x for an edit at 90%), and an edit later than the last checkpoint re-runs at most 2^-K of
 * the run. Three, because a checkpoint of the maximum scale (10^6 requests) holds 24-38 MB (the per-request
 * columns, the stage's rows, the engine's queue), and three of them with the workload and placements
 * (~42 MB) stay inside the worker's 192 MB run cache (RUN_CACHE_BYTES; ~138 MB in all). Runs under
 * CHECKPOINT_MIN_REQUESTS take none: they re-run in well under the time a click takes anyway.
 *
 * Beside the engine state, each checkpoint keeps what the run's summaries had summed over the requests
 * settled at it (answered or failed before it, so every column of theirs is final: SettledPrefix in
 * ./summarize.ts): totals and per-phase counts with their latency histograms, the cluster series' counts,
 * the stage's router counts. A resumed run sums only the requests from there on; its figures are the ones
 * the whole run gives (./cache.test.ts compares every field, warm against cold).
 *
 * The key holds every input the state at tick c depends on: every parameter, the stage plan (which
 * depends on every scripted event: a salt event later in the script changes what the stage samples from
 * the start), and the scripted events before c. Events at or after c may differ: the run reaches them.
 */
import type { RunCache } from '../../contract';
import type { PartitioningScenario } from '../scenario';
import type { CheckpointPlan, ServerCheckpoint } from './serve';
import type { Workload } from './served';
import type { StagePlan } from './stageRecorder';
import type { NodeMedians, SettledPrefix } from './summarize';
import { msToTicks } from '../../../sim/kit/time';

export const CHECKPOINTS = 3;
export const CHECKPOINT_MIN_REQUESTS = 50_000;

/** `s`'s parameters named in `only` (all but the events when left out), as a stable key fragment. */
export function paramsKey(s: PartitioningScenario, only?: readonly (keyof PartitioningScenario)[]): string {
  const names = (only ?? (Object.keys(s) as (keyof PartitioningScenario)[]).filter((k) => k !== 'events')).slice().sort();
  return names.map((k) => `${k}=${String(s[k])}`).join('/');
}

/** Bytes of the typed arrays a value holds (for the run cache's bound), looking two levels deep. */
export function typedBytes(value: unknown, depth = 3): number {
  if (ArrayBuffer.isView(value)) return value.byteLength;
  if (depth === 0 || value === null || typeof value !== 'object') return 0;
  let n = 0;
  for (const v of Object.values(value)) n += typedBytes(v, depth - 1);
  return n;
}

/**
 * The latency quantiles of the run that took a checkpoint: a run resuming from it reuses those of the
 * buckets that end before the checkpoint (less one bucket, for the float32 latencies' rounding), which only
 * what happened before it decides.
 */
export interface Finals {
  nodeP50: Float32Array;
  nodeP99: Float32Array;
  clusterP50: Float32Array;
  clusterP99: Float32Array;
  /** Parts served per node x bucket. */
  completed: Uint32Array;
  /** Per bucket, the medians across storage nodes (summarize.ts nodeMedians). */
  medians: NodeMedians;
}

interface Kept {
  checkpoint: ServerCheckpoint;
  finals: Finals;
  prefix: SettledPrefix;
}

export interface Planned extends CheckpointPlan {
  keys?: Map<number, string>;
  /** The finals of the run that took the checkpoint resumed from. */
  finals?: Finals;
  /** The sums over the requests settled at that checkpoint. */
  prefix?: SettledPrefix;
}

/** The first bucket whose figures a run resumed from `plan` must compute itself (0: all). */
export function reusedBuckets(plan: Planned, widthTicks: number): number {
  if (!plan.resume || !plan.finals) return 0;
  return Math.max(0, Math.floor(plan.resume.tick / widthTicks) - 1);
}

/** The checkpoint ticks of a run of `s`, the one to resume from (the latest the cache holds), the ones to take. */
export function checkpointPlan(s: PartitioningScenario, w: Workload, plan: StagePlan, cache: RunCache | undefined): Planned {
  if (!cache || w.t0.length < CHECKPOINT_MIN_REQUESTS) return { take: [] };
  const span = w.t0[w.t0.length - 1];
  const ticks: number[] = [];
  let left = 1; // the share of the run after checkpoint k: halved each time (exact in binary)
  for (let k = 1; k <= CHECKPOINTS; k++) {
    left /= 2;
    ticks.push(Math.floor(span * (1 - left)));
  }
  const base = `partitioning/checkpoint/${paramsKey(s)}/plan=${plan.sampleEvery},${plan.depthGapTicks}`;
  const keys = new Map(ticks.map((c) => [c, `${base}/c=${c}/events=${JSON.stringify(s.events.filter((e) => msToTicks(e.t) < c))}`]));
  let kept: Kept | undefined;
  for (let k = ticks.length - 1; k >= 0 && !kept; k--) kept = cache.get<Kept>(keys.get(ticks[k])!);
  if (!kept) return { take: ticks, keys };
  const resume = kept.checkpoint;
  return { take: ticks.filter((c) => c > resume.tick), keys, resume, finals: kept.finals, prefix: kept.prefix };
}

/**
 * Stores the checkpoints a run took under their keys, with the run's finals (copied: the result's stay its
 * own) and each one's sums over its settled requests (`prefixes`, one per checkpoint, in order).
 */
export function keepCheckpoints(cache: RunCache | undefined, plan: Planned, taken: readonly ServerCheckpoint[], finals: Finals, prefixes: readonly SettledPrefix[]): void {
  const keys = plan.keys;
  if (!cache || !keys || taken.length === 0) return;
  const m = finals.medians;
  const copy: Finals = {
    nodeP50: finals.nodeP50.slice(), nodeP99: finals.nodeP99.slice(), clusterP50: finals.clusterP50.slice(), clusterP99: finals.clusterP99.slice(), completed: finals.completed.slice(),
    medians: { cpu: m.cpu.slice(), queue: m.queue.slice(), p99: m.p99.slice() },
  };
  const bytes = typedBytes(copy);
  taken.forEach((checkpoint, k) => {
    const prefix = prefixes[k];
    const prefixBytes = prefix.totals.hist.byteLength + prefix.phases.reduce((n, ph) => n + ph.sums.hist.byteLength + 128, 0) + (prefix.waiting?.delta.byteLength ?? 0)
      + typedBytes(prefix.cluster);
    cache.set(keys.get(checkpoint.tick)!, { checkpoint, finals: copy, prefix } satisfies Kept, checkpoint.bytes + bytes + prefixBytes);
  });
}
