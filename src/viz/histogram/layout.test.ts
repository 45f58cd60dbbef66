import { describe, expect, it } from 'vitest';
import { groupItems, layoutHistogram } from './layout';

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
