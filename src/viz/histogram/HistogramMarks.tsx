/**
 * The histogram's bars in SVG: up to BAR_MARKS_MAX each bar is its own element with a native tooltip (and
 * a whisker and label when aggregated or wide); past that, bars of one colour are one path, all whiskers
 * one path, with outlines for the highlighted and the hovered bar. Memoized on the layout (the hovered bar
 * aside), so the pointer re-renders only the outlines.
 */
import { memo, useMemo } from 'react';
import { formatFixed, formatInt } from '../shared/format';
import type { VizStyle } from '../shared/palette';
import { histogramPaths, type HistogramBar, type HistogramLayout } from './layout';

export interface HistogramMarksProps {
  layout: HistogramLayout;
  style: VizStyle;
  colorOf: (bar: HistogramBar) => string;
  /** Draw every bar as its own element (else: paths). */
  hasBarMarks: boolean;
  highlighted?: HistogramBar;
}

export const HistogramMarks = memo(function HistogramMarks(props: HistogramMarksProps) {
  return props.hasBarMarks ? <BarMarks {...props} /> : <BarPaths {...props} />;
});

function BarMarks({ layout, style, colorOf, highlighted }: HistogramMarksProps) {
  const { frame } = layout;
  return layout.bars.map((b, i) => (
    <g key={i}>
      <rect
        x={b.x}
        y={b.y}
        width={b.width}
        height={b.height}
        fill={colorOf(b)}
        opacity={b === highlighted ? 1 : 0.85}
        stroke={b === highlighted ? style.foreground : 'none'}
        strokeWidth={2}
      >
        <title>{`${b.label}: ${barFigures(b)}`}</title>
      </rect>
      {b.items.length > 1 && b.max > b.min && <line x1={b.x + b.width / 2} x2={b.x + b.width / 2} y1={b.yMin} y2={b.yMax} stroke={style.foreground} opacity={0.5} />}
      {layout.hasBarLabels && (
        <text x={b.x + b.width / 2} y={frame.top + frame.innerHeight + 14} textAnchor="middle" fontSize={11} fill={style.foreground}>
          {b.label}
        </text>
      )}
    </g>
  ));
}

function BarPaths({ layout, style, colorOf, highlighted }: HistogramMarksProps) {
  const paths = useMemo(() => histogramPaths(layout, colorOf), [layout, colorOf]);
  return (
    <g>
      {paths.fills.map((f) => (
        <path key={f.color} d={f.d} fill={f.color} opacity={0.85} />
      ))}
      {paths.whiskers && <path d={paths.whiskers} stroke={style.foreground} opacity={0.5} fill="none" />}
      {highlighted && <BarOutline bar={highlighted} stroke={style.foreground} />}
    </g>
  );
}

/** An outline around a bar and its whisker (the highlighted or the hovered bar among paths). */
export function BarOutline({ bar, stroke }: { bar: HistogramBar; stroke: string }) {
  return (
    <rect
      x={bar.x - 1}
      y={Math.min(bar.y, bar.yMax) - 1}
      width={bar.width + 2}
      height={Math.max(bar.height, bar.yMin - bar.yMax) + 2}
      fill="none"
      stroke={stroke}
      strokeWidth={2}
      pointerEvents="none"
    />
  );
}

/** A bar's figures: its value, or a group's mean and range. */
export function barFigures(b: HistogramBar): string {
  return b.items.length > 1 ? `mean ${formatFixed(b.value)}, ${formatInt(b.min)}–${formatInt(b.max)}` : formatInt(b.value);
}
