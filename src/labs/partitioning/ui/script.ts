/**
 * The partitioning lab's script as the Panel edits and reads it: the scripted events as a list, an edit's
 * time at the playhead, an event removed (events are added through the app's insertEvent), and the
 * mitigations the script has put in force by time t.
 */
import type { PartitioningScenario } from '../scenario';
import { eventText, formatMs } from './select';

export interface ScriptItem {
  index: number;
  t: number;
  text: string;
}

/** The scenario's scripted events as a list (time, what). */
export function scriptItems(scenario: PartitioningScenario): ScriptItem[] {
  return scenario.events.map((e, index) => ({ index, t: e.t, text: `${formatMs(e.t)}: ${eventText(e, scenario.strategy, scenario.nodes)}` }));
}

/** Scripted time of an edit made at the playhead: whole milliseconds, within [0, horizon]. */
export function editTime(t: number, horizonMs: number): number {
  return Math.max(0, Math.min(Math.round(Number.isFinite(t) ? t : 0), Math.max(0, Math.floor(horizonMs))));
}

/** Steps of the run the Panel's playhead moves by (a chart is under 1,000 px wide). */
export const CHART_STEPS = 1000;

/** t on a grid of CHART_STEPS steps over [0, endTime] (t itself when the run has no length). */
export function onGrid(t: number, endTime: number): number {
  if (!(endTime > 0)) return t;
  const step = endTime / CHART_STEPS;
  return Math.round(t / step) * step;
}

export function withoutEvent(scenario: PartitioningScenario, index: number): PartitioningScenario {
  return { ...scenario, events: scenario.events.filter((_, i) => i !== index) };
}

/** The mitigations in force at time t by the script: salt k (1: off), cache TTL (0: off), splits so far. */
export function mitigationsAt(scenario: PartitioningScenario, t: number): { saltK: number; cacheTtlMs: number; splits: number } {
  let saltK = 1;
  let cacheTtlMs = 0;
  let splits = 0;
  for (const e of scenario.events) {
    if (e.t > t) break;
    if (e.type === 'salt') saltK = e.k;
    else if (e.type === 'cache') cacheTtlMs = e.ttlMs;
    else if (e.type === 'split') splits++;
  }
  return { saltK, cacheTtlMs, splits };
}
