/**
 * Failure handling: callers c0.. (the client service, each with its own open-loop Poisson stream of user
 * requests, its own breaker, retry budget, retry queue and cache) call downstream servers s.. (slots and a
 * FIFO queue each) on the engine. One workload, one script of faults; the strategy is a parameter, and with
 * `compare` the same seed and faults also run with no strategy (naive retries) for the charts:
 *
 *   none      timeout and immediate retries (the baseline every strategy is compared with)
 *   breaker   timeout, a circuit breaker per caller, retries after backoff (jitter from the caller's stream)
 *   fallback  a degraded answer at once, the request into a retry queue (jittered backoff), past
 *             `queueAttempts` into the dead-letter queue (DLQ); the server applies each request id once
 *   stale     serve a stale cached copy while one refresh runs (stale-while-revalidate) or when the
 *             downstream fails (stale-if-error), RFC 5861
 *   degrade   during a partition read local data and take writes locally; replay them on heal under
 *             last-writer-wins, counting conflicts and the writes lost
 *   shed      servers shed (queue limit, drop work past its deadline) and police with a token bucket;
 *             callers retry only within a retry budget
 *
 * Time is in milliseconds (the engine ticks in microseconds).
 */
import { BACKOFFS, type Backoff } from '../../core/resilience/backoff';
import type { BaseScenario, EventSpec, ParamSpec, Preset, ValidationIssue } from '../contract';
import { checkFaultEvents, faultEventSpecs, type FaultEventOf } from '../faultEvents';
import { fmt, scenarioSchema } from '../scenarioSchema';

export const STRATEGIES = ['none', 'breaker', 'fallback', 'stale', 'degrade', 'shed'] as const;
export type Strategy = (typeof STRATEGIES)[number];
export const STRATEGY_LABELS: Record<Strategy, string> = {
  none: 'No strategy',
  breaker: 'Timeout + breaker',
  fallback: 'Fallback + retry queue',
  stale: 'Serve stale',
  degrade: 'Degrade + reconcile',
  shed: 'Shed + budget',
};

export const FAULTS = ['crash', 'recover', 'pause', 'resume', 'isolate', 'partition', 'heal', 'cut', 'healLink', 'slow'] as const;
/** The lab's own events: a server's service gets `slowFactor` times slower, and back to normal. */
export type OwnEvent = { t: number; type: 'slowdown' | 'restore'; node: number };
export type FailureEvent = FaultEventOf<(typeof FAULTS)[number]> | OwnEvent;

export interface FailureScenario extends BaseScenario {
  /** The strategy under test. Default 'none'. */
  strategy: Strategy;
  /** Also run the same seed and script with no strategy and naive retries, for the charts. Default true. */
  compare: boolean;
  /** Caller instances c0..: each has its own arrivals, breaker, budget, queues and cache. 1..4. Default 2. */
  callers: number;
  /** Downstream servers. 1..6. Default 2. */
  servers: number;
  /** Each server is a shard owning the keys k with k mod servers = its index (else a random server per call). Default false. */
  sharded: boolean;
  /** Requests a server works on at once. 1..50. Default 5. */
  slots: number;
  /** Mean service time (exponential), ms. 1..10,000. Default 100. */
  serviceMs: number;
  /** User requests per second over all callers (Poisson). 1..500. Default 70. */
  ratePerSec: number;
  /** Simulated time the run covers, ms. 1,000..120,000. Default 60,000. */
  durationMs: number;
  /** One network hop, ms (uniform in 0.5x..1.5x). 0.1..100. Default 1. */
  netMs: number;
  /** A caller's timeout per attempt, ms. 10..60,000. Default 1000. */
  timeoutMs: number;
  /** Retries after the first try. 0..10. Default 3. */
  retries: number;
  /** Backoff before a retry (none: at once). Default 'none'. */
  backoff: Backoff;
  /** Backoff base and cap, ms. 1..60,000. Defaults 100 and 5000. */
  backoffBaseMs: number;
  backoffCapMs: number;
  /** A user request is goodput when answered with data within this, ms; attempts carry it on. 10..600,000. Default 2000. */
  deadlineMs: number;
  /** A 'slowdown' event multiplies a server's service time by this. 1..100. Default 3. */
  slowFactor: number;
  /** Breaker (resilience4j names): window of calls, minimum calls, failure %, time open (ms), half-open trials. */
  windowCalls: number;
  minCalls: number;
  failurePct: number;
  openMs: number;
  trialCalls: number;
  /** Retry queue: attempts before the DLQ, backoff base and cap (full jitter), ms. */
  queueAttempts: number;
  queueBaseMs: number;
  queueCapMs: number;
  /** Keys the users read and write. 1..10,000. Default 50. */
  keys: number;
  /** Caller cache: fresh for ttl, served stale up to swr past it, and up to sie past it on error, ms. */
  cacheTtlMs: number;
  swrMs: number;
  sieMs: number;
  /** Percent of user requests that are writes. 0..100. Default 0. */
  writePct: number;
  /** Shed: retry budget per caller (0 off), server queue limit (0 none), drop expired, token bucket (rate 0 off). */
  budgetTokens: number;
  queueMax: number;
  dropExpired: boolean;
  bucketBurst: number;
  bucketRatePerSec: number;
  seed: number;
  /** Faults by time (ms), at most 100. */
  events: FailureEvent[];
}

