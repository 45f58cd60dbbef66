/**
 * Where Step goes from t: the next (previous) mark, unless it lies more than one spacing away; then the
 * next (previous) of STEP_STOPS evenly spaced moments over the result. A result with a mark every few
 * units steps from mark to mark; one with few marks (or none) is walked in at most STEP_STOPS presses,
 * never from 0 to its end in one. Marks that already cover the whole result with no gap over two
 * spacings (a plotted grid: PBS's 60 steps of t) are the stops alone, so every press lands on one.
 *
 *   marks at 2 and 90, end 100 (spacing 1):  0 -> 1 -> 2 -> 3 -> ... -> 89 -> 90 -> 91 -> ... -> 100
 *   marks every 0.4, end 100 (spacing 1):    0 -> 0.4 -> 0.8 -> 1.2 -> ...
 *   marks every 1.5 from 0 to 90, end 90:    0 -> 1.5 -> 3 -> ...
 */
import { nextMark, prevMark } from './events';

/** A result is walked in at most this many steps between marks. */
export const STEP_STOPS = 100;

/** The even spacing of the stops: endTime / STEP_STOPS, at least one whole step in a stepped lab. */
export function stopSpacing(endTime: number, isStepped: boolean): number {
  const spacing = endTime / STEP_STOPS;
  return isStepped ? Math.max(1, Math.ceil(spacing)) : spacing;
}

/** The stop after t, within [0, endTime]; endTime itself when t is at (or past) the end. */
export function nextStop(marks: ArrayLike<number>, t: number, endTime: number, isStepped: boolean): number {
  if (!(endTime > 0)) return 0;
  const spacing = evenSpacing(marks, endTime, isStepped);
  const mark = nextMark(marks, t);
  // The tolerance keeps t = 3 x 0.1 (0.30000000000000004) on grid point 3, not before it.
  const grid = (Math.floor(t / spacing + 1e-9) + 1) * spacing;
  const target = mark !== undefined && mark <= t + spacing ? mark : grid;
  return Math.min(endTime, Math.max(0, target));
}

/** The stop before t, within [0, endTime]; 0 when t is at the start. */
export function prevStop(marks: ArrayLike<number>, t: number, endTime: number, isStepped: boolean): number {
  if (!(endTime > 0)) return 0;
  const spacing = evenSpacing(marks, endTime, isStepped);
  const mark = prevMark(marks, t);
  const grid = (Math.ceil(t / spacing - 1e-9) - 1) * spacing;
  const target = mark !== undefined && mark >= t - spacing ? mark : grid;
  return Math.min(endTime, Math.max(0, target));
}

/** The spacing of the even stops, or Infinity (no even stops) when the marks leave no gap over two spacings. */
function evenSpacing(marks: ArrayLike<number>, endTime: number, isStepped: boolean): number {
  const spacing = stopSpacing(endTime, isStepped);
  let previous = 0;
  let gapMax = 0;
  for (let i = 0; i < marks.length; i += 1) {
    gapMax = Math.max(gapMax, marks[i] - previous);
    previous = Math.max(previous, marks[i]);
  }
  gapMax = Math.max(gapMax, endTime - previous);
  return gapMax <= 2 * spacing ? Number.POSITIVE_INFINITY : spacing;
}
