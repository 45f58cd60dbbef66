/**
 * The client-history timeline as pixel geometry (no DOM): one lane per process, a bar from call to return.
 *
 *   indexHistory(h)                    once per history: lanes, each lane's operations sorted by call
 *   timelineGeometry(index, w, h, v)   per size and zoom: the frame, the time scale, the lanes' rows
 *   timelineMarks(h, index, g, prefix) per size and zoom: the bars to draw (bars.ts)
 *
 * Then what the pointer and the keys reach: the operation under a pixel, the neighbour of an operation.
 */
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { axisTicks, chartFrame, type Frame, type Tick } from '../shared/axis';
import type { CursorMove } from '../figure/cursor';
import type { HistoryColumns } from './types';

export interface TimelineIndex {
  count: number;
  /** The process of each lane, ascending. */
  lanes: number[];
  /** Lane of each operation. */
  laneOf: Int32Array;
  /** Operations of lane k are laneOps[laneStart[k] .. laneStart[k + 1]), sorted by call (ties: row). */
  laneStart: Int32Array;
  laneOps: Int32Array;
  /** The time span every operation fits in; open ends are drawn up to tEnd. */
  tStart: number;
  tEnd: number;
}

/** A visible time window; tEnd > tStart. */
export interface TimelineView {
  t0: number;
  t1: number;
}

export interface TimelineGeometry {
  frame: Frame;
  x: ScaleLinear<number, number>;
  view: TimelineView;
  /** Top of lane k is frame.top + k * laneHeight. */
  laneHeight: number;
  barHeight: number;
  xTicks: Tick[];
}

export function isOpen(ret: number): boolean {
  return !Number.isFinite(ret);
}

export function indexHistory(h: HistoryColumns): TimelineIndex {
  const count = h.call.length;
  const lanes: number[] = [];
  const laneIndex = new Map<number, number>();
  for (let i = 0; i < count; i++) {
    if (!laneIndex.has(h.process[i])) {
      laneIndex.set(h.process[i], lanes.length);
      lanes.push(h.process[i]);
    }
  }
  lanes.sort((a, b) => a - b);
  lanes.forEach((p, k) => laneIndex.set(p, k));
  const laneOf = new Int32Array(count);
  // Runs of one process are common (a client's operations in a row): look its lane up once per run.
  for (let i = 0, lane = -1, last = Number.NaN; i < count; i++) {
    if (h.process[i] !== last) [last, lane] = [h.process[i], laneIndex.get(h.process[i])!];
    laneOf[i] = lane;
  }
  const laneStart = new Int32Array(lanes.length + 1);
  for (let i = 0; i < count; i++) laneStart[laneOf[i] + 1]++;
  for (let k = 0; k < lanes.length; k++) laneStart[k + 1] += laneStart[k];
  const fill = laneStart.slice(0, lanes.length);
  const laneOps = new Int32Array(count);
  for (const i of byCall(h.call)) laneOps[fill[laneOf[i]]++] = i;
  let tStart = Infinity;
  let last = -Infinity;
  for (let i = 0; i < count; i++) {
    tStart = Math.min(tStart, h.call[i]);
    last = Math.max(last, h.call[i], isOpen(h.ret[i]) ? -Infinity : h.ret[i]);
  }
  if (count === 0) return { count, lanes, laneOf, laneStart, laneOps, tStart: 0, tEnd: 1 };
  const span = Math.max(last - tStart, 1e-9);
  // Open ends run a little past the last event, so they read as "still open" rather than "returned last".
  return { count, lanes, laneOf, laneStart, laneOps, tStart, tEnd: last + span * 0.04 };
}

/** The rows in call order (ties: row). Histories usually come in call order already: then no sort. */
function byCall(call: ArrayLike<number>): Int32Array {
  const count = call.length;
  const rows = new Int32Array(count);
  let isSorted = true;
  for (let i = 0; i < count; i++) {
    rows[i] = i;
    if (i > 0 && call[i] < call[i - 1]) isSorted = false;
  }
  return isSorted ? rows : rows.sort((a, b) => call[a] - call[b] || a - b);
}

export const MARGIN = { left: 52, right: 14, top: 8, bottom: 30 } as const;

/** The chart's height for a lane count: 20 px lanes, at least 96 px, at most `heightMax`. */
export function timelineHeight(laneCount: number, heightMax = 420): number {
  return Math.max(96, Math.min(heightMax, laneCount * 20 + MARGIN.top + MARGIN.bottom));
}

export function fullView(index: TimelineIndex): TimelineView {
  return { t0: index.tStart, t1: index.tEnd };
}

/** A view inside the full span, at least span / 10^5 wide. */
export function clampView(index: TimelineIndex, view: TimelineView): TimelineView {
  const full = index.tEnd - index.tStart;
  const width = Math.min(full, Math.max(full / 1e5, view.t1 - view.t0));
  const t0 = Math.max(index.tStart, Math.min(index.tEnd - width, view.t0));
  return { t0, t1: t0 + width };
}

/** The view scaled by `factor` (< 1 zooms in) around time `at`. */
export function zoomView(index: TimelineIndex, view: TimelineView, factor: number, at: number): TimelineView {
  return clampView(index, { t0: at - (at - view.t0) * factor, t1: at + (view.t1 - at) * factor });
}

/** The view moved by dt (clamped to the history's span). */
export function panView(index: TimelineIndex, view: TimelineView, dt: number): TimelineView {
  return clampView(index, { t0: view.t0 + dt, t1: view.t1 + dt });
}

