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
import type { BaseScenario, EventSpec, ParamSpec, Preset, ValidationIssue } from '../contract';
import { fmt, scenarioSchema } from '../scenarioSchema';
import { checkFaultEvents, faultEventSpecs, type FaultEventOf } from '../faultEvents';
import { BOOTSTRAPS, BROKEN_VARIANTS, type Bootstrap, type BrokenVariant } from './result';

/** The engine's faults this lab scripts (src/sim/faultTable.ts): run state, links, groups and clocks. */
export const FAULTS = ['crash', 'recover', 'pause', 'resume', 'isolate', 'partition', 'heal', 'cut', 'healLink', 'slow', 'lossy', 'clockJump', 'skew', 'drift'] as const;
export type ConsensusFaultEvent = FaultEventOf<(typeof FAULTS)[number]>;
/** One client command, submitted at t. */
export type RequestEvent = { t: number; type: 'request' };
/** Ask the leader to add (after catching it up) or remove one server. */
export type MembershipEvent = { t: number; type: 'addServer' | 'removeServer'; node: number };
export type ConsensusEvent = ConsensusFaultEvent | RequestEvent | MembershipEvent;

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
  { key: 'seed', label: 'Seed', kind: 'int', min: 0, max: 0xffffffff, help: 'Seed of every random stream (timeouts, latencies, losses, clients): another seed, another run.' },
];

const server: ParamSpec = { key: 'node', label: 'Server', kind: 'int', min: 0, max: LIMITS.serversMax - 1, help: 'Server index (s2 is 2).' };

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
  { type: 'request', label: 'Client request', help: 'A client sends one command to the leader.', fields: [] },
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
  check: checkScenario,
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
  seed: 1,
  events: [],
};

/** Simulated time the run covers (ms). */
export function horizon(s: ConsensusScenario): number {
  return s.durationMs;
}

/** Work units: heartbeat rounds and client commands, each a message to every server and back. */
export function cost(s: ConsensusScenario): number {
  const n = nodeCount(s);
  const rounds = Math.ceil(s.durationMs / s.heartbeatMs);
  return rounds * n * 4 + Math.ceil((s.clientRatePerSec * s.durationMs) / 1000) * n * 6 + s.events.length * n * 4;
}

const d = defaults;
/** s0 leads term 1 at the start, so a script can name the leader. */
const led = { ...d, bootstrap: 'leader' } as const;
const isolate4: ConsensusEvent[] = [{ t: 300, type: 'partition', groups: '0,1,2,3|4' }, { t: 2000, type: 'heal' }];
const isolate0: ConsensusEvent[] = [{ t: 300, type: 'partition', groups: '0|1,2,3,4' }, { t: 2000, type: 'heal' }];

