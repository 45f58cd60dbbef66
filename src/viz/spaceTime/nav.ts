/**
 * Moving between events, for the keyboard and the pointer (pure): along a lane, to the nearest event in
 * time on the lane above or below (skipping empty lanes), and the event under a point.
 */
import type { CausalGraph } from '../../core/causality/types';
import { firstAtOrAfter } from './layout';
import { laneAt, timeAt, xOf, type SpaceTimeGeometry, type SpaceTimeView } from './view';

/** The event `step` places along e's lane (clamped to the lane's ends). */
export function alongLane(g: CausalGraph, e: number, step: number): number {
  const l = g.lane[e];
  const length = g.laneOffsets[l + 1] - g.laneOffsets[l];
  const s = Math.max(0, Math.min(length - 1, g.seq[e] + step));
  return g.laneEvents[g.laneOffsets[l] + s];
}

/** The first or last event of e's lane. */
export function laneEnd(g: CausalGraph, e: number, isLast: boolean): number {
  const l = g.lane[e];
  return g.laneEvents[isLast ? g.laneOffsets[l + 1] - 1 : g.laneOffsets[l]];
}

/** The event of lane l nearest to time t, or -1 when the lane is empty. */
export function nearestOnLane(g: CausalGraph, l: number, t: number): number {
  const lo = g.laneOffsets[l];
  const hi = g.laneOffsets[l + 1];
  if (hi === lo) return -1;
  const i = firstAtOrAfter(g.time, g.laneEvents, lo, hi, t);
  if (i === hi) return g.laneEvents[hi - 1];
  if (i === lo) return g.laneEvents[lo];
  const after = g.laneEvents[i];
  const before = g.laneEvents[i - 1];
  return t - g.time[before] <= g.time[after] - t ? before : after;
}

/** The nearest event in time on the next non-empty lane in direction `dir` (+1 down, -1 up); e when none. */
export function acrossLanes(g: CausalGraph, e: number, dir: 1 | -1): number {
  for (let l = g.lane[e] + dir; l >= 0 && l < g.lanes.length; l += dir) {
    const found = nearestOnLane(g, l, g.time[e]);
    if (found >= 0) return found;
  }
  return e;
}

/** The first event of the first non-empty lane, or -1 for an empty graph. */
export function firstEvent(g: CausalGraph): number {
  for (let l = 0; l < g.lanes.length; l++) if (g.laneOffsets[l + 1] > g.laneOffsets[l]) return g.laneEvents[g.laneOffsets[l]];
  return -1;
}

/** The event drawn within `radius` px of (x, y) on the lane under y, nearest in x; -1 when none. */
export function eventAtPoint(g: CausalGraph, view: SpaceTimeView, geometry: SpaceTimeGeometry, x: number, y: number, radius = 7): number {
  const l = laneAt(view, geometry, y);
  if (l < 0 || l >= g.lanes.length) return -1;
  const e = nearestOnLane(g, l, timeAt(view, geometry, x));
  if (e < 0) return -1;
  return Math.abs(xOf(view, geometry, g.time[e]) - x) <= radius ? e : -1;
}
