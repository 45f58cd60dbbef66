/**
 * Leader-follower replication: one register on a cluster of nodes; one leader takes the writes, appends
 * them to a replication log and ships the log to the followers, which apply it in order. The client hears
 * "ok" after the local write (async), after one follower applied it (semi-sync) or after every follower did
 * (sync). Followers watch the leader's heartbeats; after detectMs of silence the most up-to-date reachable
 * follower is elected leader of a new epoch. Faults (crash, recover, pause, resume, partition, heal) are
 * scripted events, in the engine's vocabulary.
 *
 * Fencing (off: a leader never doubts itself, and comes back as leader after a crash):
 *   - the epoch is a fencing token: a node refuses messages of an older epoch, and a leader that hears of
 *     a newer one steps down at once;
 *   - a leader serves only within a lease (leaseMs after a heartbeat a majority acknowledged) and followers
 *     vote only after detectMs of silence, leaseMs < detectMs: the old lease ends before a successor exists.
 *
 * Clients live beside a node each (client c beside node c mod nodes) and share its side of a partition.
 * They find the leader as a health-checking load balancer does: the first node, from their own, that
 * says it can take writes. Time is in milliseconds (the engine ticks in microseconds); written values are
 * unique positive integers (the operation's index + 1), so every read names the write it saw.
 */
import type { BaseScenario, EventSpec, ParamSpec, Preset, ValidationIssue } from '../contract';
import { fmt, scenarioSchema } from '../scenarioSchema';
import { checkFaultEvents, faultEventSpecs, type FaultEventOf } from '../faultEvents';
import { checkRequestEvents, requestEventSpec, type ClientRequestEvent } from '../requestEvents';
import { READ_SOURCES, REPLICATION_MODES, type ReadSource, type ReplicationMode } from './result';

/** The faults a leader-follower script may hold (the engine's fault table). */
export const FAULTS = ['crash', 'recover', 'pause', 'resume', 'partition', 'heal'] as const;
/** Faults, and a client's one-off request (src/sim/kit/clientRequest.ts). */
export type LeaderFollowerEvent = FaultEventOf<(typeof FAULTS)[number]> | ClientRequestEvent;

export interface LeaderFollowerScenario extends BaseScenario {
  /** Nodes n0..n(nodes-1); n0 leads epoch 1 at the start. 3..9. Default 3. */
  nodes: number;
  /** When the leader acknowledges a write: after every follower applied it, after one did, or at once. Default 'async'. */
  replication: ReplicationMode;
  /** Where clients read: the leader, a follower, or any node. Default 'leader'. */
  readFrom: ReadSource;
  /** Epochs as fencing tokens plus leader leases (see the file comment). Default true. */
  fencing: boolean;
  /** Client processes, each running one operation at a time. 1..8. Default 3. */
  clients: number;
  /** Operations over all clients. 1..2000. Default 100. */
  ops: number;
  /** Percent of operations that write (the rest read). 0..100. Default 50. */
  writePct: number;
  /** Mean pause of a client between operations (uniform 0..2x mean), ms. 0..1000. Default 4. */
  thinkMs: number;
  /** One network hop between nodes is uniform in [latencyMsMin, latencyMsMax], ms. 0..1000. Defaults 1 and 10. */
  latencyMsMin: number;
  latencyMsMax: number;
  /** Probability that a message between nodes is lost. 0..0.5. Default 0. */
  loss: number;
  /** Time a follower takes to apply one log entry (one apply thread), ms. 0..100. Default 1. */
  applyMs: number;
  /** The leader sends a heartbeat (and resends what was not acknowledged) this often, ms. 1..1000. Default 10. */
  heartbeatMs: number;
  /** A follower that heard nothing from its leader this long suspects it and stands for election, ms. 1..10,000. Default 60. */
  detectMs: number;
  /** Fencing: a leader serves at most this long after a heartbeat a majority acknowledged, ms. 1..10,000. Default 40. */
  leaseMs: number;
  /** A client gives up on a write after this long (it may still take effect), ms. 1..10,000. Default 150. */
  timeoutMs: number;
  /** A client whose request was refused (no leader found, or refused) waits this long more before its next one, ms. 0..10,000. Default 20. */
  retryMs: number;
  /** Root of every random stream (latencies, loss, workload, election jitter). 0..2^32-1. */
  seed: number;
  /** Faults and client requests, by time (ms), at most 100. */
  events: LeaderFollowerEvent[];
}

export const LIMITS = {
  nodesMin: 3,
  nodesMax: 9,
  /** As in the quorums lab: concurrency is what the linearizability search pays for. */
  clientsMax: 8,
  opsMax: 2000,
  thinkMsMax: 1000,
  latencyMsMax: 1000,
  lossMax: 0.5,
  applyMsMax: 100,
  heartbeatMsMax: 1000,
  timerMsMax: 10_000,
  eventsMax: 100,
  tMax: 600_000,
} as const;

