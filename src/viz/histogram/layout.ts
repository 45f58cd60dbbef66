/**
 * Layout of a bar chart of one value per item (keys per node), with a mean line. Past `maxBars` items,
 * consecutive items are aggregated into one bar (height = the group's mean, whisker = its min..max), so the
 * mark count follows the width in pixels, not the node count.
 */
import { scaleLinear } from 'd3-scale';
import { axisTicks, chartFrame, type Frame, type Tick } from '../shared/axis';

export interface HistogramInput {
  values: ArrayLike<number>;
  /** Item names (by item index), for bar labels and tooltips. */
  labels?: readonly string[];
  /** Items to include, by index (e.g. live nodes only); default all. */
  include?: readonly number[];
  /** The mean line's value; default the mean of the included values. */
  mean?: number;
  /** Sort bars by value, largest first. Default false (item order). */
  isSorted?: boolean;
  /** Most bars before aggregating. Default: one bar per 3 px of plot width, at most 300. */
  maxBars?: number;
}

export interface HistogramBar {
  x: number;
  y: number;
  width: number;
  height: number;
  /** The bar's value: the item's, or the group's mean. */
  value: number;
  min: number;
  max: number;
  /** Pixel y of min and max (whisker); equal to y for a single item. */
  yMin: number;
  yMax: number;
  /** Item indexes in the bar (one unless aggregated). */
  items: number[];
  label: string;
}

export interface HistogramLayout {
  frame: Frame;
  bars: HistogramBar[];
  isAggregated: boolean;
  mean: number;
  meanY: number;
  yTicks: Tick[];
  /** Whether bars are narrow enough that x labels would collide (then show none). */
  hasBarLabels: boolean;
}

const margin = { left: 48, right: 12, top: 12, bottom: 28 };

export function layoutHistogram(input: HistogramInput, width: number, height: number): HistogramLayout {
  const frame = chartFrame(width, height, margin);
  const include = input.include ?? Array.from({ length: input.values.length }, (_, i) => i);
  const items = include.filter((i) => i >= 0 && i < input.values.length && Number.isFinite(input.values[i]));
  if (input.isSorted) items.sort((a, b) => input.values[b] - input.values[a] || a - b);
  const mean = input.mean ?? (items.length > 0 ? items.reduce((s, i) => s + input.values[i], 0) / items.length : 0);
  const maxBars = Math.max(1, Math.floor(input.maxBars ?? Math.min(300, frame.innerWidth / 3)));
  const groups = groupItems(items, maxBars);
  let top = mean;
  for (const i of items) top = Math.max(top, input.values[i]);
  const y = scaleLinear().domain([0, top > 0 ? top : 1]).nice().range([frame.top + frame.innerHeight, frame.top]);
  const step = groups.length > 0 ? frame.innerWidth / groups.length : 0;
  const gap = step > 6 ? Math.min(4, step * 0.2) : 0;
  const bars = groups.map((group, g): HistogramBar => {
    let sum = 0;
    let min = Infinity;
    let max = -Infinity;
    for (const i of group) {
      const v = input.values[i];
      sum += v;
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    const value = sum / group.length;
    const name = (i: number) => input.labels?.[i] ?? `#${i}`;
    return {
      x: frame.left + g * step + gap / 2,
      y: y(value),
      width: Math.max(0.5, step - gap),
      height: Math.max(0, y(0) - y(value)),
      value,
      min,
      max,
      yMin: y(min),
      yMax: y(max),
      items: group,
      label: group.length === 1 ? name(group[0]) : `${name(group[0])}–${name(group[group.length - 1])}`,
    };
  });
  return {
    frame,
    bars,
    isAggregated: groups.some((g) => g.length > 1),
    mean,
    meanY: y(mean),
    yTicks: axisTicks(y, Math.max(2, Math.floor(frame.innerHeight / 40))),
    hasBarLabels: groups.length > 0 && step >= 28,
  };
}

/** Consecutive items in groups of equal size (the last may be shorter), at most maxBars groups. */
export function groupItems(items: readonly number[], maxBars: number): number[][] {
  if (items.length <= maxBars) return items.map((i) => [i]);
  const size = Math.ceil(items.length / maxBars);
  const groups: number[][] = [];
  for (let start = 0; start < items.length; start += size) groups.push(items.slice(start, start + size));
  return groups;
}
