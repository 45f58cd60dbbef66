/**
 * The fault vocabulary, one row per fault a scenario script can hold: its type, what it targets, its
 * fields with their limits, a one-line doc, a menu label, whether it is a no-op in a node's state, and the
 * engine fault it becomes (./faults.ts applies that). Everything else is derived from this table: each
 * lab's event specs and validation (../labs/faultEvents.ts), the engine's check and scheduling
 * (./faultCheck.ts, ./scenario.ts), fault menus (./faultMenu.ts) and the random swarm scripts of the
 * property tests (./faultScript.ts). A lab picks the rows it supports; adding a fault is one row here
 * (and its case in ./faults.ts when the engine needs a new verb).
 *
 * Amounts of time (`ms` fields) are in the scenario's unit of `t`, which is the millisecond in every lab
 * (the engine's own tests count ticks, ticksPerUnit 1); the engine converts them with ticksPerUnit.
 * Node ids (`node`, `from`, `to`) run 0..nodes-1 of the cluster the scenario builds.
 */
import type { Rng } from '../core/random/rng';
import type { Fault } from './faults';
import { DRIFT_PPM_MAX } from './localClock';
import { type NodeStatusCode, type NodeVerb, nodeTransition } from './nodeLifecycle';
import { toPpm } from './probability';

/** The fields of each fault event besides `t` and `type` (limits in FAULT_TABLE below). */
interface FaultFields {
  crash: { node: number };
  recover: { node: number };
  pause: { node: number };
  resume: { node: number };
  isolate: { node: number };
  /** Groups "0,1|2,3,4": node ids, ',' within a group, '|' between (nodes listed nowhere form one more group). */
  partition: { groups: string };
  heal: object;
  cut: { from: number; to: number };
  healLink: { from: number; to: number };
  slow: { from: number; to: number; ms: number };
  lossy: { from: number; to: number; loss: number };
  duplicating: { from: number; to: number; dup: number };
  clockJump: { node: number; ms: number };
  skew: { node: number; ms: number };
  drift: { node: number; ppm: number };
}
export type FaultEventType = keyof FaultFields;
/** A scripted fault of one of the types T: a lab's script type is `FaultEventOf<'crash' | 'recover'>` plus its own. */
export type FaultEventOf<T extends FaultEventType = FaultEventType> = { [K in T]: { t: number; type: K } & FaultFields[K] }[T];
export type FaultEvent = FaultEventOf;

/** What a fault acts on, so a stage knows where to offer it: a node, a directed link, groups, the cluster. */
export type FaultTarget = 'node' | 'link' | 'groups' | 'cluster';

/** A node id field (0..nodes-1 of the cluster). */
export interface NodeIdField { key: 'node' | 'from' | 'to'; kind: 'node'; label: string; help: string }
/** Partition groups as text, "0,1|2": ids, ',' within a group, '|' between groups, spaces allowed. */
export interface GroupsField { key: 'groups'; kind: 'groups'; label: string; help: string; maxLength: number; pattern: RegExp }
/** A bounded amount; `draw` is its random value in swarm scripts (a mild one, not the limit). */
export interface AmountField {
  key: 'ms' | 'loss' | 'dup' | 'ppm';
  kind: 'int' | 'number';
  label: string;
  help: string;
  min: number;
  max: number;
  unit?: string;
  draw(r: Rng): number;
}
export type FaultField = NodeIdField | GroupsField | AmountField;

export interface FaultKind {
  type: FaultEventType;
  target: FaultTarget;
  /** What the fault is called in a list of event types ("Crash node"). */
  label: string;
  /** A menu item with the event's fields in braces: "Crash {node}" (a node field is filled with its name, "n1"). */
  menu: string;
  /** One line: what happens. */
  doc: string;
  fields: readonly FaultField[];
  /** For node run-state faults: the verb of the engine's state machine (./nodeLifecycle.ts). */
  verb?: NodeVerb;
  /** The fault that undoes this one (same node or link, amounts 0), for swarm scripts; none for clock faults. */
  undo?: FaultEventType;
  /** The engine fault of an event whose fields passed the checks (./faultCheck.ts). */
  toFault(event: Readonly<Record<string, unknown>>, ticksPerUnit: number): Fault;
}