const ms = (key: string, label: string, max: number, help: string, min = 0): ParamSpec => ({ key, label, kind: 'number', min, max, unit: 'ms', help });

export const params: readonly ParamSpec[] = [
  { key: 'nodes', label: 'Nodes', kind: 'int', min: LIMITS.nodesMin, max: LIMITS.nodesMax, help: 'Nodes n0, n1, ...; n0 leads at the start, the others follow.' },
  { key: 'replication', label: 'Replication', kind: 'enum', options: REPLICATION_MODES, help: 'sync: the client hears ok once every follower applied the write; semi-sync: once one follower did; async: at once, after the leader\'s own write.' },
  { key: 'readFrom', label: 'Read from', kind: 'enum', options: READ_SOURCES, help: 'leader: reads go to the leader; followers: to a random follower (fast, possibly stale); any: to a random node.' },
  { key: 'fencing', label: 'Fencing (epochs + lease)', kind: 'boolean', help: 'Nodes refuse an older epoch and a leader steps down on a newer one; a leader serves only within its lease. Off: an old leader keeps serving.' },
  { key: 'clients', label: 'Clients', kind: 'int', min: 1, max: LIMITS.clientsMax, help: 'Client processes, one operation at a time each; client c lives beside node c mod nodes.' },
  { key: 'ops', label: 'Operations', kind: 'int', min: 1, max: LIMITS.opsMax, help: 'Reads and writes over all clients.' },
  { key: 'writePct', label: 'Writes', kind: 'int', min: 0, max: 100, unit: '%', help: 'Percent of operations that write a new value.' },
  ms('thinkMs', 'Think time', LIMITS.thinkMsMax, 'Mean pause of a client between two operations (uniform in 0..2x).'),
  ms('latencyMsMin', 'Latency min', LIMITS.latencyMsMax, 'Shortest network hop between nodes.'),
  ms('latencyMsMax', 'Latency max', LIMITS.latencyMsMax, 'Longest network hop between nodes (uniform between min and max).'),
  { key: 'loss', label: 'Message loss', kind: 'number', min: 0, max: LIMITS.lossMax, help: 'Probability that a message between nodes is lost.' },
  ms('applyMs', 'Apply time', LIMITS.applyMsMax, 'Time a follower takes to apply one log entry: when writes come faster, its lag grows.'),
  ms('heartbeatMs', 'Heartbeat', LIMITS.heartbeatMsMax, 'The leader sends a heartbeat this often (and resends what was not acknowledged).', 1),
  ms('detectMs', 'Failure detection', LIMITS.timerMsMax, 'A follower that heard nothing from its leader this long stands for election.', 1),
  ms('leaseMs', 'Lease', LIMITS.timerMsMax, 'Fencing: a leader serves at most this long after a heartbeat a majority acknowledged; below the failure detection time.', 1),
  ms('timeoutMs', 'Client timeout', LIMITS.timerMsMax, 'A client gives up on a write after this long, not knowing whether it took effect.', 1),
  ms('retryMs', 'Retry after refusal', LIMITS.timerMsMax, 'A client whose request was refused (no leader found, or the node refused) waits this long more before its next one.'),
  { key: 'seed', label: 'Seed', kind: 'int', min: 0, max: 0xffffffff, help: 'Seed of every random stream: another seed gives another run.' },
];

export const events: readonly EventSpec[] = [
  ...faultEventSpecs(FAULTS, {
    nodeMax: LIMITS.nodesMax - 1,
    help: {
      crash: 'The node stops; its log survives on disk, what it was doing is lost.',
      recover: 'The node restarts from its disk, in the role it had (a leader restarts as leader).',
      partition: 'Cut every link between groups (replaces earlier cuts); clients stay on their node\'s side.',
    },
  }),
  requestEventSpec({ clientsMax: LIMITS.clientsMax }),
];

/** Cross-field rules: latency range, timer order (heartbeat < lease < detection), events name real nodes. */
export function checkScenario(s: LeaderFollowerScenario): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (s.latencyMsMin > s.latencyMsMax) {
    issues.push({ path: 'latencyMsMin', message: `latencyMsMin must be at most latencyMsMax = ${fmt(s.latencyMsMax)}, got ${fmt(s.latencyMsMin)}` });
  }
  if (s.heartbeatMs >= s.detectMs) {
    issues.push({ path: 'heartbeatMs', message: `heartbeatMs must be below detectMs = ${fmt(s.detectMs)} (followers would suspect a healthy leader), got ${fmt(s.heartbeatMs)}` });
  }
  if (s.fencing && s.leaseMs >= s.detectMs) {
    issues.push({ path: 'leaseMs', message: `leaseMs must be below detectMs = ${fmt(s.detectMs)} with fencing (an old lease must end before a successor can be elected), got ${fmt(s.leaseMs)}` });
  }
  if (s.fencing && s.leaseMs <= s.heartbeatMs) {
    issues.push({ path: 'leaseMs', message: `leaseMs must be above heartbeatMs = ${fmt(s.heartbeatMs)} with fencing (each heartbeat renews the lease), got ${fmt(s.leaseMs)}` });
  }
  issues.push(...checkFaultEvents(s.events, s.nodes));
  issues.push(...checkRequestEvents(s.events, s.clients));
  return issues;
}

