/**
 * Partitioning: the same keys and the same request stream placed by four strategies (hash mod N, key
 * ranges, a consistent-hash ring, a directory), one of which serves the workload on the engine; a detector
 * names the hot partition, and mitigations (salt, split, cache) and faults (crash, recover) are scripted
 * events, so every edit shows as a before/after in the same charts.
 *
 * Time is in milliseconds (the engine ticks in microseconds). Keys are key-0..key-(keys-1) in key order;
 * popularity ranks are shuffled over keys by the seed (so the hottest keys are not neighbours in key order).
 */
import type { BaseScenario, EventSpec, ParamSpec, Preset, ValidationIssue } from '../contract';
import { checkFaultEvents, faultEventSpecs, type FaultEventOf } from '../faultEvents';
import { fmt, scenarioSchema } from '../scenarioSchema';
import { STRATEGIES, type Strategy } from './result';

export type Distribution = 'uniform' | 'zipf' | 'celebrity';
export const DISTRIBUTIONS: readonly Distribution[] = ['uniform', 'zipf', 'celebrity'];

/**
 * A storage node (or, with the directory strategy, node index `nodes`: the directory) crashes, or comes
 * back with its keys (each strategy restores its placement): the engine's crash and recover.
 */
export type CrashEvent = FaultEventOf<'crash'>;
export type RecoverEvent = FaultEventOf<'recover'>;
/** From t on, the hottest key is salted into k sub-keys: writes go to one, reads fan out to all k (k = 1: off). */
export type SaltEvent = { t: number; type: 'salt'; k: number };
/** Range strategy only: the hottest range (by recent requests) splits at its request median; the upper
 *  half moves to the node that served the fewest requests so far. */
export type SplitEvent = { t: number; type: 'split' };
/** From t on, a cache in front serves reads it holds younger than ttlMs (0: cache off). Writes bypass it. */
export type CacheEvent = { t: number; type: 'cache'; ttlMs: number };

export type PartitioningEvent = CrashEvent | RecoverEvent | SaltEvent | SplitEvent | CacheEvent;

export interface PartitioningScenario extends BaseScenario {
  /** The strategy that serves the workload (the table measures all four). Default 'consistent'. */
  strategy: Strategy;
  /** Storage nodes n0..n(nodes-1). 1..1000. */
  nodes: number;
  /** Keys key-0..key-(keys-1). 1..1,000,000. */
  keys: number;
  /** Client requests in the run. 1..1,000,000. */
  requests: number;
  /** Client request rate (Poisson arrivals), requests per second. 1..100,000. */
  rate: number;
  /** Which key each request asks for: uniform, Zipf(zipfS) over popularity ranks, or one celebrity key. */
  distribution: Distribution;
  /** Zipf exponent s (0 is uniform, 1 is classic Zipf). 0..3. */
  zipfS: number;
  /** Celebrity distribution: percent of requests for the celebrity key (rank 0); the rest are uniform. 1..100. */
  celebrityPct: number;
  /** Percent of requests that are writes (the rest are reads). 0..100. */
  writePct: number;
  /** Mean service time of one request on a node (exponential), ms. 0.001..1000. */
  serviceMs: number;
  /** One network hop (client -> node, node -> client, directory -> node), ms. 0..100. */
  hopMs: number;
  /** Directory strategy: the lookup service's time per request, ms. 0.001..100. */
  directoryMs: number;
  /** Consistent strategy: ring points per node. 1..1000. */
  vnodes: number;
  /** Range strategy: a range holding more keys than this splits in two (automatic split). 1..1,000,000. */
  rangeMaxKeys: number;
  /** Keys in one range query of the strategy table. 1..10,000. */
  rangeQueryKeys: number;
  /** Root of every random stream (arrivals, keys, service times, rank shuffle, hashes). 0..2^32-1. */
  seed: number;
  /** Faults and mitigations, by time (ms), at most 20. */
  events: PartitioningEvent[];
}