export const LIMITS = {
  callersMax: 4,
  serversMax: 6,
  slotsMax: 50,
  serviceMsMax: 10_000,
  rateMax: 500,
  durationMsMin: 1000,
  durationMsMax: 120_000,
  netMsMax: 100,
  timeoutMsMin: 10,
  timeoutMsMax: 60_000,
  retriesMax: 10,
  backoffMsMax: 60_000,
  deadlineMsMax: 600_000,
  slowFactorMax: 100,
  windowCallsMax: 1000,
  openMsMax: 600_000,
  trialCallsMax: 100,
  queueAttemptsMax: 20,
  keysMax: 10_000,
  cacheMsMax: 600_000,
  budgetMax: 100,
  queueMaxMax: 100_000,
  bucketMax: 10_000,
  eventsMax: 100,
} as const;

/** Node ids: callers 0..callers-1, then servers. */
export function nodeNamesOf(s: Pick<FailureScenario, 'callers' | 'servers'>): string[] {
  return Array.from({ length: s.callers + s.servers }, (_, i) => (i < s.callers ? `c${i}` : `s${i}`));
}

const ms = (key: string, label: string, min: number, max: number, help: string): ParamSpec => ({ key, label, kind: 'number', min, max, unit: 'ms', help });
const int = (key: string, label: string, min: number, max: number, help: string): ParamSpec => ({ key, label, kind: 'int', min, max, help });

