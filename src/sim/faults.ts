/**
 * Faults as the engine applies them: amounts in ticks and ppm, node ids checked by the caller. Scenario
 * scripts name faults in the table's vocabulary (./faultTable.ts: type, fields in the scenario's units,
 * doc, menu label), which turns each event into one of these; the trace records them under the same words
 * (./traceKind.ts).
 *
 *   crash, recover, pause, resume   a node's run state, through the one state machine (./nodeLifecycle.ts)
 *   partition   cut every link between groups ([[0]] isolates node 0); replaces all previous cuts
 *   heal        restore every link, or only from -> to when both are given
 *   cut         cut one direction from -> to (to -> from keeps working)
 *   slow        from -> to: every later message takes `ticks` more (0 ends it)
 *   lossy       from -> to: every later message is also lost with probability ppm / 10^6 (0 ends it)
 *   duplicating from -> to: every later message also gets a second copy with probability ppm / 10^6 (0 ends it)
 *   clockJump   step node's clock by `ticks` (either sign)
 *   skew        set node's clock offset (local - true) to `ticks`
 *   drift       set node's clock rate to `ppm` extra parts per million
 */
import { type NodeVerb, nodeTransition } from './nodeLifecycle';
import { groupOf, parseGroups } from './partition';
import type { Simulation } from './simulation';
import { TraceKind } from './traceKind';

export type NodeFault = { type: NodeVerb; node: number };
export type Fault =
  | NodeFault
  | { type: 'partition'; groups: string | readonly (readonly number[])[] }
  | { type: 'heal'; from?: number; to?: number }
  | { type: 'cut'; from: number; to: number }
  | { type: 'slow'; from: number; to: number; ticks: number }
  | { type: 'lossy'; from: number; to: number; ppm: number }
  | { type: 'duplicating'; from: number; to: number; ppm: number }
  | { type: 'clockJump' | 'skew'; node: number; ticks: number }
  | { type: 'drift'; node: number; ppm: number };

export type FaultType = Fault['type'];

/**
 * Applies `fault` now and records it in the trace. `source` is the script index recorded as the trace
 * payload (-1: not scripted). Returns false, recording nothing, when the fault changes nothing: a node
 * verb that is a no-op in the node's state (see ./nodeLifecycle.ts); every other fault always applies.
 */
export function applyFault<M>(sim: Simulation<M>, fault: Fault, source = -1): boolean {
  switch (fault.type) {
    case 'crash':
    case 'recover':
    case 'pause':
    case 'resume':
      return applyNodeVerb(sim, fault.node, fault.type, source);
    case 'partition': {
      const groups = typeof fault.groups === 'string' ? parseGroups(fault.groups, sim.nodeCount) : fault.groups;
      sim.network.partition(groups);
      sim.stageLog?.partition(groupOf(groups, sim.nodeCount));
      sim.record(TraceKind.partition, -1, -1, source);
      return true;
    }
    case 'heal':
      healLinks(sim, fault.from, fault.to, source);
      return true;
    case 'cut':
      sim.network.cut(fault.from, fault.to);
      sim.record(TraceKind.cut, fault.from, fault.to, source);
      return true;
    case 'slow':
      sim.network.link(fault.from, fault.to).slow(fault.ticks);
      sim.record(TraceKind.slow, fault.from, fault.to, source);
      return true;
    case 'lossy':
      sim.network.link(fault.from, fault.to).lossy(fault.ppm);
      sim.record(TraceKind.lossy, fault.from, fault.to, source);
      return true;
    case 'duplicating':
      sim.network.link(fault.from, fault.to).duplicating(fault.ppm);
      sim.record(TraceKind.duplicating, fault.from, fault.to, source);
      return true;
    default:
      applyClockFault(sim, fault, source);
      return true;
  }
}

function healLinks<M>(sim: Simulation<M>, from: number | undefined, to: number | undefined, source: number): void {
  if (from === undefined && to === undefined) {
    sim.network.heal();
    sim.record(TraceKind.heal, -1, -1, source);
    return;
  }
  if (from === undefined || to === undefined) throw new Error('heal needs both from and to, or neither');
  sim.network.healLink(from, to);
  sim.record(TraceKind.heal, from, to, source);
}

/** Runs `verb` on node `id` through the state machine; false (nothing recorded) when it is a no-op there. */
function applyNodeVerb<M>(sim: Simulation<M>, id: number, verb: NodeVerb, source: number): boolean {
  const node = sim.node(id);
  const next = nodeTransition(node.status, verb);
  if (next === undefined) return false;
  node.status = next;
  sim.record(TraceKind[verb], id, -1, source);
  switch (verb) {
    case 'crash':
      node.actor = undefined;
      sim.releaseHeld(id); // what a paused node held is now discarded (messages) or stale (timers)
      break;
    case 'recover':
      node.incarnation++;
      sim.startNode(node);
      break;
    case 'resume':
      sim.releaseHeld(id);
      break;
  }
  return true;
}

function applyClockFault<M>(
  sim: Simulation<M>,
  fault: Extract<Fault, { type: 'clockJump' | 'skew' | 'drift' }>,
  source: number,
): void {
  const node = sim.node(fault.node);
  if (fault.type === 'drift') node.clock.setDrift(sim.now, fault.ppm);
  else if (fault.type === 'clockJump') node.clock.jump(sim.now, fault.ticks);
  else node.clock.skew(sim.now, fault.ticks);
  sim.stageLog?.clock(sim.now, node.id, node.clock.offset(sim.now), node.clock.driftPpm);
  sim.record(TraceKind[fault.type], node.id, -1, source);
}
