/**
 * Anti-patterns, each broken beside its fix. One scenario, five scenes (`mode`), each drawn on one stage with
 * the broken design on the left (names ending in 0) and its fix on the right (names ending in 1), fed by the
 * same clients with the same requests at the same moments:
 *
 *   shared-db  services A and B on one database (its connection slots and CPU shared) beside each owning its
 *              store, B learning A's orders from A's events (with visible lag).
 *   2pc        two-phase commit (coordinator t0, participants p0..p2 holding row locks while prepared) beside a
 *              saga (orchestrator o0, local transactions on s0..s2, compensations retried until done).
 *   clocks     last-writer-wins on wall-clock stamps beside hybrid logical clocks; the full lab is #/vector-clocks.
 *   partition  calls without timeouts holding a thread pool beside timeout + circuit breaker + fallback.
 *   locality   an EU app reading k rows one after another from a US database beside data homed in the region
 *              of the users who read it.
 *
 * Time is in milliseconds (the engine ticks in microseconds).
 */
import type { BaseScenario, EventSpec, ParamSpec, Preset, ValidationIssue } from '../contract';
import { checkFaultEvents, faultEventSpecs, type FaultEventOf } from '../faultEvents';
import { fmt, scenarioSchema } from '../scenarioSchema';
import { MODES, nodeNamesOf, type Mode } from './result';

export const FAULTS = ['crash', 'recover', 'pause', 'resume', 'isolate', 'partition', 'heal', 'cut', 'healLink', 'slow', 'clockJump', 'skew'] as const;
export type AntiEvent = FaultEventOf<(typeof FAULTS)[number]>;

export interface AntiScenario extends BaseScenario {
  /** The scene. Default 'shared-db'. */
  mode: Mode;
  /** shared-db: A's requests per second (each a batch write of aQueryMs on the DB). 0..1000. Default 150. */
  aRatePerSec: number;
  /** shared-db: B's requests per second (each a read of bQueryMs). 1..1000. Default 50. */
  bRatePerSec: number;
  /** shared-db: queries a database runs at once (its connections and cores). 1..64. Default 2. */
  dbSlots: number;
  /** shared-db: database time of one A write, ms. 0.1..1000. Default 4. */
  aQueryMs: number;
  /** shared-db: database time of one B read, ms. 0.1..1000. Default 1. */
  bQueryMs: number;
  /** shared-db: when A ships a schema change to its orders table, ms (0: never). B catches up 800 ms later. 0..30,000. Default 0. */
  migrateAtMs: number;
  /** 2pc: a transaction every this many ms. 10..10,000. Default 200. */
  txPeriodMs: number;
  /** 2pc: every failEvery-th transaction fails at its second participant (votes NO; its saga step fails). 0 (never)..100. Default 3. */
  failEvery: number;
  /** 2pc: the coordinator's log force, ms: it sends the decision this long after logging it. 0..1000. Default 10. */
  logMs: number;
  /** 2pc: the reader reads p0 and s0 every this many ms. 1..1000. Default 8. */
  readPeriodMs: number;
  /** clocks: w1's clock offset from true time, ms (negative: behind). -1000..1000. Default -100. */
  skewMs: number;
  /** partition: threads of each front service. 1..256. Default 8. */
  threads: number;
  /** partition: the fix's call timeout, ms. 1..10,000. Default 50. */
  timeoutMs: number;
  /** partition: orders requests per second (each calls the downstream). 1..1000. Default 40. */
  ordersRatePerSec: number;
  /** partition: profile requests per second (served locally, no downstream). 1..1000. Default 20. */
  profileRatePerSec: number;
  /** partition: a client gives up on a request after this long, ms. 10..30,000. Default 1000. */
  clientTimeoutMs: number;
  /** locality: rows a request reads, one after another. 1..50. Default 5. */
  reads: number;
  /** locality: round trip between regions, ms. 1..1000. Default 150. */
  crossRttMs: number;
  /** locality: round trip inside a region, ms. 0.01..100. Default 0.5. */
  localRttMs: number;
  /** locality: share of EU requests for US-homed data (a traveller's). 0..1. Default 0.1. */
  remoteShare: number;
  /** One hop inside a datacentre, uniform in [latencyMsMin, latencyMsMax] ms (all scenes but locality). 0..1000. Defaults 1 and 2. */
  latencyMsMin: number;
  latencyMsMax: number;
  /** Simulated time the run covers, ms. 100..30,000. Default 3000. */
  durationMs: number;
  seed: number;
  /** Faults by time (ms), at most 200. */
  events: AntiEvent[];
}

