/**
 * Fault menus from the table (./faultTable.ts): for a node or a link of the picture, the items of the
 * lab's fault types that target it, each with its label ("Crash n1"), the event it inserts at the playhead
 * (without `t`), the amount fields still to ask for, and whether it is a no-op in the node's state at the
 * playhead (greyed out: the engine would ignore it). Pure: a menu is a function of (types, target, state).
 */
import { FAULT_TABLE, type AmountField, type FaultEventType, isNoOp } from './faultTable';
import type { NodeStatusCode } from './nodeLifecycle';

/** An event without its time: what the app's "insert at the playhead" action takes. */
export type FaultDraft = { type: FaultEventType } & Record<string, number | string>;

export interface FaultMenuItem {
  type: FaultEventType;
  /** The menu label, amounts still to ask shown as "…": "Crash n1", "Jump n1 clock by … ms". */
  label: string;
  /** The event to insert once `ask` is filled in (node and link fields are set). */
  draft: FaultDraft;
  /** Amount fields to ask for before inserting (with their limits); empty for one-click items. */
  ask: readonly AmountField[];
  /** True when the engine would ignore it on this node now (recover on an up node): grey it out. */
  isNoOp: boolean;
}

/** How a menu names a node; labs with regions say "region 1". */
export type NodeName = (id: number) => string;
const nName: NodeName = (id) => `n${id}`;

/** Items for node `node`, in `status` at the playhead, of the `types` that target a node. */
export function nodeFaultMenu(types: readonly FaultEventType[], node: number, status: NodeStatusCode, name: NodeName = nName): FaultMenuItem[] {
  return types.filter((type) => FAULT_TABLE[type].target === 'node').map((type) => item(type, { node }, isNoOp(type, status), name));
}

/** Items for the directed link from -> to, of the `types` that target a link. */
export function linkFaultMenu(types: readonly FaultEventType[], from: number, to: number, name: NodeName = nName): FaultMenuItem[] {
  return types.filter((type) => FAULT_TABLE[type].target === 'link').map((type) => item(type, { from, to }, false, name));
}

/** The label of a complete event or draft: "Crash n1", "Partition 0,1|2", "Slow n0 → n1 by 20 ms". */
export function faultLabel(event: { type: FaultEventType } & Readonly<Record<string, unknown>>, name: NodeName = nName): string {
  const kind = FAULT_TABLE[event.type];
  return kind.menu.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = event[key];
    if (value === undefined) return '…';
    const field = kind.fields.find((f) => f.key === key);
    return field?.kind === 'node' ? name(value as number) : String(value);
  });
}

function item(type: FaultEventType, ids: Record<string, number>, isNoOpNow: boolean, name: NodeName): FaultMenuItem {
  const draft = { type, ...ids } as FaultDraft;
  const ask = FAULT_TABLE[type].fields.filter((f): f is AmountField => f.kind === 'int' || f.kind === 'number');
  return { type, label: faultLabel(draft, name), draft, ask, isNoOp: isNoOpNow };
}
