/**
 * The worker's API object: runs a lab's program on a scenario. It lives apart from the `expose()` entry
 * (worker.ts) so Node tests import it directly. Every request is checked again here, because the worker
 * trusts nothing: the lab must exist, the scenario must validate, and its cost must fit the work budget.
 */
import { transfer as comlinkTransfer } from 'comlink';
import { BudgetExceeded, type BaseScenario, type LabResult, type LabSpec, type RunCache, type RunContext } from '../labs/contract';
import { createRunCache, type WorkerRunCache } from './runCache';
import { collectTransferables } from './transferables';
import { partsFor, runOnPool, type BatchPool } from './pool';

export { collectTransferables } from './transferables';

/** Work units one run may spend; spec.cost() above this is refused before the run starts. */
export const WORK_BUDGET = 200_000_000;
/** Progress reports reach the main thread at most this often. */
export const PROGRESS_INTERVAL_MS = 50;

export type RunErrorKind = 'unknown-lab' | 'invalid-scenario' | 'over-budget' | 'budget-exceeded' | 'crashed';

export interface RunError {
  kind: RunErrorKind;
  message: string;
}

export type RunReply = { ok: true; result: LabResult } | { ok: false; error: RunError };

export interface WorkerApi {
  run(labId: string, scenario: unknown, onProgress?: (fraction: number) => void): Promise<RunReply>;
}

export interface WorkerApiOptions {
  /** The labs it runs (the registry, handed over by the worker entry). */
  findLab: (id: string) => LabSpec | undefined;
  budget?: number;
  progressIntervalMs?: number;
  now?: () => number;
  /** Marks a reply's buffers for transfer (comlink.transfer in the worker; a spy in tests). */
  transfer?: <T>(value: T, transferables: Transferable[]) => T;
  /** What runs keep for the next ones (default: a fresh bounded cache; null: none). */
  cache?: WorkerRunCache | null;
  /** Workers for batch experiments (labs whose program module has `batch`); none: every run here. */
  pool?: BatchPool;
}

export function createWorkerApi(options: WorkerApiOptions): WorkerApi {
  const findLab = options.findLab;
  const budget = options.budget ?? WORK_BUDGET;
  const intervalMs = options.progressIntervalMs ?? PROGRESS_INTERVAL_MS;
  const now = options.now ?? (() => performance.now());
  const transfer = options.transfer ?? comlinkTransfer;
  const cache = options.cache === undefined ? createRunCache() : options.cache ?? undefined;

  return {
    async run(labId, scenario, onProgress) {
      const reply = await runChecked(labId, scenario, onProgress);
      if (!reply.ok) return reply;
      // Buffers the cache holds are copied into the reply, the rest moved.
      const movable = collectTransferables(reply.result).filter((b) => !cache?.holds(b));
      return transfer(reply, movable);
    },
  };

  async function runChecked(labId: string, input: unknown, onProgress?: (f: number) => void): Promise<RunReply> {
    const spec = findLab(labId);
    if (!spec) return fail('unknown-lab', `There is no lab called "${String(labId)}".`);
    const checked = spec.validate(input);
    if (!checked.ok) {
      return fail('invalid-scenario', checked.issues.map((issue) => issue.message).join('; '));
    }
    const scenario: BaseScenario = checked.value;
    const cost = spec.cost(scenario);
    if (!(cost <= budget)) {
      return fail(
        'over-budget',
        `This scenario would cost ${format(cost)} work units; the work budget is ${format(budget)}. ` +
          'Make it smaller (fewer keys, nodes or events) to run it.',
      );
    }
    try {
      const { program, batch } = await spec.loadProgram();
      const context = runContext(budget, intervalMs, now, onProgress, cache);
      if (batch && options.pool && partsFor(batch.units(scenario), options.pool.size, batch.minUnitsPerPart) > 1) {
        return await runOnPool(options.pool, labId, batch, scenario, context);
      }
      return { ok: true, result: program(scenario, context) };
    } catch (error) {
      if (error instanceof BudgetExceeded) {
        return fail('budget-exceeded', `The run was stopped: it exceeded the work budget of ${format(budget)} units.`);
      }
      const message = error instanceof Error ? error.message : String(error);
      return fail('crashed', `The simulation failed: ${message}`);
    }
  }
}

/** A RunContext whose work() enforces the budget and whose progress() reports at most every `intervalMs`. */
export function runContext(
  budget: number,
  intervalMs: number,
  now: () => number,
  onProgress?: (fraction: number) => void,
  cache?: RunCache,
): RunContext {
  let spent = 0;
  let lastReportAt = Number.NEGATIVE_INFINITY;
  return {
    cache,
    work(units) {
      spent += units;
      if (spent > budget) throw new BudgetExceeded(budget);
    },
    progress(fraction) {
      if (!onProgress) return;
      const at = now();
      if (at - lastReportAt < intervalMs && fraction < 1) return;
      lastReportAt = at;
      // Fire and forget: across comlink this returns a promise nobody needs to wait for.
      void onProgress(Math.min(1, Math.max(0, fraction)));
    },
  };
}

/** A failure reply (also used by the batch workers' API). */
export function fail(kind: RunErrorKind, message: string): { ok: false; error: RunError } {
  return { ok: false, error: { kind, message } };
}

export function format(n: number): string {
  return Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : String(n);
}
