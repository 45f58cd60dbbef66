/**
 * Runs a core Job (src/core/causality/job.ts) on the main thread in slices: each task advances it for at
 * most SLICE_MS, then yields to the browser (a new task), so building clocks for 10^5 events never holds
 * the main thread for long. A new `make` (memoize it) cancels the running job and starts afresh.
 */
import { useEffect, useState } from 'react';
import type { Job } from '../../core/causality/types';

const SLICE_MS = 8;

export type JobState<T> =
  | { status: 'idle' }
  | { status: 'running'; progress: number }
  | { status: 'done'; value: T }
  | { status: 'error'; message: string };

export function useJob<T>(make: (() => Job<T>) | undefined): JobState<T> {
  const [state, setState] = useState<JobState<T>>({ status: 'idle' });
  useEffect(() => {
    if (!make) {
      setState({ status: 'idle' });
      return;
    }
    let isCancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let job: Job<T>;
    const step = () => {
      const start = performance.now();
      try {
        job ??= make();
        for (;;) {
          const next = job.next();
          if (isCancelled) return;
          if (next.done) {
            setState({ status: 'done', value: next.value });
            return;
          }
          if (performance.now() - start > SLICE_MS) {
            setState({ status: 'running', progress: next.value });
            timer = setTimeout(step, 0);
            return;
          }
        }
      } catch (error) {
        if (!isCancelled) setState({ status: 'error', message: error instanceof Error ? error.message : String(error) });
      }
    };
    setState({ status: 'running', progress: 0 });
    timer = setTimeout(step, 0);
    return () => {
      isCancelled = true;
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [make]);
  return state;
}

/** Runs a job to its end in slices of at most SLICE_MS each (for one-off work such as an export). */
export function runSliced<T>(job: Job<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const step = () => {
      const start = performance.now();
      try {
        for (;;) {
          const next = job.next();
          if (next.done) return resolve(next.value);
          if (performance.now() - start > SLICE_MS) return void setTimeout(step, 0);
        }
      } catch (error) {
        reject(error);
      }
    };
    setTimeout(step, 0);
  });
}