export const LIMITS = {
  nodesMax: 1000,
  keysMax: 1_000_000,
  requestsMax: 1_000_000,
  rateMax: 100_000,
  zipfSMax: 3,
  serviceMsMin: 0.001,
  serviceMsMax: 1000,
  hopMsMax: 100,
  directoryMsMin: 0.001,
  directoryMsMax: 100,
  vnodesMax: 1000,
  rangeMaxKeysMax: 1_000_000,
  rangeQueryKeysMax: 10_000,
  saltKMax: 64,
  cacheTtlMsMax: 60_000,
  eventsMax: 20,
  /** Longest run: requests / rate (the arrivals' expected span), seconds; and latest event time (ms). */
  durationSMax: 3600,
  tMax: 3_600_000,
  /** Ring points (nodes x vnodes) at most. */
  pointsMax: 1_000_000,
} as const;

export const params: readonly ParamSpec[] = [
  { key: 'strategy', label: 'Strategy', kind: 'enum', options: STRATEGIES, help: 'The placement that serves the workload; the table measures all four on the same keys and requests.' },
  { key: 'nodes', label: 'Nodes', kind: 'int', min: 1, max: LIMITS.nodesMax, help: 'Storage nodes n0, n1, ...' },
  { key: 'keys', label: 'Keys', kind: 'int', min: 1, max: LIMITS.keysMax, help: 'Keys key-0, key-1, ... in key order (range partitioning cuts this order).' },
  { key: 'requests', label: 'Requests', kind: 'int', min: 1, max: LIMITS.requestsMax, help: 'Client requests in the run.' },
  { key: 'rate', label: 'Request rate', kind: 'int', min: 1, max: LIMITS.rateMax, unit: 'requests/s', help: 'Poisson arrivals: the mean number of client requests per second.' },
  { key: 'distribution', label: 'Key popularity', kind: 'enum', options: DISTRIBUTIONS, help: 'uniform: every key alike; zipf: rank r is asked in proportion to 1/(r+1)^s; celebrity: one key gets a fixed share.' },
  { key: 'zipfS', label: 'Zipf exponent s', kind: 'number', min: 0, max: LIMITS.zipfSMax, help: 'Skew of the zipf distribution: 0 is uniform, 1 classic Zipf, higher is hotter.' },
  { key: 'celebrityPct', label: 'Celebrity share', kind: 'int', min: 1, max: 100, unit: '%', help: 'Percent of requests for the one celebrity key (celebrity distribution).' },
  { key: 'writePct', label: 'Writes', kind: 'int', min: 0, max: 100, unit: '%', help: 'Percent of requests that write; the rest read.' },
  { key: 'serviceMs', label: 'Service time', kind: 'number', min: LIMITS.serviceMsMin, max: LIMITS.serviceMsMax, unit: 'ms', help: 'Mean CPU time of one request on a node (exponentially distributed). One node serves at most 1000/serviceMs requests/s.' },
  { key: 'hopMs', label: 'Hop latency', kind: 'number', min: 0, max: LIMITS.hopMsMax, unit: 'ms', help: 'One network hop; a request takes two (there and back), three through the directory.' },
  { key: 'directoryMs', label: 'Directory time', kind: 'number', min: LIMITS.directoryMsMin, max: LIMITS.directoryMsMax, unit: 'ms', help: 'Time the directory spends per lookup (directory strategy): every request queues there first.' },
  { key: 'vnodes', label: 'Virtual nodes', kind: 'int', min: 1, max: LIMITS.vnodesMax, unit: 'per node', help: 'Ring points per node (consistent strategy).' },
  { key: 'rangeMaxKeys', label: 'Range split size', kind: 'int', min: 1, max: LIMITS.rangeMaxKeysMax, unit: 'keys', help: 'A range holding more keys splits in two at its middle (range strategy); ranges go to nodes in turn.' },
  { key: 'rangeQueryKeys', label: 'Range query size', kind: 'int', min: 1, max: LIMITS.rangeQueryKeysMax, unit: 'keys', help: 'Consecutive keys read by one range query in the strategy table.' },
  { key: 'seed', label: 'Seed', kind: 'int', min: 0, max: 0xffffffff, help: 'Seed of every random stream and hash: another seed gives another run.' },
];

