/**
 * A lab's fault events, derived from the engine's fault table (src/sim/faultTable.ts): the lab names the
 * fault types it supports and gets their EventSpecs (what validation, the link codec and forms read) and
 * the check of a script against its cluster (node ids that exist, groups that parse), in the words the
 * engine uses when it schedules them. Lab-specific events (a salt, a node joining) stay in the lab.
 *
 *   export const events = faultEventSpecs(['crash', 'recover', 'partition', 'heal'], { nodeMax: 8 });
 *   issues.push(...checkFaultEvents(s.events, s.nodes));
 */
import { faultEventIssue } from '../sim/faultCheck';
import { FAULT_TABLE, type FaultEventType, type FaultField, isFaultEventType } from '../sim/faultTable';
import type { EventFieldSpec, EventSpec, ValidationIssue } from './contract';

export type { FaultEvent, FaultEventOf, FaultEventType } from '../sim/faultTable';
// For the app and lab UIs, which reach the table through here (they may not import sim): menus and labels.
export { FAULT_TABLE, isNoOp } from '../sim/faultTable';
export { type FaultDraft, type FaultMenuItem, type NodeName, faultLabel, linkFaultMenu, nodeFaultMenu } from '../sim/faultMenu';
export { NodeStatus, type NodeStatusCode } from '../sim/nodeLifecycle';

export interface FaultSpecOptions {
  /** Largest id a node field takes: the lab's node limit - 1 (partitioning: the directory's index). */
  nodeMax: number;
  /** What a fault targets in this lab: nodes (n3) or regions (region 3, through its leader). Default 'node'. */
  noun?: 'node' | 'region';
  /** Help of the node field, when the lab numbers its nodes in its own way. */
  nodeHelp?: string;
  /** Longest partition groups text. Default the table's (64). */
  groupsMaxLength?: number;
  /** The lab's own label or sentence for a type (what the fault means there), instead of the table's. */
  label?: Partial<Record<FaultEventType, string>>;
  help?: Partial<Record<FaultEventType, string>>;
}

/** The EventSpecs of `types`, in that order, with node ids bounded by `options.nodeMax`. */
export function faultEventSpecs(types: readonly FaultEventType[], options: FaultSpecOptions): EventSpec[] {
  return types.map((type) => {
    const kind = FAULT_TABLE[type];
    return {
      type,
      label: options.label?.[type] ?? kind.label,
      help: options.help?.[type] ?? kind.doc,
      fields: kind.fields.map((field) => fieldSpec(field, options)),
    };
  });
}

/** The fault types among a lab's event specs (`spec.events`), in its order: what its menus may offer. */
export function labFaultTypes(events: readonly EventSpec[]): FaultEventType[] {
  return events.map((e) => e.type).filter(isFaultEventType);
}

/**
 * Issues of the fault events of a script (other events are the lab's to check) on a cluster of `nodes`:
 * every node id in 0..nodes-1, groups that parse over them. `nodeRange` says which ids exist in the lab's
 * words (default "a node n0..n4").
 */
export function checkFaultEvents(events: readonly { type: string }[], nodes: number, nodeRange?: string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  events.forEach((event, index) => {
    if (!isFaultEventType(event.type)) return;
    const issue = faultEventIssue(event as { type: FaultEventType }, index, nodes, nodeRange);
    if (issue) issues.push(issue);
  });
  return issues;
}

function fieldSpec(field: FaultField, options: FaultSpecOptions): EventFieldSpec {
  const noun = options.noun ?? 'node';
  switch (field.kind) {
    case 'node': {
      const isRegion = noun === 'region' && field.key === 'node';
      const label = isRegion ? 'Region' : field.label;
      const help = field.key === 'node' ? (options.nodeHelp ?? (isRegion ? 'Region index (its leader).' : field.help)) : field.help;
      return { key: field.key, label, kind: 'int', min: 0, max: options.nodeMax, help };
    }
    case 'groups':
      return {
        key: field.key,
        label: field.label,
        kind: 'text',
        maxLength: options.groupsMaxLength ?? field.maxLength,
        pattern: field.pattern,
        patternHelp: `${noun} ids like "0,1|2"`,
        help: field.help.replace(/nodes/g, `${noun}s`),
      };
    default:
      return { key: field.key, label: field.label, kind: field.kind, min: field.min, max: field.max, ...(field.unit ? { unit: field.unit } : {}), help: field.help };
  }
}
