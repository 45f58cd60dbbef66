/**
 * Consensus: Raft (leader election, log replication, commit, client requests, one-server membership
 * changes) on 3..9 servers, with PreVote and CheckQuorum as switches and three broken variants. Every
 * step is checked against Raft's five safety invariants; the first violation stops the run and names the
 * servers and entries involved. Faults (crashes, pauses, partitions, cut or slow or lossy links, clock
 * faults) are scripted events in the engine's vocabulary; client requests and membership changes are events too.
 *
 * Time is in milliseconds (the engine ticks in microseconds). Election timeouts are drawn uniformly in
 * [electionMsMin, electionMsMax] at every reset; a leader sends AppendEntries every heartbeatMs.
 */
import type { BaseScenario, EventSpec, ParamSpec, ValidationIssue } from '../contract';
import { fmt, scenarioSchema } from '../scenarioSchema';
import { checkFaultEvents, faultEventSpecs, type FaultEventOf } from '../faultEvents';
import { BOOTSTRAPS, BROKEN_VARIANTS, EXPERIMENTS, type Bootstrap, type BrokenVariant, type Experiment } from './result';

/** The engine's faults this lab scripts (src/sim/faultTable.ts): run state, links, groups and clocks. */
export const FAULTS = ['crash', 'recover', 'pause', 'resume', 'isolate', 'partition', 'heal', 'cut', 'healLink', 'slow', 'lossy', 'duplicating', 'clockJump', 'skew', 'drift'] as const;
export type ConsensusFaultEvent = FaultEventOf<(typeof FAULTS)[number]>;
/** One client command, submitted at t to server `node` first (-1: the leader the client last heard of). */
export type RequestEvent = { t: number; type: 'request'; node: number };
/** RaftScope's "time out": the server's election timer fires now (a leader or a crashed server ignores it). */
export type TimeoutEvent = { t: number; type: 'timeout'; node: number };
/** Ask the leader to add (after catching it up) or remove one server. */
export type MembershipEvent = { t: number; type: 'addServer' | 'removeServer'; node: number };
export type ConsensusEvent = ConsensusFaultEvent | RequestEvent | TimeoutEvent | MembershipEvent;

export interface ConsensusScenario extends BaseScenario {
  /** Voters at the start, s0..s(servers-1). 3..9. Default 5. */
  servers: number;
  /** How the cluster starts (see BOOTSTRAP_HELP). Default 'election'. */
  bootstrap: Bootstrap;
  /** Election timeouts are uniform in [electionMsMin, electionMsMax], ms. 1..10,000. Defaults 150 and 300. */
  electionMsMin: number;
  electionMsMax: number;
  /** A leader sends AppendEntries (a heartbeat when empty) this often, ms; below electionMsMin. Default 50. */
  heartbeatMs: number;
  /** One network hop is uniform in [latencyMsMin, latencyMsMax], ms. 0..1000. Defaults 5 and 10 (a ~15 ms round trip). */
  latencyMsMin: number;
  latencyMsMax: number;
  /** Most entries one AppendEntries carries (a follower far behind catches up over several). 1..1000. Default 64. */
  batchMax: number;
  /** Probability that a message is lost. 0..0.5. Default 0. */
  loss: number;
  /** Probability that a message arrives twice. 0..0.5. Default 0. */
  duplicate: number;
  /** Probability that a message is held back by an extra 1..delayMsMax ms (so it can arrive out of order). 0..0.5. Default 0. */
  delay: number;
  /** Longest extra hold-back of a delayed message, ms. 1..10,000. Default 100. */
  delayMsMax: number;
  /** A would-be candidate first asks whether a majority would vote for it; no term changes until one would. Default false. */
  preVote: boolean;
  /** A leader that heard no majority for an election timeout steps down; servers that hear a leader ignore RequestVote. Default false. */
  checkQuorum: boolean;
  /** A broken rule to switch on (see BROKEN_VARIANT_HELP). Default 'none'. */
  broken: BrokenVariant;
  /** Client commands per second, at random times (plus 'request' events). 0..1000. Default 20. */
  clientRatePerSec: number;
  /** Simulated time the run covers, ms. 10..600,000. Default 3000. */
  durationMs: number;
  /** Also run the election-time experiment (Figure 16: 'scale' its bottom graph, 'randomness' its top); see ./experiment.ts. Default 'none'. */
  experiment: Experiment;
  /** Trials per election timeout range of the experiment. 10..2000. Default 1000. */
  trials: number;
  seed: number;
  /** Faults, client requests and membership changes, by time (ms), at most 400. */
  events: ConsensusEvent[];
}

export const LIMITS = {
  serversMin: 3,
  serversMax: 9,
  timerMsMax: 10_000,
  latencyMsMax: 1000,
  probabilityMax: 0.5,
  clientRateMax: 1000,
  durationMsMin: 10,
  durationMsMax: 600_000,
  eventsMax: 400,
  batchMax: 1000,
  trialsMin: 10,
  trialsMax: 2000,
} as const;