/** shared-db: B ships its code for A's new schema this long after A's change (migrateAtMs). */
export const B_CATCHUP_MS = 800;

export const LIMITS = { durationMsMin: 100, durationMsMax: 30_000, eventsMax: 200, nodesMax: 10, rateMax: 1000 } as const;

const ms = (key: string, label: string, min: number, max: number, help: string): ParamSpec => ({ key, label, kind: 'number', min, max, unit: 'ms', help });
const rate = (key: string, label: string, min: number, help: string): ParamSpec => ({ key, label, kind: 'number', min, max: LIMITS.rateMax, unit: '/s', help });

export const params: readonly ParamSpec[] = [
  { key: 'mode', label: 'Scene', kind: 'enum', options: MODES, help: 'shared-db, 2pc (two-phase commit beside a saga), clocks, partition (no partition handling), locality.' },
  rate('aRatePerSec', "A's load", 0, "shared-db: A's requests per second, each a write on the database."),
  rate('bRatePerSec', "B's load", 1, "shared-db: B's requests per second, each a read."),
  { key: 'dbSlots', label: 'DB slots', kind: 'int', min: 1, max: 64, help: 'shared-db: queries a database runs at once (connections and cores); the rest wait in line.' },
  ms('aQueryMs', 'A write cost', 0.1, 1000, 'shared-db: database time of one of A\'s writes.'),
  ms('bQueryMs', 'B read cost', 0.1, 1000, 'shared-db: database time of one of B\'s reads.'),
  ms('migrateAtMs', 'A\'s schema change at', 0, LIMITS.durationMsMax, 'shared-db: when A changes its orders table (0: never); on the shared database B\'s reads fail until B ships its own change 800 ms later.'),
  ms('txPeriodMs', 'Transaction every', 10, 10_000, '2pc: the client starts a transaction this often, on both sides.'),
  { key: 'failEvery', label: 'Fail every', kind: 'int', min: 0, max: 100, help: '2pc: every n-th transaction fails at its second participant (0: none).' },
  ms('logMs', 'Log force', 0, 1000, '2pc: the coordinator sends its decision this long after logging it.'),
  ms('readPeriodMs', 'Read every', 1, 1000, '2pc: the reader reads p0 and s0 this often.'),
  ms('skewMs', 'w1 clock offset', -1000, 1000, 'clocks: w1\'s clock offset from true time (negative: behind).'),
  { key: 'threads', label: 'Threads', kind: 'int', min: 1, max: 256, help: 'partition: threads of each front service.' },
  ms('timeoutMs', 'Call timeout', 1, 10_000, 'partition: the fix\'s timeout on a downstream call.'),
  rate('ordersRatePerSec', 'Orders rate', 1, 'partition: orders requests per second (each calls the downstream).'),
  rate('profileRatePerSec', 'Profile rate', 1, 'partition: profile requests per second (answered locally).'),
  ms('clientTimeoutMs', 'Client timeout', 10, 30_000, 'partition: a client gives up on a request after this long.'),
  { key: 'reads', label: 'Reads per request', kind: 'int', min: 1, max: 50, help: 'locality: rows a request reads, one after another.' },
  ms('crossRttMs', 'Cross-region RTT', 1, 1000, 'locality: round trip between regions (~150 ms intercontinental).'),
  ms('localRttMs', 'In-region RTT', 0.01, 100, 'locality: round trip inside a datacentre (~0.5 ms).'),
  { key: 'remoteShare', label: 'Remote share', kind: 'number', min: 0, max: 1, help: 'locality: share of EU requests for data homed in the US.' },
  ms('latencyMsMin', 'Latency min', 0, 1000, 'Shortest hop inside a datacentre.'),
  ms('latencyMsMax', 'Latency max', 0, 1000, 'Longest hop inside a datacentre (uniform between min and max).'),
  ms('durationMs', 'Duration', LIMITS.durationMsMin, LIMITS.durationMsMax, 'Simulated time the run covers.'),
  { key: 'seed', label: 'Seed', kind: 'int', min: 0, max: 0xffffffff, help: 'Seed of every random stream (arrivals, latencies).' },
];

