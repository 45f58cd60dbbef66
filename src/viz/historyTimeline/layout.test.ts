import { describe, expect, it } from 'vitest';
import { explanationMarks } from './highlight';
import { CATEGORY_STALE, categoryOf, timelineMarks } from './bars';
import { fullView, hitTest, indexHistory, linearScale, neighbourOp, opSpan, rowMask, timelineGeometry, zoomView } from './layout';
import { OpFlag, OpStatus, type HistoryColumns } from './types';

/** Two processes: p1 runs ops 0 and 2, p0 runs op 1 (open end) and op 3 (a stale read). */
const small: HistoryColumns = {
  process: [1, 0, 1, 0],
  call: [0, 1, 20, 30],
  ret: [10, NaN, 40, 35],
  kind: [1, 1, 0, 0],
  status: [OpStatus.ok, OpStatus.timeout, OpStatus.ok, OpStatus.ok],
  flags: [0, 0, 0, OpFlag.stale],
};

/** n operations on `lanes` processes, one at a time per process, each 8 time units long. */
function many(n: number, lanes: number): HistoryColumns {
  const process = new Int32Array(n);
  const call = new Float64Array(n);
  const ret = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    process[i] = i % lanes;
    call[i] = Math.floor(i / lanes) * 10 + (i % lanes);
    ret[i] = call[i] + 8;
  }
  return { process, call, ret, kind: new Uint8Array(n).map((_, i) => i % 2), status: new Uint8Array(n).fill(OpStatus.ok), flags: new Uint8Array(n) };
}

