/**
 * The timeline's bars for the current window, as columns of numbers the SVG and the canvas both draw.
 * Cost follows pixels: when more operations are visible than a quarter of the lanes' pixel columns, the
 * bars are aggregated per pixel column and lane, then run-length encoded, so a zoomed-out history of 10^4
 * operations is at most lanes x width rectangles. A column takes the category of the most notable
 * operation covering it (stale > failed > open), else the kind that covers most of it: reads and writes
 * keep their own colours column by column (a kind's order says nothing about which matters more).
 */
import { isOpen, linearScale, type TimelineGeometry, type TimelineIndex } from './layout';
import { OpFlag, OpStatus, type HistoryColumns } from './types';

/** Bar categories: 0 = nothing, then 1 + statusClass * KINDS + kind, and STALE on top. */
export const KINDS = 4;
export const StatusClass = { ok: 0, open: 1, fail: 2 } as const;
export const CATEGORY_STALE = 1 + 3 * KINDS;

export function categoryOf(kind: number, status: number, flags: number): number {
  if (flags & OpFlag.stale) return CATEGORY_STALE;
  const k = Math.max(0, Math.min(KINDS - 1, kind | 0));
  const cls = status === OpStatus.ok ? StatusClass.ok : status === OpStatus.fail ? StatusClass.fail : StatusClass.open;
  return 1 + cls * KINDS + k;
}

/** The kind and status class a category stands for (stale: a kind-0 ok operation, marked). */
export function categoryParts(category: number): { kind: number; statusClass: number; isStale: boolean } {
  if (category === CATEGORY_STALE) return { kind: 0, statusClass: StatusClass.ok, isStale: true };
  const c = Math.max(0, category - 1);
  return { kind: c % KINDS, statusClass: Math.floor(c / KINDS), isStale: false };
}

/** Bars as columns: x and width in pixels, lane, category, the operation (-1 for an aggregate run). */
export interface TimelineMarks {
  isAggregated: boolean;
  count: number;
  x: Float32Array;
  w: Float32Array;
  lane: Int32Array;
  category: Uint8Array;
  op: Int32Array;
  /** 1 when the run or bar has an open end (individual bars only). */
  isOpenEnd: Uint8Array;
  /** Underlines of the operations in the longest linearizable prefix (runs when aggregated). */
  prefixCount: number;
  prefixX: Float32Array;
  prefixW: Float32Array;
  prefixLane: Int32Array;
  /** Operations visible in the window. */
  visibleOps: number;
}

/**
 * The bars for the current window. `prefix` is a per-row mask (1 = in the longest linearizable prefix),
 * optional. Aggregates when visible operations exceed lanes x innerWidth / opsPerLanePixelMax.
 */
export function timelineMarks(h: HistoryColumns, index: TimelineIndex, g: TimelineGeometry, prefix?: Uint8Array, opsPerLanePixelMax = 0.25): TimelineMarks {
  // Before the first measurement (width 0) there is nothing to draw: skip the pass over the history.
  if (g.frame.innerWidth <= 0 || g.frame.innerHeight <= 0) return emptyMarks(false, 0, 0, 0);
  const left = g.frame.left;
  const right = left + g.frame.innerWidth;
  const spans = opSpans(h, index, g);
  const visible = new Int32Array(index.count);
  let visibleCount = 0;
  for (let i = 0; i < index.count; i++) if (spans.x1[i] >= left && spans.x0[i] <= right) visible[visibleCount++] = i;
  const lanes = index.lanes.length;
  const columns = Math.max(1, Math.ceil(g.frame.innerWidth));
  const shown = visible.subarray(0, visibleCount);
  const isAggregated = visibleCount > lanes * columns * opsPerLanePixelMax;
  return isAggregated ? aggregate(h, index, g, spans, shown, columns, prefix) : individual(h, index, g, spans, shown, prefix);
}

/** Every operation's pixel span (opSpan's), and the pixel of its true return (open: the history's end),
 * computed in one pass with the time scale's arithmetic (linearScale). */
interface Spans {
  x0: Float64Array;
  x1: Float64Array;
  end: Float64Array;
}

function opSpans(h: HistoryColumns, index: TimelineIndex, g: TimelineGeometry): Spans {
  const x = linearScale(g);
  const count = index.count;
  const spans: Spans = { x0: new Float64Array(count), x1: new Float64Array(count), end: new Float64Array(count) };
  const tEnd = x(index.tEnd);
  for (let i = 0; i < count; i++) {
    const a = x(h.call[i]);
    const ret = h.ret[i];
    const b = isOpen(ret) ? tEnd : x(ret);
    spans.x0[i] = a;
    spans.end[i] = b;
    spans.x1[i] = Math.max(b, a + 1);
  }
  return spans;
}

function emptyMarks(isAggregated: boolean, size: number, prefixSize: number, visibleOps: number): TimelineMarks {
  return {
    isAggregated, count: 0, visibleOps,
    x: new Float32Array(size), w: new Float32Array(size), lane: new Int32Array(size), category: new Uint8Array(size), op: new Int32Array(size), isOpenEnd: new Uint8Array(size),
    prefixCount: 0, prefixX: new Float32Array(prefixSize), prefixW: new Float32Array(prefixSize), prefixLane: new Int32Array(prefixSize),
  };
}