export const events: readonly EventSpec[] = faultEventSpecs(FAULTS, {
  nodeMax: LIMITS.nodesMax - 1,
  nodeHelp: 'Node index in the scene (shared-db: c0 c1 a0 b0 d0 a1 b1 d1 d2 are 0..8; 2pc: c0 r0 t0 p0 p1 p2 o0 s0 s1 s2 are 0..9; clocks: w0 w1 k0 k1; partition: c0 f0 d0 f1 d1; locality: u0 u1 a0 a1 d0 a2 a3 d1 d2).',
});

export function checkScenario(s: AntiScenario): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (s.latencyMsMin > s.latencyMsMax) issues.push({ path: 'latencyMsMin', message: `latencyMsMin must be at most latencyMsMax = ${fmt(s.latencyMsMax)}, got ${fmt(s.latencyMsMin)}` });
  if (s.localRttMs > s.crossRttMs) issues.push({ path: 'localRttMs', message: `localRttMs must be at most crossRttMs = ${fmt(s.crossRttMs)}, got ${fmt(s.localRttMs)}` });
  const names = nodeNamesOf(s.mode);
  issues.push(...checkFaultEvents(s.events, names.length, `a node of the ${s.mode} scene, 0..${names.length - 1} (${names[0]}..${names[names.length - 1]})`));
  s.events.forEach((e, i) => {
    if ('from' in e && e.from === e.to) issues.push({ path: `events[${i}].to`, message: `events[${i}] must name a link between two nodes, got ${e.from} -> ${e.to}` });
  });
  return issues;
}

export const validate = scenarioSchema<AntiScenario>({
  params, events, eventsMax: LIMITS.eventsMax, tMax: LIMITS.durationMsMax, check: checkScenario,
  runEnd: (s) => ({ t: s.durationMs, why: 'durationMs' }),
});

export const defaults: AntiScenario = {
  mode: 'shared-db',
  aRatePerSec: 150,
  bRatePerSec: 50,
  dbSlots: 2,
  aQueryMs: 4,
  bQueryMs: 1,
  migrateAtMs: 0,
  txPeriodMs: 200,
  failEvery: 3,
  logMs: 10,
  readPeriodMs: 8,
  skewMs: -100,
  threads: 8,
  timeoutMs: 50,
  ordersRatePerSec: 40,
  profileRatePerSec: 20,
  clientTimeoutMs: 1000,
  reads: 5,
  crossRttMs: 150,
  localRttMs: 0.5,
  remoteShare: 0.1,
  latencyMsMin: 1,
  latencyMsMax: 2,
  durationMs: 3000,
  seed: 1,
  events: [],
};

/** The scenario a scene tab opens: the defaults with that mode (and the scene's own duration). */
export function sceneDefaults(mode: Mode, seed: number): AntiScenario {
  return { ...defaults, seed, mode, ...(mode === 'clocks' ? { durationMs: 600 } : {}) };
}

export function horizon(s: AntiScenario): number {
  return s.durationMs;
}

/** Work units: about the messages a run sends (requests times the hops each makes), bounded by its duration. */
export function cost(s: AntiScenario): number {
  const sec = s.durationMs / 1000;
  const perSec =
    s.mode === 'shared-db' ? (s.aRatePerSec + s.bRatePerSec) * 2 * 6 * 6
    : s.mode === '2pc' ? (1000 / s.txPeriodMs) * 40 + (1000 / s.readPeriodMs) * 4
    : s.mode === 'partition' ? (s.ordersRatePerSec + s.profileRatePerSec) * 2 * 6
    : s.mode === 'locality' ? 10 * (s.reads + 2) * 4
    : 100;
  return Math.ceil(sec * perSec + 1000 + s.events.length * 20);
}

/** Node ids by scene (result.ts nodeNamesOf). */
export const NODE = {
  sharedDb: { c0: 0, c1: 1, a0: 2, b0: 3, d0: 4, a1: 5, b1: 6, d1: 7, d2: 8 },
  twoPc: { c0: 0, r0: 1, t0: 2, p0: 3, p1: 4, p2: 5, o0: 6, s0: 7, s1: 8, s2: 9 },
  partition: { c0: 0, f0: 1, d0: 2, f1: 3, d1: 4 },
} as const;

