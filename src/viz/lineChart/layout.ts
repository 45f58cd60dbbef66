/**
 * Layout of a line chart with several series, a log or linear x axis and a linear y axis from 0.
 * Points that a log axis cannot place (x <= 0) or that are not finite are dropped, not drawn at NaN.
 */
import { scaleLinear, scaleLog } from 'd3-scale';
import { line } from 'd3-shape';
import { axisTicks, chartFrame, logAxisTicks, type Frame, type Tick } from '../shared/axis';

export interface LinePoint {
  x: number;
  y: number;
  /** Tooltip text of the point; default "x, y". */
  title?: string;
}

export interface LineSeries {
  name: string;
  points: readonly LinePoint[];
  /** Draw dashed (a second encoding besides colour). */
  isDashed?: boolean;
}

export interface LineChartInput {
  series: readonly LineSeries[];
  xScale?: 'log' | 'linear';
  /** Upper y bound; default the largest y (niced). */
  yMax?: number;
}

export interface PlacedPoint extends LinePoint {
  px: number;
  py: number;
}

export interface PlacedSeries {
  name: string;
  index: number;
  isDashed: boolean;
  path: string;
  points: PlacedPoint[];
}

export interface LineChartLayout {
  frame: Frame;
  series: PlacedSeries[];
  xTicks: Tick[];
  yTicks: Tick[];
}

const margin = { left: 48, right: 16, top: 12, bottom: 32 };

export function layoutLineChart(input: LineChartInput, width: number, height: number): LineChartLayout {
  const frame = chartFrame(width, height, margin);
  const isLog = input.xScale === 'log';
  const valid = (p: LinePoint) => Number.isFinite(p.x) && Number.isFinite(p.y) && (!isLog || p.x > 0);
  const kept = input.series.map((s) => s.points.filter(valid));
  const all = kept.flat();
  let xMin = Infinity;
  let xMax = -Infinity;
  let yTop = input.yMax ?? 0;
  for (const p of all) {
    xMin = Math.min(xMin, p.x);
    xMax = Math.max(xMax, p.x);
    if (input.yMax === undefined) yTop = Math.max(yTop, p.y);
  }
  if (!(xMin <= xMax)) [xMin, xMax] = isLog ? [1, 10] : [0, 1];
  if (xMin === xMax) [xMin, xMax] = isLog ? [xMin / 10, xMax * 10] : [xMin - 1, xMax + 1];
  const range: [number, number] = [frame.left, frame.left + frame.innerWidth];
  const x = isLog ? scaleLog().domain([xMin, xMax]).range(range) : scaleLinear().domain([xMin, xMax]).range(range);
  const y = scaleLinear().domain([0, yTop > 0 ? yTop : 1]).nice().range([frame.top + frame.innerHeight, frame.top]);
  const path = line<PlacedPoint>().x((p) => p.px).y((p) => p.py);
  const series = input.series.map((s, index): PlacedSeries => {
    const points = kept[index].map((p) => ({ ...p, px: x(p.x), py: y(p.y) }));
    return { name: s.name, index, isDashed: s.isDashed ?? false, path: path(points) ?? '', points };
  });
  const xCount = Math.max(2, Math.floor(frame.innerWidth / 60));
  return {
    frame,
    series,
    xTicks: isLog ? logAxisTicks(x, xCount) : axisTicks(x, xCount),
    yTicks: axisTicks(y, Math.max(2, Math.floor(frame.innerHeight / 40))),
  };
}
