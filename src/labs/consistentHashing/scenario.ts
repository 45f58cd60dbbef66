/**
 * Consistent hashing: keys and nodes hashed onto one circle; a key belongs to the first node point clockwise.
 * The scenario is a ring (nodes, vnodes per node, keys, replicas) and a script of membership changes at
 * integer steps; the program shows what each change moves, beside hash-mod-N on the same keys.
 *
 * Hashing: every position is murmur3 (32-bit) with the scenario's `seed` as murmur seed: node n's v-th point
 * is murmur3(`n${n}#${v}`), key i is murmur3(`key-${i}`). So the seed re-rolls the whole layout, and the same
 * scenario always draws the same circle.
 */
import type { BaseScenario, EventSpec, ParamSpec, Preset, TextFieldSpec, ValidationIssue } from '../contract';
import { KEY_SAMPLE_MAX, KEYS_EXACT_MAX, RING_BINS, SWEEP_VNODES } from './result';
import { fmt, scenarioSchema, type SchemaParam } from '../scenarioSchema';

/** Add a node (it takes the next node index) with a capacity weight (vnodes x weight points). */
export type AddNodeEvent = {
  t: number;
  type: 'add';
  /** Capacity weight 1..10; default 1. */
  weight: number;
};

/** Remove node `node` (a node index in the ring at that step). */
export type RemoveNodeEvent = {
  t: number;
  type: 'remove';
  node: number;
};

/** Set node `node`'s capacity weight (its points become vnodes x weight). */
export type SetWeightEvent = {
  t: number;
  type: 'weight';
  node: number;
  weight: number;
};

export type ConsistentHashingEvent = AddNodeEvent | RemoveNodeEvent | SetWeightEvent;

export interface ConsistentHashingScenario extends BaseScenario {
  /** Initial nodes n0..n(nodes-1), weight 1 each. 1..1000. */
  nodes: number;
  /** Virtual nodes (ring points) per unit of weight. 1..1000. */
  vnodes: number;
  /** Keys key-0..key-(keys-1). 1..1,000,000. */
  keys: number;
  /** Replication factor R: a key lives on the next R distinct nodes clockwise. 1..5. */
  replicas: number;
  /** A key to trace through the ring each step ('' for none). At most 64 printable ASCII characters. */
  lookup: string;
  /** murmur3 seed of every hash: re-rolls node and key positions. 0..2^32-1. */
  seed: number;
  /** Membership changes at integer steps 1..1000, strictly increasing t, at most 100. */
  events: ConsistentHashingEvent[];
}

export const LIMITS = {
  nodesMax: 1000,
  vnodesMax: 1000,
  keysMax: 1_000_000,
  replicasMax: 5,
  weightMax: 10,
  lookupLengthMax: 64,
  eventsMax: 100,
  tMax: 1000,
  /** Ring points (vnodes x weight over live nodes) at any step. */
  pointsMax: 1_500_000,
} as const;

const nodeIndexMax = LIMITS.nodesMax + LIMITS.eventsMax - 1;

export const params: readonly ParamSpec[] = [
  { key: 'nodes', label: 'Nodes', kind: 'int', min: 1, max: LIMITS.nodesMax, help: 'Nodes in the initial ring (n0, n1, ...), weight 1 each.' },
  { key: 'vnodes', label: 'Virtual nodes', kind: 'int', min: 1, max: LIMITS.vnodesMax, unit: 'per node', help: 'Ring points per node (times its weight). More points even out the arcs each node owns.' },
  { key: 'keys', label: 'Keys', kind: 'int', min: 1, max: LIMITS.keysMax, help: 'Keys key-0, key-1, ... hashed onto the ring.' },
  { key: 'replicas', label: 'Replicas (R)', kind: 'int', min: 1, max: LIMITS.replicasMax, help: 'A key is stored on the next R distinct nodes clockwise from its hash.' },
  { key: 'seed', label: 'Seed', kind: 'int', min: 0, max: 0xffffffff, help: 'Seed of every hash: another seed gives another layout.' },
];

/** The lookup key: a text field, edited by the lookup box rather than the parameter form. */
export const lookupParam: TextFieldSpec = {
  key: 'lookup',
  label: 'Lookup key',
  kind: 'text',
  maxLength: LIMITS.lookupLengthMax,
  pattern: /[\x20-\x7e]*/,
  patternHelp: 'printable ASCII text (letters, digits, punctuation, spaces)',
  help: 'A key whose lookup walk (owner and replica set) is shown each step; empty for none.',
};

