/**
 * Quorums: a Dynamo-style leaderless register. One key lives on N replicas (its preference list, nodes
 * 0..n-1); any node coordinates a client request by asking the replicas and waiting for W acks (write) or
 * R replies (read). Options turn on read repair, an ABD-style write-back before a read answers, and a
 * sloppy quorum with hinted handoff (nodes n..nodes-1 are the fallbacks). Faults (crash, recover, pause,
 * resume, isolate, partition, heal, one-way link cuts and their heal) are scripted events, in the engine's
 * vocabulary.
 *
 * Time is in milliseconds (the engine ticks in microseconds). Values written are unique positive integers
 * (the operation's index + 1), so every read names the write it saw.
 */
import type { BaseScenario, EventSpec, ParamSpec, Preset, ValidationIssue } from '../contract';
import { fmt, scenarioSchema } from '../scenarioSchema';
import { checkFaultEvents, faultEventSpecs, type FaultEventOf } from '../faultEvents';
import { checkRequestEvents, requestEventSpec, type ClientRequestEvent } from '../requestEvents';
import { latencyIssues, latencyParams } from '../latencyParams';
import type { StoreSpec } from '../../sim/kit/leaderless/store';
import { BUGS, COORDINATOR_CHOICES } from './result';
import { noWriteBackViolation } from './violations';

/** The faults a quorums script may hold (the engine's fault table); the stage offers each where it applies. */
export const FAULTS = ['crash', 'recover', 'pause', 'resume', 'isolate', 'partition', 'heal', 'cut', 'healLink'] as const;
/** The faults, and a client's one-off request (src/sim/kit/clientRequest.ts). */
export type QuorumsEvent = FaultEventOf<(typeof FAULTS)[number]> | ClientRequestEvent;

/**
 * A quorums scenario is the kit's store spec (StoreSpec in src/sim/kit/leaderless/store.ts documents every
 * field, its meaning and unit) with a seed and a script of faults, within these limits [default]:
 *
 *   nodes 3..9 [5]            n 1..nodes [3]           w, r 1..n [2, 2]          clients 1..8 [3]
 *   ops 1..10,000 [60]        writePct 0..100 [40]     thinkMs 0..1000 [5]       coordinator [random]
 *   latency [uniform]         latencyMsMin, latencyMsMax 0..1000 [1, 10]         latencyMsMean 0.001..1000 [5]
 *   paretoShape 0.1..10 [1.5] loss 0..0.5 [0]          timeoutMs 1..10,000 [50]  readRepair [false]
 *   writeBack [true]          sloppyQuorum [false]     fallbackMs, handoffMs 1..10,000 [15, 20]
 *   bug [none]                seed 0..2^32-1 [1]
 */
export interface QuorumsScenario extends BaseScenario, StoreSpec {
  /** Faults (FAULTS below) and client requests, by time (ms), at most 100. */
  events: QuorumsEvent[];
}

export const LIMITS = {
  nodesMin: 3,
  nodesMax: 9,
  /**
   * Concurrency is what the linearizability search pays for: 10^4 operations of 8 clients check in
   * 1.4 x 10^6 steps (the whole run about 1 s in Node), while 500 operations of 16 clients needed
   * 1.4 x 10^7 (and 2,000 ran out of 5 x 10^7).
   */
  clientsMax: 8,
  /** The issue's scale: a history of 10^4 operations checks and draws (the timeline aggregates per pixel). */
  opsMax: 10_000,
  thinkMsMax: 1000,
  lossMax: 0.5,
  timeoutMsMax: 10_000,
  eventsMax: 100,
  tMax: 600_000,
} as const;

const ms = (key: string, label: string, max: number, help: string, min = 0): ParamSpec => ({ key, label, kind: 'number', min, max, unit: 'ms', help });

