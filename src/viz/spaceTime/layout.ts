/**
 * What one frame of the space-time diagram draws, culled to the window: per visible lane, a binary search
 * to t0 and a scan to t1; message edges through the short/long index (src/core/causality/edgeIndex.ts).
 * Drawing cost follows pixels, not events: on a lane, an event landing in the same 2 px column as the last
 * one drawn (with the same style) is skipped, and so is an edge between the same two lanes from the same
 * column; past the frame's capacity nothing more is placed (`isCapped`). No allocation per frame: the
 * buffers are made once per capacity (createFrame).
 *
 * Styles say where an event sits relative to the selection's causal cone (src/core/causality/query.ts).
 */
import { edgesInWindow, shortEdgesNear } from '../../core/causality/edgeIndex';
import type { Cone } from '../../core/causality/query';
import type { CausalRun } from '../../core/causality/types';
import { visibleLanes, yOf, type SpaceTimeGeometry, type SpaceTimeView } from './view';

export const Mark = { plain: 0, past: 1, future: 2, concurrent: 3, self: 4 } as const;
export type MarkCode = (typeof Mark)[keyof typeof Mark];

/**
 * Width of a column in which one event (and one edge per lane pair) is drawn, in CSS px: 2, widened to 3
 * or 4 when the window holds more events than half a lane's pixels (squares then touch: a density bar).
 */
const COLUMN_PX = 2;
/**
 * Plain edges drawn per frame at most, about: past it, only edges whose id is a multiple of a stride are
 * drawn (a stable sample: the same edges stay while panning). Edges of the selection's cone are always drawn.
 */
export const PLAIN_EDGES_MAX = 2500;

export interface SpaceTimeFrame {
  capacity: number;
  eventCount: number;
  event: Uint32Array;
  ex: Float32Array;
  ey: Float32Array;
  eventMark: Uint8Array;
  edgeCount: number;
  edge: Uint32Array;
  x1: Float32Array;
  y1: Float32Array;
  x2: Float32Array;
  y2: Float32Array;
  edgeMark: Uint8Array;
  /** Events and edges in the window, drawn or not (for the caption and tests). */
  eventsInWindow: number;
  edgesInWindow: number;
  isCapped: boolean;
  /** 1 when every plain edge in the window is drawn, else the sample's stride (1 edge in `edgeStride`). */
  edgeStride: number;
  /** Per lane pair (from x lanes + to): the last drawn edge's (column + 1) x 8 + mark, reset each frame. */
  pairColumn: Int32Array;
}

export function createFrame(capacity: number, lanes: number): SpaceTimeFrame {
  return {
    capacity, eventCount: 0, event: new Uint32Array(capacity), ex: new Float32Array(capacity), ey: new Float32Array(capacity),
    eventMark: new Uint8Array(capacity), edgeCount: 0, edge: new Uint32Array(capacity), x1: new Float32Array(capacity),
    y1: new Float32Array(capacity), x2: new Float32Array(capacity), y2: new Float32Array(capacity), edgeMark: new Uint8Array(capacity),
    eventsInWindow: 0, edgesInWindow: 0, isCapped: false, edgeStride: 1, pairColumn: new Int32Array(lanes * lanes),
  };
}

/** A capacity that holds one event per column on every visible lane, twice over for edges and style changes. */
export function frameCapacity(g: SpaceTimeGeometry, laneHeight: number): number {
  const rows = Math.ceil(g.plotHeight / laneHeight) + 1;
  return Math.max(1024, Math.ceil((g.plotWidth / COLUMN_PX + 2) * rows * 2));
}

/** Fills `frame` with what the window shows. */
export function layoutFrame(run: CausalRun, view: SpaceTimeView, g: SpaceTimeGeometry, frame: SpaceTimeFrame, cone?: Cone): void {
  frame.eventCount = 0;
  frame.edgeCount = 0;
  frame.eventsInWindow = 0;
  frame.edgesInWindow = 0;
  frame.isCapped = false;
  layoutEvents(run, view, g, frame, cone);
  layoutEdges(run, view, g, frame, cone);
}

