/**
 * Clocks and causality: replicas r0.. of one key x, a client at each replica writing x now and then
 * (replicas replicate every write to the others), and a lease that r0 hands out to the other replicas in
 * turn. Every replica keeps four clocks at once: its physical clock (true time plus an offset within the
 * NTP bound ε, drifting), a Lamport clock, a hybrid logical clock and a version vector, and resolves the
 * writes it meets four ways: last-writer-wins on the wall-clock stamp, on the Lamport stamp, on the HLC
 * stamp, and version vectors keeping concurrent writes as siblings (which an application merge joins).
 *
 * The program runs the same workload and faults twice: once trusting the clocks (writes commit at once,
 * the lease is judged by wall-clock time), once with TrueTime-style bounded uncertainty (a write's stamp is
 * the top of its clock's interval [pt - ε, pt + ε] and it commits only once that stamp has surely passed:
 * commit wait; the lease is judged with the interval too).
 *
 * Time is in milliseconds (the engine ticks in microseconds). A write is named by its replica's letter and
 * its count there: a1 is r0's first write, b2 r1's second.
 */
import type { BaseScenario, EventSpec, ParamSpec, Preset, ValidationIssue } from '../contract';
import { checkFaultEvents, faultEventSpecs, type FaultEventOf } from '../faultEvents';
import { fmt, scenarioSchema } from '../scenarioSchema';

/** Faults a script may hold (the engine's fault table), aimed at replicas and the links between them. */
export const FAULTS = ['crash', 'recover', 'pause', 'resume', 'isolate', 'partition', 'heal', 'cut', 'healLink', 'clockJump', 'skew', 'drift'] as const;
export type ClocksEvent = FaultEventOf<(typeof FAULTS)[number]>;

export interface VectorClocksScenario extends BaseScenario {
  /** Replicas r0..; r0 also keeps the lease. 2..4. Default 3. */
  replicas: number;
  /** Writes of x by the client at each replica. 1..50. Default 3. */
  writesPerReplica: number;
  /** Mean pause between two writes of one client (uniform 0.5x..1.5x; the first in 0..1x), ms. 1..5000. Default 150. */
  gapMs: number;
  /** One-way latency between two replicas (uniform 0.5x..1.5x), ms. 1..1000. Default 40. */
  interMs: number;
  /** The NTP bound ε: every clock starts within ±ε of true time; commit wait and the careful lease rely on it. ms, 0..1000. Default 10. */
  epsMs: number;
  /** r1's clock starts this much further off (beyond the bound when |skewMs| > ε), ms. -100,000..100,000. Default 0. */
  skewMs: number;
  /** Each clock's drift is drawn in ±driftPpm parts per million. 0..200,000. Default 0. */
  driftPpm: number;
  /** Lease length, ms (0: no lease). 0 or 10..10,000. Default 200. Needs 3 replicas or more (r0 keeps it, the others take turns). */
  leaseMs: number;
  seed: number;
  /** Faults by time (ms), at most 100. */
  events: ClocksEvent[];
}

export const LIMITS = {
  replicasMin: 2,
  replicasMax: 4,
  writesPerReplicaMax: 50,
  gapMsMax: 5000,
  interMsMax: 1000,
  epsMsMax: 1000,
  skewMsMax: 100_000,
  driftPpmMax: 200_000,
  leaseMsMin: 10,
  leaseMsMax: 10_000,
  eventsMax: 100,
  tMax: 600_000,
} as const;

const ms = (key: string, label: string, min: number, max: number, help: string): ParamSpec => ({ key, label, kind: 'number', min, max, unit: 'ms', help });

export const params: readonly ParamSpec[] = [
  { key: 'replicas', label: 'Replicas', kind: 'int', min: LIMITS.replicasMin, max: LIMITS.replicasMax, help: 'Replicas r0, r1, ... of the key x; each has a client writing it; r0 also keeps the lease.' },
  { key: 'writesPerReplica', label: 'Writes per replica', kind: 'int', min: 1, max: LIMITS.writesPerReplicaMax, help: 'How many times each replica\'s client writes x (r0 writes a1, a2, ...; r1 writes b1, ...).' },
  ms('gapMs', 'Gap between writes', 1, LIMITS.gapMsMax, 'Mean pause between two writes of one client (uniform in 0.5x..1.5x).'),
  ms('interMs', 'Between replicas', 1, LIMITS.interMsMax, 'One-way latency between two replicas (uniform in 0.5x..1.5x).'),
  ms('epsMs', 'Clock bound ε', 0, LIMITS.epsMsMax, 'Every clock starts within ±ε of true time (as NTP promises); commit wait and the careful lease trust this bound.'),
  ms('skewMs', 'r1 clock extra offset', -LIMITS.skewMsMax, LIMITS.skewMsMax, 'r1\'s clock starts this much further ahead (+) or behind (-): past ε it breaks the bound.'),
  { key: 'driftPpm', label: 'Clock drift', kind: 'int', min: 0, max: LIMITS.driftPpmMax, unit: 'ppm', help: 'Each clock runs fast or slow by up to this many parts per million (drawn per replica).' },
  ms('leaseMs', 'Lease length', 0, LIMITS.leaseMsMax, 'r0 grants a lease this long to r1, r2... in turn (0: no lease, else 10 ms or more; needs 3 replicas).'),
  { key: 'seed', label: 'Seed', kind: 'int', min: 0, max: 0xffffffff, help: 'Seed of every random stream: another seed gives another run.' },
];

