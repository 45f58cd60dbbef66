/**
 * What the failure-handling program returns (types and codes only, so the Panel imports it without the
 * program). Times are simulated milliseconds; rates are per second; fractions are 0..1.
 */
import type { LabResult } from '../contract';
import type { Strategy } from './scenario';

/** How a user request ended (each ends exactly once, or is still open at the end of the run). */
export const Outcome = { ok: 0, stale: 1, local: 2, fallback: 3, error: 4, rejected: 5, open: 6 } as const;
export type OutcomeCode = (typeof Outcome)[keyof typeof Outcome];
export const OUTCOME_WORDS = ['ok', 'stale', 'local', 'fallback', 'error', 'rejected', 'open at end'] as const;

/** One run's figures per time bin (bin b covers [b binMs, (b + 1) binMs)). */
export interface Series {
  binMs: number;
  bins: number;
  /** User requests arriving, and first tries and retries sent downstream (retry-queue attempts count as retries). */
  arrivals: Float64Array;
  firstTries: Float64Array;
  retries: Float64Array;
  /** Requests ending in the bin by outcome: outcome o at [o * bins + b]. */
  outcomes: Float64Array;
  /** Answered with data (ok, stale, local) within the deadline, per second. */
  goodput: Float64Array;
  /** Work the servers finished (whether or not anyone still waited), per second. */
  throughput: Float64Array;
  /** Errors / requests ending, percent (rejections apart). */
  errorPct: Float64Array;
  rejectedPct: Float64Array;
  /** Latency of requests answered with data, ms (NaN when none). */
  p50Ms: Float64Array;
  p99Ms: Float64Array;
  /** At the bin's end: requests waiting in server queues, in the callers' retry queues, in the DLQ. */
  serverQueue: Float64Array;
  retryQueue: Float64Array;
  /** Age of the oldest write in the retry queues at the bin's end, ms (0 when empty). */
  retryOldestMs: Float64Array;
  dlq: Float64Array;
  /** Callers whose breaker is open or half-open at the bin's end. */
  breakersOpen: Float64Array;
}

/** Totals of one run. */
export interface Totals {
  arrivals: number;
  outcomes: number[];
  firstTries: number;
  retries: number;
  /** Attempts sent downstream / first tries. */
  amplification: number;
  goodput: number;
  /** Server completions over the run. */
  completions: number;
  /** Replies that reached a caller after it had timed the attempt out: the call had succeeded. */
  lateReplies: number;
  p50Ms: number;
  p99Ms: number;
  /** p99.9 of the round trips of successful calls before the first fault: where a timeout belongs (NaN: none). */
  roundTripP999Ms: number;
  errorPct: number;
  /** Time from the end of the last fault to goodput back at >= 90 % of arrivals for 4 bins, ms (NaN: never). */
  recoverMs: number;
  breakerOpens: number;
  breakerRejected: number;
  budgetDenied: number;
  shed: number;
  throttled: number;
  dropped: number;
  queueDone: number;
  dlqCount: number;
  queuePeak: number;
  /** The longest a write waited in a retry queue at a bin's end, ms. */
  queueOldestMs: number;
  /** Retry-queue attempts a server had already applied (absorbed by the idempotency key). */
  duplicates: number;
  staleServed: number;
  staleAgeP50Ms: number;
  staleAgeMaxMs: number;
  /** Mean latency of answers that went downstream minus that of stale answers, ms. */
  latencySavedMs: number;
  cacheHits: number;
  localServed: number;
  conflicts: number;
  lostWrites: number;
  replayed: number;
}

export interface RunFigures {
  strategy: Strategy;
  series: Series;
  totals: Totals;
}

/** A breaker changing state: caller node, time, new state (0 closed, 1 open, 2 half-open). */
export interface BreakerLog {
  tMs: Float64Array;
  caller: Uint8Array;
  state: Uint8Array;
}

export interface InvariantCheck {
  name: string;
  ok: boolean;
  detail: string;
}

export interface FailureResult extends LabResult {
  lab: 'failure-handling';
  strategy: Strategy;
  callers: number;
  servers: number;
  timeoutMs: number;
  /** End of the last scripted fault (ms), NaN without one. */
  triggerEndMs: number;
  run: RunFigures;
  /** The same seed and script with no strategy and immediate retries (when compare is on). */
  baseline?: RunFigures;
  breakers: BreakerLog;
  checks: InvariantCheck[];
  stage: NonNullable<LabResult['stage']>;
}
