/**
 * Axis ticks as plain data, from d3-scale: the SVG components draw them, tests read them.
 * A tick is a value, its pixel position along the axis and its label.
 */
import type { ScaleContinuousNumeric } from 'd3-scale';
import { formatCompact } from './format';

export interface Tick {
  value: number;
  /** Pixels along the axis (x for a bottom axis, y for a left axis). */
  offset: number;
  label: string;
}

export function axisTicks(
  scale: ScaleContinuousNumeric<number, number>,
  count = 5,
  format: (value: number) => string = formatCompact,
): Tick[] {
  const values = scale.ticks(count);
  const ticks: Tick[] = [];
  for (const value of values) {
    const offset = scale(value);
    if (Number.isFinite(offset)) ticks.push({ value, offset, label: format(value) });
  }
  return ticks;
}

/**
 * Ticks of a log scale, thinned to powers of ten when the default ticks would crowd the axis
 * (d3's log ticks include 2, 3, ... 9 between decades).
 */
export function logAxisTicks(
  scale: ScaleContinuousNumeric<number, number>,
  count = 5,
  format: (value: number) => string = formatCompact,
): Tick[] {
  const all = axisTicks(scale, count, format);
  if (all.length <= count * 2) return all;
  const decades = all.filter((tick) => Math.abs(Math.log10(tick.value) - Math.round(Math.log10(tick.value))) < 1e-9);
  return decades.length >= 2 ? decades : all;
}

/** Chart margins in pixels, and the inner plotting area they leave. */
export interface Frame {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
  innerWidth: number;
  innerHeight: number;
}

export function chartFrame(
  width: number,
  height: number,
  margin: { left: number; right: number; top: number; bottom: number },
): Frame {
  const w = Math.max(0, finiteOr(width, 0));
  const h = Math.max(0, finiteOr(height, 0));
  return {
    width: w,
    height: h,
    ...margin,
    innerWidth: Math.max(0, w - margin.left - margin.right),
    innerHeight: Math.max(0, h - margin.top - margin.bottom),
  };
}

export function finiteOr(value: number, fallback: number): number {
  return Number.isFinite(value) ? value : fallback;
}
