/**
 * Values over simulated time for many nodes (see layout.ts): the marks follow the pixels (a band across
 * nodes per column plus a few lines), so most charts are a small SVG; past `canvasPointsMin` points the data
 * marks go on the figure's canvas, with the axes, labels and markers in the SVG on top. Hover, or focus plus
 * the arrow keys, reads a column's figures; click or Enter moves the playhead there (when `onSeek` is given).
 */
import { useCallback, useMemo } from 'react';
import { Axes } from '../figure/Axes';
import { Figure } from '../figure/Figure';
import { useCursor } from '../figure/useCursor';
import { useFigureSize } from '../figure/useFigureSize';
import { formatCompact } from '../shared/format';
import type { VizStyle } from '../shared/palette';
import { drawTimeSeries, hasHighlights } from './draw';
import { columnAtX, layoutTimeSeries, timeAtX, xAtTime, type TimeSeriesInput, type TimeSeriesLayout } from './layout';
import { summaryRows } from './summary';
import { timeSeriesLegend, TimeSeriesMarks } from './TimeSeriesMarks';
import { formatNumber } from '../shared/format';

export interface TimeSeriesProps extends TimeSeriesInput {
  style: VizStyle;
  /** Accessible summary of the chart (what it shows and its headline figure). */
  label: string;
  /** Axis titles ("simulated time (s)", "CPU %"). */
  xLabel: string;
  yLabel: string;
  caption?: string;
  /** Simulated time as text in tooltips and the table ("1.20 s"). Default compact numbers. */
  formatTime?: (t: number) => string;
  /** Called with a simulated time when the user clicks the chart or presses Enter on a column. */
  onSeek?: (t: number) => void;
  height?: number;
  /**
   * Points (columns x lines, the band counting as three) above which the data marks go on a canvas.
   * Default 4,000: an aggregated chart (a band plus a few lines over a few hundred columns) stays a small,
   * inspectable SVG; many full series over many columns go on a canvas.
   */
  canvasPointsMin?: number;
}

export function TimeSeries(props: TimeSeriesProps) {
  const size = useFigureSize({ height: props.height ?? 200, isDeferred: true });
  const { matrix, labels, highlight, allSeriesMax, reduce, band, bandSeries, yMax, thresholds, markers, columnPx, formatValue, formatTimeTick, style, onSeek } = props;
  const layout = useMemo(
    () => layoutTimeSeries({ matrix, labels, highlight, allSeriesMax, reduce, band, bandSeries, yMax, thresholds, markers, columnPx, formatValue, formatTimeTick }, size.width, size.height),
    [matrix, labels, highlight, allSeriesMax, reduce, band, bandSeries, yMax, thresholds, markers, columnPx, formatValue, formatTimeTick, size.width, size.height],
  );
  const isHighlighted = hasHighlights(layout);
  // Keyed series (legend, tooltip, table): the highlighted ones when there are any, else every drawn line.
  const keyed = useMemo(() => (isHighlighted ? layout.series.filter((s) => s.rank >= 0).sort((a, b) => a.rank - b.rank) : layout.series).slice(0, 8), [layout, isHighlighted]);
  const fmtV = formatValue ?? formatCompact;
  const fmtT = props.formatTime ?? formatCompact;
  const isCanvas = layout.columnCount * (layout.series.length + (layout.isAggregated ? 3 : 0)) > (props.canvasPointsMin ?? 4000);
  const draw = useCallback((ctx: CanvasRenderingContext2D) => drawTimeSeries(ctx, layout, style), [layout, style]);
  const cursor = useCursor({
    grid: { rows: 1, columns: layout.columnCount },
    cellAt: (x) => ({ row: 0, column: columnAtX(layout, x) }),
    onActivate: onSeek && ((cell) => onSeek(layout.columnT0[cell.column])),
    onClick: onSeek && ((x) => onSeek(timeAtX(layout, x))),
  });
  const column = cursor.cell ? cursor.cell.column : -1;
  const nodeCount = matrix?.nodeCount ?? 0;
  const bandText = `band: ${bandName(band)} of ${formatNumber(nodeCount)} nodes`;
  const legend = useMemo(() => timeSeriesLegend(layout, style, keyed, isHighlighted, bandText), [layout, style, keyed, isHighlighted, bandText]);
  const table = useMemo(() => summaryTable(props.label, layout, keyed, fmtT, fmtV), [props.label, layout, keyed, fmtT, fmtV]);
  const marks = useMemo(
    () => (
      <>
        <Axes frame={layout.frame} style={style} xTicks={layout.xTicks} yTicks={layout.yTicks} xTitle={props.xLabel} />
        <TimeSeriesMarks layout={layout} style={style} isCanvas={isCanvas} isHighlighted={isHighlighted} formatTime={fmtT} />
      </>
    ),
    [layout, style, props.xLabel, isCanvas, isHighlighted, fmtT],
  );
  return (
    <Figure name="timeseries" size={size} style={style} label={props.label}
      legend={legend}
      header={<div className="viz-timeseries-ylabel" aria-hidden="true" style={{ fontSize: 12, color: style.foreground, margin: '2px 0 0' }}>{props.yLabel}</div>}
      plotClassName="viz-timeseries-plot"
      plotProps={{ style: { width: '100%', height: size.height } }}
      svgProps={cursor.props}
      draw={isCanvas ? draw : null}
      frame={layout.frame}
      cursorX={column >= 0 ? layout.xs[column] : null}
      playheadX={xAtTime(layout, props.t)}
      tooltip={column >= 0 ? { x: layout.xs[column] + 10, y: layout.frame.top + 4, widthMax: 200, lines: columnLines(layout, column, keyed, band, fmtT, fmtV) } : null}
      caption={props.caption}
      table={table}
    >
      {marks}
    </Figure>
  );
}

