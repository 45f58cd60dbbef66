/**
 * Layout of a few horizontal bars of fractions (0..1) on one shared axis, with an optional ideal marker:
 * "keys moved: ring 9.1% vs hash mod N 80%, ideal 9.1%".
 */
import { scaleLinear } from 'd3-scale';
import { axisTicks, chartFrame, type Frame, type Tick } from '../shared/axis';
import { formatPercent } from '../shared/format';

export interface CompareBar {
  label: string;
  /** A fraction in [0, 1]; clamped for drawing, shown as given. */
  value: number;
}

export interface CompareInput {
  bars: readonly CompareBar[];
  /** The ideal fraction, drawn as a marker across all bars. */
  ideal?: number;
  /** Axis maximum; default 1 (100%). */
  max?: number;
}

export interface PlacedCompareBar extends CompareBar {
  x: number;
  y: number;
  width: number;
  height: number;
  valueText: string;
}

export interface CompareLayout {
  frame: Frame;
  bars: PlacedCompareBar[];
  idealX: number | null;
  ticks: Tick[];
}

export function layoutBarCompare(input: CompareInput, width: number, height: number, labelWidth = 96): CompareLayout {
  const frame = chartFrame(width, height, { left: labelWidth, right: 56, top: 6, bottom: 22 });
  const max = input.max && input.max > 0 ? input.max : 1;
  const x = scaleLinear().domain([0, max]).range([frame.left, frame.left + frame.innerWidth]).clamp(true);
  const n = input.bars.length;
  const step = n > 0 ? frame.innerHeight / n : 0;
  const thickness = Math.max(1, Math.min(28, step * 0.7));
  const bars = input.bars.map((b, i): PlacedCompareBar => {
    const value = Number.isFinite(b.value) ? b.value : 0;
    return {
      ...b,
      x: frame.left,
      y: frame.top + i * step + (step - thickness) / 2,
      width: Math.max(0, x(value) - frame.left),
      height: thickness,
      valueText: formatPercent(b.value),
    };
  });
  const ideal = input.ideal;
  return {
    frame,
    bars,
    idealX: ideal !== undefined && Number.isFinite(ideal) ? x(ideal) : null,
    ticks: axisTicks(x, 4, (v) => formatPercent(v, 0)),
  };
}
