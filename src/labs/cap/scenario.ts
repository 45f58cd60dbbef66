/**
 * CAP and PACELC on one leaderless register (the kit's store, src/sim/kit/leaderless, which the quorums lab
 * also runs): one scenario (cluster, workload, latency, and a script of faults) is run eight times with the
 * same seed, so every mode sees the same clients, the same operation kinds and the same network draws:
 *
 *   CAP (the script as written; every node holds a copy):
 *     CP     strict majority quorums, ABD write-back, no sloppy quorum: a side without a majority refuses;
 *     AP     W = R = 1: each side reads and writes its own copies, so both serve, and they diverge.
 *   PACELC (N = 3 replicas on n0..n2, the other nodes are fallbacks), each run without the script's cuts
 *   (E: latency against consistency) and with them (P: availability against consistency):
 *     PA/EL  W = R = 1 with a sloppy quorum: one reply is enough; fast, and some reads are stale;
 *     PC/EC  W = R = 2 with ABD write-back: linearizable, and every request waits for a second replica;
 *     PA/EC  the same strict quorums plus a sloppy quorum (fallbacks with hinted handoff, Dynamo's answer
 *            to a partition): without a cut it costs what PC/EC costs.
 *
 * The script holds the engine's faults (crash, recover, pause, resume, isolate, partition, heal); the
 * default cuts n3, n4 off from 150 to 450 ms. A request's side is the group its coordinator was in when it
 * was asked: the majority side (a group holding more than half the nodes, or the whole cluster when
 * nothing is cut) or a minority side. Clients are sticky (client c asks node c mod nodes), so every side
 * has clients. Time is in milliseconds.
 *
 * Schema 2 (this one) replaced schema 1's cut parameters (sideB, partitionMs, healMs) by the script:
 * ./migrations.ts turns an old link's cut into a partition and a heal, which run exactly as before.
 */
import type { BaseScenario, EventSpec, ParamSpec, Preset, ValidationIssue } from '../contract';
import { checkFaultEvents, faultEventSpecs, type FaultEventOf } from '../faultEvents';
import { checkRequestEvents, requestEventSpec, type ClientRequestEvent } from '../requestEvents';
import { scenarioSchema } from '../scenarioSchema';
import { latencyIssues, latencyParams, type LatencyKind } from '../latencyParams';

/** The faults a CAP script may hold (the engine's fault table); the last three are the network's. */
export const FAULTS = ['crash', 'recover', 'pause', 'resume', 'isolate', 'partition', 'heal'] as const;
/** The faults, and a client's one-off request (src/sim/kit/clientRequest.ts). */
export type CapEvent = FaultEventOf<(typeof FAULTS)[number]> | ClientRequestEvent;

/** Fault types that cut or heal links: PACELC's E runs leave them out (no partition, "else"). */
export const NETWORK_FAULTS: readonly string[] = ['isolate', 'partition', 'heal'];

export interface CapScenario extends BaseScenario {
  /** Nodes n0..n(nodes-1). 3..9. Default 5. */
  nodes: number;
  /** Client processes; client c asks node c mod nodes. 1..8. Default 5. */
  clients: number;
  /** Operations over all clients, per mode. 1..2000. Default 300. */
  ops: number;
  /** Percent of operations that write. 0..100. Default 30. */
  writePct: number;
  /** Mean pause of a client between operations (uniform 0..2x mean), ms. 0..1000. Default 5. */
  thinkMs: number;
  /** How one network hop's delay is drawn (as in the quorums lab). Default 'exponential'. */
  latency: LatencyKind;
  /** Uniform: shortest hop; exponential: floor; Pareto: scale. ms, 0..1000. Default 1. */
  latencyMsMin: number;
  /** Exponential: mean of the delay added to the floor, ms. 0.001..1000. Default 3. */
  latencyMsMean: number;
  /** Uniform: longest hop; exponential and Pareto: cap. ms, 0..1000. Default 100. */
  latencyMsMax: number;
  /** Pareto shape, 0.1..10. Default 1.5. */
  paretoShape: number;
  /** A coordinator gives up on a request after this long, ms. 1..10,000. Default 60. */
  timeoutMs: number;
  seed: number;
  /** Faults by time (ms), at most 100. Default: partition "3,4" at 150, heal at 450. */
  events: CapEvent[];
}

export const LIMITS = { nodesMin: 3, nodesMax: 9, clientsMax: 8, opsMax: 2000, thinkMsMax: 1000, timeoutMsMax: 10_000, eventsMax: 100, tMax: 600_000 } as const;

/** PACELC runs keep the key on n0..n2 (N = 3), the brief's and Abadi's usual example. */
export const PACELC_N = 3;