/**
 * The table twin: twelve time windows (enough for a screen reader to follow the shape, and a small DOM
 * with four charts on a page), with the median and max node and each keyed series.
 */
function summaryTable(caption: string, layout: TimeSeriesLayout, keyed: TimeSeriesLayout['series'], fmtT: (t: number) => string, fmtV: (v: number) => string) {
  const keyedIndex = keyed.map((s) => layout.series.indexOf(s));
  const rows = summaryRows(layout, 12).map((r) => [fmtT(r.t0), fmtT(r.t1), fmtV(r.median), fmtV(r.max), ...keyedIndex.map((i) => fmtV(r.series[i]))]);
  return { caption, columns: ['from t', 'to t', 'median node', 'max node', ...keyed.map((s) => s.label)], rows };
}

/** The tooltip of a column: its time span, the band's figures when aggregated, each keyed series' value. */
function columnLines(layout: TimeSeriesLayout, column: number, keyed: TimeSeriesLayout['series'], band: TimeSeriesProps['band'], fmtT: (t: number) => string, fmtV: (v: number) => string): string[] {
  const lines = [`t = ${fmtT(layout.columnT0[column])} – ${fmtT(layout.columnT1[column])}`];
  if (layout.isAggregated) {
    lines.push(
      `median node: ${fmtV(layout.medianValue[column])}`,
      `band (${bandName(band)}): ${fmtV(layout.bandLoValue[column])} – ${fmtV(layout.bandHiValue[column])}`,
      `over ${formatNumber(layout.liveCount[column])} nodes`,
    );
  }
  for (const s of keyed) lines.push(`${s.label}: ${fmtV(s.values[column])}`);
  return lines;
}

function bandName(band: readonly [number, number] | undefined): string {
  const [lo, hi] = band ?? [0.5, 1];
  const name = (q: number) => (q >= 1 ? 'max' : q <= 0 ? 'min' : q === 0.5 ? 'median' : `p${Math.round(q * 100)}`);
  return `${name(lo)} to ${name(hi)}`;
}
