/**
 * Bloom filters: one filter of m bits and k hashes holding n elements (item-0..item-(n-1)), and three
 * uses of it computed from one scenario:
 *
 *   the filter     its bits (drawn aggregated), the false-positive rate measured on `probes` keys never
 *                  inserted, against (1 - e^(-kn/m))^k;
 *   deletion       a counting filter of the same m and k with `width`-bit counters: `deletePct` of the
 *                  elements deleted (no false negatives unless a counter overflowed), against "deleting"
 *                  the same elements from the standard filter by clearing their bits (false negatives);
 *   in context     on the engine: a client c0 asks the front f1, which checks the filter before it reads
 *                  the slow store s2: "definitely no" answers at once (a disk read saved), "probably yes"
 *                  reads the store (a wasted read when it is a false positive). Puts insert new keys.
 *
 * Time is in milliseconds (the engine ticks in microseconds).
 */
import type { BaseScenario, EventSpec, ParamSpec, Preset, ValidationIssue } from '../contract';
import { checkFaultEvents, faultEventSpecs, type FaultEventOf } from '../faultEvents';
import { fmt, scenarioSchema } from '../scenarioSchema';

/** Faults the script may hold: the store (or the front) crashes, recovers, pauses, resumes; a link is slowed. */
export const FAULTS = ['crash', 'recover', 'pause', 'resume', 'slow'] as const;
export type BloomEvent = FaultEventOf<(typeof FAULTS)[number]>;

/** Node ids on the stage. */
export const CLIENT = 0;
export const FRONT = 1;
export const STORE = 2;
export const NODE_NAMES = ['c0', 'f1', 's2'] as const;

/** Counter widths of the counting filter (src/core/bloom). */
export const WIDTHS = [1, 2, 4, 8, 16] as const;

export interface BloomScenario extends BaseScenario {
  /** Bits of the filter. 8..10^7. Default 958,506 (1 % at the default n). */
  m: number;
  /** Hash functions (probes per element). 1..32. Default 7. */
  k: number;
  /** Elements inserted before anything else. 1..10^6. Default 10^5. */
  n: number;
  /** Never-inserted keys queried to measure the false-positive rate. 1,000..10^6. Default 10^5. */
  probes: number;
  /** Bits per counter of the counting filter: 1, 2, 4, 8 or 16. Default 4. */
  width: number;
  /** Percent of the n elements deleted in the deletion experiment. 0..100. Default 10. */
  deletePct: number;
  /** Client requests on the engine (gets and puts). 1..2000. Default 200. */
  requests: number;
  /** Percent of gets asking for a key the store holds (the rest ask for keys it never had). 0..100. Default 20. */
  presentPct: number;
  /** Percent of requests that are puts (a new key: the store writes it, the filter adds it). 0..100. Default 10. */
  putPct: number;
  /** A disk read or write at the store, ms. 0.1..1000. Default 10. */
  diskMs: number;
  /** One network hop, ms (uniform in 0.5x..1.5x). 0.1..100. Default 1. */
  netMs: number;
  /** Mean pause of the client between requests (uniform 0..2x), ms. 0..1000. Default 5. */
  thinkMs: number;
  /** The client gives up on a request after this long, ms. 1..10,000. Default 200. */
  timeoutMs: number;
  seed: number;
  /** Faults by time (ms), at most 50: the FAULTS above. */
  events: BloomEvent[];
}

export const LIMITS = {
  mMin: 8,
  mMax: 10_000_000,
  kMax: 32,
  nMax: 1_000_000,
  probesMin: 1000,
  probesMax: 1_000_000,
  requestsMax: 2000,
  diskMsMax: 1000,
  netMsMax: 100,
  thinkMsMax: 1000,
  timeoutMsMax: 10_000,
  eventsMax: 50,
  tMax: 600_000,
} as const;

const ms = (key: string, label: string, min: number, max: number, help: string): ParamSpec => ({ key, label, kind: 'number', min, max, unit: 'ms', help });

export const params: readonly ParamSpec[] = [
  { key: 'm', label: 'Bits (m)', kind: 'int', min: LIMITS.mMin, max: LIMITS.mMax, unit: 'bits', help: 'Size of the bit array.' },
  { key: 'k', label: 'Hashes (k)', kind: 'int', min: 1, max: LIMITS.kMax, help: 'Bits set per element and read per query.' },
  { key: 'n', label: 'Elements (n)', kind: 'int', min: 1, max: LIMITS.nMax, help: 'Elements inserted (item-0, item-1, ...).' },
  { key: 'probes', label: 'Probe queries', kind: 'int', min: LIMITS.probesMin, max: LIMITS.probesMax, help: 'Keys never inserted, queried to measure the false-positive rate.' },
  { key: 'width', label: 'Counter width', kind: 'int', min: 1, max: 16, unit: 'bits', help: 'Bits per counter of the counting filter: 1, 2, 4, 8 or 16. A counter saturates at 2^width - 1.' },
  { key: 'deletePct', label: 'Deleted', kind: 'int', min: 0, max: 100, unit: '%', help: 'Percent of the elements deleted from the counting filter (and cleared from the standard one).' },
  { key: 'requests', label: 'Requests', kind: 'int', min: 1, max: LIMITS.requestsMax, help: 'Client requests on the stage.' },
  { key: 'presentPct', label: 'Gets for stored keys', kind: 'int', min: 0, max: 100, unit: '%', help: 'Percent of gets asking for a key the store holds; the rest ask for keys it never had.' },
  { key: 'putPct', label: 'Puts', kind: 'int', min: 0, max: 100, unit: '%', help: 'Percent of requests writing a new key (the filter adds it).' },
  ms('diskMs', 'Disk read', 0.1, LIMITS.diskMsMax, 'A read or a write at the store.'),
  ms('netMs', 'Network hop', 0.1, LIMITS.netMsMax, 'One hop between two nodes (uniform in 0.5x..1.5x).'),
  ms('thinkMs', 'Think time', 0, LIMITS.thinkMsMax, 'Mean pause of the client between requests (uniform in 0..2x).'),
  ms('timeoutMs', 'Client timeout', 1, LIMITS.timeoutMsMax, 'The client gives up on a request after this long.'),
  { key: 'seed', label: 'Seed', kind: 'int', min: 0, max: 0xffffffff, help: 'Seed of every random stream (the keys requested, hop times).' },
];

