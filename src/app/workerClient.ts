/**
 * The main thread's side of the worker: one worker, one run at a time, only the latest request matters.
 *
 * Supersede: a request arriving while another runs replaces any queued one (which resolves 'superseded');
 * the running one's result will be ignored. If the running one has already taken SUPERSEDE_MS, the worker
 * is terminated and restarted so the new request starts at once; otherwise the client waits until it has
 * taken SUPERSEDE_MS (short runs finish cheaply) and then terminates it.
 *
 *   t=0 run A starts     t=100 B arrives (queued)   t=150 C arrives (B superseded)
 *   t=300 A still running -> terminate, restart, start C      (A and B resolve 'superseded')
 *
 * Watchdog: a run that reports no progress for WATCHDOG_MS is terminated, the worker restarted, and the
 * request resolves with an error saying so (the store shows it in a banner).
 */
import { proxy, releaseProxy, wrap, type Remote } from 'comlink';
import type { BaseScenario } from '../labs/contract';
import type { RunReply, WorkerApi } from '../worker/api';
import type { RunOutcome } from './store/types';

export const SUPERSEDE_MS = 300;
export const WATCHDOG_MS = 15_000;

/** A started worker: its API and a way to kill it. */
export interface WorkerHandle {
  run(labId: string, scenario: BaseScenario, onProgress: (fraction: number) => void): Promise<RunReply>;
  terminate(): void;
}

export interface WorkerClientOptions {
  createWorker: () => WorkerHandle;
  supersedeMs?: number;
  watchdogMs?: number;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

interface Request {
  labId: string;
  scenario: BaseScenario;
  onProgress: (fraction: number) => void;
  resolve: (outcome: RunOutcome) => void;
}

interface Running extends Request {
  startedAt: number;
  lastProgressAt: number;
  stale: boolean;
  watchdog: unknown;
  supersedeTimer: unknown;
}

export interface WorkerClient {
  run(labId: string, scenario: BaseScenario, onProgress: (fraction: number) => void): Promise<RunOutcome>;
  /** Terminates the worker; pending requests resolve 'superseded'. */
  dispose(): void;
  /** How many times the worker was (re)started: for tests and diagnostics. */
  readonly starts: number;
}

// Over 70 lines as a closure module: its state is the worker and the run in flight, and each inner function is one short step.
export function createWorkerClient(options: WorkerClientOptions): WorkerClient {
  const supersedeMs = options.supersedeMs ?? SUPERSEDE_MS;
  const watchdogMs = options.watchdogMs ?? WATCHDOG_MS;
  const now = options.now ?? (() => performance.now());
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));

  let worker: WorkerHandle | undefined;
  let starts = 0;
  let running: Running | undefined;
  let queued: Request | undefined;

  function ensureWorker(): WorkerHandle {
    if (!worker) {
      worker = options.createWorker();
      starts += 1;
    }
    return worker;
  }

  function restartWorker(): void {
    worker?.terminate();
    worker = undefined;
  }

  function finish(run: Running, outcome: RunOutcome): void {
    if (running !== run) return;
    clearTimer(run.watchdog);
    clearTimer(run.supersedeTimer);
    running = undefined;
    run.resolve(run.stale ? { kind: 'superseded' } : outcome);
    startQueued();
  }

  function armWatchdog(run: Running): void {
    clearTimer(run.watchdog);
    const wait = Math.max(0, run.lastProgressAt + watchdogMs - now());
    run.watchdog = setTimer(() => {
      if (running !== run) return;
      if (now() - run.lastProgressAt < watchdogMs) return armWatchdog(run);
      restartWorker();
      const seconds = Math.round(watchdogMs / 1000);
      finish(run, {
        kind: 'error',
        error: {
          kind: 'watchdog',
          message: `The simulation made no progress for ${seconds} s, so it was stopped and the worker restarted. ` +
            'Try a smaller scenario.',
        },
      });
    }, wait);
  }

  function start(request: Request): void {
    const at = now();
    const run: Running = { ...request, startedAt: at, lastProgressAt: at, stale: false, watchdog: undefined, supersedeTimer: undefined };
    running = run;
    armWatchdog(run);
    const onProgress = (fraction: number) => {
      if (running !== run) return;
      run.lastProgressAt = now();
      if (!run.stale) run.onProgress(fraction);
    };
    let reply: Promise<RunReply>;
    try {
      reply = ensureWorker().run(request.labId, request.scenario, onProgress);
    } catch (error) {
      reply = Promise.reject(error);
    }
    reply.then(
      (r) => finish(run, r.ok ? { kind: 'done', result: r.result } : { kind: 'error', error: r.error }),
      (error: unknown) =>
        finish(run, { kind: 'error', error: { kind: 'crashed', message: `The worker failed: ${describe(error)}` } }),
    );
  }

  function startQueued(): void {
    const next = queued;
    queued = undefined;
    if (next) start(next);
  }

  function supersede(run: Running): void {
    if (running !== run) return;
    restartWorker();
    clearTimer(run.watchdog);
    running = undefined;
    run.resolve({ kind: 'superseded' });
    startQueued();
  }

  return {
    get starts() {
      return starts;
    },
    run(labId, scenario, onProgress) {
      return new Promise<RunOutcome>((resolve) => {
        const request: Request = { labId, scenario, onProgress, resolve };
        if (!running) return start(request);
        queued?.resolve({ kind: 'superseded' });
        queued = request;
        const current = running;
        if (current.stale) return; // its supersede timer is already set
        current.stale = true;
        const elapsed = now() - current.startedAt;
        if (elapsed >= supersedeMs) supersede(current);
        else current.supersedeTimer = setTimer(() => supersede(current), supersedeMs - elapsed);
      });
    },
    dispose() {
      queued?.resolve({ kind: 'superseded' });
      queued = undefined;
      if (running) {
        const run = running;
        run.stale = true;
        clearTimer(run.watchdog);
        clearTimer(run.supersedeTimer);
        running = undefined;
        run.resolve({ kind: 'superseded' });
      }
      restartWorker();
    },
  };
}

/** Starts the real module worker through comlink. */
export function browserWorker(): WorkerHandle {
  const worker = new Worker(new URL('../worker/worker.ts', import.meta.url), { type: 'module', name: 'simulation' });
  const api: Remote<WorkerApi> = wrap<WorkerApi>(worker);
  // A worker that fails to load or throws outside a run would leave comlink's promise pending forever;
  // the error event turns that into a failed run at once instead of waiting for the watchdog.
  let crash: ((error: Error) => void) | undefined;
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    crash?.(new Error(event.message || 'the simulation worker could not start'));
  });
  return {
    run: (labId, scenario, onProgress) =>
      new Promise<RunReply>((resolve, reject) => {
        crash = reject;
        (api.run(labId, scenario, proxy(onProgress)) as Promise<RunReply>).then(resolve, reject);
      }),
    terminate() {
      api[releaseProxy]();
      worker.terminate();
    },
  };
}

let shared: WorkerClient | undefined;

/** The app's worker client, created on first use. */
export function getWorkerClient(): WorkerClient {
  shared ??= createWorkerClient({ createWorker: browserWorker });
  return shared;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
