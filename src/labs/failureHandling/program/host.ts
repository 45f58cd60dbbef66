/**
 * The observer of one run: the settings in ticks, the downstream's data (one store behind every server),
 * each user request's record, and the counters the series are built from. The nodes report to it and read
 * the store through it; it decides nothing a node could not (arrivals come from each caller's own stream).
 *
 * Every request ends exactly once (`end` refuses a second ending and records the violation).
 */
import type { Rng } from '../../../core/random/rng';
import { BreakerState, type BreakerTransition } from '../../../core/resilience/circuitBreaker';
import { msToTicks, ticksToMs } from '../../../sim/kit/time';
import { Outcome, type OutcomeCode } from '../result';
import type { FailureScenario, Strategy } from '../scenario';

/** The scenario's settings for one run, times in ticks. */
export interface Config {
  s: FailureScenario;
  strategy: Strategy;
  backoff: FailureScenario['backoff'];
  timeout: number;
  deadline: number;
  backoffBase: number;
  backoffCap: number;
  queueBase: number;
  queueCap: number;
  open: number;
  ttl: number;
  swr: number;
  sie: number;
  end: number;
  bin: number;
  bins: number;
  callers: number;
  servers: number;
}

export function configOf(s: FailureScenario, strategy: Strategy): Config {
  const bin = binMsOf(s.durationMs);
  return {
    s,
    strategy,
    backoff: strategy === 'none' ? 'none' : s.backoff,
    timeout: msToTicks(s.timeoutMs),
    deadline: msToTicks(s.deadlineMs),
    backoffBase: msToTicks(s.backoffBaseMs),
    backoffCap: msToTicks(s.backoffCapMs),
    queueBase: msToTicks(s.queueBaseMs),
    queueCap: msToTicks(s.queueCapMs),
    open: msToTicks(s.openMs),
    ttl: msToTicks(s.cacheTtlMs),
    swr: msToTicks(s.swrMs),
    sie: msToTicks(s.sieMs),
    end: msToTicks(s.durationMs),
    bin: msToTicks(bin),
    bins: Math.ceil(s.durationMs / bin),
    callers: s.callers,
    servers: s.servers,
  };
}

/** Bin width: 250 ms up to 30 s of run, 500 ms up to 60 s, 1 s beyond. */
export function binMsOf(durationMs: number): number {
  return durationMs <= 30_000 ? 250 : durationMs <= 60_000 ? 500 : 1000;
}

export class Host {
  // Per user request, by id.
  readonly arriveTick: number[] = [];
  readonly callerOf: number[] = [];
  readonly endTick: number[] = [];
  readonly outcome: number[] = [];
  // Counters per bin.
  readonly firstTries: Float64Array;
  readonly retries: Float64Array;
  readonly completions: Float64Array;
  readonly serverQueue: Float64Array;
  readonly retryQueue: Float64Array;
  readonly dlqDepth: Float64Array;
  readonly breakersOpen: Float64Array;
  // Totals.
  lateReplies = 0;
  breakerOpens = 0;
  breakerRejected = 0;
  budgetDenied = 0;
  shed = 0;
  throttled = 0;
  dropped = 0;
  queueDone = 0;
  dlqCount = 0;
  duplicates = 0;
  cacheHits = 0;
  conflicts = 0;
  lostWrites = 0;
  replayed = 0;
  /** Writes put into retry queues; requests admitted by servers' token buckets. */
  enqueued = 0;
  bucketAdmitted = 0;
  /** Age of each stale copy served, ticks; latency of answers that went downstream (misses), ticks. */
  readonly staleAge: number[] = [];
  readonly missLatency: number[] = [];
  readonly violations: string[] = [];
  /** Round trips of successful calls sent before the first scripted event (all of them without one), ticks. */
  readonly calmRoundTrips: number[] = [];
  /** The first scripted event's tick (Infinity without one). */
  firstEventTick = Infinity;
  /** Largest number of trials a half-open breaker admitted (the invariant: <= trialCalls). */
  maxTrialsAdmitted = 0;
  // The downstream's store: a version and the time of the last write per key; request ids applied.
  readonly version: Int32Array;
  readonly writtenAt: Float64Array;
  readonly applied = new Set<number>();
  /** Service-time factor per node (the 'slowdown' event). */
  readonly factor: number[];
  // Breaker transitions, and the live gauges sampled at bin ends.
  readonly breakerT: number[] = [];
  readonly breakerCaller: number[] = [];
  readonly breakerState: number[] = [];
  readonly queueOf: number[];
  readonly retryQOf: number[];
  readonly dlqOf: number[];
  /** When the oldest job in each caller's retry queue was queued (Infinity: empty). */
  readonly oldestSinceOf: number[];
  /** Age of the oldest queued job at each bin's end, ms (0: empty queues). */
  readonly oldestAgeMs: Float64Array;
  readonly breakerOf: number[];
  // Narration (stage remarks).
  readonly remarkTick: number[] = [];
  readonly remarkNode: number[] = [];
  readonly remarkText: string[] = [];
  private dlqRemarks = 0;
  /** True when the run records a stage: the nodes then write their cards (strings cost time in a storm). */
  isStaged = false;

