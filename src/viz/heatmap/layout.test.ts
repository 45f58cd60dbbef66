import { describe, expect, it } from 'vitest';
import { vizStyle } from '../shared/palette';
import { heatColor, heatLut } from './colors';
import { cellAt, heatmapSummary, layoutHeatmap, LEVELS, NO_VALUE } from './layout';
import type { NodeMatrix } from '../timeSeries/matrix';

function matrix(nodeCount: number, bucketCount: number, value: (n: number, b: number) => number): NodeMatrix {
  const values = new Float32Array(nodeCount * bucketCount);
  for (let n = 0; n < nodeCount; n++) for (let b = 0; b < bucketCount; b++) values[n * bucketCount + b] = value(n, b);
  return { values, nodeCount, bucketCount, t0: 0, bucketWidth: 100 };
}

describe('layoutHeatmap', () => {
  it('layoutHeatmap(small) gives one labelled row per node and one column per bucket', () => {
    const layout = layoutHeatmap({ matrix: matrix(4, 10, (n) => n * 10), labels: ['a', 'b', 'c', 'd'] }, 400, 200);
    expect(layout.rows.map((r) => r.label)).toEqual(['a', 'b', 'c', 'd']);
    expect(layout.rows.every((r) => r.isLabelled)).toBe(true);
    expect(layout.columnCount).toBe(10);
    expect(layout.isAggregated).toBe(false);
    expect(layout.levels[0]).toBe(0);
    expect(layout.levels[3 * 10]).toBe(LEVELS - 1);
  });

  it('layoutHeatmap(1,000 nodes) combines rows so each is at least rowPxMin tall, keeping a lone hot node (max)', () => {
    const m = matrix(1000, 100, (n, b) => (n === 517 && b === 50 ? 98 : 30));
    const layout = layoutHeatmap({ matrix: m }, 600, 300, );
    expect(layout.rows.length).toBeLessThanOrEqual(Math.floor(layout.frame.innerHeight / 3));
    expect(layout.rows[0].height).toBeGreaterThanOrEqual(3);
    expect(layout.isAggregated).toBe(true);
    const hot = layout.rows.findIndex((r) => r.first <= 517 && r.last >= 517);
    const hotCells = Array.from(layout.cells.subarray(hot * layout.columnCount, (hot + 1) * layout.columnCount));
    expect(Math.max(...hotCells)).toBe(98);
    const labelled = layout.rows.filter((r) => r.isLabelled);
    expect(labelled[0].tick).toBe('n0');
    for (let i = 1; i < labelled.length; i++) expect(labelled[i].y - labelled[i - 1].y).toBeGreaterThanOrEqual(13);
    const top = heatmapSummary(layout, 3);
    expect(top[0].peak).toBe(98);
    expect(top[0].peakT).toBe(5000);
  });

  it('layoutHeatmap follows the given order and skips invalid indexes', () => {
    const layout = layoutHeatmap({ matrix: matrix(3, 2, (n) => n), order: [2, 0, 7, -1] }, 300, 200);
    expect(layout.rows.map((r) => r.nodeFirst)).toEqual([2, 0]);
  });

  it('layoutHeatmap marks cells with no value as NO_VALUE and clamps values outside the domain', () => {
    const layout = layoutHeatmap({ matrix: matrix(2, 2, (n, b) => (n === 0 && b === 0 ? Number.NaN : n * 200)), domain: [0, 100] }, 300, 200);
    expect(layout.levels[0]).toBe(NO_VALUE);
    expect(layout.levels[1]).toBe(0);
    expect(layout.levels[2]).toBe(LEVELS - 1);
  });

  it('layoutHeatmap of no matrix or zero size has no rows, no cells and a defined legend', () => {
    const none = layoutHeatmap({ matrix: null }, 300, 200);
    expect(none.rows).toEqual([]);
    expect(none.cells.length).toBe(0);
    expect(none.legendTicks.length).toBeGreaterThan(0);
    expect(cellAt(none, 100, 100)).toBeNull();
    expect(layoutHeatmap({ matrix: matrix(2, 2, () => 1) }, 0, 0).rows.length).toBeLessThanOrEqual(1);
  });

  it('cellAt maps pixels to rows and columns, null outside the plot', () => {
    const layout = layoutHeatmap({ matrix: matrix(4, 10, () => 1) }, 400, 200);
    const { frame } = layout;
    expect(cellAt(layout, frame.left + 1, frame.top + 1)).toEqual({ row: 0, column: 0 });
    expect(cellAt(layout, frame.left + frame.innerWidth - 1, frame.top + frame.innerHeight - 1)).toEqual({ row: 3, column: 9 });
    expect(cellAt(layout, 0, 0)).toBeNull();
  });

  it('heatLut gives LEVELS opaque colours per theme, darker for hotter on light and brighter on dark', () => {
    const light = heatLut(vizStyle('light'));
    const dark = heatLut(vizStyle('dark'));
    const luma = (lut: Uint8ClampedArray, level: number) => lut[level * 4] * 0.3 + lut[level * 4 + 1] * 0.59 + lut[level * 4 + 2] * 0.11;
    expect(luma(light, LEVELS - 1)).toBeLessThan(luma(light, 0));
    expect(luma(dark, LEVELS - 1)).toBeGreaterThan(luma(dark, 0));
    expect(light[NO_VALUE * 4 + 3]).toBe(0);
    expect(heatColor(vizStyle('light'), 0)).toMatch(/^rgb/);
  });
});