export function timelineGeometry(index: TimelineIndex, width: number, height: number, view: TimelineView): TimelineGeometry {
  const frame = chartFrame(width, height, MARGIN);
  const x = scaleLinear().domain([view.t0, view.t1]).range([frame.left, frame.left + frame.innerWidth]);
  const laneHeight = index.lanes.length > 0 ? frame.innerHeight / index.lanes.length : frame.innerHeight;
  const barHeight = Math.max(1, Math.min(14, laneHeight * 0.62));
  return { frame, x, view, laneHeight, barHeight, xTicks: axisTicks(x, Math.max(2, Math.floor(frame.innerWidth / 90))) };
}

/** Top of the bar in lane k (its centre line is laneCenter). */
export function barTop(g: TimelineGeometry, lane: number): number {
  return g.frame.top + lane * g.laneHeight + (g.laneHeight - g.barHeight) / 2;
}

/**
 * The time scale `g.x` as a plain function with the same arithmetic (d3's linear scale of a two-number
 * domain and range: normalise, then interpolate), for loops over every operation: d3's scale is a chain of
 * closures that V8 runs slowly until it has optimised them. A domain of zero width maps to the range's middle,
 * as d3's does.
 */
export function linearScale(g: TimelineGeometry): (t: number) => number {
  const [d0, d1] = g.x.domain();
  const [r0, r1] = g.x.range();
  const [from, width, a, b] = d1 < d0 ? [d1, d0 - d1, r1, r0] : [d0, d1 - d0, r0, r1];
  if (!width) return () => a * 0.5 + b * 0.5;
  return (t: number) => {
    const u = (t - from) / width;
    return a * (1 - u) + b * u;
  };
}

/** The pixel span [x0, x1] of operation i (open ends run to the history's end). */
export function opSpan(h: HistoryColumns, index: TimelineIndex, g: TimelineGeometry, i: number): [number, number] {
  const x0 = g.x(h.call[i]);
  const x1 = g.x(isOpen(h.ret[i]) ? index.tEnd : h.ret[i]);
  return [x0, Math.max(x1, x0 + 1)];
}

/** The lane at pixel y, or -1 outside the lanes. */
export function laneAtY(index: TimelineIndex, g: TimelineGeometry, y: number): number {
  const k = Math.floor((y - g.frame.top) / g.laneHeight);
  return k >= 0 && k < index.lanes.length ? k : -1;
}

/**
 * The operation under pixel (px, py): in the lane under py, the latest-called operation whose bar covers
 * px, else the one whose bar is nearest within `slackPx`; -1 when none.
 */
export function hitTest(h: HistoryColumns, index: TimelineIndex, g: TimelineGeometry, px: number, py: number, slackPx = 4): number {
  const lane = laneAtY(index, g, py);
  if (lane < 0 || px < g.frame.left - slackPx || px > g.frame.left + g.frame.innerWidth + slackPx) return -1;
  const from = index.laneStart[lane];
  const to = index.laneStart[lane + 1];
  const t = g.x.invert(px + slackPx);
  // The last operation of the lane called at or before t (binary search over calls).
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (h.call[index.laneOps[mid]] <= t) lo = mid + 1;
    else hi = mid;
  }
  let best = -1;
  let bestDistance = Infinity;
  // Scan back: a lane normally runs one operation at a time, but a generic history may overlap; a lane
  // with an open-ended operation long before is covered by the fallback scan limit.
  for (let p = lo - 1, seen = 0; p >= from && seen < 256; p--, seen++) {
    const i = index.laneOps[p];
    const [x0, x1] = opSpan(h, index, g, i);
    const distance = px < x0 ? x0 - px : px > x1 ? px - x1 : 0;
    // A finished operation covering px wins over an open end (drawn underneath it).
    if (distance === 0 && !isOpen(h.ret[i])) return i;
    if (distance < bestDistance) {
      bestDistance = distance;
      best = i;
    }
  }
  return bestDistance <= slackPx ? best : -1;
}

/** Keyboard moves from operation `from`: the previous/next one in its lane, or the nearest in time in the lane above/below. */
export function neighbourOp(h: HistoryColumns, index: TimelineIndex, from: number, move: CursorMove): number {
  if (index.count === 0) return -1;
  if (from < 0 || from >= index.count) return index.laneOps[0];
  const lane = index.laneOf[from];
  const start = index.laneStart[lane];
  const end = index.laneStart[lane + 1];
  if (move === 'first') return index.laneOps[start];
  if (move === 'last') return index.laneOps[end - 1];
  if (move === 'prev' || move === 'next') {
    let p = start;
    while (index.laneOps[p] !== from) p++;
    const q = move === 'prev' ? Math.max(start, p - 1) : Math.min(end - 1, p + 1);
    return index.laneOps[q];
  }
  const step = move === 'up' ? -1 : 1;
  for (let k = lane + step; k >= 0 && k < index.lanes.length; k += step) {
    const s = index.laneStart[k];
    const e = index.laneStart[k + 1];
    if (s === e) continue;
    let best = index.laneOps[s];
    for (let p = s; p < e; p++) {
      const i = index.laneOps[p];
      if (Math.abs(h.call[i] - h.call[from]) < Math.abs(h.call[best] - h.call[from])) best = i;
    }
    return best;
  }
  return from;
}

/** A mask of rows from a list of rows (ids outside 0..count-1 are ignored). */
export function rowMask(count: number, rows: ArrayLike<number> | undefined): Uint8Array | undefined {
  if (!rows) return undefined;
  const mask = new Uint8Array(count);
  for (let j = 0; j < rows.length; j++) {
    const r = rows[j];
    if (r >= 0 && r < count) mask[r] = 1;
  }
  return mask;
}
