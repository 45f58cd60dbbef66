/**
 * Locks, IDs and total order: what consensus is for. One scenario, three scenes (`mode`), each drawn on the
 * stage with the same clients facing two designs side by side:
 *
 *   locks      Redlock on five independent lock servers r0..r4 (majority acquire, validity = TTL - elapsed -
 *              drift) beside a lock service on Raft (s0..s2: acquire and release are log commands, the index of
 *              the granting entry is the fencing token, leases expire in leader-stamped time). Each client
 *              c0, c1 runs both: acquire, read the storage, work, write, release. d0 is Redlock's storage
 *              (a random lock value cannot be ordered, so it checks nothing); d1 is the Raft side's, which
 *              refuses a token lower than the highest it has seen (when `fencing` is on).
 *   ids        IDs from the log (the committed entry's index) beside Snowflake-style IDs (ms | node | seq)
 *              from generators g0..g2 that read their own clocks; clients c0..c2.
 *   broadcast  the same writes through the Raft log (one order everywhere) beside gossip replicas p0..p2
 *              (each applies what it hears, as it hears it); clients c0, c1 write x at the same moments.
 *
 * Time is in milliseconds (the engine ticks in microseconds).
 */
import type { BaseScenario, EventSpec, ParamSpec, Preset, ValidationIssue } from '../contract';
import { checkFaultEvents, faultEventSpecs, type FaultEventOf } from '../faultEvents';
import { fmt, scenarioSchema } from '../scenarioSchema';
import { MODES, nodeNamesOf, type Mode } from './result';

export const FAULTS = ['crash', 'recover', 'pause', 'resume', 'isolate', 'partition', 'heal', 'cut', 'healLink', 'slow', 'lossy', 'duplicating', 'clockJump', 'skew', 'drift'] as const;
export type LocksEvent = FaultEventOf<(typeof FAULTS)[number]>;

export interface LocksScenario extends BaseScenario {
  /** The scene: 'locks' (default), 'ids' or 'broadcast'. */
  mode: Mode;
  /** Lease length a client asks for (Redlock's PX, the Raft lock's TTL), ms. 10..60,000. Default 1000. */
  ttlMs: number;
  /** Redlock's clock drift factor: validity = TTL - elapsed - (TTL x driftFactor + 2 ms). 0..0.1. Default 0.01. */
  driftFactor: number;
  /** Redlock: how long a client waits for the five servers' answers before counting, ms. 1..1000. Default 20. */
  tryMs: number;
  /** A holder works this long between its read and its write, ms. 0..10,000. Default 300. */
  workMs: number;
  /** A client rests this long after releasing before it asks again, ms. 0..10,000. Default 400. */
  idleMs: number;
  /** The Raft side's storage d1 refuses a fencing token lower than the highest it has seen. Default true. */
  fencing: boolean;
  /** ID requests per second per client (ids), writes per second per client (broadcast). 1..200. Default 100. */
  ratePerSec: number;
  /** One network hop is uniform in [latencyMsMin, latencyMsMax], ms. 0..1000. Defaults 2 and 5. */
  latencyMsMin: number;
  latencyMsMax: number;
  /** Probability that a message is lost. 0..0.5. Default 0. */
  loss: number;
  /** Simulated time the run covers, ms. 100..30,000. Default 3000. */
  durationMs: number;
  seed: number;
  /** Faults by time (ms), at most 200. */
  events: LocksEvent[];
}

export const LIMITS = {
  ttlMsMin: 10,
  ttlMsMax: 60_000,
  driftFactorMax: 0.1,
  tryMsMax: 1000,
  workMsMax: 10_000,
  rateMax: 200,
  latencyMsMax: 1000,
  lossMax: 0.5,
  durationMsMin: 100,
  durationMsMax: 30_000,
  eventsMax: 200,
  nodesMax: 12,
} as const;

const ms = (key: string, label: string, min: number, max: number, help: string): ParamSpec => ({ key, label, kind: 'number', min, max, unit: 'ms', help });

