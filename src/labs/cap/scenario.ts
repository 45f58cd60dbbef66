/**
 * CAP and PACELC on one leaderless register (the quorums lab's store, ../quorums/program.ts): one scenario
 * (cluster, partition, workload, latency) is run five times with the same seed, so every mode sees the same
 * clients, the same operation kinds and the same network draws:
 *
 *   CAP (the cluster cut in two, sides A and B, from partitionMs until healMs; every node holds a copy):
 *     CP     strict majority quorums, ABD write-back, no sloppy quorum: a side without a majority refuses;
 *     AP     W = R = 1: each side reads and writes its own copies, so both serve, and they diverge.
 *   PACELC (N = 3 replicas on n0..n2, the other nodes are fallbacks), each run without the cut (E: latency
 *   against consistency) and with it (P: availability against consistency):
 *     PA/EL  W = R = 1 with a sloppy quorum: one reply is enough; fast, and some reads are stale;
 *     PC/EC  W = R = 2 with ABD write-back: linearizable, and every request waits for a second replica;
 *     PA/EC  the same strict quorums plus a sloppy quorum (fallbacks with hinted handoff, Dynamo's answer
 *            to a partition): without a cut it costs what PC/EC costs.
 *
 * Clients are sticky (client c asks node c mod nodes), so both sides of the cut have clients.
 * Time is in milliseconds.
 */
import type { BaseScenario, ParamSpec, Preset, TextFieldSpec, ValidationIssue } from '../contract';
import { fmt, scenarioSchema, type SchemaParam } from '../scenarioSchema';
import { latencyIssues, latencyParams, type LatencyKind } from '../latencyParams';

export interface CapScenario extends BaseScenario {
  /** Nodes n0..n(nodes-1). 3..9. Default 5. */
  nodes: number;
  /**
   * The nodes on side B of the cut, "3,4" (the rest are side A): distinct ids, not every node. Ids past the
   * cluster are ignored; if none remain, the last node is side B alone. Default "3,4".
   */
  sideB: string;
  /** When the cut starts, ms. 0..600,000. Default 150. */
  partitionMs: number;
  /** When the cut heals, ms; after partitionMs. Default 450. */
  healMs: number;
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
  /** No scripted events: the cut is sideB, partitionMs and healMs. */
  events: [];
}

export const LIMITS = { nodesMin: 3, nodesMax: 9, clientsMax: 8, opsMax: 2000, thinkMsMax: 1000, timeoutMsMax: 10_000, tMax: 600_000 } as const;

/** PACELC runs keep the key on n0..n2 (N = 3), the brief's and Abadi's usual example. */
export const PACELC_N = 3;

const ms = (key: string, label: string, max: number, help: string, min = 0): ParamSpec => ({ key, label, kind: 'number', min, max, unit: 'ms', help });

export const params: readonly ParamSpec[] = [
  { key: 'nodes', label: 'Nodes', kind: 'int', min: LIMITS.nodesMin, max: LIMITS.nodesMax, help: 'Nodes n0, n1, ...; in the CAP runs every node holds a copy of the key.' },
  ms('partitionMs', 'Partition at', LIMITS.tMax, 'When the cut between side A and side B starts (CAP runs only).'),
  ms('healMs', 'Heal at', LIMITS.tMax, 'When the cut heals (CAP runs only).'),
  { key: 'clients', label: 'Clients', kind: 'int', min: 1, max: LIMITS.clientsMax, help: 'Client processes; client c always asks node c mod nodes, so both sides have clients.' },
  { key: 'ops', label: 'Operations', kind: 'int', min: 1, max: LIMITS.opsMax, help: 'Reads and writes over all clients, in each of the eight runs.' },
  { key: 'writePct', label: 'Writes', kind: 'int', min: 0, max: 100, unit: '%', help: 'Percent of operations that write a new value.' },
  ms('thinkMs', 'Think time', LIMITS.thinkMsMax, 'Mean pause of a client between two operations (uniform in 0..2x).'),
  ...latencyParams,
  ms('timeoutMs', 'Timeout', LIMITS.timeoutMsMax, 'A coordinator gives up on a request after this long: a refused request costs the client this wait.', 1),
  { key: 'seed', label: 'Seed', kind: 'int', min: 0, max: 0xffffffff, help: 'Seed of every random stream: another seed gives another run.' },
];

