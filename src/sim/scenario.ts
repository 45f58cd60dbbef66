/**
 * Scenario scripts -> engine events. A lab's scenario carries `events: ScenarioEvent[]` ({t, type, ...});
 * `scheduleScenario` queues the fault events itself (the vocabulary of ./faultTable.ts, checked by
 * ./faultCheck.ts, applied by ./faults.ts) and hands every other type to the lab's `onEvent` (client
 * requests, node additions...), each at its time and in script order for equal times, so a fault at t and
 * a request at t happen in the order the script lists them.
 */
import { faultOf } from './faultCheck';
import { type FaultEventType, isFaultEventType } from './faultTable';
import { applyFault } from './faults';
import type { Simulation } from './simulation';
import { TICKS_MAX } from './ticks';
import { TraceKind } from './traceKind';

import type { ScenarioEvent } from './scenarioEvent';

export type { ScenarioEvent };

export interface ScheduleOptions {
  /** Ticks per unit of the scenario's `t` (e.g. 1000 when t is in ms and 1 tick = 1 µs). Default 1. */
  ticksPerUnit?: number;
  /**
   * Called at the event's time for every non-fault type (`index` is its place in the script). Default:
   * none, and a non-fault event is refused when scheduling, so a typo cannot silently do nothing.
   */
  onEvent?: (event: ScenarioEvent, index: number) => void;
}

/** Validates each event and schedules it; throws naming the event ("events[3].node ...") on a bad one. */
export function scheduleScenario<M>(sim: Simulation<M>, events: readonly ScenarioEvent[], options: ScheduleOptions = {}): void {
  const ticksPerUnit = options.ticksPerUnit ?? 1;
  if (!(ticksPerUnit > 0 && Number.isFinite(ticksPerUnit))) throw new Error(`invalid ticksPerUnit: ${ticksPerUnit}`);
  // Validate everything first, so a bad event at the end does not leave half a script queued.
  const planned = events.map((event, index) => {
    const t = Math.round(event.t * ticksPerUnit);
    if (!(t >= sim.now && t <= TICKS_MAX)) {
      throw new Error(`events[${index}].t must be a time from ${sim.now / ticksPerUnit} on, got ${event.t}`);
    }
    if (isFaultEventType(event.type)) return { t, index, fault: faultOf(event as ScenarioEvent & { type: FaultEventType }, index, sim.nodeCount, ticksPerUnit) };
    if (!options.onEvent) throw new Error(`events[${index}].type "${event.type}" is not a fault and no onEvent was given`);
    return { t, index, fault: undefined };
  });
  const onEvent = options.onEvent;
  for (const { t, index, fault } of planned) {
    const event = events[index];
    sim.at(t, fault ? () => applyFault(sim, fault, index) : () => {
      sim.record(TraceKind.script, -1, -1, index);
      onEvent!(event, index);
    });
  }
}