export const params: readonly ParamSpec[] = [
  { key: 'mode', label: 'Scene', kind: 'enum', options: MODES, help: 'locks: Redlock beside a Raft lock service with fencing tokens; ids: log IDs beside timestamp IDs; broadcast: the Raft log beside gossip.' },
  ms('ttlMs', 'Lease (TTL)', LIMITS.ttlMsMin, LIMITS.ttlMsMax, 'How long a lock lasts unless released: Redlock\'s PX, the Raft lock\'s TTL.'),
  { key: 'driftFactor', label: 'Drift factor', kind: 'number', min: 0, max: LIMITS.driftFactorMax, help: 'Redlock subtracts TTL x this + 2 ms from the validity for clock drift (0.01 in the reference clients).' },
  ms('tryMs', 'Redlock try timeout', 1, LIMITS.tryMsMax, 'How long a Redlock client waits for the five servers before it counts the yeses.'),
  ms('workMs', 'Work', 0, LIMITS.workMsMax, 'A holder works this long between reading the storage and writing it.'),
  ms('idleMs', 'Rest', 0, LIMITS.workMsMax, 'A client rests this long after releasing before it asks for the lock again.'),
  { key: 'fencing', label: 'Fencing tokens', kind: 'boolean', help: 'The Raft side\'s storage d1 refuses a token lower than the highest it has seen (off: it accepts every write, like d0).' },
  { key: 'ratePerSec', label: 'Rate', kind: 'number', min: 1, max: LIMITS.rateMax, unit: '/s', help: 'ID requests (ids) or writes (broadcast) per second per client.' },
  ms('latencyMsMin', 'Latency min', 0, LIMITS.latencyMsMax, 'Shortest network hop.'),
  ms('latencyMsMax', 'Latency max', 0, LIMITS.latencyMsMax, 'Longest network hop (uniform between min and max).'),
  { key: 'loss', label: 'Message loss', kind: 'number', min: 0, max: LIMITS.lossMax, help: 'Probability that a message is lost.' },
  ms('durationMs', 'Duration', LIMITS.durationMsMin, LIMITS.durationMsMax, 'Simulated time the run covers.'),
  { key: 'seed', label: 'Seed', kind: 'int', min: 0, max: 0xffffffff, help: 'Seed of every random stream (latencies, lock values, backoffs).' },
];

export const events: readonly EventSpec[] = faultEventSpecs(FAULTS, {
  nodeMax: LIMITS.nodesMax - 1,
  nodeHelp: 'Node index in the scene (locks: r0..r4 are 0..4, s0..s2 5..7, d0 8, d1 9, c0 10, c1 11).',
  help: {
    pause: 'The node freezes (a stop-the-world GC pause): messages and timers wait until it resumes, and it then carries on believing what it believed.',
    clockJump: 'Step the node\'s clock (an NTP step, an admin): a lock server\'s keys expire early or late; a generator\'s timestamps jump.',
  },
});

export function checkScenario(s: LocksScenario): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (s.latencyMsMin > s.latencyMsMax) issues.push({ path: 'latencyMsMin', message: `latencyMsMin must be at most latencyMsMax = ${fmt(s.latencyMsMax)}, got ${fmt(s.latencyMsMin)}` });
  const names = nodeNamesOf(s.mode);
  issues.push(...checkFaultEvents(s.events, names.length, `a node of the ${s.mode} scene, 0..${names.length - 1} (${names[0]}..${names[names.length - 1]})`));
  s.events.forEach((e, i) => {
    if ('from' in e && e.from === e.to) issues.push({ path: `events[${i}].to`, message: `events[${i}] must name a link between two nodes, got ${e.from} -> ${e.to}` });
  });
  return issues;
}

export const validate = scenarioSchema<LocksScenario>({
  params, events, eventsMax: LIMITS.eventsMax, tMax: LIMITS.durationMsMax, check: checkScenario,
  runEnd: (s) => ({ t: s.durationMs, why: 'durationMs' }),
});

export const defaults: LocksScenario = {
  mode: 'locks',
  ttlMs: 1000,
  driftFactor: 0.01,
  tryMs: 20,
  workMs: 300,
  idleMs: 400,
  fencing: true,
  ratePerSec: 100,
  latencyMsMin: 2,
  latencyMsMax: 5,
  loss: 0,
  durationMs: 3000,
  seed: 1,
  events: [],
};

export function horizon(s: LocksScenario): number {
  return s.durationMs;
}

/** Work units: messages a run may send (clients' operations times the servers each touches), bounded by its duration. */
export function cost(s: LocksScenario): number {
  const perMs = s.mode === 'locks' ? 2 * 20 / Math.max(1, s.workMs + s.idleMs) : (s.ratePerSec * 3 * 6) / 1000;
  return Math.ceil(s.durationMs * (perMs + 0.2 * 3) + s.events.length * 20);
}

const d = defaults;
/** Node ids of the locks scene (result.ts nodeNamesOf('locks')). */
export const LOCKS_NODE = { r: (i: number) => i, s: (i: number) => 5 + i, d0: 8, d1: 9, c: (i: number) => 10 + i } as const;