export const events: readonly EventSpec[] = [
  ...faultEventSpecs(['crash', 'recover'], {
    nodeMax: LIMITS.nodesMax,
    nodeHelp: 'Node index (n3 is 3); with the directory strategy, index `nodes` is the directory.',
    help: {
      crash: 'The node stops: its queue is lost, and its keys are unavailable or remapped, depending on the strategy.',
      recover: 'The node restarts with its keys.',
    },
  }),
  { type: 'salt', label: 'Salt the hot key', help: 'Spread the hottest key over k sub-keys: writes go to one of them, reads must ask all k (k = 1 turns salting off).', fields: [{ key: 'k', label: 'Salts (k)', kind: 'int', min: 1, max: LIMITS.saltKMax, help: 'Number of sub-keys.' }] },
  { type: 'split', label: 'Split the hot range', help: 'Range strategy: split the hottest range at its request median and move the upper half to the least busy node.', fields: [] },
  { type: 'cache', label: 'Cache in front', help: 'Reads of a key cached less than ttlMs ago are served by the cache; writes are not seen by it, so a hit can be stale (ttlMs = 0 turns it off).', fields: [{ key: 'ttlMs', label: 'Cache TTL', kind: 'number', min: 0, max: LIMITS.cacheTtlMsMax, unit: 'ms', help: 'How long a cached value is served.' }] },
];

/** Cross-field rules: run length, ring size, event nodes, split only for ranges. */
export function checkScenario(s: PartitioningScenario): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const durationS = s.requests / s.rate;
  if (durationS > LIMITS.durationSMax) {
    issues.push({ path: 'rate', message: `requests / rate must be at most ${fmt(LIMITS.durationSMax)} s of simulated time, got ${fmt(s.requests)} / ${fmt(s.rate)} = ${fmt(Math.round(durationS))} s: raise the rate or lower requests` });
  }
  if (s.strategy === 'consistent' && s.nodes * s.vnodes > LIMITS.pointsMax) {
    issues.push({ path: 'vnodes', message: `ring points (nodes x vnodes) must be at most ${fmt(LIMITS.pointsMax)}, got ${fmt(s.nodes * s.vnodes)}: lower vnodes` });
  }
  const hasDirectory = s.strategy === 'directory';
  const what = hasDirectory ? `n0..n${s.nodes - 1}, or ${s.nodes} for the directory` : `n0..n${s.nodes - 1}`;
  issues.push(...checkFaultEvents(s.events, hasDirectory ? s.nodes + 1 : s.nodes, `a node (${what})`));
  s.events.forEach((e, i) => {
    if (e.type === 'split' && s.strategy !== 'range') {
      issues.push({ path: `events[${i}].type`, message: `events[${i}] splits a range, which needs strategy range (got ${s.strategy}); salt or cache the hot key instead` });
    }
  });
  return issues;
}

export const validate = scenarioSchema<PartitioningScenario>({
  params,
  events,
  eventsMax: LIMITS.eventsMax,
  tMax: LIMITS.tMax,
  check: checkScenario,
  runEnd: (s) => ({ t: horizon(s), why: `its ${fmt(s.requests)} requests arrive at ${fmt(s.rate)} a second` }),
});

/**
 * Work units, mirroring what the program charges to context.work(): per key, placing it under every
 * strategy and the join/leave comparisons (KEY_UNITS); per request, drawing it and serving it (REQUEST_UNITS);
 * per scripted event, a pass over the keys (the crash table and re-placement); the ring's points.
 */
export const KEY_UNITS = 12;
export const REQUEST_UNITS = 10;

