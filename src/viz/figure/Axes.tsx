/**
 * A figure's axes in SVG, from tick data (shared/axis.ts): bottom tick labels (with vertical grid lines
 * when asked), left tick labels with horizontal grid lines, category labels at the left (rows, lanes), a
 * baseline, and the axis titles. Memoized: it changes with the layout, not with the playhead or cursor.
 */
import { memo } from 'react';
import type { Frame, Tick } from '../shared/axis';
import type { VizStyle } from '../shared/palette';

export interface AxesProps {
  frame: Frame;
  style: VizStyle;
  /** Bottom axis: labels under the plot. */
  xTicks?: readonly Tick[];
  /** Vertical grid lines at the x ticks. Default false. */
  hasXGrid?: boolean;
  xTitle?: string;
  /** The x title centred at the figure's foot (default) or at the axis' right end, just under the labels. */
  xTitleAnchor?: 'middle' | 'end';
  /** Left axis: labels and horizontal grid lines across the plot. */
  yTicks?: readonly Tick[];
  /** Rotated at the left edge. */
  yTitle?: string;
  /** Category labels at the left, without grid lines (heatmap rows, timeline lanes). */
  rowLabels?: readonly Tick[];
  /** A line along the bottom of the plot. Default false. */
  hasBaseline?: boolean;
}

const FONT_PX = 11;

export const Axes = memo(function Axes(props: AxesProps) {
  const { frame, style } = props;
  const right = frame.left + frame.innerWidth;
  const bottom = frame.top + frame.innerHeight;
  const leftLabel = (tick: Tick, key: string) => (
    <text key={key} x={frame.left - 6} y={tick.offset} dy="0.32em" textAnchor="end" fontSize={FONT_PX} fill={style.muted}>
      {tick.label}
    </text>
  );
  const xTitle = props.xTitleAnchor === 'end'
    ? { x: right, y: bottom + 26, anchor: 'end' as const }
    : { x: frame.left + frame.innerWidth / 2, y: frame.height - 2, anchor: 'middle' as const };
  return (
    <g className="viz-axes">
      {props.yTicks?.map((tick) => (
        <g key={`y${tick.value}`}>
          <line x1={frame.left} x2={right} y1={tick.offset} y2={tick.offset} stroke={style.grid} />
          {leftLabel(tick, 'label')}
        </g>
      ))}
      {props.rowLabels?.map((tick) => leftLabel(tick, `r${tick.value}`))}
      {props.hasBaseline && <line x1={frame.left} x2={right} y1={bottom + 0.5} y2={bottom + 0.5} stroke={style.grid} />}
      {props.xTicks?.map((tick) => (
        <g key={`x${tick.value}`}>
          {props.hasXGrid && <line x1={tick.offset} x2={tick.offset} y1={frame.top} y2={bottom} stroke={style.grid} />}
          <text x={tick.offset} y={bottom + 14} textAnchor="middle" fontSize={FONT_PX} fill={style.muted}>
            {tick.label}
          </text>
        </g>
      ))}
      {props.xTitle && (
        <text x={xTitle.x} y={xTitle.y} textAnchor={xTitle.anchor} fontSize={FONT_PX} fill={style.foreground}>
          {props.xTitle}
        </text>
      )}
      {props.yTitle && (
        <text transform={`translate(12,${frame.top + frame.innerHeight / 2}) rotate(-90)`} textAnchor="middle" fontSize={FONT_PX} fill={style.foreground}>
          {props.yTitle}
        </text>
      )}
    </g>
  );
});