/** Engine ticks per simulated millisecond: the labs' one time unit (sim/kit/time.ts). */
export { TICKS_PER_MS } from '../../sim/kit/time';

const ms = (key: string, label: string, max: number, help: string, min = 0): ParamSpec => ({ key, label, kind: 'number', min, max, unit: 'ms', help });
const p = (key: string, label: string, help: string): ParamSpec => ({ key, label, kind: 'number', min: 0, max: LIMITS.probabilityMax, help });

export const params: readonly ParamSpec[] = [
  { key: 'servers', label: 'Servers', kind: 'int', min: LIMITS.serversMin, max: LIMITS.serversMax, help: 'Voters at the start, s0, s1, ...; more can join through addServer events.' },
  { key: 'bootstrap', label: 'Start', kind: 'enum', options: BOOTSTRAPS, help: 'election: all followers, empty logs; leader: s0 leads term 1; figure16: the election-time experiment\'s start (five servers, two logs too short to win).' },
  ms('electionMsMin', 'Election timeout min', LIMITS.timerMsMax, 'Shortest election timeout: a follower that heard no leader this long may stand.', 1),
  ms('electionMsMax', 'Election timeout max', LIMITS.timerMsMax, 'Longest election timeout (each timeout is drawn uniformly between min and max).', 1),
  ms('heartbeatMs', 'Heartbeat', LIMITS.timerMsMax, 'A leader sends AppendEntries this often, entries or not.', 1),
  ms('latencyMsMin', 'Latency min', LIMITS.latencyMsMax, 'Shortest network hop between servers.'),
  ms('latencyMsMax', 'Latency max', LIMITS.latencyMsMax, 'Longest network hop (uniform between min and max).'),
  { key: 'batchMax', label: 'Entries per message', kind: 'int', min: 1, max: LIMITS.batchMax, help: 'Most entries one AppendEntries carries: a follower far behind catches up over several messages.' },
  p('loss', 'Message loss', 'Probability that a message between servers is lost.'),
  p('duplicate', 'Duplication', 'Probability that a message arrives twice.'),
  p('delay', 'Delay', 'Probability that a message is held back by an extra delay (and may overtake or be overtaken).'),
  ms('delayMsMax', 'Delay max', LIMITS.timerMsMax, 'Longest extra delay of a held-back message.', 1),
  { key: 'preVote', label: 'PreVote', kind: 'boolean', help: 'A server asks for pre-votes before raising its term: a partitioned server cannot inflate its term and depose a healthy leader when it returns.' },
  { key: 'checkQuorum', label: 'CheckQuorum', kind: 'boolean', help: 'A leader steps down when no majority answered it for an election timeout; servers hearing a leader ignore RequestVote (no disruption by removed servers).' },
  { key: 'broken', label: 'Broken variant', kind: 'enum', options: BROKEN_VARIANTS, help: 'doubleVote: votes twice in a term; commitOldTerm: commits an earlier term\'s entry by counting replicas; keepConflicts: a follower keeps a conflicting suffix.' },
  { key: 'clientRatePerSec', label: 'Client requests', kind: 'number', min: 0, max: LIMITS.clientRateMax, unit: '/s', help: 'Client commands per second, sent to the leader (a client that asks a follower is redirected).' },
  ms('durationMs', 'Duration', LIMITS.durationMsMax, 'Simulated time the run covers.', LIMITS.durationMsMin),
  { key: 'experiment', label: 'Election-time experiment', kind: 'enum', options: EXPERIMENTS, help: 'Also run Figure 16\'s trials (crash the leader, time the election) per election timeout range: scale (minimum timeout scaled) or randomness (150 ms plus some randomness).' },
  { key: 'trials', label: 'Trials per range', kind: 'int', min: LIMITS.trialsMin, max: LIMITS.trialsMax, help: 'Trials of the election-time experiment per timeout range (the paper ran 1,000).' },
  { key: 'seed', label: 'Seed', kind: 'int', min: 0, max: 0xffffffff, help: 'Seed of every random stream (timeouts, latencies, losses, clients): another seed, another run.' },
];

const server: ParamSpec = { key: 'node', label: 'Server', kind: 'int', min: 0, max: LIMITS.serversMax - 1, help: 'Server index (s2 is 2).' };
const firstAsked: ParamSpec = { ...server, min: -1, help: 'The server the client asks first (-1: the leader it last heard of, else a random running server).' };

