/**
 * A batch experiment on a pool of workers (the page's worker pool, the CLI's threads): the run's units
 * (PBS trials) cut into contiguous ranges, a few per worker, each worker taking the next range as it
 * answers one, merged in range order. The lab's
 * BatchProgram guarantees the same result for any split, so the pool size never changes a trace hash.
 * Progress is one bar: the share of all units done, whatever worker did them.
 */
import type { BaseScenario, BatchProgram, LabResult, RunContext } from '../labs/contract';
import type { RunError } from './api';

/** Fewest units worth sending to a worker of their own (below, the pool uses fewer workers). */
export const MIN_UNITS_PER_PART = 2048;
/** Most workers a pool starts, whatever the machine's core count. */
export const POOL_MAX = 8;

/** How one worker of the pool answers a part. */
export type PartReply = { ok: true; part: unknown } | { ok: false; error: RunError };

/** A pool of workers: `part` runs units from..to-1 of a lab's batch run in worker `worker` (0..size-1). */
export interface BatchPool {
  readonly size: number;
  part(worker: number, labId: string, scenario: BaseScenario, from: number, to: number, onProgress: (fraction: number) => void): Promise<PartReply>;
}

/** 0..units-1 cut into `parts` contiguous ranges as even as integers allow (the first ones never shorter). */
export function splitRanges(units: number, parts: number): [number, number][] {
  const n = Math.max(1, Math.min(parts, units));
  return Array.from({ length: n }, (_, k) => [Math.floor((k * units) / n), Math.floor(((k + 1) * units) / n)]);
}

/** Workers worth using for `units` units on a pool of `size`. */
export function partsFor(units: number, size: number, minUnitsPerPart = MIN_UNITS_PER_PART): number {
  return Math.max(1, Math.min(size, Math.floor(units / minUnitsPerPart)));
}

/**
 * Ranges the run is cut into per worker used: a worker slowed by a shared machine (another process, its
 * own garbage collection) then holds the others up by one range, not by half the run; each range costs a
 * message each way.
 */
export const RANGES_PER_WORKER = 4;

/**
 * Runs `batch` for `scenario` on the pool and merges the parts; a failed part fails the run with its error.
 * The units are cut into ranges (RANGES_PER_WORKER per worker, none under the batch's minimum), and each
 * worker takes the next range when it has answered its last: who computes a range never changes the result
 * (merged in range order). `context` receives the one progress bar (share of units done) and the merge's work.
 */
export async function runOnPool<S extends BaseScenario>(
  pool: BatchPool,
  labId: string,
  batch: BatchProgram<S>,
  scenario: S,
  context: RunContext,
): Promise<{ ok: true; result: LabResult } | { ok: false; error: RunError }> {
  const units = batch.units(scenario);
  const min = batch.minUnitsPerPart ?? MIN_UNITS_PER_PART;
  const workers = partsFor(units, pool.size, min);
  const ranges = splitRanges(units, Math.max(workers, Math.min(workers * RANGES_PER_WORKER, Math.floor(units / min))));
  const done = new Float64Array(ranges.length);
  const report = () => {
    let sum = 0;
    for (const d of done) sum += d;
    context.progress(units > 0 ? sum / units : 1);
  };
  const replies: (PartReply | undefined)[] = ranges.map(() => undefined);
  let next = 0;
  let isFailed = false;
  const lane = async (worker: number): Promise<void> => {
    while (next < ranges.length && !isFailed) {
      const k = next++;
      const [from, to] = ranges[k];
      const reply = await pool.part(worker, labId, scenario, from, to, (fraction) => {
        done[k] = Math.min(1, Math.max(0, fraction)) * (to - from);
        report();
      });
      replies[k] = reply;
      if (!reply.ok) isFailed = true;
    }
  };
  await Promise.all(Array.from({ length: workers }, (_, w) => lane(w)));
  const failed = replies.find((r): r is { ok: false; error: RunError } => r !== undefined && !r.ok);
  if (failed) return failed;
  const parts = replies.map((r) => (r as { ok: true; part: unknown }).part);
  return { ok: true, result: batch.merge(scenario, parts, context) };
}
