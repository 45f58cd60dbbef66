/**
 * The fault vocabulary, shared by the engine, the trace (./traceKind.ts uses the same words), scenario
 * scripts and (later) the UI and URLs. Each fault is one line of data:
 *
 *   crash     node stops; its volatile state and timers are lost, arriving messages are discarded
 *   recover   a crashed node restarts: a new actor (incarnation + 1) over the same `ctx.storage`
 *   pause     node freezes (a GC pause, SIGSTOP): arriving messages and firing timers are held
 *   resume    a paused node handles what it held, in arrival order, at the resume time
 *   partition cut every link between groups ("0,1|2,3"); replaces all previous cuts
 *   heal      restore every link, or only from -> to when both are given
 *   cut       cut one direction from -> to (asymmetric: to -> from keeps working)
 *   clockJump step node's clock by `ticks` (either sign)
 *   skew      set node's clock offset (local - true) to `ticks`
 *   drift     set node's clock rate to `ppm` extra parts per million
 *
 * A fault that changes nothing (crashing a crashed node, resuming a running one) is ignored and not
 * traced, so a script edited by hand never breaks a run.
 */
import { NodeStatus } from './nodeContext';
import { parseGroups } from './partition';
import type { Simulation } from './simulation';
import { TraceKind } from './traceKind';

export type NodeFault = { type: 'crash' | 'recover' | 'pause' | 'resume'; node: number };
export type Fault =
  | NodeFault
  | { type: 'partition'; groups: string | readonly (readonly number[])[] }
  | { type: 'heal'; from?: number; to?: number }
  | { type: 'cut'; from: number; to: number }
  | { type: 'clockJump' | 'skew'; node: number; ticks: number }
  | { type: 'drift'; node: number; ppm: number };

export type FaultType = Fault['type'];

/** Every fault type, in a stable order (for menus, validation and the URL codec). */
export const FAULT_TYPES: readonly FaultType[] = [
  'crash', 'recover', 'pause', 'resume', 'partition', 'heal', 'cut', 'clockJump', 'skew', 'drift',
];

export function isFaultType(type: string): type is FaultType {
  return (FAULT_TYPES as readonly string[]).includes(type);
}

/** Applies `fault` now. `source` is the script index recorded as the trace payload (-1: not scripted). */
export function applyFault<M>(sim: Simulation<M>, fault: Fault, source = -1): void {
  switch (fault.type) {
    case 'crash':
    case 'recover':
    case 'pause':
    case 'resume':
      applyNodeFault(sim, fault, source);
      return;
    case 'partition': {
      const groups = typeof fault.groups === 'string' ? parseGroups(fault.groups, sim.nodeCount) : fault.groups;
      sim.network.partition(groups);
      sim.record(TraceKind.partition, -1, -1, source);
      return;
    }
    case 'heal':
      healLinks(sim, fault.from, fault.to, source);
      return;
    case 'cut':
      sim.network.cut(fault.from, fault.to);
      sim.record(TraceKind.cut, fault.from, fault.to, source);
      return;
    default:
      applyClockFault(sim, fault, source);
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

function applyNodeFault<M>(sim: Simulation<M>, fault: NodeFault, source: number): void {
  const node = sim.node(fault.node);
  const status = node.status;
  switch (fault.type) {
    case 'crash':
      if (status === NodeStatus.crashed) return;
      node.status = NodeStatus.crashed;
      node.actor = undefined;
      sim.record(TraceKind.crash, node.id, -1, source);
      sim.releaseHeld(node.id); // what a paused node held is now discarded (messages) or stale (timers)
      return;
    case 'recover':
      if (status !== NodeStatus.crashed) return;
      node.status = NodeStatus.up;
      node.incarnation++;
      sim.record(TraceKind.recover, node.id, -1, source);
      sim.startNode(node);
      return;
    case 'pause':
      if (status !== NodeStatus.up) return;
      node.status = NodeStatus.paused;
      sim.record(TraceKind.pause, node.id, -1, source);
      return;
    case 'resume':
      if (status !== NodeStatus.paused) return;
      node.status = NodeStatus.up;
      sim.record(TraceKind.resume, node.id, -1, source);
      sim.releaseHeld(node.id);
  }
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
  sim.record(TraceKind[fault.type], node.id, -1, source);
}
