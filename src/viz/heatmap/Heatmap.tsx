/**
 * Nodes x time as a heatmap on the figure's canvas (see layout.ts), with the axes, row labels, legend and
 * the focused cell's outline in the SVG on top. Hover, or focus plus the arrow keys, reads a cell's value;
 * Enter or a click moves the playhead to the cell's time (when `onSeek` is given). A hidden table lists
 * the hottest rows.
 */
import { useCallback, useId, useMemo } from 'react';
import { Axes } from '../figure/Axes';
import { Figure } from '../figure/Figure';
import type { Cell } from '../figure/cursor';
import { useCursor } from '../figure/useCursor';
import { useFigureSize } from '../figure/useFigureSize';
import { formatCompact } from '../shared/format';
import type { VizStyle } from '../shared/palette';
import { heatColor } from './colors';
import { drawHeatmap } from './draw';
import { HeatmapLegend } from './HeatmapLegend';
import { cellAt, heatmapSummary, layoutHeatmap, type HeatmapInput, type HeatmapLayout } from './layout';

export interface HeatmapProps extends HeatmapInput {
  style: VizStyle;
  /** Accessible summary ("CPU % per node over time: n17 hottest, 98% at 1.2 s"). */
  label: string;
  xLabel: string;
  /** What the colour means, with its unit ("CPU %"). */
  valueLabel: string;
  caption?: string;
  formatTime?: (t: number) => string;
  /** The playhead's time: a rule across the rows. */
  t?: number;
  onSeek?: (t: number) => void;
  height?: number;
}

export function Heatmap(props: HeatmapProps) {
  const size = useFigureSize({ height: props.height ?? 240, isDeferred: true });
  const { matrix, labels, order, reduce, domain, rowPxMin, columnPxMin, formatValue, formatTimeTick, style, onSeek } = props;
  const layout = useMemo(
    () => layoutHeatmap({ matrix, labels, order, reduce, domain, rowPxMin, columnPxMin, formatValue, formatTimeTick }, size.width, size.height),
    [matrix, labels, order, reduce, domain, rowPxMin, columnPxMin, formatValue, formatTimeTick, size.width, size.height],
  );
  const draw = useCallback((ctx: CanvasRenderingContext2D) => drawHeatmap(ctx, layout, style), [layout, style]);
  const seekCell = onSeek && ((cell: Cell) => onSeek(layout.columnT0[cell.column]));
  const cursor = useCursor({
    grid: { rows: layout.rows.length, columns: layout.columnCount },
    cellAt: (x, y) => cellAt(layout, x, y),
    onActivate: seekCell,
    onClick: seekCell && ((_x, _y, cell) => cell && seekCell(cell)),
  });
  const fmtV = formatValue ?? formatCompact;
  const fmtT = props.formatTime ?? formatCompact;
  const gradientId = `viz-heat-${useId().replace(/:/g, '')}`;
  const rowLabels = useMemo(() => layout.rows.filter((r) => r.isLabelled).map((r) => ({ value: r.first, offset: r.y + r.height / 2, label: r.tick })), [layout]);
  const marks = useMemo(
    () => (
      <>
        <Axes frame={layout.frame} style={style} xTicks={layout.xTicks} xTitle={props.xLabel} xTitleAnchor="end" rowLabels={rowLabels} />
        <HeatmapLegend layout={layout} style={style} valueLabel={props.valueLabel} gradientId={gradientId} width={size.width} />
      </>
    ),
    [layout, style, props.xLabel, rowLabels, props.valueLabel, gradientId, size.width],
  );
  const table = useMemo(() => {
    const columns = ['nodes', `peak ${props.valueLabel}`, 'peak at t', `mean ${props.valueLabel}`];
    const rows = heatmapSummary(layout, 20).map((r) => [r.label, fmtV(r.peak), fmtT(r.peakT), fmtV(r.mean)]);
    return { caption: `${props.label} (hottest rows)`, columns, rows };
  }, [props.label, props.valueLabel, layout, fmtT, fmtV]);
  const { cell } = cursor;
  const row = cell ? layout.rows[cell.row] : null;
  return (
    <Figure name="heatmap" size={size} style={style} label={props.label}
      plotProps={{ style: { width: '100%', height: size.height } }}
      svgProps={cursor.props}
      draw={draw}
      frame={layout.frame}
      playheadX={playheadAt(layout, props.t)}
      playheadLook={{ dash: '3 2' }}
      tooltip={cell && row ? { x: layout.columnX[cell.column] + 12, y: row.y - 8, lines: cellLines(props, layout, cell, fmtT, fmtV) } : null}
      caption={props.caption}
      table={table}
    >
      {marks}
      {cell && row && (
        <rect
          x={layout.columnX[cell.column] - 1}
          y={row.y - 1}
          width={Math.max(2, layout.columnX[cell.column + 1] - layout.columnX[cell.column]) + 2}
          height={Math.max(2, row.height) + 2}
          fill="none"
          stroke={style.foreground}
          strokeWidth={2}
        />
      )}
    </Figure>
  );
}

/** Pixel x of time t, or null outside the columns' span. */
function playheadAt(layout: HeatmapLayout, t: number | undefined): number | null {
  const n = layout.columnCount;
  if (t === undefined || n === 0 || !(t >= layout.columnT0[0] && t <= layout.columnT1[n - 1])) return null;
  const { frame } = layout;
  return frame.left + ((t - layout.columnT0[0]) / (layout.columnT1[n - 1] - layout.columnT0[0])) * frame.innerWidth;
}

/** The tooltip of a cell: its row (nodes), its time span and its value with the colour swatch. */
function cellLines(props: HeatmapProps, layout: HeatmapLayout, cell: Cell, fmtT: (t: number) => string, fmtV: (v: number) => string) {
  const row = layout.rows[cell.row];
  const at = cell.row * layout.columnCount + cell.column;
  const value = layout.cells[at];
  const swatch = { display: 'inline-block', width: 10, height: 10, marginLeft: 6, verticalAlign: 'middle', border: '1px solid #888', background: heatColor(props.style, layout.levels[at]) };
  return [
    row.count === 1 ? row.label : `${row.label} (${row.count} nodes, their ${props.reduce === 'mean' ? 'mean' : 'max'})`,
    `t = ${fmtT(layout.columnT0[cell.column])} – ${fmtT(layout.columnT1[cell.column])}`,
    value === value ? (
      <>
        {`${props.valueLabel}: ${fmtV(value)}`}
        <span aria-hidden="true" style={swatch} />
      </>
    ) : (
      'no value (down or idle)'
    ),
  ];
}