  constructor(readonly c: Config, readonly root: Rng) {
    const n = c.callers + c.servers;
    this.firstTries = new Float64Array(c.bins);
    this.retries = new Float64Array(c.bins);
    this.completions = new Float64Array(c.bins);
    this.serverQueue = new Float64Array(c.bins);
    this.retryQueue = new Float64Array(c.bins);
    this.dlqDepth = new Float64Array(c.bins);
    this.breakersOpen = new Float64Array(c.bins);
    this.version = new Int32Array(c.s.keys);
    this.writtenAt = new Float64Array(c.s.keys);
    this.factor = new Array<number>(n).fill(1);
    this.queueOf = new Array<number>(n).fill(0);
    this.retryQOf = new Array<number>(n).fill(0);
    this.dlqOf = new Array<number>(n).fill(0);
    this.oldestSinceOf = new Array<number>(n).fill(Infinity);
    this.oldestAgeMs = new Float64Array(c.bins);
    this.breakerOf = new Array<number>(n).fill(0);
  }

  binOf(tick: number): number {
    return Math.min(this.c.bins - 1, Math.floor(tick / this.c.bin));
  }

  /** A new user request at `caller`: its id. */
  arrive(tick: number, caller: number): number {
    this.arriveTick.push(tick);
    this.callerOf.push(caller);
    this.endTick.push(-1);
    this.outcome.push(Outcome.open);
    return this.arriveTick.length - 1;
  }

  /** Request `id` ends with `outcome` (exactly once). */
  end(tick: number, id: number, outcome: OutcomeCode): void {
    if (this.outcome[id] !== Outcome.open) {
      this.violations.push(`request ${id} ended twice (${this.outcome[id]} then ${outcome}) at ${ticksToMs(tick)} ms`);
      return;
    }
    this.outcome[id] = outcome;
    this.endTick[id] = tick;
  }

  isOpen(id: number): boolean {
    return this.outcome[id] === Outcome.open;
  }

  roundTrip(sent: number, now: number): void {
    if (sent < this.firstEventTick) this.calmRoundTrips.push(now - sent);
  }

  attempt(tick: number, isRetry: boolean): void {
    (isRetry ? this.retries : this.firstTries)[this.binOf(tick)]++;
  }

  breakerChanged(caller: number, t: BreakerTransition): void {
    this.breakerT.push(t.tick);
    this.breakerCaller.push(caller);
    this.breakerState.push(t.to);
    this.breakerOf[caller] = t.to;
    if (t.to === BreakerState.open) this.breakerOpens++;
    const pct = t.calls > 0 ? Math.round((100 * t.failures) / t.calls) : 0;
    const why = t.to === BreakerState.halfOpen
      ? `the first call after ${this.c.s.openMs} ms open: up to ${this.c.s.trialCalls} trial calls go through`
      : t.from === BreakerState.halfOpen
        ? `${t.failures} of ${t.calls} trial calls failed`
        : `${t.failures} of the last ${t.calls} calls failed (${pct} %, threshold ${this.c.s.failurePct} %)`;
    const word = ['closes', 'opens', 'half-opens'][t.to];
    this.remark(t.tick, caller, `c${caller}'s breaker ${word}: ${why}`);
  }

  toDlq(tick: number, caller: number, id: number): void {
    this.dlqCount++;
    if (this.dlqRemarks++ < 5) this.remark(tick, caller, `c${caller} moves request ${id} to the dead-letter queue after ${this.c.s.queueAttempts} failed attempts${this.dlqRemarks === 5 ? ' (later ones are counted, not told)' : ''}`);
  }

  remark(tick: number, node: number, text: string): void {
    this.remarkTick.push(tick);
    this.remarkNode.push(node);
    this.remarkText.push(text);
  }

  /** Samples the gauges into bin `b` (at its end). */
  sample(b: number, now: number): void {
    let q = 0;
    let rq = 0;
    let dlq = 0;
    let open = 0;
    let since = Infinity;
    for (let i = 0; i < this.queueOf.length; i++) {
      since = Math.min(since, this.oldestSinceOf[i]);
      q += this.queueOf[i];
      rq += this.retryQOf[i];
      dlq += this.dlqOf[i];
      if (i < this.c.callers && this.breakerOf[i] !== BreakerState.closed) open++;
    }
    this.serverQueue[b] = q;
    this.retryQueue[b] = rq;
    this.dlqDepth[b] = dlq;
    this.breakersOpen[b] = open;
    this.oldestAgeMs[b] = since === Infinity ? 0 : ticksToMs(now - since);
  }
}