const ms = (key: string, label: string, max: number, help: string, min = 0): ParamSpec => ({ key, label, kind: 'number', min, max, unit: 'ms', help });

export const params: readonly ParamSpec[] = [
  { key: 'nodes', label: 'Nodes', kind: 'int', min: LIMITS.nodesMin, max: LIMITS.nodesMax, help: 'Nodes n0, n1, ...; in the CAP runs every node holds a copy of the key.' },
  { key: 'clients', label: 'Clients', kind: 'int', min: 1, max: LIMITS.clientsMax, help: 'Client processes; client c always asks node c mod nodes, so every side has clients.' },
  { key: 'ops', label: 'Operations', kind: 'int', min: 1, max: LIMITS.opsMax, help: 'Reads and writes over all clients, in each of the eight runs.' },
  { key: 'writePct', label: 'Writes', kind: 'int', min: 0, max: 100, unit: '%', help: 'Percent of operations that write a new value.' },
  ms('thinkMs', 'Think time', LIMITS.thinkMsMax, 'Mean pause of a client between two operations (uniform in 0..2x).'),
  ...latencyParams,
  ms('timeoutMs', 'Timeout', LIMITS.timeoutMsMax, 'A coordinator gives up on a request after this long: a refused request costs the client this wait.', 1),
  { key: 'seed', label: 'Seed', kind: 'int', min: 0, max: 0xffffffff, help: 'Seed of every random stream: another seed gives another run.' },
];

export const events: readonly EventSpec[] = [...faultEventSpecs(FAULTS, {
  nodeMax: LIMITS.nodesMax - 1,
  help: {
    crash: 'The node stops; its copy survives on its disk, requests it coordinated are lost, its clients are refused.',
    recover: 'The node restarts with the copy it stored.',
  },
}), requestEventSpec({ clientsMax: LIMITS.clientsMax })];

export function checkScenario(s: CapScenario): ValidationIssue[] {
  return [...latencyIssues(s), ...checkFaultEvents(s.events, s.nodes), ...checkRequestEvents(s.events, s.clients)];
}

export const validate = scenarioSchema<CapScenario>({ params, events, eventsMax: LIMITS.eventsMax, tMax: LIMITS.tMax, check: checkScenario });

/** Eight runs of the store: each operation costs at most two rounds to every node, plus the check. */
export function cost(s: CapScenario): number {
  return 8 * s.ops * (4 * s.nodes + 20) + s.events.length;
}

/** Simulated time a run is expected to cover (ms): the script, or the clients' operations, whichever is later. */
export function horizon(s: CapScenario): number {
  const lastEvent = s.events.length > 0 ? s.events[s.events.length - 1].t : 0;
  const perOp = s.thinkMs + 4 * Math.min(s.latencyMsMax, s.latencyMsMin + 4 * s.latencyMsMean);
  return Math.ceil(Math.max(lastEvent, (s.ops / s.clients) * perOp));
}

/** The cut every preset starts from: nodes `groups` apart from the rest, from 150 to 450 ms. */
export function cutScript(groups: string, fromMs = 150, toMs = 450): CapEvent[] {
  return [
    { t: fromMs, type: 'partition', groups },
    { t: toMs, type: 'heal' },
  ];
}

export const defaults: CapScenario = {
  nodes: 5,
  clients: 5,
  ops: 300,
  writePct: 30,
  thinkMs: 5,
  latency: 'exponential',
  latencyMsMin: 1,
  latencyMsMean: 3,
  latencyMsMax: 100,
  paretoShape: 1.5,
  timeoutMs: 60,
  seed: 1,
  events: cutScript('3,4'),
};

const d = defaults;

export const presets: readonly Preset<CapScenario>[] = [
  {
    id: 'two-three',
    title: 'Five nodes cut 3 | 2',
    description: 'n3 and n4 are cut off from 150 to 450 ms. CP keeps serving on the three-node side only; AP serves both sides and they diverge.',
    scenario: d,
  },
  {
    id: 'lone-node',
    title: 'Three nodes, one cut off',
    description: 'n2 alone on the minority side, with two of the six clients. CP refuses those two clients for the whole cut.',
    scenario: { ...d, nodes: 3, clients: 6, events: cutScript('2') },
  },
  {
    id: 'pareto-tail',
    title: 'Heavy-tailed network',
    description: 'Pareto hops (scale 1 ms, shape 1.2, cap 200 ms): the latency tails of PACELC\'s three presets pull apart.',
    scenario: { ...d, latency: 'pareto', paretoShape: 1.2, latencyMsMax: 200, timeoutMs: 250 },
  },
];