export const params: readonly ParamSpec[] = [
  { key: 'strategy', label: 'Strategy', kind: 'enum', options: STRATEGIES, help: 'none: timeout and immediate retries; breaker; fallback + retry queue + DLQ; stale (serve stale); degrade (local data, reconcile); shed (shedding, token bucket, retry budget).' },
  { key: 'compare', label: 'Compare with none', kind: 'boolean', help: 'Also run the same seed and faults with no strategy and immediate retries, drawn beside it in the charts.' },
  int('callers', 'Callers', 1, LIMITS.callersMax, 'Caller instances (c0..), each with its own arrivals, breaker, budget, queues and cache.'),
  int('servers', 'Servers', 1, LIMITS.serversMax, 'Downstream servers.'),
  { key: 'sharded', label: 'Sharded', kind: 'boolean', help: 'Each server owns the keys k with k mod servers = its index, and a call goes to its key\'s shard (off: a random server per call).' },
  int('slots', 'Slots per server', 1, LIMITS.slotsMax, 'Requests a server works on at once; the rest wait in its queue.'),
  ms('serviceMs', 'Service time', 1, LIMITS.serviceMsMax, 'Mean time a slot works on a request (exponential).'),
  { key: 'ratePerSec', label: 'Arrival rate', kind: 'number', min: 1, max: LIMITS.rateMax, unit: '/s', help: 'User requests per second over all callers (Poisson: open loop, they keep coming whatever happens).' },
  ms('durationMs', 'Duration', LIMITS.durationMsMin, LIMITS.durationMsMax, 'Simulated time the run covers.'),
  ms('netMs', 'Network hop', 0.1, LIMITS.netMsMax, 'One hop between a caller and a server (uniform in 0.5x..1.5x).'),
  ms('timeoutMs', 'Timeout', LIMITS.timeoutMsMin, LIMITS.timeoutMsMax, 'A caller stops waiting for an attempt after this long (the server may still do the work).'),
  int('retries', 'Retries', 0, LIMITS.retriesMax, 'Retries after the first try.'),
  { key: 'backoff', label: 'Backoff', kind: 'enum', options: BACKOFFS, help: 'Wait before a retry: none (at once), exponential, full / equal jitter, decorrelated (the baseline always retries at once).' },
  ms('backoffBaseMs', 'Backoff base', 1, LIMITS.backoffMsMax, 'Base of the backoff.'),
  ms('backoffCapMs', 'Backoff cap', 1, LIMITS.backoffMsMax, 'Cap of the backoff.'),
  ms('deadlineMs', 'Deadline', 10, LIMITS.deadlineMsMax, 'A request answered with data within this counts as goodput; attempts carry the deadline on.'),
  { key: 'slowFactor', label: 'Slowdown factor', kind: 'number', min: 1, max: LIMITS.slowFactorMax, unit: 'x', help: 'A "slow service" event makes a server this many times slower.' },
  int('windowCalls', 'Breaker window', 1, LIMITS.windowCallsMax, 'Breaker: outcomes in the sliding window (resilience4j: 100).'),
  int('minCalls', 'Breaker minimum calls', 1, LIMITS.windowCallsMax, 'Breaker: outcomes before a rate is computed (resilience4j: 100).'),
  { key: 'failurePct', label: 'Breaker failure rate', kind: 'number', min: 1, max: 100, unit: '%', help: 'Breaker: failure rate that opens it (resilience4j: 50 %).' },
  ms('openMs', 'Breaker open for', 0, LIMITS.openMsMax, 'Breaker: time open before a call may half-open it (resilience4j: 60 s).'),
  int('trialCalls', 'Half-open trials', 1, LIMITS.trialCallsMax, 'Breaker: calls admitted half-open (resilience4j: 10).'),
  int('queueAttempts', 'Queue attempts', 1, LIMITS.queueAttemptsMax, 'Retry queue: attempts before a request goes to the dead-letter queue.'),
  ms('queueBaseMs', 'Queue backoff base', 1, LIMITS.backoffMsMax, 'Retry queue: base of its full-jitter backoff.'),
  ms('queueCapMs', 'Queue backoff cap', 1, LIMITS.backoffMsMax, 'Retry queue: cap of its backoff.'),
  int('keys', 'Keys', 1, LIMITS.keysMax, 'Keys the users read and write (uniformly).'),
  ms('cacheTtlMs', 'Cache TTL', 0, LIMITS.cacheMsMax, 'A cached copy is fresh this long (0: no cache).'),
  ms('swrMs', 'stale-while-revalidate', 0, LIMITS.cacheMsMax, 'Serve stale: a copy up to this far past expiry is served while one refresh runs.'),
  ms('sieMs', 'stale-if-error', 0, LIMITS.cacheMsMax, 'Serve stale: a copy up to this far past expiry is served when the downstream fails.'),
  { key: 'writePct', label: 'Writes', kind: 'int', min: 0, max: 100, unit: '%', help: 'Percent of user requests that write their key.' },
  int('budgetTokens', 'Retry budget', 0, LIMITS.budgetMax, 'Shed: tokens per caller (+0.1 per success, -1 per retry; 0: no budget).'),
  int('queueMax', 'Server queue limit', 0, LIMITS.queueMaxMax, 'Shed: a server rejects (503) when this many wait (0: no limit).'),
  { key: 'dropExpired', label: 'Drop expired work', kind: 'boolean', help: 'Shed: a server drops queued work whose deadline has passed instead of doing it.' },
  int('bucketBurst', 'Bucket burst', 1, LIMITS.bucketMax, 'Shed: token bucket size per server.'),
  { key: 'bucketRatePerSec', label: 'Bucket rate', kind: 'number', min: 0, max: LIMITS.bucketMax, unit: '/s', help: 'Shed: token bucket refill per server (0: no bucket); over it, 429.' },
  { key: 'seed', label: 'Seed', kind: 'int', min: 0, max: 0xffffffff, help: 'Seed of every random stream (arrivals per caller, service times, jitter, keys).' },
];