const d = defaults;
const sd = NODE.sharedDb;
const tp = NODE.twoPc;
const pt = NODE.partition;

export const presets: readonly Preset<AntiScenario>[] = [
  {
    id: 'shared-db',
    title: 'Shared database: A\'s load slows B',
    description: 'A writes 150 times a second, B reads 50 times a second. On the left both use one database with 2 slots, so B\'s reads wait behind A\'s writes; on the right each service owns its store and B reads its own copy of A\'s orders, a few ms behind.',
    scenario: d,
  },
  {
    id: 'shared-db-outage',
    title: 'Shared database: one outage stops both services',
    description: 'The shared database crashes at 1000 ms and comes back at 1600 ms: A and B both fail. On the right A\'s own store crashes over the same span: A fails, B keeps answering from its own store (its copy of A\'s orders stops moving until A\'s store is back).',
    scenario: { ...d, events: [{ t: 1000, type: 'crash', node: sd.d0 }, { t: 1000, type: 'crash', node: sd.d1 }, { t: 1600, type: 'recover', node: sd.d0 }, { t: 1600, type: 'recover', node: sd.d1 }] },
  },
  {
    id: 'shared-db-schema',
    title: 'Shared database: A\'s schema change breaks B',
    description: 'At 1000 ms A ships a change to its orders table. On the left B reads that table directly and its reads are refused until B ships its own change 800 ms later; on the right A changes only its own store, its events keep their form, and B never notices.',
    scenario: { ...d, migrateAtMs: 1000 },
  },
  {
    id: '2pc',
    title: '2PC beside a saga',
    description: 'A transfer every 200 ms across three participants; every third fails at the second. 2PC holds row locks from PREPARE to the verdict, and the reader waits on them; the saga commits each step at once (the reader sees a debit before its credit, and debits later refunded) and compensates the failures.',
    scenario: { ...d, mode: '2pc' },
  },
  {
    id: '2pc-coordinator-crash',
    title: '2PC: the coordinator crashes after logging COMMIT',
    description: 'T4 is prepared at p0, p1 and p2; the coordinator logs COMMIT and crashes at 810 ms, before the log force ends and it sends the verdict; it recovers at 1810 ms. The participants keep their locks for the whole second: they may not decide alone, and the reader waits behind p0\'s lock. At restart t0 reads COMMIT in its log and sends it: the participants commit and let go. The saga orchestrator crashes over the same second: the steps its services committed stay visible, nothing is locked, and it resumes from its log.',
    scenario: { ...d, mode: '2pc', events: [{ t: 810, type: 'crash', node: tp.t0 }, { t: 810, type: 'crash', node: tp.o0 }, { t: 1810, type: 'recover', node: tp.t0 }, { t: 1810, type: 'recover', node: tp.o0 }] },
  },
  {
    id: 'clocks',
    title: 'Assuming synchronized clocks',
    description: 'w1\'s clock is 100 ms behind. w1 writes after it heard w0\'s write, yet its wall-clock stamp is smaller: k0 (last-writer-wins on wall clocks) keeps w0\'s value and drops the later write; k1 orders by hybrid logical clocks and keeps it.',
    scenario: sceneDefaults('clocks', 1),
  },
  {
    id: 'partition',
    title: 'No partition handling',
    description: 'The downstream is cut off from 1000 ms to 2000 ms. On the left calls wait for ever, each holding a thread: the pool of 8 drains in a few hundred ms and profile requests, which never touch the downstream, fail too. On the right a 50 ms timeout, a breaker and a fallback keep threads free and profile up.',
    scenario: { ...d, mode: 'partition', events: [{ t: 1000, type: 'partition', groups: `${pt.d0}|${pt.d1}` }, { t: 2000, type: 'heal' }] },
  },
  {
    id: 'locality',
    title: 'Ignoring data locality',
    description: 'A request reads 5 rows one after another. On the left every user\'s data lives in the US: an EU request makes 5 round trips of 150 ms. On the right data is homed where its users are: 5 round trips of 0.5 ms, except for the 10 % of EU requests that read US-homed data.',
    scenario: { ...d, mode: 'locality' },
  },
];