/** Every scenario field the validator accepts (the contract's params plus the text `lookup`). */
export const schemaParams: readonly SchemaParam[] = [...params, lookupParam];

const nodeField: ParamSpec = { key: 'node', label: 'Node', kind: 'int', min: 0, max: nodeIndexMax, help: 'Node index (n3 is 3).' };
const weightField: ParamSpec = { key: 'weight', label: 'Weight', kind: 'int', min: 1, max: LIMITS.weightMax, help: 'Capacity: the node gets vnodes x weight ring points.' };

export const events: readonly EventSpec[] = [
  { type: 'add', label: 'Add node', help: 'A new node joins with the next index and vnodes x weight points.', fields: [weightField] },
  { type: 'remove', label: 'Remove node', help: 'The node leaves; its keys go to the next node clockwise.', fields: [nodeField] },
  { type: 'weight', label: 'Set weight', help: "Change a node's capacity (its number of ring points).", fields: [nodeField, weightField] },
];

/** Cross-field rules: membership must make sense at every step, and the ring stays within pointsMax. */
export function checkMembership(s: ConsistentHashingScenario): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const weight: number[] = new Array<number>(s.nodes).fill(1);
  let points = s.nodes * s.vnodes;
  let live = s.nodes;
  let previousT = 0;
  for (let i = 0; i < s.events.length; i++) {
    const e = s.events[i];
    const path = `events[${i}]`;
    if (e.t <= previousT) {
      issues.push({ path: `${path}.t`, message: `${path}.t must be after ${previousT} (one event per step, the initial ring is step 0), got ${e.t}` });
      return issues;
    }
    previousT = e.t;
    if (e.type === 'add') {
      weight.push(e.weight);
      points += s.vnodes * e.weight;
      live++;
    } else {
      if (!(e.node < weight.length) || weight[e.node] === 0) {
        const known = weight.length;
        issues.push({ path: `${path}.node`, message: `${path}.node must be a node in the ring at t = ${e.t} (n0..n${known - 1}, not removed), got ${e.node}` });
        return issues;
      }
      if (e.type === 'remove') {
        if (live === 1) {
          issues.push({ path, message: `${path} would remove the last node at t = ${e.t}; a ring needs at least one node` });
          return issues;
        }
        points -= s.vnodes * weight[e.node];
        weight[e.node] = 0;
        live--;
      } else {
        points += s.vnodes * (e.weight - weight[e.node]);
        weight[e.node] = e.weight;
      }
    }
    if (points > LIMITS.pointsMax) {
      issues.push({ path, message: `ring points (vnodes x weight over live nodes) must be at most ${fmt(LIMITS.pointsMax)}; at t = ${e.t} they would be ${fmt(points)}: lower vnodes or weights` });
      return issues;
    }
  }
  return issues;
}

export const validate = scenarioSchema<ConsistentHashingScenario>({
  params: schemaParams,
  events,
  eventsMax: LIMITS.eventsMax,
  tMax: LIMITS.tMax,
  tInteger: true,
  eventDefaults: { add: { weight: 1 } },
  check: checkMembership,
});

/**
 * Work units a run costs, mirroring what the program charges to context.work(): hashing, sorting and
 * assigning keys (3 per key), each frame's fixed part and ring pass, each event's ring rebuild, mod-N pass
 * and moved keys (estimated by the weight shares that change), and the vnode sweeps (bounded by a budget).
 */