function individual(h: HistoryColumns, index: TimelineIndex, g: TimelineGeometry, spans: Spans, visible: Int32Array, prefix?: Uint8Array): TimelineMarks {
  const m = emptyMarks(false, visible.length, prefix ? visible.length : 0, visible.length);
  const left = g.frame.left - 2;
  const right = g.frame.left + g.frame.innerWidth + 2;
  // Open ends first: a process's later operations (a generic history may reuse the process) draw on top.
  const ordered = [...visible.filter((i) => isOpen(h.ret[i])), ...visible.filter((i) => !isOpen(h.ret[i]))];
  for (const i of ordered) {
    const x0 = Math.max(left, spans.x0[i]);
    const x1 = Math.min(right, spans.x1[i]);
    const k = m.count++;
    m.x[k] = x0;
    m.w[k] = Math.max(1, x1 - x0);
    m.lane[k] = index.laneOf[i];
    m.category[k] = categoryOf(h.kind[i], h.status[i], h.flags[i]);
    m.op[k] = i;
    m.isOpenEnd[k] = isOpen(h.ret[i]) ? 1 : 0;
    if (prefix && prefix[i]) {
      const p = m.prefixCount++;
      m.prefixX[p] = x0;
      m.prefixW[p] = m.w[k];
      m.prefixLane[p] = index.laneOf[i];
    }
  }
  return m;
}

function aggregate(h: HistoryColumns, index: TimelineIndex, g: TimelineGeometry, spans: Spans, visible: Int32Array, columns: number, prefix?: Uint8Array): TimelineMarks {
  const lanes = index.lanes.length;
  const top = new Uint8Array(lanes * columns);
  /** Pixels of each cell covered by finished, plain operations of each kind: cover[cell * KINDS + kind]. */
  const cover = new Float32Array(lanes * columns * KINDS);
  const under = new Uint8Array(prefix ? lanes * columns : 0);
  const left = g.frame.left;
  for (let v = 0; v < visible.length; v++) {
    const i = visible[v];
    const a = spans.x0[i];
    const b = spans.x1[i];
    const c0 = Math.max(0, Math.floor(a - left));
    const c1 = Math.min(columns - 1, Math.floor(b - left));
    const base = index.laneOf[i] * columns;
    const cat = categoryOf(h.kind[i], h.status[i], h.flags[i]);
    if (cat > KINDS) {
      for (let c = c0; c <= c1; c++) if (top[base + c] < cat) top[base + c] = cat;
    } else {
      // Coverage counts the operation's true length (opSpan widens short ones to a pixel, which would let
      // many short operations outweigh one long one).
      const end = a + Math.max(spans.end[i] - a, 1e-3);
      for (let c = c0; c <= c1; c++) cover[(base + c) * KINDS + cat - 1] += Math.max(0, Math.min(end, left + c + 1) - Math.max(a, left + c));
    }
    if (prefix && prefix[i]) under.fill(1, base + c0, base + c1 + 1);
  }
  for (let cell = 0; cell < top.length; cell++) if (top[cell] === 0) top[cell] = widestKind(cover, cell);
  const runs = runsOf(top, lanes, columns);
  const m = emptyMarks(true, runs.length / 4, 0, visible.length);
  for (let r = 0; r < runs.length; r += 4) {
    const k = m.count++;
    m.lane[k] = runs[r];
    m.x[k] = left + runs[r + 1];
    m.w[k] = runs[r + 2] - runs[r + 1];
    m.category[k] = runs[r + 3];
    m.op[k] = -1;
  }
  if (prefix) {
    const pr = runsOf(under, lanes, columns);
    m.prefixX = new Float32Array(pr.length / 4);
    m.prefixW = new Float32Array(pr.length / 4);
    m.prefixLane = new Int32Array(pr.length / 4);
    for (let r = 0; r < pr.length; r += 4) {
      const p = m.prefixCount++;
      m.prefixLane[p] = pr[r];
      m.prefixX[p] = left + pr[r + 1];
      m.prefixW[p] = pr[r + 2] - pr[r + 1];
    }
  }
  return m;
}

/** The ok category of the kind covering most of `cell` (ties: the earlier kind), 0 when none covers it. */
function widestKind(cover: Float32Array, cell: number): number {
  let best = 0;
  let widest = 0;
  for (let k = 0; k < KINDS; k++) {
    const w = cover[cell * KINDS + k];
    if (w > widest) [best, widest] = [1 + StatusClass.ok * KINDS + k, w];
  }
  return best;
}

/** Runs of equal non-zero cells per lane, flattened as [lane, columnStart, columnEnd, value]. */
function runsOf(cells: Uint8Array, lanes: number, columns: number): number[] {
  const out: number[] = [];
  for (let k = 0; k < lanes; k++) {
    const base = k * columns;
    let c = 0;
    while (c < columns) {
      const v = cells[base + c];
      let e = c + 1;
      while (e < columns && cells[base + e] === v) e++;
      if (v !== 0) out.push(k, c, e, v);
      c = e;
    }
  }
  return out;
}

