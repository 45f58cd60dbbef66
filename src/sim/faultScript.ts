/**
 * Random fault scripts for swarm property tests (TigerBeetle's VOPR habit), drawn over the fault table
 * (./faultTable.ts): one stream decides how many faults, when, on which node or link, of which type, with
 * which amounts, and when each is undone (the table's `undo`: recover after crash, heal after partition...).
 * Every lab's swarm scenarios draw their faults here, so a seed means the same kind of trouble in each lab.
 *
 * The draws per fault are fixed, in this order, whatever the type (so adding a type to a lab's list never
 * shifts another fault's time or node): its time in 0..span, its undo time (time + undoAfter), a node, the
 * type (an index into `types`), then what the type needs (a link's other end, a partition's shuffle and
 * cut, each amount field's `draw`). Pinned seeds of the property tests rely on this order: change it and
 * they mean other scenarios.
 */
import type { Rng } from '../core/random/rng';
import { FAULT_TABLE, type FaultEvent, type FaultEventType } from './faultTable';

export interface FaultScriptOptions {
  /** Nodes of the cluster (2 or more): faults target ids 0..nodes-1. */
  nodes: number;
  /** The fault types drawn from (uniformly); each fault is followed by its undo when the table gives one. */
  types: readonly FaultEventType[];
  /** Faults start at a whole time in 0..span (the scenario's unit, ms in every lab). */
  span: number;
  /** Each undo comes a whole time in min..max after its fault. */
  undoAfter: readonly [min: number, max: number];
  /** Most faults (0..countMax, uniformly). Default 4. */
  countMax?: number;
  /** End with a heal at the last event's time when any link was cut, so every link is surely back. Default false. */
  healAtEnd?: boolean;
}

/**
 * A random script: `prefix` (a lab's own opening faults, drawn before from the same stream) plus the drawn
 * faults and their undos, sorted by time (a stable sort, so each fault stays before its undo at equal times).
 */
export function faultScript(r: Rng, options: FaultScriptOptions, prefix: readonly FaultEvent[] = []): FaultEvent[] {
  const { nodes, types, span, undoAfter } = options;
  if (!(nodes >= 2 && types.length > 0)) throw new Error(`invalid fault script: ${nodes} nodes, ${types.length} types`);
  const events: FaultEvent[] = [...prefix];
  const count = r.range(0, options.countMax ?? 4);
  for (let i = 0; i < count; i++) {
    const t = r.range(0, span);
    const until = t + r.range(undoAfter[0], undoAfter[1]);
    const node = r.int(nodes);
    const type = types[r.int(types.length)];
    const fault = randomFault(r, type, t, node, nodes);
    events.push(fault);
    const undo = FAULT_TABLE[type].undo;
    if (undo !== undefined) events.push(undoOf(fault, undo, until));
  }
  const sorted = byTime(events);
  const isCut = (e: FaultEvent) => FAULT_TABLE[e.type].undo === 'heal' || FAULT_TABLE[e.type].undo === 'healLink';
  if (options.healAtEnd && sorted.some(isCut)) sorted.push({ t: sorted[sorted.length - 1].t, type: 'heal' });
  return sorted;
}

/** Events sorted by time; a stable sort keeps script order at equal times. */
export function byTime<E extends { t: number }>(events: readonly E[]): E[] {
  return events.map((e, i) => ({ e, i })).sort((a, b) => a.e.t - b.e.t || a.i - b.i).map((x) => x.e);
}

/** A fault of `type` at t on `node` (or its link to another node, or a two-sided partition). */
function randomFault(r: Rng, type: FaultEventType, t: number, node: number, nodes: number): FaultEvent {
  const kind = FAULT_TABLE[type];
  const event: Record<string, number | string> = { t, type };
  switch (kind.target) {
    case 'node':
      event.node = node;
      break;
    case 'link':
      event.from = node;
      event.to = (node + 1 + r.int(nodes - 1)) % nodes;
      break;
    case 'groups': {
      const ids = r.shuffle(Array.from({ length: nodes }, (_, k) => k));
      const cut = r.range(1, nodes - 1);
      event.groups = `${ids.slice(0, cut).join(',')}|${ids.slice(cut).join(',')}`;
      break;
    }
    case 'cluster':
      break;
  }
  for (const field of kind.fields) if (field.kind === 'int' || field.kind === 'number') event[field.key] = field.draw(r);
  return event as FaultEvent;
}

/** The undo of `fault` at `t`: the same node or link, amounts 0 (a slow link back to speed). */
function undoOf(fault: FaultEvent, type: FaultEventType, t: number): FaultEvent {
  const event: Record<string, number | string> = { t, type };
  for (const field of FAULT_TABLE[type].fields) {
    event[field.key] = field.kind === 'node' ? (fault as Record<string, number | string>)[field.key] : 0;
  }
  return event as FaultEvent;
}
