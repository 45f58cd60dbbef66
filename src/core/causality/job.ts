/**
 * Jobs (./types.ts `Job`): long computations written as generators that yield their progress between
 * slices, so the same code runs at once (Node, the worker, tests: `runJob`) or a slice per task on the main
 * thread (src/viz/spaceTime/useJob.ts), never holding it for long. Core stays pure: no timers here.
 */
import type { Job } from './types';

/** Runs a job to its end at once. */
export function runJob<T>(job: Job<T>): T {
  for (;;) {
    const next = job.next();
    if (next.done) return next.value;
  }
}

/** An inner job, its progress mapped onto [from, to] of the outer one. */
export function* share<T>(job: Generator<number, T, void>, from: number, to: number): Job<T> {
  for (;;) {
    const next = job.next();
    if (next.done) return next.value;
    yield from + (to - from) * next.value;
  }
}
