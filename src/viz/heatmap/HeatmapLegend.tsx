/**
 * The heatmap's colour legend in SVG, under the time axis: the ramp as a gradient bar with value ticks,
 * and a hatch swatch for "no value" when there is room. The gradient and hatch ids are the chart's own
 * (several heatmaps on a page). Memoized on the layout.
 */
import { memo } from 'react';
import type { VizStyle } from '../shared/palette';
import { heatRamp } from './colors';
import type { HeatmapLayout } from './layout';

export interface HeatmapLegendProps {
  layout: HeatmapLayout;
  style: VizStyle;
  /** What the colour means, with its unit ("CPU %"). */
  valueLabel: string;
  /** Unique per chart: the gradient's id; the hatch pattern's is `${gradientId}-hatch`. */
  gradientId: string;
  width: number;
}

export const HeatmapLegend = memo(function HeatmapLegend({ layout, style, valueLabel, gradientId, width }: HeatmapLegendProps) {
  const { legend } = layout;
  const ramp = heatRamp(style);
  return (
    <g>
      <defs>
        <pattern id={`${gradientId}-hatch`} width={6} height={6} patternUnits="userSpaceOnUse">
          <rect width={6} height={6} fill={style.grid} />
          <path d="M0,6 L6,0" stroke={style.muted} strokeWidth={1} />
        </pattern>
        <linearGradient id={gradientId}>
          {ramp.map((color, i) => (
            <stop key={i} offset={`${(i / (ramp.length - 1)) * 100}%`} stopColor={color} />
          ))}
        </linearGradient>
      </defs>
      <text x={legend.x} y={legend.y - 3} fontSize={11} fill={style.foreground}>
        {`${valueLabel}: low → high`}
      </text>
      <rect x={legend.x} y={legend.y} width={legend.width} height={legend.height} fill={`url(#${gradientId})`} stroke={style.muted} strokeWidth={0.5} />
      {layout.legendTicks.map((tick) => (
        <g key={`lg${tick.value}`}>
          <line x1={tick.offset} x2={tick.offset} y1={legend.y + legend.height} y2={legend.y + legend.height + 3} stroke={style.muted} />
          <text x={tick.offset} y={legend.y + legend.height + 13} textAnchor="middle" fontSize={10} fill={style.muted}>
            {tick.label}
          </text>
        </g>
      ))}
      {legend.x + legend.width + 110 < width && (
        <g>
          <rect x={legend.x + legend.width + 16} y={legend.y} width={12} height={legend.height} fill={`url(#${gradientId}-hatch)`} stroke={style.muted} strokeWidth={0.5} />
          <text x={legend.x + legend.width + 32} y={legend.y + legend.height - 1} fontSize={11} fill={style.muted}>
            no value (down)
          </text>
        </g>
      )}
    </g>
  );
});
