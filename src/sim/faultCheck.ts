/**
 * Checks a fault event against the table (./faultTable.ts) and the cluster it will run on: field types and
 * limits, node ids that exist, groups that parse. The engine refuses a bad script with the first issue
 * (./scenario.ts); a lab's validation reports them all with the same words (../labs/faultEvents.ts).
 * Messages name the field, the limit and the value: "events[3].node must be a node n0..n4, got 7".
 */
import { FAULT_TABLE, type FaultField, type FaultEventType } from './faultTable';
import type { Fault } from './faults';
import { groupOf, parseGroups } from './partition';

export interface FaultIssue {
  /** The field: "events[3].node". */
  path: string;
  message: string;
}

/**
 * The first problem of fault event `event` (script index `index`) on a cluster of `nodes`, or undefined.
 * `nodeRange` says which ids exist, in the lab's words (default "a node n0..n4").
 */
export function faultEventIssue(
  event: Readonly<Record<string, unknown>> & { type: FaultEventType },
  index: number,
  nodes: number,
  nodeRange = `a node n0..n${nodes - 1}`,
): FaultIssue | undefined {
  for (const field of FAULT_TABLE[event.type].fields) {
    const path = `events[${index}].${field.key}`;
    const message = fieldIssue(field, event[field.key], path, nodes, nodeRange);
    if (message !== undefined) return { path, message };
  }
  return undefined;
}

/** The engine fault of `event`, its fields checked against a cluster of `nodes`; throws the issue's message. */
export function faultOf(
  event: Readonly<Record<string, unknown>> & { type: FaultEventType },
  index: number,
  nodes: number,
  ticksPerUnit = 1,
): Fault {
  const issue = faultEventIssue(event, index, nodes);
  if (issue) throw new Error(issue.message);
  return FAULT_TABLE[event.type].toFault(event, ticksPerUnit);
}

function fieldIssue(field: FaultField, value: unknown, path: string, nodes: number, nodeRange: string): string | undefined {
  switch (field.kind) {
    case 'node':
      return Number.isInteger(value) && (value as number) >= 0 && (value as number) < nodes ? undefined : `${path} must be ${nodeRange}, got ${String(value)}`;
    case 'groups':
      return groupsIssue(field.maxLength, field.pattern, value, path, nodes);
    default: {
      const isRight = typeof value === 'number' && (field.kind === 'int' ? Number.isInteger(value) : Number.isFinite(value));
      if (isRight && value >= field.min && value <= field.max) return undefined;
      const what = field.kind === 'int' ? 'an integer' : 'a number';
      return `${path} must be ${what} in ${field.min}..${field.max}${field.unit ? ` ${field.unit}` : ''}, got ${String(value)}`;
    }
  }
}

function groupsIssue(maxLength: number, pattern: RegExp, value: unknown, path: string, nodes: number): string | undefined {
  const isText = typeof value === 'string' && value.length <= maxLength && new RegExp(`^(?:${pattern.source})$`).test(value);
  if (!isText) return `${path} must be node ids like "0,1|2,3" (at most ${maxLength} characters), got ${JSON.stringify(value) ?? 'nothing'}`;
  try {
    groupOf(parseGroups(value, nodes), nodes); // refuses a node listed twice now, not when the fault fires
    return undefined;
  } catch (error) {
    return `${path}: ${(error as Error).message}`;
  }
}
