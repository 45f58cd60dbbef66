/**
 * Bars of one value per item with a mean line (SVG; aggregated past a few hundred items, see layout.ts).
 * A figure: the svg is role="img" with a summary name, the numbers are in a visually hidden table with one
 * row per bar. Up to BAR_MARKS_MAX bars each bar is an element with its own tooltip; past that, the bars
 * are a few paths and the figure's pointer cursor shows the figures of the bar under the pointer.
 */
import { memo, useCallback, useMemo } from 'react';
import { Axes } from '../figure/Axes';
import { Figure } from '../figure/Figure';
import { HaloText } from '../figure/HaloText';
import { useCursor } from '../figure/useCursor';
import { useFigureSize } from '../figure/useFigureSize';
import { formatFixed, formatInt } from '../shared/format';
import { ownerColor, type VizStyle } from '../shared/palette';
import { barFigures, BarOutline, HistogramMarks } from './HistogramMarks';
import { BAR_MARKS_MAX, barAtX, histogramRows, layoutHistogram, type HistogramBar, type HistogramInput } from './layout';

export interface HistogramProps extends HistogramInput {
  style: VizStyle;
  /** Accessible summary of the chart ("keys per node: max 1.3 x mean"). */
  label: string;
  /** Visible caption under the chart. */
  caption?: string;
  /** Column names of the data table. Default ['item', 'value']. */
  columns?: readonly [string, string];
  /** Colour bars by item index (owner colours); default one neutral colour. */
  hasItemColors?: boolean;
  /** Plural noun for the items in the axis note ("nodes"). Default "items". */
  itemsName?: string;
  /** Item to outline (a selected node). */
  highlight?: number;
  height?: number;
}

export const Histogram = memo(function Histogram(props: HistogramProps) {
  const size = useFigureSize({ height: props.height ?? 180 });
  const { values, labels, include, mean, isSorted, maxBars, style, hasItemColors } = props;
  const layout = useMemo(
    () => layoutHistogram({ values, labels, include, mean, isSorted, maxBars }, size.width, size.height),
    [values, labels, include, mean, isSorted, maxBars, size.width, size.height],
  );
  const { frame } = layout;
  const table = useMemo(() => ({ caption: props.label, columns: props.columns ?? ['item', 'value'], rows: histogramRows(layout, { int: formatInt, fixed: (v) => formatFixed(v) }) }), [props.label, props.columns, layout]);
  const itemCount = useMemo(() => layout.bars.reduce((n, b) => n + b.items.length, 0), [layout]);
  const colorOf = useCallback((b: HistogramBar) => (hasItemColors && b.items.length === 1 ? ownerColor(style, b.items[0]) : style.muted), [hasItemColors, style]);
  const hasBarMarks = layout.bars.length <= BAR_MARKS_MAX;
  // Single bars carry native tooltips; among paths the pointer reads the bar under it (no tab stop).
  const cursor = useCursor({
    grid: { rows: 1, columns: hasBarMarks ? 0 : layout.bars.length },
    cellAt: (x) => ({ row: 0, column: barAtX(layout, x) }),
    isFocusable: false,
  });
  const hovered = cursor.cell ? layout.bars[cursor.cell.column] : undefined;
  const highlighted = props.highlight === undefined ? undefined : layout.bars.find((b) => b.items.includes(props.highlight!));
  const note = layout.isAggregated
    ? `${formatInt(itemCount)} ${props.itemsName ?? 'items'}, ${layout.bars[0].items.length} per bar (bar = mean, line = min–max)`
    : `${formatInt(itemCount)} ${props.itemsName ?? 'items'}`;
  return (
    <Figure name="histogram" size={size} style={style} label={props.label}
      svgProps={cursor.props}
      tooltip={hovered ? barTip(hovered, size.width) : null}
      caption={props.caption}
      table={table}
    >
      <Axes frame={frame} style={style} yTicks={layout.yTicks} />
      <HistogramMarks layout={layout} style={style} colorOf={colorOf} hasBarMarks={hasBarMarks} highlighted={highlighted} />
      {hovered && <BarOutline bar={hovered} stroke={style.accent} />}
      <line x1={frame.left} x2={frame.left + frame.innerWidth} y1={layout.meanY} y2={layout.meanY} stroke={style.accent} strokeWidth={2} strokeDasharray="6 3" />
      <HaloText style={style} x={frame.left + frame.innerWidth} y={layout.meanY - 4} textAnchor="end" fontWeight={600} fill={style.accent}>
        {`mean ${formatFixed(layout.mean)}`}
      </HaloText>
      {!layout.hasBarLabels && layout.bars.length > 0 && (
        <text x={frame.left} y={frame.top + frame.innerHeight + 16} fontSize={11} fill={style.muted}>
          {note}
        </text>
      )}
    </Figure>
  );
});

/** Beside the bar, on the side with more room, so it never runs off the card. */
function barTip(bar: HistogramBar, width: number) {
  const isLeftHalf = bar.x < width / 2;
  return {
    x: isLeftHalf ? bar.x + bar.width + 6 : bar.x - 6,
    y: Math.min(bar.y, bar.yMax) - 8,
    align: isLeftHalf ? ('start' as const) : ('end' as const),
    lines: [bar.label, barFigures(bar)],
  };
}