export const params: readonly ParamSpec[] = [
  { key: 'nodes', label: 'Nodes', kind: 'int', min: LIMITS.nodesMin, max: LIMITS.nodesMax, help: 'Nodes n0, n1, ... Any node coordinates requests; nodes past the N replicas are sloppy-quorum fallbacks.' },
  { key: 'n', label: 'Replicas (N)', kind: 'int', min: 1, max: LIMITS.nodesMax, help: 'The key lives on n0..n(N-1), its preference list.' },
  { key: 'w', label: 'Write quorum (W)', kind: 'int', min: 1, max: LIMITS.nodesMax, help: 'A write is acknowledged once W replicas stored it.' },
  { key: 'r', label: 'Read quorum (R)', kind: 'int', min: 1, max: LIMITS.nodesMax, help: 'A read waits for R replies and returns the highest version among them.' },
  { key: 'clients', label: 'Clients', kind: 'int', min: 1, max: LIMITS.clientsMax, help: 'Client processes; each runs one operation at a time.' },
  { key: 'ops', label: 'Operations', kind: 'int', min: 1, max: LIMITS.opsMax, help: 'Reads and writes over all clients.' },
  { key: 'writePct', label: 'Writes', kind: 'int', min: 0, max: 100, unit: '%', help: 'Percent of operations that write a new value.' },
  ms('thinkMs', 'Think time', LIMITS.thinkMsMax, 'Mean pause of a client between two operations (uniform in 0..2x).'),
  { key: 'coordinator', label: 'Coordinator', kind: 'enum', options: COORDINATOR_CHOICES, help: 'random: a random node coordinates each operation; sticky: client c always asks node c mod nodes.' },
  ...latencyParams,
  { key: 'loss', label: 'Message loss', kind: 'number', min: 0, max: LIMITS.lossMax, help: 'Probability that a message is lost.' },
  ms('timeoutMs', 'Timeout', LIMITS.timeoutMsMax, 'A coordinator gives up on a request after this long; the client then does not know whether a write took effect.', 1),
  { key: 'readRepair', label: 'Read repair', kind: 'boolean', help: 'After answering, the coordinator sends the chosen version to replicas that replied with an older one.' },
  { key: 'writeBack', label: 'Write-back before answering (ABD)', kind: 'boolean', help: 'A read stores the version it chose on W replicas before answering: with W + R > N reads become linearizable.' },
  { key: 'sloppyQuorum', label: 'Sloppy quorum', kind: 'boolean', help: 'A silent preferred replica is replaced by a fallback node, which keeps a hint and hands the value over when the replica is reachable again.' },
  ms('fallbackMs', 'Fallback after', LIMITS.timeoutMsMax, 'Sloppy quorum: how long a preferred replica may stay silent before a fallback is asked.', 1),
  ms('handoffMs', 'Handoff retry', LIMITS.timeoutMsMax, 'Sloppy quorum: how often a fallback tries to hand its hints over.', 1),
  { key: 'bug', label: 'Broken coordinator', kind: 'enum', options: BUGS, help: 'none: correct; first-reply: a read returns the first reply, not the highest version; early-ack: a write is acknowledged after one ack instead of W.' },
  { key: 'seed', label: 'Seed', kind: 'int', min: 0, max: 0xffffffff, help: 'Seed of every random stream: another seed gives another run.' },
];

export const events: readonly EventSpec[] = [...faultEventSpecs(FAULTS, {
  nodeMax: LIMITS.nodesMax - 1,
  help: {
    crash: 'The node stops; what it stored survives on its disk, requests it coordinated are lost.',
    recover: 'The node restarts with what it stored (and the hints it holds).',
  },
}), requestEventSpec({ clientsMax: LIMITS.clientsMax })];

/** Cross-field rules: the quorums fit in N, N fits in the cluster, latency range, events name real nodes. */
export function checkScenario(s: QuorumsScenario): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (s.n > s.nodes) issues.push({ path: 'n', message: `n (replicas) must be at most nodes = ${s.nodes}, got ${s.n}: lower n or add nodes` });
  for (const key of ['w', 'r'] as const) {
    if (s[key] > s.n) {
      issues.push({ path: key, message: `${key.toUpperCase()} must be 1..N = ${s.n} (a quorum cannot need more replicas than hold the key), got ${s[key]}` });
    }
  }
  issues.push(...latencyIssues(s));
  if (s.sloppyQuorum && s.fallbackMs >= s.timeoutMs) {
    issues.push({ path: 'fallbackMs', message: `fallbackMs must be below timeoutMs = ${fmt(s.timeoutMs)} (a fallback is asked before the request gives up), got ${fmt(s.fallbackMs)}` });
  }
  issues.push(...checkFaultEvents(s.events, s.nodes));
  issues.push(...checkRequestEvents(s.events, s.clients));
  return issues;
}

