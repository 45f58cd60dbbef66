/**
 * Multi-leader replication: one leader per region (node i leads region i), clients writing and reading a
 * few keys at their own region's leader, and leaders replicating every write asynchronously to the other
 * regions over slow inter-region links. Concurrent writes to a key conflict; the program runs the same
 * workload and faults twice, resolving conflicts by last-writer-wins (the writing leader's clock) and by
 * keeping siblings (dotted version vectors) that a client's next write merges.
 *
 * Time is in milliseconds (the engine ticks in microseconds). Values written are unique positive integers
 * (the operation's index + 1), so every read names the writes it saw.
 */
import type { BaseScenario, EventSpec, ParamSpec, Preset, ValidationIssue } from '../contract';
import { fmt, scenarioSchema } from '../scenarioSchema';
import { checkFaultEvents, faultEventSpecs, type FaultEventOf } from '../faultEvents';
import { checkRequestEvents, requestEventSpec, type ClientRequestEvent } from '../requestEvents';

export const LATENCY_KINDS = ['uniform', 'exponential'] as const;
export type LatencyKind = (typeof LATENCY_KINDS)[number];

/**
 * The faults a multi-leader script may hold (the engine's fault table), each aimed at a region's leader
 * (node i leads region i) or at the links between regions: a leader crashes or recovers, pauses or
 * resumes (its clients' requests wait with its messages), a region is isolated, the regions are
 * partitioned or healed, one direction of a link between two regions is cut or healed, and a leader's
 * clock jumps or is set to an offset (what last-writer-wins trusts).
 */
export const FAULTS = ['crash', 'recover', 'pause', 'resume', 'isolate', 'partition', 'heal', 'cut', 'healLink', 'clockJump', 'skew'] as const;
/** The faults, and a client's one-off request on the hot key k0 (src/sim/kit/clientRequest.ts). */
export type MultiLeaderEvent = FaultEventOf<(typeof FAULTS)[number]> | ClientRequestEvent;

export interface MultiLeaderScenario extends BaseScenario {
  /** Regions, each with one leader (node i leads region i). 2..4. Default 2. */
  regions: number;
  /** Client processes in each region, each running one operation at a time. 1..2. Default 2. */
  clientsPerRegion: number;
  /** Operations over all clients (reads, and the read + write of an update). 1..1000. Default 80. */
  ops: number;
  /** Percent of a client's actions that update a key (read it, then write with what it read). 0..100. Default 50. */
  updatePct: number;
  /** Keys k0..k(keys-1). 1..8. Default 2. */
  keys: number;
  /** Percent of actions on the hot key k0 (the rest uniform over all keys). 0..100. Default 50. */
  hotKeyPct: number;
  /** Mean pause of a client between actions (uniform 0..2x mean), ms. 0..2000. Default 40. */
  thinkMs: number;
  /** One hop between a client and its region's leader: uniform in [0.5x, 1.5x] of this, ms. 0..20. Default 1. */
  localMs: number;
  /** Mean one-way latency between regions, ms. 1..1000. Default 80. */
  interMs: number;
  /** uniform: in [0.5x, 1.5x] of interMs; exponential: 0.5 x interMs plus an exponential draw of mean 0.5 x interMs. */
  interLatency: LatencyKind;
  /** A leader resends what a region has not acknowledged this often, ms. 10..10,000. Default 250. */
  retryMs: number;
  /** A client gives up on an operation after this long, ms. 1..10,000. Default 100. */
  timeoutMs: number;
  /** Clock offset of region 1's leader from the start (local - true), ms. -100,000..100,000. Default 0. */
  skewMs: number;
  /** Root of every random stream. 0..2^32-1. */
  seed: number;
  /** Faults (the FAULTS above) and client requests, by time (ms), at most 100. */
  events: MultiLeaderEvent[];
}

export const LIMITS = {
  regionsMin: 2,
  regionsMax: 4,
  clientsPerRegionMax: 2,
  opsMax: 1000,
  keysMax: 8,
  thinkMsMax: 2000,
  localMsMax: 20,
  interMsMax: 1000,
  retryMsMin: 10,
  timeoutMsMax: 10_000,
  skewMsMax: 100_000,
  eventsMax: 100,
  tMax: 600_000,
} as const;

const ms = (key: string, label: string, min: number, max: number, help: string): ParamSpec => ({ key, label, kind: 'number', min, max, unit: 'ms', help });

