/**
 * The engine a scene runs on: its nodes (by the scene's names), the datacentre network (one hop uniform in
 * [latencyMsMin, latencyMsMax]), the scripted faults at their times, and the card probe when a stage is drawn.
 */
import { Simulation, scheduleScenario, type Actor, type NodeContext, type StageOptions } from '../../../sim/index';
import { msToTicks, TICKS_PER_MS } from '../../../sim/kit/time';
import type { AntiScenario } from '../scenario';
import type { Msg } from './messages';
import { Observer } from './observer';

/** Engine events a run may handle; a run reaching it says so in stoppedAtLimit. */
export const EVENTS_MAX = 2_000_000;

/** An actor whose card the stage shows: field name -> value. */
export interface Carded {
  card(field: string): number | string;
}

export function makeWorld(
  s: AntiScenario,
  names: readonly string[],
  protocol: (ctx: NodeContext<Msg>, name: string, obs: Observer) => Actor<Msg>,
  stage?: StageOptions<Msg>,
): { sim: Simulation<Msg>; obs: Observer } {
  let sim: Simulation<Msg> | undefined;
  const obs = new Observer(() => sim!.now, TICKS_PER_MS);
  sim = new Simulation<Msg>({
    seed: s.seed,
    nodes: names.length,
    network: { latency: { kind: 'uniform', minTicks: msToTicks(s.latencyMsMin), maxTicks: msToTicks(s.latencyMsMax) } },
    protocol: (ctx) => protocol(ctx, names[ctx.id], obs),
    limits: { maxEvents: EVENTS_MAX },
    ...(stage ? { stage } : {}),
  });
  scheduleScenario(sim, s.events, { ticksPerUnit: TICKS_PER_MS });
  return { sim, obs };
}