export const validate = scenarioSchema<QuorumsScenario>({
  params,
  events,
  eventsMax: LIMITS.eventsMax,
  tMax: LIMITS.tMax,
  check: checkScenario,
});

/** Work units: each operation costs at most two rounds of messages to every node, plus the check. */
export function cost(s: QuorumsScenario): number {
  return s.ops * (4 * s.nodes + 20) + s.events.length;
}

/** Simulated time the run is expected to cover (ms): the script, or the clients' operations, whichever is later. */
export function horizon(s: QuorumsScenario): number {
  const lastEvent = s.events.length > 0 ? s.events[s.events.length - 1].t : 0;
  const perOp = s.thinkMs + 4 * s.latencyMsMax;
  return Math.ceil(Math.max(lastEvent, (s.ops / s.clients) * perOp));
}

export const defaults: QuorumsScenario = {
  nodes: 5,
  n: 3,
  w: 2,
  r: 2,
  clients: 3,
  ops: 60,
  writePct: 40,
  thinkMs: 5,
  coordinator: 'random',
  latency: 'uniform',
  latencyMsMin: 1,
  latencyMsMax: 10,
  latencyMsMean: 5,
  paretoShape: 1.5,
  loss: 0,
  timeoutMs: 50,
  readRepair: false,
  writeBack: true,
  sloppyQuorum: false,
  fallbackMs: 15,
  handoffMs: 20,
  bug: 'none',
  seed: 1,
  events: [],
};

const d = defaults;
const crashAndBack: QuorumsEvent[] = [
  { t: 60, type: 'crash', node: 2 },
  { t: 160, type: 'recover', node: 2 },
];

export const presets: readonly Preset<QuorumsScenario>[] = [
  {
    id: 'abd',
    title: 'W + R > N with ABD',
    description: 'N = 3, W = R = 2, and every read writes its value back to W replicas before answering: every read and write set overlap, and the history is linearizable even when n2 crashes.',
    scenario: { ...d, events: crashAndBack },
  },
  {
    id: 'no-write-back',
    title: 'W + R > N without write-back',
    description: 'N = 3, W = 3, R = 1 under pauses, a partition and crashes. A write that timed out reached one replica; a read saw its value, and a later read by the same client, asking another replica, saw an older one. Overlapping quorums alone are not linearizability; turn on the write-back and the history checks.',
    scenario: noWriteBackViolation,
  },
  {
    id: 'w1-r1',
    title: 'W = R = 1',
    description: 'One ack, one reply, over slow links (1..100 ms): a read can ask a replica the last write has not reached yet, so some reads are stale. Read repair narrows the window; it cannot close it.',
    scenario: { ...d, w: 1, r: 1, writeBack: false, readRepair: true, clients: 4, writePct: 50, latencyMsMax: 100, timeoutMs: 300 },
  },
  {
    id: 'sloppy-partition',
    title: 'Sloppy quorum under partition',
    description: 'A partition cuts n0 and n1 away from n2..n4, and both sides keep writing: n0 and n1 are two of the three replicas, n2 writes with the fallbacks n3, n4 standing in (they keep hints). Reads through n2 miss the other side’s writes; after the heal the fallbacks hand their hints over.',
    scenario: {
      ...d,
      seed: 2,
      writeBack: false,
      sloppyQuorum: true,
      coordinator: 'sticky',
      events: [
        { t: 40, type: 'partition', groups: '0,1|2,3,4' },
        { t: 200, type: 'heal' },
      ],
    },
  },
];

