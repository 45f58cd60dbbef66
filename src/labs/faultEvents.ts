/**
 * The fault events the replication labs script, in the engine's vocabulary (src/sim/faults.ts): crash,
 * recover, pause, resume, partition into groups, heal. One place for their types, their event fields,
 * the cross-field check against the cluster's size, and the random fault script the swarm property tests
 * draw (so every lab's seeds mean the same kind of trouble).
 */
import type { Rng } from '../core/random/rng';
import { groupOf, parseGroups } from '../sim/partition';
import type { ParamSpec, TextFieldSpec, ValidationIssue } from './contract';

export type NodeFaultEvent = { t: number; type: 'crash' | 'recover' | 'pause' | 'resume'; node: number };
/** Cut the cluster into groups, "0,1|2,3,4" (nodes listed nowhere form one more group). */
export type PartitionEvent = { t: number; type: 'partition'; groups: string };
/** Restore every link. */
export type HealEvent = { t: number; type: 'heal' };
export type FaultEvent = NodeFaultEvent | PartitionEvent | HealEvent;

/** The `node` field of a node event: 0..count-1. */
export function nodeField(count: number, help: string, label = 'Node'): ParamSpec {
  return { key: 'node', label, kind: 'int', min: 0, max: count - 1, help };
}

/** The `groups` field of a partition event. */
export function groupsField(help: string, patternHelp: string, maxLength = 64): TextFieldSpec {
  return { key: 'groups', label: 'Groups', kind: 'text', maxLength, pattern: /[0-9,| ]+/, patternHelp, help };
}

/**
 * Events that name a node must name one of the `count` that exist, and partition groups must parse over
 * them. `unit` names them in messages ("a node n0..n4", "a region 0..2").
 */
export function checkFaultEvents(events: readonly { type: string; node?: number; groups?: string }[], count: number, unit: 'node' | 'region' = 'node'): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const range = unit === 'node' ? `a node n0..n${count - 1}` : `a region 0..${count - 1}`;
  events.forEach((e, i) => {
    if (e.node !== undefined && e.node >= count) {
      issues.push({ path: `events[${i}].node`, message: `events[${i}].node must be ${range}, got ${e.node}` });
    }
    if (e.type === 'partition' && e.groups !== undefined) {
      try {
        groupOf(parseGroups(e.groups, count), count);
      } catch (error) {
        issues.push({ path: `events[${i}].groups`, message: `events[${i}].groups: ${(error as Error).message}` });
      }
    }
  });
  return issues;
}

/**
 * Appends 0..4 random faults to `events`, each at a time in [0, spanMs] and undone 10..150 ms later:
 * a crash and its recovery, a pause and its resume, or a random two-sided partition and its heal.
 */
export function pushRandomFaults(r: Rng, nodes: number, spanMs: number, events: FaultEvent[]): void {
  const count = r.range(0, 4);
  for (let i = 0; i < count; i++) {
    const t = r.range(0, spanMs);
    const until = t + r.range(10, 150);
    const node = r.int(nodes);
    switch (r.int(3)) {
      case 0:
        events.push({ t, type: 'crash', node }, { t: until, type: 'recover', node });
        break;
      case 1:
        events.push({ t, type: 'pause', node }, { t: until, type: 'resume', node });
        break;
      default: {
        const ids = r.shuffle(Array.from({ length: nodes }, (_, k) => k));
        const cut = r.range(1, nodes - 1);
        events.push({ t, type: 'partition', groups: `${ids.slice(0, cut).join(',')}|${ids.slice(cut).join(',')}` }, { t: until, type: 'heal' });
      }
    }
  }
}

/** Events sorted by time; a stable sort keeps each fault before its undo at equal times. */
export function byTime<E extends { t: number }>(events: readonly E[]): E[] {
  return events.map((e, i) => ({ e, i })).sort((a, b) => a.e.t - b.e.t || a.i - b.i).map((x) => x.e);
}