/** Largest clock jump or skew, and largest extra delay of a slow link, in the scenario's unit (ms). */
export const CLOCK_MS_MAX = 100_000;
export const SLOW_MS_MAX = 60_000;

/**
 * Partition groups as text: node ids (digits) joined by ',' within a group and '|' between groups, spaces
 * allowed around each id. Exactly what ./partition.ts parseGroups reads: no empty item ("3| ", "1,|2").
 */
export const GROUPS_PATTERN = / *[0-9]+ *(?:, *[0-9]+ *)*(?:\| *[0-9]+ *(?:, *[0-9]+ *)*)*/;

const nodeId = (key: NodeIdField['key'], label: string, help: string): NodeIdField => ({ key, kind: 'node', label, help });
const node = nodeId('node', 'Node', 'Node index (n3 is 3).');
const from = nodeId('from', 'From', 'Sending node of the link.');
const to = nodeId('to', 'To', 'Receiving node of the link.');
const groups: GroupsField = {
  key: 'groups', kind: 'groups', label: 'Groups', maxLength: 64, pattern: GROUPS_PATTERN,
  help: 'Groups of nodes that can still talk, "0,1|2,3"; unlisted nodes form one more group.',
};
const clockMs = (label: string, help: string): AmountField => ({
  key: 'ms', kind: 'number', label, help, min: -CLOCK_MS_MAX, max: CLOCK_MS_MAX, unit: 'ms', draw: (r) => r.range(-1000, 1000),
});

const num = (event: Readonly<Record<string, unknown>>, key: string) => event[key] as number;
const ticksOf = (event: Readonly<Record<string, unknown>>, ticksPerUnit: number) => Math.round(num(event, 'ms') * ticksPerUnit);
const verbRow = (verb: NodeVerb, label: string, doc: string, undo?: FaultEventType): FaultKind => ({
  type: verb, target: 'node', label, menu: `${label.split(' ')[0]} {node}`, doc, fields: [node], verb, undo,
  toFault: (e) => ({ type: verb, node: num(e, 'node') }),
});

