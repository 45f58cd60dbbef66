/**
 * What-if branching on a script: an event inserted while the playhead is at t goes at t, after every
 * event already at or before t (ties keep script order, as the engine does), so the past stays as it was
 * and only the future re-runs differently.
 *
 *   events:  a@0  b@2  c@2  d@5        insert x with playhead at 2
 *   result:  a@0  b@2  c@2  x@2  d@5
 */
import type { ScenarioEvent } from '../../labs/contract';
import type { EventDraft } from './types';

export function insertEventAt(events: readonly ScenarioEvent[], draft: EventDraft, t: number): ScenarioEvent[] {
  const event = { ...draft, t } as ScenarioEvent;
  let index = events.length;
  while (index > 0 && events[index - 1].t > t) index -= 1;
  return [...events.slice(0, index), event, ...events.slice(index)];
}

/** The first mark strictly after t (with a small tolerance), or undefined. */
export function nextMark(marks: ArrayLike<number>, t: number): number | undefined {
  const epsilon = 1e-9 * Math.max(1, Math.abs(t));
  for (let i = 0; i < marks.length; i += 1) if (marks[i] > t + epsilon) return marks[i];
  return undefined;
}

/** The last mark strictly before t (with a small tolerance), or undefined. */
export function prevMark(marks: ArrayLike<number>, t: number): number | undefined {
  const epsilon = 1e-9 * Math.max(1, Math.abs(t));
  for (let i = marks.length - 1; i >= 0; i -= 1) if (marks[i] < t - epsilon) return marks[i];
  return undefined;
}