function layoutEvents(run: CausalRun, view: SpaceTimeView, g: SpaceTimeGeometry, f: SpaceTimeFrame, cone: Cone | undefined): void {
  const { time, laneEvents, laneOffsets, seq } = run.graph;
  const { first, last } = visibleLanes(view, g, run.graph.lanes.length);
  const scale = g.plotWidth / (view.t1 - view.t0);
  const base = g.left - view.t0 * scale;
  const column = columnWidth(run, view, g, first, last);
  for (let l = first; l <= last; l++) {
    // Whole pixels: a square on the pixel grid rasterizes without antialiasing (cheaper in software).
    const y = Math.round(yOf(view, g, l));
    // On one lane the cone is a prefix (past) and a suffix (future): two numbers decide every mark.
    const pastEnd = cone ? cone.pastEnd[l] : -1;
    const futureStart = cone ? cone.futureStart[l] : Infinity;
    const end = laneOffsets[l + 1];
    const start = firstAtOrAfter(time, laneEvents, laneOffsets[l], end, view.t0);
    let lastKey = -1;
    let i = start;
    for (; i < end; i++) {
      const e = laneEvents[i];
      const t = time[e];
      if (t > view.t1) break;
      const x = base + t * scale;
      const s = seq[e];
      const mark = e === cone?.event ? Mark.self : s < pastEnd ? Mark.past : s >= futureStart ? Mark.future : cone ? Mark.concurrent : Mark.plain;
      const key = Math.floor(x / column) * 8 + mark;
      if (key === lastKey && mark !== Mark.self) continue;
      if (f.eventCount === f.capacity) {
        f.isCapped = true;
        continue;
      }
      lastKey = key;
      const k = f.eventCount++;
      f.event[k] = e;
      f.ex[k] = Math.round(x);
      f.ey[k] = y;
      f.eventMark[k] = mark;
    }
    f.eventsInWindow += i - start;
  }
}

/** The column width for this window: events per visible lane pixel, from two binary searches per lane. */
function columnWidth(run: CausalRun, view: SpaceTimeView, g: SpaceTimeGeometry, first: number, last: number): number {
  const { time, laneEvents, laneOffsets } = run.graph;
  let inWindow = 0;
  for (let l = first; l <= last; l++) {
    const lo = laneOffsets[l];
    const hi = laneOffsets[l + 1];
    inWindow += firstAtOrAfter(time, laneEvents, lo, hi, view.t1) - firstAtOrAfter(time, laneEvents, lo, hi, view.t0);
  }
  const density = inWindow / (Math.max(1, last - first + 1) * g.plotWidth);
  return density > 1 ? COLUMN_PX * 2 : density > 0.5 ? COLUMN_PX + 1 : COLUMN_PX;
}

function layoutEdges(run: CausalRun, view: SpaceTimeView, g: SpaceTimeGeometry, f: SpaceTimeFrame, cone: Cone | undefined): void {
  const graph = run.graph;
  const { lane, seq, time, edgeFrom, edgeTo } = graph;
  const L = graph.lanes.length;
  // Positions inline (no calls per edge): x = base + t x scale, y = yTop + lane x laneHeight.
  const scale = g.plotWidth / (view.t1 - view.t0);
  const base = g.left - view.t0 * scale;
  const yTop = g.top + (0.5 - view.laneTop) * view.laneHeight;
  const h = view.laneHeight;
  const side = (x: number): number => {
    if (!cone) return Mark.plain;
    if (x === cone.event) return Mark.self;
    const s = seq[x];
    return s < cone.pastEnd[lane[x]] ? Mark.past : s >= cone.futureStart[lane[x]] ? Mark.future : Mark.concurrent;
  };
  f.pairColumn.fill(0);
  const stride = Math.max(1, Math.ceil(shortEdgesNear(graph, run.edges, view.t0, view.t1) / PLAIN_EDGES_MAX));
  f.edgeStride = stride;
  edgesInWindow(graph, run.edges, view.t0, view.t1, (k) => {
    f.edgesInWindow++;
    const a = edgeFrom[k];
    const b = edgeTo[k];
    const ma = side(a);
    const mb = side(b);
    const mark = (ma === Mark.past || ma === Mark.self) && (mb === Mark.past || mb === Mark.self) ? Mark.past
      : (ma === Mark.future || ma === Mark.self) && (mb === Mark.future || mb === Mark.self) ? Mark.future : Mark.plain;
    if (mark === Mark.plain && k % stride !== 0) return;
    const x1 = base + time[a] * scale;
    const pair = lane[a] * L + lane[b];
    const key = (Math.floor(x1 / COLUMN_PX) + 1) * 8 + mark;
    if (f.pairColumn[pair] === key) return;
    if (f.edgeCount === f.capacity) {
      f.isCapped = true;
      return;
    }
    f.pairColumn[pair] = key;
    const i = f.edgeCount++;
    f.edge[i] = k;
    f.x1[i] = x1;
    f.y1[i] = yTop + lane[a] * h;
    f.x2[i] = base + time[b] * scale;
    f.y2[i] = yTop + lane[b] * h;
    f.edgeMark[i] = mark;
  });
}

/** First position i in [lo, hi) of a lane whose event time is >= t. */
export function firstAtOrAfter(time: Float64Array, laneEvents: Uint32Array, lo: number, hi: number, t: number): number {
  let l = lo;
  let h = hi;
  while (l < h) {
    const mid = (l + h) >>> 1;
    if (time[laneEvents[mid]] < t) l = mid + 1;
    else h = mid;
  }
  return l;
}