export const FAULT_TABLE: Readonly<Record<FaultEventType, FaultKind>> = {
  crash: verbRow('crash', 'Crash node', 'The node stops: its memory and timers are lost, its disk survives, arriving messages are dropped.', 'recover'),
  recover: verbRow('recover', 'Recover node', 'A crashed node restarts from its disk (a new incarnation).'),
  pause: verbRow('pause', 'Pause node', 'The node freezes (a long GC pause): arriving messages and timers wait until it resumes.', 'resume'),
  resume: verbRow('resume', 'Resume node', 'A paused node handles what it held, in arrival order, believing what it believed before.'),
  isolate: {
    type: 'isolate', target: 'node', label: 'Isolate node', menu: 'Isolate {node}', fields: [node], undo: 'heal',
    doc: 'Cut every link to and from the node (a partition of it alone: replaces earlier cuts).',
    toFault: (e) => ({ type: 'partition', groups: [[num(e, 'node')]] }),
  },
  partition: {
    type: 'partition', target: 'groups', label: 'Partition', menu: 'Partition {groups}', fields: [groups], undo: 'heal',
    doc: 'Cut every link between groups, both ways (replaces earlier cuts).',
    toFault: (e) => ({ type: 'partition', groups: e.groups as string }),
  },
  heal: {
    type: 'heal', target: 'cluster', label: 'Heal', menu: 'Heal all links', fields: [],
    doc: 'Restore every link.',
    toFault: () => ({ type: 'heal' }),
  },
  cut: {
    type: 'cut', target: 'link', label: 'Cut link', menu: 'Cut {from} → {to}', fields: [from, to], undo: 'healLink',
    doc: 'Cut one direction of a link: from -> to stops, to -> from keeps working.',
    toFault: (e) => ({ type: 'cut', from: num(e, 'from'), to: num(e, 'to') }),
  },
  healLink: {
    type: 'healLink', target: 'link', label: 'Heal link', menu: 'Heal {from} → {to}', fields: [from, to],
    doc: 'Restore one direction of a link.',
    toFault: (e) => ({ type: 'heal', from: num(e, 'from'), to: num(e, 'to') }),
  },
  slow: {
    type: 'slow', target: 'link', label: 'Slow link', menu: 'Slow {from} → {to} by {ms} ms', undo: 'slow',
    fields: [from, to, {
      key: 'ms', kind: 'number', label: 'Extra delay', help: 'Added to every later message of the link (0 ends it).',
      min: 0, max: SLOW_MS_MAX, unit: 'ms', draw: (r) => r.range(1, 100),
    }],
    doc: 'Every later message from -> to takes this much longer (0 ends it); messages in flight keep their time.',
    toFault: (e, k) => ({ type: 'slow', from: num(e, 'from'), to: num(e, 'to'), ticks: ticksOf(e, k) }),
  },
  lossy: {
    type: 'lossy', target: 'link', label: 'Lossy link', menu: 'Make {from} → {to} lose {loss}', undo: 'lossy',
    fields: [from, to, {
      key: 'loss', kind: 'number', label: 'Loss', help: 'Probability that a later message of the link is lost (0 ends it).',
      min: 0, max: 1, draw: (r) => r.range(1, 50) / 100,
    }],
    doc: 'Every later message from -> to is also lost with this probability (0 ends it).',
    toFault: (e) => ({ type: 'lossy', from: num(e, 'from'), to: num(e, 'to'), ppm: toPpm(num(e, 'loss'), 'loss') }),
  },
  duplicating: {
    type: 'duplicating', target: 'link', label: 'Duplicating link', menu: 'Make {from} → {to} duplicate {dup}', undo: 'duplicating',
    fields: [from, to, {
      key: 'dup', kind: 'number', label: 'Duplicates', help: 'Probability that a later message of the link is delivered twice (0 ends it).',
      min: 0, max: 1, draw: (r) => r.range(1, 50) / 100,
    }],
    doc: 'Every later message from -> to also gets a second copy with this probability (0 ends it): at-least-once delivery.',
    toFault: (e) => ({ type: 'duplicating', from: num(e, 'from'), to: num(e, 'to'), ppm: toPpm(num(e, 'dup'), 'dup') }),
  },
  clockJump: {
    type: 'clockJump', target: 'node', label: 'Clock jump', menu: 'Jump {node} clock by {ms} ms',
    fields: [node, clockMs('Jump', 'Steps the clock by this much, either sign (timers are not moved).')],
    doc: "Step the node's clock forward or back, as an NTP step would; its timers keep their true times.",
    toFault: (e, k) => ({ type: 'clockJump', node: num(e, 'node'), ticks: ticksOf(e, k) }),
  },
  skew: {
    type: 'skew', target: 'node', label: 'Clock skew', menu: 'Set {node} clock offset to {ms} ms',
    fields: [node, clockMs('Offset', "The node's clock reads true time plus this.")],
    doc: "Set the node's clock offset from true time (local - true).",
    toFault: (e, k) => ({ type: 'skew', node: num(e, 'node'), ticks: ticksOf(e, k) }),
  },
  drift: {
    type: 'drift', target: 'node', label: 'Clock drift', menu: 'Drift {node} clock by {ppm} ppm',
    fields: [node, {
      key: 'ppm', kind: 'int', label: 'Drift', help: 'Extra local ticks per million true ones, either sign.',
      min: -DRIFT_PPM_MAX, max: DRIFT_PPM_MAX, unit: 'ppm', draw: (r) => r.range(-200_000, 200_000),
    }],
    doc: "Make the node's clock run fast or slow from now on; its timers stretch or shrink with it.",
    toFault: (e) => ({ type: 'drift', node: num(e, 'node'), ppm: num(e, 'ppm') }),
  },
};

/** Every fault type, in a stable order (for menus, docs and tests). */
export const FAULT_EVENT_TYPES = Object.keys(FAULT_TABLE) as readonly FaultEventType[];

export function isFaultEventType(type: string): type is FaultEventType {
  return Object.hasOwn(FAULT_TABLE, type);
}

/**
 * True when `type` would change nothing on a node in `status` (the engine ignores it and traces nothing),
 * so a menu greys it out: recover on an up node, pause on a crashed one. Only run-state faults depend on
 * the node's state; every other fault always applies.
 */
export function isNoOp(type: FaultEventType, status: NodeStatusCode): boolean {
  const verb = FAULT_TABLE[type].verb;
  return verb !== undefined && nodeTransition(status, verb) === undefined;
}