export const params: readonly ParamSpec[] = [
  { key: 'regions', label: 'Regions', kind: 'int', min: LIMITS.regionsMin, max: LIMITS.regionsMax, help: 'Regions 0, 1, ...; each has one leader that accepts writes.' },
  { key: 'clientsPerRegion', label: 'Clients per region', kind: 'int', min: 1, max: LIMITS.clientsPerRegionMax, help: 'Client processes in each region; each talks to its own region\'s leader.' },
  { key: 'ops', label: 'Operations', kind: 'int', min: 1, max: LIMITS.opsMax, help: 'Reads and writes over all clients (an update is a read and a write).' },
  { key: 'updatePct', label: 'Updates', kind: 'int', min: 0, max: 100, unit: '%', help: 'Percent of actions that update a key: read it, then write a new value with the context the read returned.' },
  { key: 'keys', label: 'Keys', kind: 'int', min: 1, max: LIMITS.keysMax, help: 'Keys k0, k1, ...' },
  { key: 'hotKeyPct', label: 'Hot key k0', kind: 'int', min: 0, max: 100, unit: '%', help: 'Percent of actions on k0; the rest pick any key uniformly.' },
  ms('thinkMs', 'Think time', 0, LIMITS.thinkMsMax, 'Mean pause of a client between two actions (uniform in 0..2x).'),
  ms('localMs', 'Client to leader', 0, LIMITS.localMsMax, 'One hop between a client and its region\'s leader (uniform in 0.5x..1.5x).'),
  ms('interMs', 'Between regions', 1, LIMITS.interMsMax, 'Mean one-way latency between two regions\' leaders.'),
  { key: 'interLatency', label: 'Inter-region latency', kind: 'enum', options: LATENCY_KINDS, help: 'uniform: 0.5x..1.5x of the mean; exponential: 0.5x plus an exponential tail of mean 0.5x.' },
  ms('retryMs', 'Resend after', LIMITS.retryMsMin, LIMITS.timeoutMsMax, 'A leader resends the writes a region has not acknowledged this often (after a partition heals, this is how they catch up).'),
  ms('timeoutMs', 'Client timeout', 1, LIMITS.timeoutMsMax, 'A client gives up after this long (its leader crashed).'),
  ms('skewMs', 'Region 1 clock offset', -LIMITS.skewMsMax, LIMITS.skewMsMax, 'Region 1\'s leader clock runs this far ahead (+) or behind (-) true time from the start; last-writer-wins trusts it.'),
  { key: 'seed', label: 'Seed', kind: 'int', min: 0, max: 0xffffffff, help: 'Seed of every random stream: another seed gives another run.' },
];

export const events: readonly EventSpec[] = [...faultEventSpecs(FAULTS, {
  nodeMax: LIMITS.regionsMax - 1,
  noun: 'region',
  groupsMaxLength: 32,
  label: { crash: 'Crash leader', recover: 'Recover leader', pause: 'Pause leader', resume: 'Resume leader', isolate: 'Isolate region', cut: 'Cut link between regions', healLink: 'Heal link between regions' },
  help: {
    crash: 'The region\'s leader stops; what it stored survives on its disk; its clients\' requests fail.',
    recover: 'The leader restarts with what it stored and resends what others have not acknowledged.',
    pause: 'The leader freezes (a long GC pause): its clients\' requests and the other regions\' batches wait until it resumes.',
    resume: 'The paused leader handles what waited, in arrival order.',
    isolate: 'Cut every link to and from the region (replaces earlier cuts); it keeps accepting its own clients\' writes.',
    partition: 'Cut every link between groups of regions (replaces earlier cuts); each side keeps accepting writes.',
    heal: 'Restore every link; leaders resend what the other side missed.',
    cut: 'Cut one direction between two regions: batches (or acks) from -> to stop; the other direction keeps working.',
    healLink: 'Restore one direction between two regions; the sender resends what was not acknowledged.',
    clockJump: 'Step a leader\'s clock forward or back: the timestamps last-writer-wins compares jump with it.',
    skew: 'Set a leader\'s clock offset from true time.',
  },
}), requestEventSpec({
  clientsMax: LIMITS.regionsMax * LIMITS.clientsPerRegionMax,
  help: 'The client issues one operation on the hot key k0 beyond the budget (a write with its context, or a read): at once if it is thinking, else when its current operation ends.',
})];