describe('history timeline layout', () => {
  it('maps time to pixels with the same arithmetic as the d3 scale, to the bit, zoomed or not', () => {
    const index = indexHistory(many(500, 3));
    for (const g of [timelineGeometry(index, 737, 200, fullView(index)), timelineGeometry(index, 737, 200, zoomView(index, fullView(index), 0.013, 1234.5))]) {
      const x = linearScale(g);
      for (let k = 0; k <= 2000; k++) {
        const t = index.tStart - 50 + ((index.tEnd - index.tStart + 100) * k) / 2000 + k * 1e-7;
        expect(x(t)).toBe(g.x(t));
      }
    }
    const flat = timelineGeometry(index, 300, 100, fullView(index));
    flat.x.domain([5, 5]);
    expect(linearScale(flat)(7)).toBe(flat.x(7));
  });

  it('indexHistory(h) puts each process in its own lane, ascending, each lane sorted by call', () => {
    const index = indexHistory(small);
    expect(index.lanes).toEqual([0, 1]);
    expect(Array.from(index.laneOf)).toEqual([1, 0, 1, 0]);
    expect(Array.from(index.laneOps)).toEqual([1, 3, 0, 2]);
    expect(index.tStart).toBe(0);
    expect(index.tEnd).toBeGreaterThan(40);
  });

  it('indexHistory(h) sorts a lane by call when the rows are not in call order (ties: the earlier row first)', () => {
    // Rows out of call order, a tie at call 5 in lane p2, and processes first seen out of order.
    const h: HistoryColumns = {
      process: [2, 7, 2, 2, 7], call: [9, 3, 5, 5, 1], ret: [12, 4, 6, 8, 2],
      kind: new Uint8Array(5), status: new Uint8Array(5).fill(OpStatus.ok), flags: new Uint8Array(5),
    };
    const index = indexHistory(h);
    expect(index.lanes).toEqual([2, 7]);
    expect(Array.from(index.laneOf)).toEqual([0, 1, 0, 0, 1]);
    expect(Array.from(index.laneStart)).toEqual([0, 3, 5]);
    expect(Array.from(index.laneOps)).toEqual([2, 3, 0, 4, 1]);
    expect(index.tStart).toBe(1);
  });

  it('an open-ended operation runs to the end of the history; a stale read gets the top category', () => {
    const index = indexHistory(small);
    const g = timelineGeometry(index, 600, 120, { t0: index.tStart, t1: index.tEnd });
    expect(opSpan(small, index, g, 1)[1]).toBeCloseTo(g.x(index.tEnd));
    expect(categoryOf(0, OpStatus.ok, OpFlag.stale)).toBe(CATEGORY_STALE);
    const marks = timelineMarks(small, index, g, rowMask(4, [0, 2]));
    expect(marks.isAggregated).toBe(false);
    expect(marks.count).toBe(4);
    expect(marks.prefixCount).toBe(2);
    expect(Array.from(marks.op.subarray(0, 4))).toEqual([1, 0, 2, 3]); // open ends first, drawn underneath
    expect(Array.from(marks.isOpenEnd.subarray(0, 4))).toEqual([1, 0, 0, 0]);
  });

  it('hitTest(h, index, g, x, y) finds the operation under the pixel and -1 over a gap', () => {
    const index = indexHistory(small);
    const g = timelineGeometry(index, 600, 120, { t0: index.tStart, t1: index.tEnd });
    const laneY = (lane: number) => g.frame.top + (lane + 0.5) * g.laneHeight;
    expect(hitTest(small, index, g, g.x(5), laneY(1))).toBe(0);
    expect(hitTest(small, index, g, g.x(30), laneY(1))).toBe(2);
    expect(hitTest(small, index, g, g.x(15), laneY(1))).toBe(-1);
    expect(hitTest(small, index, g, g.x(33), laneY(0))).toBe(3);
    expect(hitTest(small, index, g, g.x(5), g.frame.top + g.frame.innerHeight + 5)).toBe(-1);
  });

  it('10^4 operations zoomed out are aggregated into at most lanes x width runs; zoomed in they are single bars', () => {
    const h = many(10_000, 8);
    const index = indexHistory(h);
    const full = timelineGeometry(index, 800, 240, { t0: index.tStart, t1: index.tEnd });
    const out = timelineMarks(h, index, full);
    expect(out.isAggregated).toBe(true);
    expect(out.visibleOps).toBe(10_000);
    expect(out.count).toBeLessThanOrEqual(8 * full.frame.innerWidth);
    const zoomed = timelineGeometry(index, 800, 240, zoomView(index, full.view, 0.01, 5000));
    const near = timelineMarks(h, index, zoomed);
    expect(near.isAggregated).toBe(false);
    expect(near.count).toBe(near.visibleOps);
    expect(near.count).toBeLessThan(200);
    for (let k = 0; k < near.count; k++) expect(near.op[k]).toBeGreaterThanOrEqual(0);
  });

  it('aggregated, a pixel column takes the kind covering most of it: reads and writes keep their colours', () => {
    // One lane: reads 7 units long, writes 1 unit long, alternating; every pixel column holds both kinds.
    const n = 4000;
    const call = Float64Array.from({ length: n }, (_, i) => Math.floor(i / 2) * 10 + (i % 2) * 8);
    const h: HistoryColumns = {
      process: new Int32Array(n), call, ret: call.map((c, i) => c + (i % 2 === 0 ? 7 : 1)),
      kind: Uint8Array.from({ length: n }, (_, i) => i % 2), status: new Uint8Array(n).fill(OpStatus.ok), flags: new Uint8Array(n),
    };
    const index = indexHistory(h);
    const g = timelineGeometry(index, 400, 96, { t0: index.tStart, t1: index.tEnd });
    const marks = timelineMarks(h, index, g);
    expect(marks.isAggregated).toBe(true);
    const width = (category: number) => marks.w.subarray(0, marks.count).reduce((sum, w, k) => sum + (marks.category[k] === category ? w : 0), 0);
    // Reads cover 7 of every 10 units: most columns read, never all of them write (the old maximum rule).
    expect(width(categoryOf(0, OpStatus.ok, 0))).toBeGreaterThan(0.6 * g.frame.innerWidth);
    expect(width(categoryOf(1, OpStatus.ok, 0))).toBeLessThan(0.3 * g.frame.innerWidth);
    // Writes longer than reads take the columns instead; a stale read still shows wherever it falls.
    const long = { ...h, ret: call.map((c, i) => c + (i % 2 === 0 ? 1 : 7)), flags: Uint8Array.from({ length: n }, (_, i) => (i === 100 ? OpFlag.stale : 0)) };
    const flipped = timelineMarks(long, indexHistory(long), g);
    const cats = Array.from(flipped.category.subarray(0, flipped.count));
    expect(cats.filter((c) => c === categoryOf(1, OpStatus.ok, 0)).length).toBeGreaterThan(0);
    expect(cats).toContain(CATEGORY_STALE);
  });

  it('neighbourOp steps within a lane and jumps to the nearest operation of the next lane', () => {
    const index = indexHistory(small);
    expect(neighbourOp(small, index, 0, 'next')).toBe(2);
    expect(neighbourOp(small, index, 2, 'next')).toBe(2);
    expect(neighbourOp(small, index, 2, 'prev')).toBe(0);
    expect(neighbourOp(small, index, 2, 'up')).toBe(3);
    expect(neighbourOp(small, index, 3, 'down')).toBe(2);
    expect(neighbourOp(small, index, -1, 'next')).toBe(1);
  });

  it('explanationMarks(e) makes cannotPlace primary and names each conflicting operation by its role', () => {
    const marks = explanationMarks({
      longestPrefix: [0, 1, 2],
      cannotPlace: 3,
      conflicting: [0, 2],
      stateAfterPrefix: '1',
      source: 0,
      overwrittenBy: 2,
      precededBy: 2,
      operations: [],
    });
    expect(marks.highlights).toEqual([
      { op: 3, label: 'cannot be placed', isPrimary: true },
      { op: 0, label: 'legal right after', isPrimary: false },
      { op: 2, label: 'overwritten by, returned before it', isPrimary: false },
    ]);
    expect(marks.prefix).toEqual([0, 1, 2]);
    expect(explanationMarks(undefined)).toEqual({ highlights: [], prefix: [] });
  });
});