const serverField: ParamSpec = { key: 'node', label: 'Server', kind: 'int', min: 0, max: LIMITS.callersMax + LIMITS.serversMax - 1, help: 'Node index of a server (s2 is 2).' };

export const events: readonly EventSpec[] = [
  ...faultEventSpecs(FAULTS, {
    nodeMax: LIMITS.callersMax + LIMITS.serversMax - 1,
    nodeHelp: 'Node index: callers c0.. first, then servers (with 2 callers, s2 is 2).',
    help: {
      crash: 'The node stops: a crashed server loses its queue and the work in its slots; calls to it time out.',
      slow: 'Every later message of one direction of a link takes this much longer (0 ends it).',
    },
  }),
  { type: 'slowdown', label: 'Slow service', help: 'The server works slowFactor times slower from now on (a GC spiral, a noisy neighbour).', fields: [serverField] },
  { type: 'restore', label: 'Restore service', help: 'The server works at its normal speed again.', fields: [serverField] },
];

export function checkScenario(s: FailureScenario): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const n = s.callers + s.servers;
  if (s.minCalls > s.windowCalls) issues.push({ path: 'minCalls', message: `minCalls must be at most windowCalls = ${fmt(s.windowCalls)}, got ${fmt(s.minCalls)}` });
  if (s.backoffBaseMs > s.backoffCapMs) issues.push({ path: 'backoffBaseMs', message: `backoffBaseMs must be at most backoffCapMs = ${fmt(s.backoffCapMs)}, got ${fmt(s.backoffBaseMs)}` });
  if (s.queueBaseMs > s.queueCapMs) issues.push({ path: 'queueBaseMs', message: `queueBaseMs must be at most queueCapMs = ${fmt(s.queueCapMs)}, got ${fmt(s.queueBaseMs)}` });
  if (s.timeoutMs <= 3 * s.netMs) issues.push({ path: 'timeoutMs', message: `timeoutMs must be above 3 x netMs = ${fmt(3 * s.netMs)} (a round trip), got ${fmt(s.timeoutMs)}` });
  issues.push(...checkFaultEvents(s.events, n, `a node 0..${n - 1} (c0..c${s.callers - 1}, s${s.callers}..s${n - 1})`));
  s.events.forEach((e, i) => {
    if ((e.type === 'slowdown' || e.type === 'restore') && !(e.node >= s.callers && e.node < n)) {
      issues.push({ path: `events[${i}].node`, message: `events[${i}].node must be a server, ${s.callers}..${n - 1}, got ${fmt(e.node)}` });
    }
    if ('from' in e && e.from === e.to) issues.push({ path: `events[${i}].to`, message: `events[${i}] must name a link between two nodes, got ${e.from} -> ${e.to}` });
  });
  return issues;
}

export const validate = scenarioSchema<FailureScenario>({
  params, events, eventsMax: LIMITS.eventsMax, tMax: LIMITS.durationMsMax, check: checkScenario,
  runEnd: (s) => ({ t: s.durationMs, why: 'durationMs' }),
});