export const presets: readonly Preset<LocksScenario>[] = [
  {
    id: 'gc-pause',
    title: 'A holder pauses (GC) past its lease',
    description: 'c0 holds both locks and reads the storage; at 100 ms a stop-the-world GC freezes it for 1.5 s. Both leases expire, c1 takes both locks and writes; c0 wakes and writes its stale update. d0 (Redlock) accepts it and c1\'s update is lost; d1 refuses token 1 once it has seen c1\'s larger token.',
    scenario: { ...d, events: [{ t: 100, type: 'pause', node: LOCKS_NODE.c(0) }, { t: 1600, type: 'resume', node: LOCKS_NODE.c(0) }] },
  },
  {
    id: 'gc-pause-no-fencing',
    title: 'The same pause, storage without fencing',
    description: 'The Raft lock service still grants one lease at a time in its own (leader-stamped) time, but c0 does not know its lease ended: with d1 checking nothing, its stale write lands over c1\'s on both sides.',
    scenario: { ...d, fencing: false, events: [{ t: 100, type: 'pause', node: LOCKS_NODE.c(0) }, { t: 1600, type: 'resume', node: LOCKS_NODE.c(0) }] },
  },
  {
    id: 'clock-jump',
    title: 'A lock server\'s clock jumps',
    description: 'c0 cannot reach r3 and r4, so it holds Redlock with r0, r1 and r2. At 100 ms r2\'s clock steps 2 s ahead and r2 drops c0\'s key: c1, cut off from r0 and r1, gets r2, r3 and r4. Two clients hold Redlock at once and c0\'s update is lost; the Raft lock has no clock on its servers\' side to jump and grants c1 nothing until c0 releases.',
    scenario: {
      ...d,
      events: [
        { t: 0, type: 'cut', from: LOCKS_NODE.c(0), to: LOCKS_NODE.r(3) }, { t: 0, type: 'cut', from: LOCKS_NODE.c(0), to: LOCKS_NODE.r(4) },
        { t: 0, type: 'cut', from: LOCKS_NODE.c(1), to: LOCKS_NODE.r(0) }, { t: 0, type: 'cut', from: LOCKS_NODE.c(1), to: LOCKS_NODE.r(1) },
        { t: 100, type: 'clockJump', node: LOCKS_NODE.r(2), ms: 2000 },
      ],
    },
  },
  {
    id: 'redis-restart',
    title: 'A lock server restarts and forgets the key',
    description: 'As in the clock jump, c0 holds Redlock with r0, r1 and r2 only; r2 crashes at 100 ms and comes back at 110 ms without the key (no persistence). c1, which reaches r2, r3 and r4, gets 3 of 5: two holders again, with no clock at fault.',
    scenario: {
      ...d,
      events: [
        { t: 0, type: 'cut', from: LOCKS_NODE.c(0), to: LOCKS_NODE.r(3) }, { t: 0, type: 'cut', from: LOCKS_NODE.c(0), to: LOCKS_NODE.r(4) },
        { t: 0, type: 'cut', from: LOCKS_NODE.c(1), to: LOCKS_NODE.r(0) }, { t: 0, type: 'cut', from: LOCKS_NODE.c(1), to: LOCKS_NODE.r(1) },
        { t: 100, type: 'crash', node: LOCKS_NODE.r(2) }, { t: 110, type: 'recover', node: LOCKS_NODE.r(2) },
      ],
    },
  },
  {
    id: 'leader-crash',
    title: 'The Raft leader crashes while c0 holds the lock',
    description: 's0 crashes at 150 ms; s1 or s2 takes over with the same log, so the lease, its holder and its token survive, and the next grant\'s token is still larger.',
    scenario: { ...d, events: [{ t: 150, type: 'crash', node: LOCKS_NODE.s(0) }] },
  },
  {
    id: 'ids-clock-step',
    title: 'IDs: a generator\'s clock steps back',
    description: 'At 1 s g0\'s clock steps back 500 ms: it re-issues milliseconds it already used, so some IDs repeat and its IDs go backwards. At 2 s g1\'s clock runs 300 ms slow. IDs from the log stay unique and in order.',
    scenario: { ...d, mode: 'ids', durationMs: 3000, events: [{ t: 1000, type: 'clockJump', node: 3, ms: -500 }, { t: 2000, type: 'skew', node: 4, ms: -300 }] },
  },
  {
    id: 'broadcast',
    title: 'Total order: the log beside gossip',
    description: 'c0 and c1 write x at the same moments, five times a second. Through the Raft log every replica applies the writes in one order and ends with the same x; gossip replicas apply them as they arrive, in different orders, and end apart.',
    scenario: { ...d, mode: 'broadcast', ratePerSec: 5, durationMs: 2000 },
  },
];
