/**
 * The page's pool for batch experiments: up to navigator.hardwareConcurrency module workers, started by the
 * simulation worker on the first batch run and kept for the next ones. Each is another instance of the
 * simulation worker's own script (./worker.ts exposes the batch API beside the run API), started from its
 * URL at run time; a pool worker is only ever asked for parts, so it never starts a pool of its own. They are
 * the simulation worker's children: when the page terminates it (a superseded run), they go with it.
 */
import { proxy, wrap, type Remote } from 'comlink';
import type { BaseScenario } from '../labs/contract';
import type { BatchWorkerApi } from './batch';
import { POOL_MAX, type BatchPool } from './pool';

export function browserPool(
  scriptUrl: string,
  size = Math.min(POOL_MAX, Math.max(1, globalThis.navigator?.hardwareConcurrency ?? 1)),
): BatchPool {
  const workers: Remote<BatchWorkerApi>[] = [];
  const at = (k: number): Remote<BatchWorkerApi> => {
    workers[k] ??= wrap<BatchWorkerApi>(new Worker(scriptUrl, { type: 'module', name: `batch-${k}` }));
    return workers[k];
  };
  return {
    size,
    part: (worker: number, labId: string, scenario: BaseScenario, from: number, to: number, onProgress: (f: number) => void) =>
      at(worker).part(labId, scenario, from, to, proxy(onProgress)),
  };
}