/** Work units: attempts the run may make (every request retried in full), twice with `compare`. */
export function cost(s: FailureScenario): number {
  const arrivals = (s.ratePerSec * s.durationMs) / 1000;
  const attempts = arrivals * (s.retries + 1 + (s.strategy === 'fallback' ? s.queueAttempts : 0));
  return Math.ceil(12 * attempts * (s.compare && s.strategy !== 'none' ? 2 : 1) + 10 * s.events.length);
}

export function horizon(s: FailureScenario): number {
  return s.durationMs;
}

/** Stability Sim's retry storm: 2 servers x 5 slots of 0.1 s (~100 req/s), 70 req/s, timeout 1 s, 3 retries, s2 down 5..10 s. */
export const defaults: FailureScenario = {
  strategy: 'none',
  compare: true,
  callers: 2,
  servers: 2,
  sharded: false,
  slots: 5,
  serviceMs: 100,
  ratePerSec: 70,
  durationMs: 60_000,
  netMs: 1,
  timeoutMs: 1000,
  retries: 3,
  backoff: 'none',
  backoffBaseMs: 100,
  backoffCapMs: 5000,
  deadlineMs: 2000,
  slowFactor: 3,
  windowCalls: 20,
  minCalls: 10,
  failurePct: 50,
  openMs: 5000,
  trialCalls: 3,
  queueAttempts: 5,
  queueBaseMs: 500,
  queueCapMs: 8000,
  keys: 50,
  cacheTtlMs: 0,
  swrMs: 10_000,
  sieMs: 60_000,
  writePct: 0,
  budgetTokens: 10,
  queueMax: 0,
  dropExpired: true,
  bucketBurst: 20,
  bucketRatePerSec: 0,
  seed: 1,
  events: [{ t: 5000, type: 'crash', node: 2 }, { t: 10_000, type: 'recover', node: 2 }],
};

const d = defaults;
const S2 = 2;
const S3 = 3;

