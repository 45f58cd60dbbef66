/**
 * The space-time diagram's window onto a run: which time span [t0, t1] is across the plot and which lanes
 * are down it (from `laneTop`, each `laneHeight` px tall). Pure functions: zoom about a time, pan by pixels,
 * clamp to the run, map time <-> x and lane <-> y. Time runs left to right, lanes top to bottom.
 */

export interface SpaceTimeView {
  t0: number;
  t1: number;
  /** The first lane at the top of the plot (fractional while panning). */
  laneTop: number;
  laneHeight: number;
}

export interface SpaceTimeGeometry {
  width: number;
  height: number;
  /** The plot's box inside the canvas: lane labels on the left, the time axis on top. */
  left: number;
  top: number;
  plotWidth: number;
  plotHeight: number;
}

const GUTTER = 64;
const AXIS = 22;
const RIGHT = 14;
const BOTTOM = 6;
export const LANE_HEIGHT_MIN = 14;
const LANE_HEIGHT_MAX = 44;

export function spaceTimeGeometry(width: number, height: number): SpaceTimeGeometry {
  return { width, height, left: GUTTER, top: AXIS, plotWidth: Math.max(1, width - GUTTER - RIGHT), plotHeight: Math.max(1, height - AXIS - BOTTOM) };
}

/** Lanes as tall as fit the plot, between LANE_HEIGHT_MIN (more lanes scroll) and LANE_HEIGHT_MAX. */
export function laneHeightFor(lanes: number, g: SpaceTimeGeometry): number {
  return Math.max(LANE_HEIGHT_MIN, Math.min(LANE_HEIGHT_MAX, g.plotHeight / Math.max(1, lanes)));
}

/** The whole run in view. */
export function initialView(lanes: number, horizon: number, g: SpaceTimeGeometry): SpaceTimeView {
  const end = horizon > 0 ? horizon : 1;
  return { t0: -end * 0.01, t1: end * 1.01, laneTop: 0, laneHeight: laneHeightFor(lanes, g) };
}

/** Keeps the window on the run: a span between `spanMin` and 1.2 x the run, lanes from 0 to the last that fits. */
export function clampView(v: SpaceTimeView, lanes: number, horizon: number, g: SpaceTimeGeometry): SpaceTimeView {
  const full = Math.max(horizon, 1e-9);
  const spanMax = full * 1.2;
  const spanMin = full / 1e6;
  let span = Math.min(spanMax, Math.max(spanMin, v.t1 - v.t0));
  if (!Number.isFinite(span)) span = spanMax;
  const slack = full * 0.1;
  const t0 = Math.min(full + slack - span, Math.max(-slack, v.t0));
  const visibleLanes = g.plotHeight / v.laneHeight;
  const laneTop = Math.max(0, Math.min(Math.max(0, lanes - visibleLanes), v.laneTop));
  return { t0, t1: t0 + span, laneTop, laneHeight: v.laneHeight };
}

/** Zoom by `factor` (< 1 zooms in) keeping time `at` under the same pixel. */
export function zoomAt(v: SpaceTimeView, factor: number, at: number): SpaceTimeView {
  return { ...v, t0: at - (at - v.t0) * factor, t1: at + (v.t1 - at) * factor };
}

/** Pan by pixels: dx moves time (content follows the pointer), dy moves lanes. */
export function panBy(v: SpaceTimeView, dx: number, dy: number, g: SpaceTimeGeometry): SpaceTimeView {
  const dt = (-dx * (v.t1 - v.t0)) / g.plotWidth;
  return { ...v, t0: v.t0 + dt, t1: v.t1 + dt, laneTop: v.laneTop - dy / v.laneHeight };
}

export function xOf(v: SpaceTimeView, g: SpaceTimeGeometry, t: number): number {
  return g.left + ((t - v.t0) / (v.t1 - v.t0)) * g.plotWidth;
}

export function timeAt(v: SpaceTimeView, g: SpaceTimeGeometry, x: number): number {
  return v.t0 + ((x - g.left) / g.plotWidth) * (v.t1 - v.t0);
}

export function yOf(v: SpaceTimeView, g: SpaceTimeGeometry, lane: number): number {
  return g.top + (lane - v.laneTop + 0.5) * v.laneHeight;
}

/** The lane under y (may be out of range). */
export function laneAt(v: SpaceTimeView, g: SpaceTimeGeometry, y: number): number {
  return Math.floor((y - g.top) / v.laneHeight + v.laneTop);
}

/** Lanes at least partly visible: [first, last]. */
export function visibleLanes(v: SpaceTimeView, g: SpaceTimeGeometry, lanes: number): { first: number; last: number } {
  const first = Math.max(0, Math.floor(v.laneTop));
  const last = Math.min(lanes - 1, Math.ceil(v.laneTop + g.plotHeight / v.laneHeight) - 1);
  return { first, last };
}

/** The window moved just enough to show time t and lane `lane` (with a margin of a tenth of the span). */
export function reveal(v: SpaceTimeView, g: SpaceTimeGeometry, t: number, lane: number): SpaceTimeView {
  const span = v.t1 - v.t0;
  let { t0 } = v;
  if (t < v.t0 + span * 0.05 || t > v.t1 - span * 0.05) t0 = t - span / 2;
  let { laneTop } = v;
  const rows = g.plotHeight / v.laneHeight;
  if (lane < laneTop) laneTop = lane;
  else if (lane + 1 > laneTop + rows) laneTop = lane + 1 - rows;
  return { ...v, t0, t1: t0 + span, laneTop };
}