export const validate = scenarioSchema<LeaderFollowerScenario>({
  params,
  events,
  eventsMax: LIMITS.eventsMax,
  tMax: LIMITS.tMax,
  check: checkScenario,
});

/** Simulated time the run is expected to cover (ms): the script or the clients' operations, whichever is later, plus settling. */
export function horizon(s: LeaderFollowerScenario): number {
  const lastEvent = s.events.length > 0 ? s.events[s.events.length - 1].t : 0;
  const perOp = s.thinkMs + (s.replication === 'async' ? 0 : 2 * s.latencyMsMax + s.applyMs);
  return Math.ceil(Math.max(lastEvent, (s.ops / s.clients) * perOp) + settleMs(s));
}

/** How long the cluster keeps running after the clients finish and the script ends (heartbeats, elections, catch-up). */
export function settleMs(s: LeaderFollowerScenario): number {
  return 3 * s.detectMs + 4 * s.heartbeatMs + 4 * s.latencyMsMax;
}

/**
 * Work units: three runs (one per replication mode, for the comparison), each an operation to every node
 * and back, heartbeats over the horizon, and the check.
 */
export function cost(s: LeaderFollowerScenario): number {
  const heartbeats = Math.ceil(horizon(s) / s.heartbeatMs) * s.nodes * 4;
  return 3 * (s.ops * (6 * s.nodes + 20) + heartbeats) + s.events.length;
}

export const defaults: LeaderFollowerScenario = {
  nodes: 3,
  replication: 'async',
  readFrom: 'leader',
  fencing: true,
  clients: 3,
  ops: 100,
  writePct: 50,
  thinkMs: 4,
  latencyMsMin: 1,
  latencyMsMax: 10,
  loss: 0,
  applyMs: 1,
  heartbeatMs: 10,
  detectMs: 60,
  leaseMs: 40,
  timeoutMs: 150,
  retryMs: 20,
  seed: 1,
  events: [],
};

const d = defaults;
/** n0 (the leader) is cut off with client 0, which lives beside it; the others elect a new leader; then the cut heals. */
const isolateLeader: LeaderFollowerEvent[] = [
  { t: 100, type: 'partition', groups: '0|1,2' },
  { t: 300, type: 'heal' },
];

export const presets: readonly Preset<LeaderFollowerScenario>[] = [
  {
    id: 'async-stale-reads',
    title: 'Async: stale follower reads',
    description: 'The leader acknowledges at once and followers apply 3 ms per entry: they fall behind, and clients reading from them see old values. The lag chart shows how far behind each follower is.',
    scenario: { ...d, readFrom: 'followers', applyMs: 3, ops: 150 },
  },
  {
    id: 'sync',
    title: 'Sync: slow but safe',
    description: 'A write is acknowledged once every follower applied it: writes wait for the slowest follower, and a failover loses nothing. Reads from the leader are linearizable.',
    scenario: { ...d, replication: 'sync', events: [{ t: 150, type: 'crash', node: 0 }, { t: 300, type: 'recover', node: 0 }] },
  },
  {
    id: 'semi-sync',
    title: 'Semi-sync: one follower',
    description: 'A write waits for the fastest follower only: cheaper than sync. Here the most up-to-date follower wins the failover and no acknowledged write is lost; but only one follower surely holds each write, so a failover can still lose one (the property tests find such a run).',
    scenario: { ...d, replication: 'semi-sync', nodes: 5, events: [{ t: 150, type: 'crash', node: 0 }] },
  },
  {
    id: 'async-failover',
    title: 'Async failover loses writes',
    description: 'The leader n0 crashes at 100 ms with writes it acknowledged but had not shipped yet. A follower is promoted; those writes are gone, and reads show it. When n0 comes back it steps down and drops them from its log.',
    scenario: { ...d, seed: 10, clients: 6, thinkMs: 3, writePct: 60, ops: 400, events: [{ t: 100, type: 'crash', node: 0 }, { t: 300, type: 'recover', node: 0 }] },
  },
  {
    id: 'split-brain',
    title: 'Split brain without fencing',
    description: 'A partition cuts the leader n0 off with client 0. The others promote a new leader, but n0 never doubts itself: two leaders take writes at once, and still do after the partition heals.',
    scenario: { ...d, fencing: false, thinkMs: 8, ops: 200, events: isolateLeader },
  },
  {
    id: 'split-brain-fenced',
    title: 'Same partition with fencing',
    description: 'n0\'s lease runs out before the new leader is elected, so it refuses writes; when the partition heals it sees the newer epoch and steps down. Never two leaders serving at once.',
    scenario: { ...d, fencing: true, thinkMs: 8, ops: 200, events: isolateLeader },
  },
];