/**
 * Cross-field rules: events name real regions, groups parse, a link joins two different regions, the
 * client timeout outlasts a round trip to the leader.
 */
export function checkScenario(s: MultiLeaderScenario): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (s.timeoutMs <= 3 * s.localMs) {
    issues.push({ path: 'timeoutMs', message: `timeoutMs must be above 3 x localMs = ${fmt(3 * s.localMs)} (a round trip to the leader takes up to that), got ${fmt(s.timeoutMs)}` });
  }
  issues.push(...checkFaultEvents(s.events, s.regions, `a region 0..${s.regions - 1}`));
  issues.push(...checkRequestEvents(s.events, s.regions * s.clientsPerRegion));
  s.events.forEach((e, i) => {
    if ((e.type === 'cut' || e.type === 'healLink') && e.from === e.to) {
      issues.push({ path: `events[${i}].to`, message: `events[${i}] (${e.type}) must join two different regions, got ${e.from} -> ${e.to}` });
    }
  });
  return issues;
}

export const validate = scenarioSchema<MultiLeaderScenario>({
  params,
  events,
  eventsMax: LIMITS.eventsMax,
  tMax: LIMITS.tMax,
  check: checkScenario,
});

/** Work units: two runs of the store, each operation replicated to every region, plus the checks. */
export function cost(s: MultiLeaderScenario): number {
  return 2 * (s.ops * (4 * s.regions + 20) + s.events.length);
}

/**
 * Simulated time the run is expected to cover (ms): the script, or the clients' operations, whichever is
 * later, plus three crossings for the last batches and acks (an estimate: the program runs until quiet and
 * never reads it).
 */
export function horizon(s: MultiLeaderScenario): number {
  const lastEvent = s.events.length > 0 ? s.events[s.events.length - 1].t : 0;
  const clients = s.regions * s.clientsPerRegion;
  const perOp = s.thinkMs + 2 * s.localMs;
  return Math.ceil(Math.max(lastEvent, (s.ops / clients) * perOp) + 3 * s.interMs);
}

export const defaults: MultiLeaderScenario = {
  regions: 2,
  clientsPerRegion: 2,
  ops: 80,
  updatePct: 50,
  keys: 2,
  hotKeyPct: 50,
  thinkMs: 40,
  localMs: 1,
  interMs: 80,
  interLatency: 'uniform',
  retryMs: 250,
  timeoutMs: 100,
  skewMs: 0,
  seed: 1,
  events: [],
};

const d = defaults;

export const presets: readonly Preset<MultiLeaderScenario>[] = [
  {
    id: 'two-regions',
    title: 'Two regions, no faults',
    description: 'Two leaders 80 ms apart, clients updating two keys. Writes are acknowledged locally in a few ms; updates that overlap within the replication delay conflict.',
    scenario: d,
  },
  {
    id: 'partition',
    title: 'Partition between regions',
    description: 'The link between the regions is cut from 300 ms to 1,500 ms. Both sides keep accepting writes; at the heal, updates of one key made on the two sides conflict. LWW keeps the one with the highest timestamp and drops the other; siblings keep both until a client merges them.',
    scenario: { ...d, ops: 120, events: [{ t: 300, type: 'partition', groups: '0|1' }, { t: 1500, type: 'heal' }] },
  },
  {
    id: 'clock-skew',
    title: 'A slow clock',
    description: 'Region 1\'s clock is 2 s behind. One client per region updates one key, reading before each write, so few writes are concurrent; yet LWW drops writes from region 1 made after reading the very write that beats them: their timestamps are 2 s too small.',
    scenario: { ...d, clientsPerRegion: 1, keys: 1, updatePct: 100, thinkMs: 300, ops: 30, skewMs: -2000 },
  },
  {
    id: 'four-regions',
    title: 'Four regions, exponential latency',
    description: 'Four leaders with heavy-tailed inter-region latency (mean 120 ms), a leader crash and a recovery. More regions, more concurrent writers, more conflicts.',
    scenario: {
      ...d, regions: 4, clientsPerRegion: 2, ops: 200, interMs: 120, interLatency: 'exponential', keys: 3,
      events: [{ t: 400, type: 'crash', node: 2 }, { t: 900, type: 'recover', node: 2 }],
    },
  },
];

