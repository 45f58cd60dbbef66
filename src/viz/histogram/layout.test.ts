import { describe, expect, it } from 'vitest';
import { BAR_MARKS_MAX, barAtX, groupItems, histogramPaths, histogramRows, layoutHistogram } from './layout';

describe('layoutHistogram', () => {
  it('layoutHistogram(values) gives one bar per value, height proportional, mean line at the mean', () => {
    const layout = layoutHistogram({ values: [10, 20, 30], labels: ['a', 'b', 'c'] }, 300, 200);
    expect(layout.bars).toHaveLength(3);
    expect(layout.isAggregated).toBe(false);
    expect(layout.mean).toBe(20);
    const [a, b] = layout.bars;
    expect(b.height).toBeCloseTo(2 * a.height);
    expect(layout.meanY).toBeCloseTo(b.y);
    expect(a.label).toBe('a');
    expect(a.x).toBeLessThan(b.x);
  });

  it('layoutHistogram(include) keeps only the listed items (live nodes)', () => {
    const layout = layoutHistogram({ values: [10, 0, 30], include: [0, 2] }, 300, 200);
    expect(layout.bars.map((b) => b.items)).toEqual([[0], [2]]);
    expect(layout.mean).toBe(20);
  });

  it('layoutHistogram(isSorted) orders bars largest first, ties by index', () => {
    const layout = layoutHistogram({ values: [5, 9, 5, 1], isSorted: true }, 300, 200);
    expect(layout.bars.map((b) => b.items[0])).toEqual([1, 0, 2, 3]);
  });

  it('layoutHistogram aggregates past maxBars: group mean, min..max whisker, every item once', () => {
    const values = Array.from({ length: 1000 }, (_, i) => i % 10);
    const layout = layoutHistogram({ values, maxBars: 100 }, 600, 200);
    expect(layout.bars).toHaveLength(100);
    expect(layout.isAggregated).toBe(true);
    expect(layout.bars.reduce((n, b) => n + b.items.length, 0)).toBe(1000);
    expect(layout.bars[0].value).toBeCloseTo(4.5);
    expect(layout.bars[0].min).toBe(0);
    expect(layout.bars[0].max).toBe(9);
    expect(layout.bars[0].yMax).toBeLessThan(layout.bars[0].yMin);
    expect(layout.bars[0].label).toBe('#0–#9');
  });

  it('layoutHistogram of no values is empty with a defined axis, not NaN', () => {
    const layout = layoutHistogram({ values: [] }, 300, 200);
    expect(layout.bars).toEqual([]);
    expect(layout.mean).toBe(0);
    expect(Number.isFinite(layout.meanY)).toBe(true);
    expect(layout.yTicks.length).toBeGreaterThan(0);
  });

  it('layoutHistogram of all zeros and of a zero size stays finite', () => {
    const zeros = layoutHistogram({ values: [0, 0] }, 300, 200);
    expect(zeros.bars.every((b) => b.height === 0)).toBe(true);
    const tiny = layoutHistogram({ values: [1, 2] }, 0, 0);
    expect(tiny.bars.every((b) => Number.isFinite(b.x) && Number.isFinite(b.height))).toBe(true);
  });

  it('groupItems(items, max) makes at most max groups of consecutive items', () => {
    expect(groupItems([1, 2, 3], 5)).toEqual([[1], [2], [3]]);
    expect(groupItems([1, 2, 3, 4, 5], 2)).toEqual([[1, 2, 3], [4, 5]]);
  });
});

describe('histogram output size at scale (regression: the DOM follows pixels, not items)', () => {
  const formats = { int: (v: number) => String(Math.round(v)), fixed: (v: number) => v.toFixed(1) };
  const at = (items: number) => {
    const values = Array.from({ length: items }, (_, i) => 1000 + ((i * 7919) % 200));
    return layoutHistogram({ values, isSorted: true }, 480, 170);
  };

  it('bars, table rows and paths stay bounded from 1,000 to 100,000 items', () => {
    for (const items of [1000, 10_000, 100_000]) {
      const layout = at(items);
      expect(layout.bars.length).toBeLessThanOrEqual(Math.floor(layout.frame.innerWidth / 3)); // one bar per 3 px at most
      expect(histogramRows(layout, formats)).toHaveLength(layout.bars.length);
      const paths = histogramPaths(layout, () => 'grey');
      expect(paths.fills).toHaveLength(1);
    }
  });

  it('past BAR_MARKS_MAX bars the chart is drawn as paths (one per colour), below it as one mark per bar', () => {
    expect(at(1000).bars.length).toBeGreaterThan(BAR_MARKS_MAX);
    expect(layoutHistogram({ values: [1, 2, 3] }, 480, 170).bars.length).toBeLessThanOrEqual(BAR_MARKS_MAX);
    const layout = layoutHistogram({ values: Array.from({ length: 100 }, (_, i) => i + 1) }, 480, 170);
    const paths = histogramPaths(layout, (b) => (b.items[0] % 2 === 0 ? 'even' : 'odd'));
    expect(paths.fills.map((f) => f.color).sort()).toEqual(['even', 'odd']);
    expect(paths.fills.reduce((n, f) => n + (f.d.match(/M/g)?.length ?? 0), 0)).toBe(layout.bars.filter((b) => b.height > 0).length);
  });

  it('histogramRows: one row per bar, a group row names its range and mean', () => {
    const layout = layoutHistogram({ values: [1, 2, 3, 4], labels: ['a', 'b', 'c', 'd'], maxBars: 2 }, 480, 170);
    expect(histogramRows(layout, formats)).toEqual([
      ['a–b', 'mean 1.5 (1–2), 2 items'],
      ['c–d', 'mean 3.5 (3–4), 2 items'],
    ]);
    const single = layoutHistogram({ values: [5], labels: ['a'] }, 480, 170);
    expect(histogramRows(single, formats)).toEqual([['a', '5']]);
  });

  it('barAtX finds the bar slot under a pixel, -1 outside the plot', () => {
    const layout = layoutHistogram({ values: [1, 2, 3, 4] }, 400, 170);
    const { left, innerWidth } = layout.frame;
    expect(barAtX(layout, left + 1)).toBe(0);
    expect(barAtX(layout, left + innerWidth - 1)).toBe(3);
    expect(barAtX(layout, left - 1)).toBe(-1);
    expect(barAtX(layout, left + innerWidth + 1)).toBe(-1);
  });
});
