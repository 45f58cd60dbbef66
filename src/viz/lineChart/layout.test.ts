import { describe, expect, it } from 'vitest';
import { layoutLineChart } from './layout';

describe('layoutLineChart', () => {
  const series = [
    { name: 'exact', points: [{ x: 1, y: 100 }, { x: 10, y: 30 }, { x: 100, y: 10 }, { x: 1000, y: 3 }] },
    { name: 'keys', points: [{ x: 1, y: 90 }, { x: 1000, y: 5 }], isDashed: true },
  ];

  it('layoutLineChart(log x) spaces decades equally', () => {
    const layout = layoutLineChart({ series, xScale: 'log' }, 400, 200);
    const [a, b, c, d] = layout.series[0].points.map((p) => p.px);
    expect(b - a).toBeCloseTo(c - b);
    expect(d - c).toBeCloseTo(c - b);
    expect(a).toBe(layout.frame.left);
    expect(d).toBe(layout.frame.left + layout.frame.innerWidth);
  });

  it('layoutLineChart puts y = 0 at the bottom and larger y higher, with the series path and dash flag', () => {
    const layout = layoutLineChart({ series, xScale: 'log' }, 400, 200);
    const pts = layout.series[0].points;
    expect(pts[0].py).toBeLessThan(pts[3].py);
    expect(layout.yTicks[0].value).toBe(0);
    expect(layout.yTicks[0].offset).toBeCloseTo(layout.frame.top + layout.frame.innerHeight);
    expect(layout.series[0].path).toMatch(/^M/);
    expect(layout.series[1].isDashed).toBe(true);
  });

  it('layoutLineChart(log x) shows powers of ten as ticks', () => {
    const layout = layoutLineChart({ series, xScale: 'log' }, 400, 200);
    expect(layout.xTicks.map((t) => t.value)).toEqual([1, 10, 100, 1000]);
    expect(layout.xTicks.map((t) => t.label)).toEqual(['1', '10', '100', '1k']);
  });

  it('layoutLineChart(log x) drops points at x <= 0 and non-finite points', () => {
    const layout = layoutLineChart(
      { series: [{ name: 's', points: [{ x: 0, y: 1 }, { x: 10, y: Number.NaN }, { x: 10, y: 2 }] }], xScale: 'log' },
      400,
      200,
    );
    expect(layout.series[0].points).toHaveLength(1);
    expect(Number.isFinite(layout.series[0].points[0].px)).toBe(true);
  });

  it('layoutLineChart of no series or no points has finite ticks and empty paths', () => {
    const none = layoutLineChart({ series: [] }, 400, 200);
    expect(none.series).toEqual([]);
    expect(none.xTicks.length).toBeGreaterThan(0);
    const empty = layoutLineChart({ series: [{ name: 's', points: [] }], xScale: 'log' }, 400, 200);
    expect(empty.series[0].path).toBe('');
  });
});
