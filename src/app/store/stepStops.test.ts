/**
 * Goal: Step never jumps from 0 to the end. Method: walk results with no marks, a few marks and dense
 * marks forwards and backwards, counting presses and checking every mark is a stop.
 */
import { describe, expect, it } from 'vitest';
import { nextStop, prevStop, STEP_STOPS, stopSpacing } from './stepStops';

function walk(marks: number[], end: number, isStepped = false): number[] {
  const stops = [0];
  for (let i = 0; i < 10_000 && stops.at(-1)! < end; i += 1) stops.push(nextStop(marks, stops.at(-1)!, end, isStepped));
  return stops;
}

describe('nextStop / prevStop', () => {
  it('nextStop(no marks) walks the result in STEP_STOPS even steps, never 0 -> end', () => {
    const stops = walk([], 1394);
    expect(stops).toHaveLength(STEP_STOPS + 1);
    expect(stops[1]).toBeCloseTo(13.94);
    expect(stops.at(-1)).toBe(1394);
  });

  it('nextStop(few marks) stops on every mark and on the even moments between them', () => {
    const stops = walk([2.5, 90], 100);
    expect(stops.slice(0, 5)).toEqual([0, 1, 2, 2.5, 3]);
    expect(stops).toContain(90);
    expect(stops.filter((t) => t > 89 && t < 92)).toEqual([90, 91]);
  });

  it('nextStop(dense marks) goes from mark to mark', () => {
    const marks = Array.from({ length: 500 }, (_, i) => 0.2 * (i + 1));
    const stops = walk(marks, 100);
    expect(stops.slice(0, 4)).toEqual([0, 0.2, 0.4, marks[2]]);
    expect(stops).toHaveLength(501);
  });

  it('marks that cover the result evenly (a plotted grid) are the stops alone', () => {
    const grid = Array.from({ length: 61 }, (_, k) => k * 1.5);
    expect(walk(grid, 90)).toEqual(grid);
    expect(prevStop(grid, 3, 90, false)).toBe(1.5);
  });

  it('prevStop mirrors nextStop: back to the previous mark, else the previous even moment, then 0', () => {
    expect(prevStop([2.5, 90], 100, 100, false)).toBe(99);
    expect(prevStop([2.5, 90], 3, 100, false)).toBe(2.5);
    expect(prevStop([2.5, 90], 2.5, 100, false)).toBe(2);
    expect(prevStop([], 0.5, 100, false)).toBe(0);
    expect(prevStop([], 0, 100, false)).toBe(0);
  });

  it('a floating playhead on a grid point is on it: 0.3 goes to 0.4, not to 0.30000000000000004', () => {
    expect(nextStop([], 0.1 * 3, 10, false)).toBeCloseTo(0.4, 12);
    expect(prevStop([], 0.1 * 3, 10, false)).toBeCloseTo(0.2, 12);
  });

  it('in a stepped lab the spacing is at least one whole step', () => {
    expect(stopSpacing(4, true)).toBe(1);
    expect(stopSpacing(250, true)).toBe(3);
    expect(walk([], 4, true)).toEqual([0, 1, 2, 3, 4]);
  });

  it('an empty result has one stop, 0', () => {
    expect(nextStop([1], 0, 0, false)).toBe(0);
    expect(prevStop([1], 5, 0, false)).toBe(0);
  });
});
