/** A few horizontal bars of fractions on one axis, with an ideal marker (SVG). */
import { useMemo, useRef } from 'react';
import type { VizStyle } from '../shared/palette';
import { useObservedSize } from '../shared/useObservedSize';
import { formatPercent } from '../shared/format';
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
  const box = useRef<HTMLDivElement>(null);
  const { width } = useObservedSize(box);
  const height = props.height ?? 30 + 34 * props.bars.length;
  const { bars, ideal, max } = props;
  const layout = useMemo(() => layoutBarCompare({ bars, ideal, max }, width, height), [bars, ideal, max, width, height]);
  const { style } = props;
  const { frame } = layout;
  return (
    <div className="viz-figure" ref={box}>
      <svg width={width} height={height} role="img" aria-label={props.label}>
        {layout.ticks.map((t) => (
          <g key={t.value}>
            <line x1={t.offset} x2={t.offset} y1={frame.top} y2={frame.top + frame.innerHeight} stroke={style.grid} />
            <text x={t.offset} y={height - 6} textAnchor="middle" fontSize={11} fill={style.muted}>
              {t.label}
            </text>
          </g>
        ))}
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
      </svg>
    </div>
  );
}