export function cost(s: ConsistentHashingScenario): number {
  const shown = s.keys <= KEYS_EXACT_MAX ? s.keys : KEY_SAMPLE_MAX;
  const frameFixed = RING_BINS * 20 + shown * 20;
  const sweepKeys = Math.min(s.keys, SWEEP_KEYS_MAX_FOR_COST);
  const sweepOne = (n: number) => SWEEP_VNODES.reduce((sum, v) => sum + v * n + sweepKeys, 0);
  const weight: number[] = new Array<number>(s.nodes).fill(1);
  let points = s.nodes * s.vnodes;
  let live = s.nodes;
  let work = 3 * s.keys + points + frameFixed + points;
  const sweepPoints = (n: number) => SWEEP_VNODES.reduce((sum, v) => sum + v * n, 0);
  let sweepPointsSpent = sweepPoints(live);
  let sweeps = sweepOne(live);
  for (const e of s.events) {
    const totalBefore = weight.reduce((a, b) => a + b, 0);
    const pointsBefore = points;
    if (e.type === 'add') {
      weight.push(e.weight);
      live++;
    } else if (e.node < weight.length) {
      if (e.type === 'remove' && weight[e.node] > 0) live--;
      weight[e.node] = e.type === 'remove' ? 0 : e.weight;
    }
    const totalAfter = weight.reduce((a, b) => a + b, 0);
    points = s.vnodes * totalAfter;
    const changed = Math.abs((e.type === 'add' ? weight[weight.length - 1] : e.type === 'remove' ? totalBefore - totalAfter : totalAfter - totalBefore));
    const moved = s.keys * (changed / Math.max(totalBefore, totalAfter));
    work += moved + s.keys + pointsBefore + points + frameFixed + points;
    if (sweepPointsSpent + sweepPoints(live) <= SWEEP_COST_BUDGET) {
      sweepPointsSpent += sweepPoints(live);
      sweeps += sweepOne(live);
    }
  }
  return Math.ceil(work + sweeps);
}

/** Mirrors of the program's constants (sweep.ts, program.ts), kept here so scenario.ts stays light. */
export const SWEEP_KEYS_MAX_FOR_COST = 100_000;
export const SWEEP_COST_BUDGET = 8_000_000;

export function horizon(s: ConsistentHashingScenario): number {
  return s.events.length > 0 ? s.events[s.events.length - 1].t : 0;
}

const base = { replicas: 3, lookup: '', seed: 1 };

export const presets: readonly Preset<ConsistentHashingScenario>[] = [
  {
    id: 'mod-n-vs-ring',
    title: 'hash mod N vs the ring',
    description: 'Add a fifth node, then remove one: the ring moves about a fifth of the keys, hash mod N most of them.',
    scenario: { ...base, nodes: 4, vnodes: 100, keys: 5000, events: [{ t: 1, type: 'add', weight: 1 }, { t: 2, type: 'remove', node: 1 }] },
  },
  {
    id: 'few-vnodes',
    title: 'One point per node',
    description: 'Eight nodes with one ring point each: arcs, and so loads, are very uneven.',
    scenario: { ...base, nodes: 8, vnodes: 1, keys: 5000, events: [{ t: 1, type: 'add', weight: 1 }] },
  },
  {
    id: 'many-vnodes',
    title: '200 points per node',
    description: 'The same eight nodes with 200 points each: every node owns close to 1/8 of the keys.',
    scenario: { ...base, nodes: 8, vnodes: 200, keys: 5000, events: [{ t: 1, type: 'add', weight: 1 }] },
  },
  {
    id: 'replicas-lookup',
    title: 'Lookup and replicas',
    description: 'Follow one key clockwise to its owner and its R = 3 replicas, then remove its owner.',
    scenario: { ...base, nodes: 6, vnodes: 3, keys: 500, lookup: 'user:42', events: [{ t: 1, type: 'remove', node: 3 }, { t: 2, type: 'add', weight: 1 }] },
  },
  {
    id: 'weighted',
    title: 'Weighted nodes',
    description: 'Give n0 three times the capacity, then add a node of weight 2: shares follow the weights.',
    scenario: { ...base, nodes: 4, vnodes: 100, keys: 20000, events: [{ t: 1, type: 'weight', node: 0, weight: 3 }, { t: 2, type: 'add', weight: 2 }] },
  },
  {
    id: 'maximum-scale',
    title: 'Maximum scale',
    description: '1,000 nodes x 1,000 vnodes and 10^6 keys: adding or removing a node moves about 0.1% of the keys.',
    scenario: { ...base, nodes: 1000, vnodes: 1000, keys: 1_000_000, events: [{ t: 1, type: 'add', weight: 1 }, { t: 2, type: 'remove', node: 500 }] },
  },
];

export const defaults: ConsistentHashingScenario = {
  nodes: 5,
  vnodes: 50,
  keys: 2000,
  replicas: 3,
  lookup: 'user:42',
  seed: 1,
  events: [{ t: 1, type: 'add', weight: 1 }, { t: 2, type: 'remove', node: 2 }],
};