export const events: readonly EventSpec[] = [
  ...faultEventSpecs(FAULTS, {
    nodeMax: LIMITS.serversMax - 1,
    nodeHelp: 'Server index (s2 is 2).',
    help: {
      crash: 'The server stops; its term, vote and log survive on disk, everything else is lost.',
      recover: 'The server restarts from its disk as a follower that knows nothing committed.',
      clockJump: 'Step the server\'s clock: its election timer fires early or late (liveness, never safety).',
    },
  }),
  { type: 'request', label: 'Client request', help: 'A client sends one command to a server; a follower answers with the leader it knows and the client tries there.', fields: [firstAsked] },
  { type: 'timeout', label: 'Time out now', help: 'The server\'s election timer fires now: a follower or candidate stands for election (after a pre-vote round with PreVote); a leader ignores it.', fields: [server] },
  { type: 'addServer', label: 'Add server', help: 'The leader catches the server up, then adds it to the configuration (one server at a time).', fields: [server] },
  { type: 'removeServer', label: 'Remove server', help: 'The leader removes the server from the configuration (a removed leader steps down once that commits).', fields: [server] },
];

/** Engine nodes a scenario needs: its servers plus every server an addServer event names. */
export function nodeCount(s: Pick<ConsensusScenario, 'servers' | 'events'>): number {
  let n = s.servers;
  for (const e of s.events) if (e.type === 'addServer') n = Math.max(n, e.node + 1);
  return n;
}

export function checkScenario(s: ConsensusScenario): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const order = (a: keyof ConsensusScenario, b: keyof ConsensusScenario) => {
    if ((s[a] as number) > (s[b] as number)) issues.push({ path: a, message: `${a} must be at most ${b} = ${fmt(s[b] as number)}, got ${fmt(s[a] as number)}` });
  };
  order('latencyMsMin', 'latencyMsMax');
  order('electionMsMin', 'electionMsMax');
  if (s.heartbeatMs >= s.electionMsMin) {
    issues.push({ path: 'heartbeatMs', message: `heartbeatMs must be below electionMsMin = ${fmt(s.electionMsMin)} (followers would time out between heartbeats), got ${fmt(s.heartbeatMs)}` });
  }
  if (s.bootstrap === 'figure16' && s.servers !== 5) {
    issues.push({ path: 'servers', message: `the figure16 start has 5 servers, got ${s.servers}; pick 5 or another start` });
  }
  const n = nodeCount(s);
  s.events.forEach((e, i) => {
    if ((e.type === 'request' || e.type === 'timeout') && e.node >= n) issues.push({ path: `events[${i}].node`, message: `events[${i}].node must name a server s0..s${n - 1}, got ${e.node}` });
  });
  issues.push(...checkFaultEvents(s.events, n, `a server s0..s${n - 1} (a higher one exists once an addServer event names it)`));
  s.events.forEach((e, i) => {
    if ('from' in e && e.from === e.to) issues.push({ path: `events[${i}].to`, message: `events[${i}] must name a link between two servers, got ${e.from} -> ${e.to}` });
  });
  return issues;
}

export const validate = scenarioSchema<ConsensusScenario>({
  params,
  events,
  eventsMax: LIMITS.eventsMax,
  tMax: LIMITS.durationMsMax,
  eventDefaults: { request: { node: -1 } },
  check: checkScenario,
  runEnd: (s) => ({ t: s.durationMs, why: 'durationMs' }),
});

export const defaults: ConsensusScenario = {
  servers: 5,
  bootstrap: 'election',
  electionMsMin: 150,
  electionMsMax: 300,
  heartbeatMs: 50,
  latencyMsMin: 5,
  latencyMsMax: 10,
  batchMax: 64,
  loss: 0,
  duplicate: 0,
  delay: 0,
  delayMsMax: 100,
  preVote: false,
  checkQuorum: false,
  broken: 'none',
  clientRatePerSec: 20,
  durationMs: 3000,
  experiment: 'none',
  trials: 1000,
  seed: 1,
  events: [],
};

/** Simulated time the run covers (ms). */
export function horizon(s: ConsensusScenario): number {
  return s.durationMs;
}

/**
 * Work units: heartbeat rounds and client commands, each a message to every server and back; plus, with the
 * experiment on, EXPERIMENT_EVENTS_PER_TRIAL engine events per trial (its longest ranges' average).
 */
export function cost(s: ConsensusScenario): number {
  const n = nodeCount(s);
  const rounds = Math.ceil(s.durationMs / s.heartbeatMs);
  const run = rounds * n * 4 + Math.ceil((s.clientRatePerSec * s.durationMs) / 1000) * n * 6 + s.events.length * n * 4;
  return run + (s.experiment === 'none' ? 0 : s.trials * EXPERIMENT_RANGES * EXPERIMENT_EVENTS_PER_TRIAL);
}

/** Ranges per experiment, at most (Figure 16's top graph has six), and engine events a trial takes on average at most. */
const EXPERIMENT_RANGES = 6;
const EXPERIMENT_EVENTS_PER_TRIAL = 400;