export const presets: readonly Preset<ConsensusScenario>[] = [
  {
    id: 'first-election',
    title: 'First election, then replication',
    description: 'Five followers with empty logs: the first to time out stands, wins a majority, appends its no-op and replicates client commands; each commits once a majority stores it.',
    scenario: d,
  },
  {
    id: 'replay-uncommitted',
    title: 'Leader fails: elect a new one, replay uncommitted entries',
    description: 'From 300 ms the replies of s1, s2 and s3 no longer reach the leader s0: followers store its entries but s0 cannot commit them. s0 crashes at 600 ms; the new leader holds those entries, appends its no-op and commits them all with it, step by step.',
    scenario: { ...led, clientRatePerSec: 50, durationMs: 2500, events: [
      { t: 300, type: 'cut', from: 1, to: 0 }, { t: 300, type: 'cut', from: 2, to: 0 }, { t: 300, type: 'cut', from: 3, to: 0 },
      { t: 600, type: 'crash', node: 0 }, { t: 1500, type: 'heal' }, { t: 1600, type: 'recover', node: 0 },
    ] },
  },
  {
    id: 'disruptive-rejoin',
    title: 'A rejoining server deposes a healthy leader',
    description: 's4 is cut off from 300 ms to 2 s: it times out again and again, raising its term to 10. When it comes back, its higher term makes the healthy leader step down, and the cluster spends an election on it.',
    scenario: { ...led, events: isolate4 },
  },
  {
    id: 'disruptive-rejoin-prevote',
    title: 'Same cut-off server, with PreVote',
    description: 'With PreVote, s4 asks first whether it could win; nobody answers yes while cut off, so its term never rises and its return disturbs nothing.',
    scenario: { ...led, preVote: true, events: isolate4 },
  },
  {
    id: 'stale-leader',
    title: 'A leader cut off from the majority keeps leading',
    description: 'The leader s0 is cut off from 300 ms to 2 s. The others elect a new leader in term 2, but s0 still believes it leads term 1 and takes client commands it can never commit.',
    scenario: { ...led, events: isolate0 },
  },
  {
    id: 'stale-leader-checkquorum',
    title: 'Same cut-off leader, with CheckQuorum',
    description: 'With CheckQuorum, s0 steps down one election timeout after it last heard a majority, and stops taking commands. (Without PreVote, its raised term still disturbs the new leader when the cut heals.)',
    scenario: { ...led, checkQuorum: true, events: isolate0 },
  },
  {
    id: 'membership',
    title: 'Add a server, then remove the leader',
    description: 's5 joins at 500 ms: the leader catches it up, then adds it (one server at a time). At 1.5 s the leader s0 is removed: it leads until the new configuration commits, then steps down, and s1..s5 elect a leader.',
    scenario: { ...led, events: [{ t: 500, type: 'addServer', node: 5 }, { t: 1500, type: 'removeServer', node: 0 }] },
  },
  {
    id: 'removed-server',
    title: 'A removed server disrupts the cluster',
    description: 's4 is removed at 500 ms. The leader stops sending to it before s4 learns of its removal, so s4 times out and stands again and again; each RequestVote of a higher term deposes the leader.',
    scenario: { ...led, events: [{ t: 500, type: 'removeServer', node: 4 }] },
  },
  {
    id: 'removed-server-checkquorum',
    title: 'Same removal, with CheckQuorum',
    description: 'With CheckQuorum, servers that hear from a leader ignore RequestVote: s4 stands in vain and the leader of term 1 stays.',
    scenario: { ...led, checkQuorum: true, events: [{ t: 500, type: 'removeServer', node: 4 }] },
  },
  {
    id: 'broken-double-vote',
    title: 'Broken: a server votes twice in a term',
    description: 'Three servers whose timeouts differ by at most 10 ms: two candidates stand in term 1 and a voter grants both. Two leaders of one term: Election Safety breaks and the run stops there.',
    scenario: { ...d, servers: 3, electionMsMin: 150, electionMsMax: 160, broken: 'doubleVote' },
  },
  {
    id: 'broken-commit-old-term',
    title: 'Broken: a leader commits an old-term entry by counting replicas (Figure 8)',
    description: 'Found by a seed search (12 cuts, partitions and heals, 20% loss, one entry per message). s0 leads term 1 and takes commands while cut off; s2 leads term 4 for 6 ms and its no-op at index 28 stays on it alone; s0 wins term 5 and sends its old entries one at a time: once s1 stores entry 28 of term 1, the broken leader counts two of three and commits it. s2 then wins term 6 with s1\'s vote (its last term 4 beats 1) without entry 28: Leader Completeness breaks.',
    scenario: {
      ...led, servers: 3, broken: 'commitOldTerm', batchMax: 1, clientRatePerSec: 50, durationMs: 1200, loss: 0.2,
      electionMsMin: 100, electionMsMax: 200, heartbeatMs: 40, latencyMsMin: 2, latencyMsMax: 5, seed: 2073,
      events: [
        { t: 245, type: 'cut', from: 0, to: 1 }, { t: 365, type: 'partition', groups: '1' }, { t: 418, type: 'cut', from: 0, to: 1 },
        { t: 513, type: 'partition', groups: '0' }, { t: 571, type: 'partition', groups: '1' }, { t: 572, type: 'heal' },
        { t: 666, type: 'heal' }, { t: 689, type: 'heal' }, { t: 740, type: 'cut', from: 1, to: 2 }, { t: 757, type: 'heal' },
        { t: 765, type: 'cut', from: 0, to: 2 }, { t: 866, type: 'heal' },
      ],
    },
  },
  {
    id: 'broken-keep-conflicts',
    title: 'Broken: a follower keeps a conflicting suffix',
    description: 'The leader s0 is cut off and takes commands alone; s1 wins term 2. When the cut heals, s0 keeps its own term-1 entries where the new leader has others, and commits them: State Machine Safety breaks.',
    scenario: { ...led, servers: 3, broken: 'keepConflicts', durationMs: 2000, events: [{ t: 300, type: 'partition', groups: '0|1,2' }, { t: 1000, type: 'heal' }] },
  },
];
