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

/**
 * Up to this many bars, each bar is its own SVG element with a native tooltip (inspectable, a few dozen
 * nodes); past it, bars of one colour are one path and a pointer overlay shows the bar under it, so the
 * DOM stays a handful of elements whatever the bar count.
 */
export const BAR_MARKS_MAX = 60;

/** Bars of one colour as one SVG path ("M x y h w v h h -w Z" per bar), plus all whiskers as one path. */
export function histogramPaths(
  layout: HistogramLayout,
  colorOf: (bar: HistogramBar) => string,
): { fills: { color: string; d: string }[]; whiskers: string } {
  const byColor = new Map<string, string[]>();
  const whiskers: string[] = [];
  for (const b of layout.bars) {
    if (b.height > 0) {
      const color = colorOf(b);
      let parts = byColor.get(color);
      if (!parts) byColor.set(color, (parts = []));
      parts.push(`M${r(b.x)} ${r(b.y)}h${r(b.width)}v${r(b.height)}h${r(-b.width)}Z`);
    }
    if (b.items.length > 1 && b.max > b.min) whiskers.push(`M${r(b.x + b.width / 2)} ${r(b.yMin)}V${r(b.yMax)}`);
  }
  return { fills: [...byColor].map(([color, parts]) => ({ color, d: parts.join('') })), whiskers: whiskers.join('') };
}

/** Index of the bar whose slot contains pixel x (gaps included), or -1 outside the plot. */
export function barAtX(layout: HistogramLayout, x: number): number {
  const n = layout.bars.length;
  const { left, innerWidth } = layout.frame;
  if (n === 0 || !(innerWidth > 0) || x < left || x >= left + innerWidth) return -1;
  return Math.min(n - 1, Math.floor(((x - left) / innerWidth) * n));
}

/**
 * The data table's rows: one per bar, so the table's size follows the chart, not the item count. A single
 * item's row is [name, value]; a group's is ["first–last", "mean m (min–max), k items"].
 */
export function histogramRows(
  layout: HistogramLayout,
  format: { int: (v: number) => string; fixed: (v: number) => string },
): [string, string][] {
  return layout.bars.map((b) => [
    b.label,
    b.items.length === 1 ? format.int(b.value) : `mean ${format.fixed(b.value)} (${format.int(b.min)}–${format.int(b.max)}), ${b.items.length} items`,
  ]);
}

function r(v: number): string {
  return (Math.round(v * 10) / 10).toString();
}