/** Side B of the cut: a text field, edited by the Panel's node picker rather than the parameter form. */
export const sideBParam: TextFieldSpec = {
  key: 'sideB',
  label: 'Side B',
  kind: 'text',
  maxLength: 17,
  pattern: /[0-8](,[0-8])*/,
  patternHelp: 'node ids separated by commas, like "3,4"',
  help: 'The nodes cut off on side B; every other node is on side A.',
};

export const schemaParams: readonly SchemaParam[] = [...params, sideBParam];

/**
 * Side of each node (0 = A, 1 = B) from the scenario's sideB text; throws a message for people on a
 * repeated id or a side A left empty. Ids past the cluster are ignored, and when none remain the last node
 * is side B alone: lowering `nodes` in the form never makes the scenario invalid.
 */
export function sidesOf(sideB: string, nodes: number): Uint8Array {
  const side = new Uint8Array(nodes);
  const seen = new Set<number>();
  for (const item of sideB.split(',')) {
    const id = Number(item);
    if (!(Number.isInteger(id) && id >= 0 && id < LIMITS.nodesMax)) throw new Error(`sideB must list nodes 0..${LIMITS.nodesMax - 1}, got ${item}`);
    if (seen.has(id)) throw new Error(`sideB lists node ${id} twice`);
    seen.add(id);
    if (id < nodes) side[id] = 1;
  }
  const countB = side.reduce((a, b) => a + b, 0);
  if (countB >= nodes) throw new Error(`sideB must leave at least one node on side A, got all ${nodes}`);
  if (countB === 0) side[nodes - 1] = 1;
  return side;
}

/** The sideB text of a side assignment: ids of side B, ascending. */
export function sideBText(side: ArrayLike<number>): string {
  const ids: number[] = [];
  for (let i = 0; i < side.length; i++) if (side[i]) ids.push(i);
  return ids.join(',');
}

export function checkScenario(s: CapScenario): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  try {
    sidesOf(s.sideB, s.nodes);
  } catch (error) {
    issues.push({ path: 'sideB', message: `${(error as Error).message}: pick 1..${s.nodes - 1} nodes for side B` });
  }
  if (s.healMs <= s.partitionMs) issues.push({ path: 'healMs', message: `healMs must be after partitionMs = ${fmt(s.partitionMs)}, got ${fmt(s.healMs)}` });
  issues.push(...latencyIssues(s));
  return issues;
}

export const validate = scenarioSchema<CapScenario>({ params: schemaParams, events: [], eventsMax: 0, tMax: LIMITS.tMax, check: checkScenario });

/** Eight runs of the quorums store: each operation costs at most two rounds to every node, plus the check. */
export function cost(s: CapScenario): number {
  return 8 * s.ops * (4 * s.nodes + 20);
}

/** Simulated time a run is expected to cover (ms): the heal, or the clients' operations, whichever is later. */
export function horizon(s: CapScenario): number {
  const perOp = s.thinkMs + 4 * Math.min(s.latencyMsMax, s.latencyMsMin + 4 * s.latencyMsMean);
  return Math.ceil(Math.max(s.healMs, (s.ops / s.clients) * perOp));
}

export const defaults: CapScenario = {
  nodes: 5,
  sideB: '3,4',
  partitionMs: 150,
  healMs: 450,
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
  events: [],
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
    description: 'n2 alone on side B, with two of the six clients. CP refuses those two clients for the whole cut.',
    scenario: { ...d, nodes: 3, sideB: '2', clients: 6 },
  },
  {
    id: 'pareto-tail',
    title: 'Heavy-tailed network',
    description: 'Pareto hops (scale 1 ms, shape 1.2, cap 200 ms): the latency tails of PACELC\'s three presets pull apart.',
    scenario: { ...d, latency: 'pareto', paretoShape: 1.2, latencyMsMax: 200, timeoutMs: 250 },
  },
];