export function cost(s: PartitioningScenario): number {
  return KEY_UNITS * s.keys + REQUEST_UNITS * s.requests + s.events.length * 2 * s.keys + 3 * s.nodes * s.vnodes;
}

/** Expected span of the arrivals (ms); the run continues until the last request is served. */
export function horizon(s: PartitioningScenario): number {
  return Math.ceil((s.requests / s.rate) * 1000);
}

export const defaults: PartitioningScenario = {
  strategy: 'consistent',
  nodes: 10,
  keys: 10_000,
  requests: 20_000,
  rate: 2000,
  distribution: 'celebrity',
  zipfS: 1.1,
  celebrityPct: 20,
  writePct: 10,
  serviceMs: 2,
  hopMs: 0.5,
  directoryMs: 0.1,
  vnodes: 100,
  rangeMaxKeys: 1000,
  rangeQueryKeys: 100,
  seed: 1,
  events: [],
};

const d = defaults;

export const presets: readonly Preset<PartitioningScenario>[] = [
  {
    id: 'one-node-melts',
    title: 'One node melts',
    description: 'A celebrity key gets 20% of 2,000 requests/s: its node is asked for more than its CPU can serve while the other nine sit near 30%, and its queue and p99 explode.',
    scenario: { ...d },
  },
  {
    id: 'zipf-ranges',
    title: 'Zipf keys on ranges',
    description: 'Zipf(1.1) popularity under range partitioning: a few ranges hold the hot keys, and the strategy table compares all four placements.',
    scenario: { ...d, strategy: 'range', distribution: 'zipf', zipfS: 1.1 },
  },
  {
    id: 'salt-hot-key',
    title: 'Salt the hot key',
    description: 'A write-heavy celebrity key (80% writes, a like counter). At 5 s it is salted 8 ways: writes spread over 8 partitions, but every read of it now costs 8 sub-requests.',
    scenario: { ...d, writePct: 80, events: [{ t: 5000, type: 'salt', k: 8 }] },
  },
  {
    id: 'split-hot-range',
    title: 'Split the hot range',
    description: 'Zipf keys on ranges; at 5 s the hottest range splits and half its keys move to the quietest node. One hot key cannot be split.',
    scenario: { ...d, strategy: 'range', distribution: 'zipf', zipfS: 1.1, rate: 2500, events: [{ t: 5000, type: 'split' }] },
  },
  {
    id: 'cache-in-front',
    title: 'A cache in front',
    description: 'At 5 s a cache with a 100 ms TTL takes most reads of the celebrity key off its node; with 10% writes some hits are stale.',
    scenario: { ...d, events: [{ t: 5000, type: 'cache', ttlMs: 100 }] },
  },
  {
    id: 'crash-a-node',
    title: 'A node crashes',
    description: 'Uniform keys; n3 crashes at 3 s and recovers at 6 s. The table shows what each strategy does with its keys.',
    scenario: { ...d, distribution: 'uniform', events: [{ t: 3000, type: 'crash', node: 3 }, { t: 6000, type: 'recover', node: 3 }] },
  },
  {
    id: 'directory-outage',
    title: 'The directory goes down',
    description: 'Every lookup goes through the directory: when it crashes at 4 s no request can find its node until it recovers at 6 s.',
    scenario: { ...d, strategy: 'directory', distribution: 'uniform', events: [{ t: 4000, type: 'crash', node: 10 }, { t: 6000, type: 'recover', node: 10 }] },
  },
  {
    id: 'maximum-scale',
    title: 'Maximum scale',
    description: '1,000 nodes, 10^6 keys and 10^6 Zipf(0.9) requests at 100,000 requests/s: ten simulated seconds in one run, and the hottest node still stands out.',
    scenario: { ...d, nodes: 1000, keys: 1_000_000, requests: 1_000_000, rate: 100_000, distribution: 'zipf', zipfS: 0.9, serviceMs: 0.2, rangeMaxKeys: 1000 },
  },
];