export const events: readonly EventSpec[] = faultEventSpecs(FAULTS, {
  nodeMax: LIMITS.replicasMax - 1,
  nodeHelp: 'Replica index (r0 keeps the lease).',
  groupsMaxLength: 32,
  help: {
    crash: 'The replica stops: its client\'s writes fail until it recovers; what it stored survives.',
    clockJump: 'Step the replica\'s physical clock forward or back (as an NTP step): the wall-clock stamps it writes jump with it.',
    skew: 'Set the replica\'s physical clock offset from true time.',
    drift: 'Make the replica\'s physical clock run fast or slow from now on.',
  },
});

/** Cross-field rules: events name real replicas, a link joins two different ones, a lease lasts 10 ms or more. */
export function checkScenario(s: VectorClocksScenario): ValidationIssue[] {
  const issues = checkFaultEvents(s.events, s.replicas, `a replica 0..${s.replicas - 1}`);
  if (s.leaseMs > 0 && s.leaseMs < LIMITS.leaseMsMin) {
    issues.push({ path: 'leaseMs', message: `leaseMs must be 0 (no lease) or ${fmt(LIMITS.leaseMsMin)}..${fmt(LIMITS.leaseMsMax)}, got ${fmt(s.leaseMs)}` });
  }
  s.events.forEach((e, i) => {
    if ((e.type === 'cut' || e.type === 'healLink') && e.from === e.to) {
      issues.push({ path: `events[${i}].to`, message: `events[${i}] (${e.type}) must join two different replicas, got ${e.from} -> ${e.to}` });
    }
  });
  return issues;
}

export const validate = scenarioSchema<VectorClocksScenario>({ params, events, eventsMax: LIMITS.eventsMax, tMax: LIMITS.tMax, check: checkScenario });

/** Work units: two runs, each write replicated to every replica, lease rounds, the checks over pairs of writes. */
export function cost(s: VectorClocksScenario): number {
  const writes = s.replicas * s.writesPerReplica;
  return 2 * (writes * (8 * s.replicas + writes) + s.events.length + 100);
}

/** When the clients stop writing (an upper bound: every gap at its longest), ms. */
export function writesEndMs(s: VectorClocksScenario): number {
  return s.gapMs * (1 + 1.5 * (s.writesPerReplica - 1));
}

/** Simulated time the run is expected to cover (ms): the writes or the script, plus replication and commit wait. */
export function horizon(s: VectorClocksScenario): number {
  const lastEvent = s.events.length > 0 ? s.events[s.events.length - 1].t : 0;
  return Math.ceil(Math.max(lastEvent, writesEndMs(s)) + 4 * s.interMs + 4 * s.epsMs + s.leaseMs);
}

export const defaults: VectorClocksScenario = {
  replicas: 3,
  writesPerReplica: 3,
  gapMs: 150,
  interMs: 40,
  epsMs: 10,
  skewMs: 0,
  driftPpm: 0,
  leaseMs: 200,
  seed: 1,
  events: [],
};

const d = defaults;

export const presets: readonly Preset<VectorClocksScenario>[] = [
  {
    id: 'synced',
    title: 'Clocks within 10 ms',
    description: 'Three replicas 40 ms apart, clocks within ±10 ms of true time. Writes made at two replicas within a crossing are concurrent: version vectors keep both as siblings, last-writer-wins keeps one and drops the other.',
    scenario: d,
  },
  {
    id: 'skewed',
    title: 'r1\'s clock 100 ms behind',
    description: 'r1\'s clock runs 100 ms behind, far past the 10 ms bound. r1 writes after receiving a write from r0, yet its wall-clock stamp is smaller: last-writer-wins on wall clocks drops the later write, Lamport and HLC stamps keep it, and r0\'s lease overlaps with r1\'s.',
    scenario: { ...d, skewMs: -100 },
  },
  {
    id: 'truetime',
    title: 'An honest bound: ε = 110 ms',
    description: 'r1\'s clock is still 100 ms behind, but the bound ε now covers it. Commit wait orders every write that started after another committed, and the careful lease never has two holders, at a price: every write waits about 2ε = 220 ms.',
    scenario: { ...d, skewMs: -100, epsMs: 110 },
  },
  {
    id: 'drift',
    title: 'Drifting clocks, four replicas',
    description: 'Four replicas whose clocks drift by up to 5 % and a 50 ms bound: commit wait costs about 2ε per write, and keeps causal order as long as the drift has not carried a clock past ε.',
    scenario: { ...d, replicas: 4, writesPerReplica: 4, epsMs: 50, driftPpm: 50_000, leaseMs: 300 },
  },
  {
    id: 'partition',
    title: 'A partition: siblings pile up',
    description: 'r0 is cut off from 100 ms to 600 ms while every client keeps writing: every write on one side is concurrent with every write on the other. After the heal, siblings hold them all; last-writer-wins keeps one.',
    scenario: { ...d, writesPerReplica: 4, events: [{ t: 100, type: 'isolate', node: 0 }, { t: 600, type: 'heal' }] },
  },
];
