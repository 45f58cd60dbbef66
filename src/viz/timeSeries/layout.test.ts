import { describe, expect, it } from 'vitest';
import { bandAcrossNodes } from './band';
import { columnAtX, layoutTimeSeries, timeAtX, xAtTime } from './layout';
import { summaryRows } from './summary';
import { columnStarts, matrixMax, reduceColumns, topNodesByPeak, type NodeMatrix } from './matrix';
import { bandPath, linePath } from './draw';

/** nodes x buckets, value(node, bucket) given. */
function matrix(nodeCount: number, bucketCount: number, value: (n: number, b: number) => number): NodeMatrix {
  const values = new Float64Array(nodeCount * bucketCount);
  for (let n = 0; n < nodeCount; n++) for (let b = 0; b < bucketCount; b++) values[n * bucketCount + b] = value(n, b);
  return { values, nodeCount, bucketCount, t0: 0, bucketWidth: 0.1 };
}

describe('reduceColumns', () => {
  it('columnStarts(B, C) covers every bucket once in at most C columns', () => {
    const s = columnStarts(10, 4);
    expect([...s]).toEqual([0, 2, 5, 7, 10]);
    expect([...columnStarts(3, 10)]).toEqual([0, 1, 2, 3]);
    expect([...columnStarts(0, 10)]).toEqual([0]);
  });

  it('reduceColumns(m, C, mean|max) averages or keeps the peak of the buckets sharing a column, skipping NaN', () => {
    const m = matrix(1, 4, (_, b) => [1, 3, Number.NaN, 8][b]);
    expect([...reduceColumns(m, 2, 'mean').cells]).toEqual([2, 8]);
    expect([...reduceColumns(m, 2, 'max').cells]).toEqual([3, 8]);
    const gone = matrix(1, 2, () => Number.NaN);
    expect(Number.isNaN(reduceColumns(gone, 1).cells[0])).toBe(true);
  });

  it('reduceColumns of an invalid matrix (zero nodes, short values, zero bucket width) has zero columns', () => {
    expect(reduceColumns({ values: [], nodeCount: 0, bucketCount: 5, t0: 0, bucketWidth: 1 }, 10).columnCount).toBe(0);
    expect(reduceColumns({ values: [1], nodeCount: 2, bucketCount: 2, t0: 0, bucketWidth: 1 }, 10).columnCount).toBe(0);
    expect(reduceColumns({ values: [1], nodeCount: 1, bucketCount: 1, t0: 0, bucketWidth: 0 }, 10).columnCount).toBe(0);
  });

  it('topNodesByPeak(m, k) ranks nodes by their highest value, ties by index, ignoring NaN-only nodes', () => {
    const m = matrix(5, 3, (n, b) => (n === 4 ? Number.NaN : n === 2 && b === 1 ? 99 : n));
    expect(topNodesByPeak(m, 3)).toEqual([2, 3, 1]);
    expect(topNodesByPeak(m, 0)).toEqual([]);
    expect(matrixMax(m)).toBe(99);
  });
});

