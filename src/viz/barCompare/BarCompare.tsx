/** A few horizontal bars of fractions on one axis, with an ideal marker (SVG). */
import { useMemo } from 'react';
import { Axes } from '../figure/Axes';
import { Figure } from '../figure/Figure';
import { useFigureSize } from '../figure/useFigureSize';
import { formatPercent } from '../shared/format';
import type { VizStyle } from '../shared/palette';
import { layoutBarCompare, type CompareInput } from './layout';

export interface BarCompareProps extends CompareInput {
  style: VizStyle;
  label: string;
  idealLabel?: string;
  /** Colour per bar (default: accent for the first, muted for the rest). */
  colors?: readonly string[];
  height?: number;
}

export function BarCompare(props: BarCompareProps) {
  const size = useFigureSize({ height: props.height ?? 30 + 34 * props.bars.length });
  const { bars, ideal, max, style } = props;
  const layout = useMemo(() => layoutBarCompare({ bars, ideal, max }, size.width, size.height), [bars, ideal, max, size.width, size.height]);
  const { frame } = layout;
  return (
    <Figure size={size} style={style} label={props.label}>
      <Axes frame={frame} style={style} xTicks={layout.ticks} hasXGrid />
      {layout.bars.map((b, i) => (
        <g key={b.label}>
          <text x={frame.left - 8} y={b.y + b.height / 2} dy="0.32em" textAnchor="end" fontSize={12} fill={style.foreground}>
            {b.label}
          </text>
          <rect x={b.x} y={b.y} width={b.width} height={b.height} fill={props.colors?.[i] ?? (i === 0 ? style.accent : style.muted)} rx={2} />
          <text x={b.x + b.width + 6} y={b.y + b.height / 2} dy="0.32em" fontSize={12} fontWeight={600} fill={style.foreground}>
            {b.valueText}
          </text>
        </g>
      ))}
      {layout.idealX !== null && (
        <g>
          <line x1={layout.idealX} x2={layout.idealX} y1={frame.top - 2} y2={frame.top + frame.innerHeight + 2} stroke={style.foreground} strokeWidth={2} strokeDasharray="3 2" />
          <title>{`${props.idealLabel ?? 'ideal'}: ${formatPercent(props.ideal ?? Number.NaN)}`}</title>
        </g>
      )}
    </Figure>
  );
}