export const presets: readonly Preset<FailureScenario>[] = [
  {
    id: 'metastable-retry',
    title: 'Retry storm (metastable)',
    description: 'Stability Sim\'s example: 70 req/s on ~100 req/s of capacity, timeout 1 s, 3 immediate retries. s2 is down from 5 to 10 s; retries lift the load past capacity, and the overload outlives the crash to the end of the run.',
    scenario: d,
  },
  {
    id: 'metastable-budget',
    title: 'Retry storm broken: budget and shedding',
    description: 'The same run with a retry budget per caller (10 tokens, +0.1 per success) and servers that drop work past its deadline: the load falls back under capacity soon after s2 returns.',
    scenario: { ...d, strategy: 'shed' },
  },
  {
    id: 'goodput-collapse',
    title: 'Goodput collapse (a stale queue)',
    description: '90 req/s on 100 of capacity, no retries; both servers 3x slower from 8 to 16 s. Some 450 requests queue; for long after, the servers stay busy on work whose callers gave up: throughput high, goodput zero.',
    scenario: { ...d, ratePerSec: 90, retries: 0, events: [{ t: 8000, type: 'slowdown', node: S2 }, { t: 8000, type: 'slowdown', node: S3 }, { t: 16_000, type: 'restore', node: S2 }, { t: 16_000, type: 'restore', node: S3 }] },
  },
  {
    id: 'goodput-shed',
    title: 'Goodput kept: drop expired work',
    description: 'The same slowdown with servers that drop queued work past its deadline (shed, no retry budget needed): goodput dips during the slowdown and comes back as soon as it ends.',
    scenario: { ...d, strategy: 'shed', ratePerSec: 90, retries: 0, budgetTokens: 0, events: [{ t: 8000, type: 'slowdown', node: S2 }, { t: 8000, type: 'slowdown', node: S3 }, { t: 16_000, type: 'restore', node: S2 }, { t: 16_000, type: 'restore', node: S3 }] },
  },
  {
    id: 'rate-limit',
    title: 'Overload at the door: token buckets',
    description: '130 req/s on 100 of capacity, no retries. Each server polices with a token bucket (burst 10, 45/s): the excess gets a cheap 429 at once, and the rest is served on time. Without it the queues grow until every answer comes after its timeout.',
    scenario: { ...d, strategy: 'shed', ratePerSec: 130, durationMs: 30_000, retries: 0, budgetTokens: 0, dropExpired: false, bucketBurst: 10, bucketRatePerSec: 45, events: [] },
  },
  {
    id: 'breaker-slow',
    title: 'Slow downstream: timeout and breaker',
    description: 'Both servers 10x slower from 10 to 25 s. Each caller\'s breaker opens on its failure rate, fails fast while open, half-opens after 5 s with 3 trials, and closes once the servers are fast again; retries wait with full jitter.',
    scenario: { ...d, strategy: 'breaker', ratePerSec: 40, durationMs: 40_000, slowFactor: 10, backoff: 'full', events: [{ t: 10_000, type: 'slowdown', node: S2 }, { t: 10_000, type: 'slowdown', node: S3 }, { t: 25_000, type: 'restore', node: S2 }, { t: 25_000, type: 'restore', node: S3 }] },
  },
  {
    id: 'breaker-shard',
    title: 'A breaker before a sharded downstream',
    description: 'Three servers, each the shard of a third of the keys; s4 is down from 10 s on, so a third of the calls fail. With resilience4j\'s window of 100 calls, a breaker at 50 % never opens (33 % fail), but this one opens at 25 %: it then rejects the calls the two healthy shards would have answered.',
    scenario: { ...d, strategy: 'breaker', servers: 3, sharded: true, ratePerSec: 40, durationMs: 30_000, retries: 0, windowCalls: 100, minCalls: 100, failurePct: 25, events: [{ t: 10_000, type: 'crash', node: 4 }] },
  },
  {
    id: 'fallback-queue',
    title: 'Downstream down: fallback and retry queue',
    description: 'Both servers down from 5 to 20 s. Callers answer with a fallback at once and queue the write (idempotency key = request id); the queue grows, drains on recovery, and what failed 5 times lands in the DLQ.',
    scenario: { ...d, strategy: 'fallback', ratePerSec: 20, durationMs: 40_000, retries: 0, writePct: 100, queueAttempts: 5, queueBaseMs: 500, queueCapMs: 8000, events: [{ t: 5000, type: 'crash', node: S2 }, { t: 5000, type: 'crash', node: S3 }, { t: 20_000, type: 'recover', node: S2 }, { t: 20_000, type: 'recover', node: S3 }] },
  },
  {
    id: 'serve-stale',
    title: 'Stale data: serve stale, refresh in the background',
    description: 'A 2 s cache with stale-while-revalidate 10 s and stale-if-error 60 s; both servers down from 15 to 30 s. Stale copies answer at once; the age served and the latency saved are measured.',
    scenario: { ...d, strategy: 'stale', ratePerSec: 50, durationMs: 40_000, retries: 1, keys: 50, cacheTtlMs: 2000, events: [{ t: 15_000, type: 'crash', node: S2 }, { t: 15_000, type: 'crash', node: S3 }, { t: 30_000, type: 'recover', node: S2 }, { t: 30_000, type: 'recover', node: S3 }] },
  },
  {
    id: 'degrade-partition',
    title: 'Partition: degrade to local data, reconcile',
    description: 'c0 is cut off from the servers from 10 to 25 s while c1 is not. c0 reads its local copies and keeps writes locally; at the heal it replays them, and writes to the same keys from c1 meanwhile are conflicts (last writer wins).',
    scenario: { ...d, strategy: 'degrade', ratePerSec: 20, durationMs: 40_000, retries: 0, keys: 20, writePct: 30, timeoutMs: 500, events: [{ t: 10_000, type: 'partition', groups: '0|1,2,3' }, { t: 25_000, type: 'heal' }] },
  },
];

/** The scene a strategy tab opens: its preset (the first using it). */
export function presetOfStrategy(strategy: Strategy): Preset<FailureScenario> {
  return presets.find((p) => p.scenario.strategy === strategy) ?? presets[0];
}