describe('layoutTimeSeries', () => {
  it('layoutTimeSeries(small) draws every node as a line, labelled, with no band', () => {
    const m = matrix(3, 20, (n, b) => n * 10 + b);
    const layout = layoutTimeSeries({ matrix: m, labels: ['a', 'b', 'c'] }, 400, 200);
    expect(layout.isAggregated).toBe(false);
    expect(layout.series.map((s) => s.label)).toEqual(['a', 'b', 'c']);
    expect(layout.bandLo.length).toBe(0);
    expect(layout.series.every((s) => s.isLabelled)).toBe(true);
    expect(layout.columnCount).toBe(20);
  });

  it('layoutTimeSeries(large) keeps marks bounded by pixels: columns <= width / columnPx, lines = highlighted only', () => {
    const m = matrix(1000, 2000, (n, b) => (n === 17 && b > 1000 ? 98 : 30 + (n % 7)));
    const layout = layoutTimeSeries({ matrix: m, highlight: [17, 3], labels: [], t: 150 }, 600, 220);
    expect(layout.isAggregated).toBe(true);
    expect(layout.columnCount).toBeLessThanOrEqual(Math.floor(layout.frame.innerWidth / 2));
    expect(layout.series.map((s) => s.node)).toEqual([17, 3]);
    expect(layout.series[0].label).toBe('n17');
    // The band's top is the hot node after t = 100; its median stays with the crowd.
    const last = layout.columnCount - 1;
    expect(layout.bandHiValue[last]).toBe(98);
    expect(layout.medianValue[last]).toBe(33);
    expect(layout.liveCount[last]).toBe(1000);
    expect(layout.playheadX).toBeGreaterThan(layout.frame.left + layout.frame.innerWidth * 0.7);
  });

  it('layoutTimeSeries(bandSeries) draws the given per-bucket band and reads only the highlighted rows', () => {
    const m = matrix(100, 50, (n, b) => (n === 7 ? 90 : 10 + (b % 5)));
    const computed = layoutTimeSeries({ matrix: m, highlight: [7] }, 300, 200);
    const lo = new Float32Array(50).map((_, b) => 10 + (b % 5));
    const hi = new Float32Array(50).fill(90);
    const given = layoutTimeSeries({ matrix: m, highlight: [7], bandSeries: { lo, hi } }, 300, 200);
    expect(Array.from(given.bandHiValue)).toEqual(Array.from(computed.bandHiValue));
    expect(Array.from(given.medianValue)).toEqual(Array.from(computed.medianValue));
    expect(given.series.map((x) => [x.node, x.values[0]])).toEqual([[7, 90]]);
    expect(given.liveCount[0]).toBe(100);
    // A band of the wrong length is ignored (computed instead), not drawn half-way.
    const short = layoutTimeSeries({ matrix: m, highlight: [7], bandSeries: { lo: [1], hi: [2] } }, 300, 200);
    expect(Array.from(short.bandHiValue)).toEqual(Array.from(computed.bandHiValue));
  });

  it('reduceColumns(m, C, reduce, rows) reduces only the given rows, in their order', () => {
    const m = matrix(5, 4, (n, b) => n * 10 + b);
    const some = reduceColumns(m, 2, 'max', [3, 1, 99]);
    expect(some.nodeCount).toBe(2);
    expect(Array.from(some.cells)).toEqual([31, 33, 11, 13]);
  });

  it('layoutTimeSeries at 1,000 nodes x 2,000 buckets returns geometry sized by pixels, not by items', () => {
    const m = matrix(1000, 2000, (n, b) => (n * 31 + b * 17) % 100);
    const layout = layoutTimeSeries({ matrix: m, highlight: [1] }, 900, 220);
    expect(layout.columnCount).toBeLessThanOrEqual(900);
    expect(layout.bandHiValue.length).toBe(layout.columnCount);
    expect(layout.series.length).toBe(1);
  });

  it('layoutTimeSeries places thresholds, markers in range and the playhead; drops out-of-range ones', () => {
    const m = matrix(2, 10, () => 10);
    const layout = layoutTimeSeries(
      { matrix: m, thresholds: [{ value: 90, label: 'hot' }], markers: [{ t: 0.5, label: 'n1 hot', node: 1 }, { t: 7, label: 'late' }], t: 5 },
      400,
      200,
    );
    expect(layout.yMax).toBeGreaterThanOrEqual(90);
    expect(layout.thresholds[0].y).toBeLessThan(layout.frame.top + layout.frame.innerHeight);
    expect(layout.markers.map((mk) => mk.label)).toEqual(['n1 hot']);
    expect(layout.markers[0].x).toBeCloseTo(layout.frame.left + layout.frame.innerWidth / 2);
    expect(layout.playheadX).toBeNull();
  });

  it('layoutTimeSeries puts close marker labels in separate rows and drops them past the last row', () => {
    const m = matrix(2, 100, () => 10);
    const markers = [0, 1, 2, 3].map((i) => ({ t: 4 + i * 0.05, label: `event number ${i}` }));
    const layout = layoutTimeSeries({ matrix: m, markers }, 400, 200);
    expect(layout.markers.map((mk) => mk.labelRow)).toEqual([0, 1, 2, -1]);
    const apart = layoutTimeSeries({ matrix: m, markers: [{ t: 1, label: 'a' }, { t: 9, label: 'b' }] }, 400, 200);
    expect(apart.markers.map((mk) => mk.labelRow)).toEqual([0, 0]);
    const edge = layoutTimeSeries({ matrix: m, markers: [{ t: 9.9, label: 'a long label near the end' }] }, 400, 200);
    expect(edge.markers[0].anchor).toBe('end');
  });

  it('layoutTimeSeries of no matrix has defined ticks, no series and no columns', () => {
    const layout = layoutTimeSeries({ matrix: null, t: 3 }, 400, 200);
    expect(layout.columnCount).toBe(0);
    expect(layout.series).toEqual([]);
    expect(layout.yTicks.length).toBeGreaterThan(0);
    expect(layout.playheadX).toBeNull();
    expect(columnAtX(layout, 100)).toBe(-1);
    expect(summaryRows(layout)).toEqual([]);
    expect(layoutTimeSeries({ matrix: null }, 0, 0).frame.innerWidth).toBe(0);
  });

  it('layoutTimeSeries spreads end labels at least 12 px apart and inside the frame', () => {
    const m = matrix(8, 10, () => 5);
    const layout = layoutTimeSeries({ matrix: m }, 400, 200);
    const ys = layout.series.filter((s) => s.isLabelled).map((s) => s.labelY).sort((a, b) => a - b);
    for (let i = 1; i < ys.length; i++) expect(ys[i] - ys[i - 1]).toBeGreaterThanOrEqual(11.999);
    expect(ys[ys.length - 1]).toBeLessThanOrEqual(layout.frame.top + layout.frame.innerHeight + 1e-9);
  });

  it('columnAtX and timeAtX map pixels back to columns and clamped times', () => {
    const m = matrix(1, 10, () => 1);
    const layout = layoutTimeSeries({ matrix: m }, 400, 200);
    expect(columnAtX(layout, layout.frame.left + 1)).toBe(0);
    expect(columnAtX(layout, 10_000)).toBe(9);
    expect(timeAtX(layout, -50)).toBe(0);
    expect(xAtTime(layout, 0.5)).toBeCloseTo(layout.frame.left + layout.frame.innerWidth / 2);
    expect(xAtTime(layout, 2)).toBeNull();
    expect(xAtTime(layout, undefined)).toBeNull();
    expect(timeAtX(layout, layout.frame.left + layout.frame.innerWidth)).toBeCloseTo(1);
  });

  it('summaryRows(layout, r) gives at most r rows covering the time range', () => {
    const m = matrix(20, 100, (n, b) => n + b);
    const layout = layoutTimeSeries({ matrix: m, highlight: [19] }, 500, 200);
    const rows = summaryRows(layout, 10);
    expect(rows.length).toBeLessThanOrEqual(10);
    expect(rows[0].t0).toBe(0);
    expect(rows[rows.length - 1].t1).toBeCloseTo(10);
    expect(rows[rows.length - 1].max).toBe(19 + 99);
    expect(rows[rows.length - 1].series[0]).toBe(19 + 99);
  });

  it('bandAcrossNodes(cells, nodes, columns, qLo, qHi) interpolates quantiles per column, skips NaN, and gives NaN for an empty column', () => {
    // 3 nodes x 2 columns, cells[node * columns + column]; column 1 has no values.
    const cells = Float64Array.of(0, Number.NaN, 10, Number.NaN, Number.NaN, Number.NaN);
    const band = bandAcrossNodes(cells, 3, 2, 0.5, 1);
    expect([band.lo[0], band.median[0], band.hi[0], band.live[0]]).toEqual([5, 5, 10, 2]);
    expect([band.lo[1], band.hi[1], band.median[1]].every(Number.isNaN)).toBe(true);
    expect(band.live[1]).toBe(0);
  });

  it('linePath and bandPath skip undefined points (gaps, not zeros)', () => {
    const xs = Float64Array.of(0, 10, 20, 30);
    expect(linePath(xs, Float64Array.of(1, Number.NaN, 3, 4))).toBe('M0,1ZM20,3L30,4');
    expect(bandPath(xs, Float64Array.of(5, 5, 5, 5), Float64Array.of(1, 1, 1, 1))).toMatch(/^M0,1/);
  });
});