export const events: readonly EventSpec[] = faultEventSpecs(FAULTS, {
  nodeMax: STORE,
  nodeHelp: 'Node: 0 the client c0, 1 the front f1 (holds the filter), 2 the store s2.',
  help: {
    crash: 'The node stops: a crashed store answers no reads (the client times out), a crashed front nothing.',
    recover: 'The node restarts (the front rebuilds its filter from the store).',
    pause: 'The node freezes; what reaches it waits until it resumes.',
    resume: 'The paused node handles what waited, in arrival order.',
    slow: 'Add a delay to every later message of one direction of a link (0 ends it).',
  },
});

export function checkScenario(s: BloomScenario): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (!(WIDTHS as readonly number[]).includes(s.width)) issues.push({ path: 'width', message: `width must be 1, 2, 4, 8 or 16 bits, got ${fmt(s.width)}` });
  if (s.timeoutMs <= 2 * s.netMs * 1.5) issues.push({ path: 'timeoutMs', message: `timeoutMs must be above 3 x netMs = ${fmt(3 * s.netMs)} (a round trip to the front), got ${fmt(s.timeoutMs)}` });
  issues.push(...checkFaultEvents(s.events, NODE_NAMES.length, 'a node 0..2 (c0, f1, s2)'));
  return issues;
}

export const validate = scenarioSchema<BloomScenario>({ params, events, eventsMax: LIMITS.eventsMax, tMax: LIMITS.tMax, check: checkScenario });

/** Work units: the fills (standard, to 2n, counting, cleared copy), the probes, the deletions, the requests. */
export function cost(s: BloomScenario): number {
  return 6 * s.n + s.probes + 8 * Math.min(s.probes, 20_000) + Math.ceil(s.m / 32) + 50 * s.requests + 10 * s.events.length;
}

/** Simulated time the requests are expected to take (ms): think time and a store round trip per request, or the script. */
export function horizon(s: BloomScenario): number {
  const lastEvent = s.events.length > 0 ? s.events[s.events.length - 1].t : 0;
  const perRequest = s.thinkMs + 4 * s.netMs + s.diskMs;
  return Math.ceil(Math.max(lastEvent, s.requests * perRequest) + s.timeoutMs);
}

export const defaults: BloomScenario = {
  m: 958_506,
  k: 7,
  n: 100_000,
  probes: 100_000,
  width: 4,
  deletePct: 10,
  requests: 200,
  presentPct: 20,
  putPct: 10,
  diskMs: 10,
  netMs: 1,
  thinkMs: 5,
  timeoutMs: 200,
  seed: 1,
  events: [],
};

const d = defaults;

export const presets: readonly Preset<BloomScenario>[] = [
  {
    id: 'one-percent',
    title: '1 % with 9.6 bits per element',
    description: '10^5 elements in 958,506 bits with 7 hashes: the design for a 1 % false-positive rate. In front of the store, most gets for absent keys never touch the disk.',
    scenario: d,
  },
  {
    id: 'million',
    title: 'A million elements',
    description: '10^6 elements in 9,585,059 bits (1.2 MB) with 7 hashes: still about 1 %, measured on 10^5 never-inserted keys.',
    scenario: { ...d, m: 9_585_059, n: 1_000_000 },
  },
  {
    id: 'undersized',
    title: 'An undersized filter',
    description: '3 bits per element with 2 hashes: about one absent key in four gets a "probably yes" and costs a wasted disk read.',
    scenario: { ...d, m: 300_000, k: 2 },
  },
  {
    id: 'tiny',
    title: 'A tiny filter, bit by bit',
    description: '64 bits, 3 hashes, 8 elements: every bit is drawn; watch each get and put light its 3 bits.',
    scenario: { ...d, m: 64, k: 3, n: 8, requests: 40, thinkMs: 20, presentPct: 30, putPct: 20 },
  },
  {
    id: 'overflow',
    title: 'Counters overflow',
    description: '2-bit counters (they saturate at 3) in a filter loaded to 2 bits per element: deleting half the elements leaves stuck counters; decrementing them anyway loses inserted elements.',
    scenario: { ...d, m: 200_000, k: 7, width: 2, deletePct: 50 },
  },
  {
    id: 'store-down',
    title: 'The store crashes',
    description: 'The store s2 crashes at 300 ms and recovers at 600 ms: gets the filter answers "definitely no" still succeed, the others time out.',
    scenario: { ...d, events: [{ t: 300, type: 'crash', node: STORE }, { t: 600, type: 'recover', node: STORE }] },
  },
];
