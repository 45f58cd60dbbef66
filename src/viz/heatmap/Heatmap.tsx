/**
 * Nodes x time as a heatmap on canvas (see layout.ts), with the axes, row labels, legend and the focused
 * cell's outline in an SVG on top. Hover, or focus plus the arrow keys, reads a cell's value; Enter or a
 * click moves the playhead to the cell's time (when `onSeek` is given). A hidden table lists the hottest
 * rows.
 */
import { useCallback, useDeferredValue, useId, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { DataTable } from '../shared/DataTable';
import { formatCompact } from '../shared/format';
import type { VizStyle } from '../shared/palette';
import { useCanvas } from '../shared/useCanvas';
import { useObservedSize } from '../shared/useObservedSize';
import { heatColor, heatRamp } from './colors';
import { drawHeatmap } from './draw';
import { cellAt, heatmapSummary, layoutHeatmap, type HeatmapInput } from './layout';

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
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  // Measured by a ResizeObserver only (no getBoundingClientRect at mount, so mounting never forces a
  // synchronous layout of the page); width 0 until then, which lays out nearly for free.
  // The measured width is deferred: the layout at the real width (the costly one) then runs in React's
  // time-sliced background render, one chart per slice, instead of all charts in one sync task.
  const width = useDeferredValue(useObservedSize(box).width);
  const height = props.height ?? 240;
  const { matrix, labels, order, reduce, domain, rowPxMin, columnPxMin, formatValue, formatTimeTick, style } = props;
  const layout = useMemo(
    () => layoutHeatmap({ matrix, labels, order, reduce, domain, rowPxMin, columnPxMin, formatValue, formatTimeTick }, width, height),
    [matrix, labels, order, reduce, domain, rowPxMin, columnPxMin, formatValue, formatTimeTick, width, height],
  );
  const draw = useCallback((ctx: CanvasRenderingContext2D) => drawHeatmap(ctx, layout, style), [layout, style]);
  useCanvas(canvas, width, height, draw);
  const [cursor, setCursor] = useState<{ row: number; column: number } | null>(null);
  const cell = cursor && cursor.row < layout.rows.length && cursor.column < layout.columnCount ? cursor : null;
  const summary = useMemo(() => heatmapSummary(layout, 20), [layout]);
  const fmtV = formatValue ?? formatCompact;
  const fmtT = props.formatTime ?? formatCompact;
  const gradientId = `viz-heat-${useId().replace(/:/g, "")}`;

  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    setCursor(cellAt(layout, event.clientX - rect.left, event.clientY - rect.top));
  };
  const onKeyDown = (event: KeyboardEvent<SVGSVGElement>) => {
    const rows = layout.rows.length;
    const columns = layout.columnCount;
    if (rows === 0 || columns === 0) return;
    const at = cell ?? { row: 0, column: 0 };
    const step = event.shiftKey ? 10 : 1;
    const clamp = (v: number, n: number) => Math.max(0, Math.min(n - 1, v));
    if (event.key === 'ArrowRight') setCursor({ ...at, column: cell ? clamp(at.column + step, columns) : 0 });
    else if (event.key === 'ArrowLeft') setCursor({ ...at, column: clamp(at.column - step, columns) });
    else if (event.key === 'ArrowDown') setCursor({ ...at, row: cell ? clamp(at.row + step, rows) : 0 });
    else if (event.key === 'ArrowUp') setCursor({ ...at, row: clamp(at.row - step, rows) });
    else if (event.key === 'Home') setCursor({ ...at, column: 0 });
    else if (event.key === 'End') setCursor({ ...at, column: columns - 1 });
    else if (event.key === 'Enter' && cell && props.onSeek) props.onSeek(layout.columnT0[cell.column]);
    else return;
    event.preventDefault();
  };
  const onClick = () => {
    if (cell && props.onSeek) props.onSeek(layout.columnT0[cell.column]);
  };

  const { frame, legend } = layout;
  const bottom = frame.top + frame.innerHeight;
  const row = cell ? layout.rows[cell.row] : null;
  const value = cell ? layout.cells[cell.row * layout.columnCount + cell.column] : Number.NaN;
  const playheadX =
    props.t !== undefined && layout.columnCount > 0 && props.t >= layout.columnT0[0] && props.t <= layout.columnT1[layout.columnCount - 1]
      ? frame.left + ((props.t - layout.columnT0[0]) / (layout.columnT1[layout.columnCount - 1] - layout.columnT0[0])) * frame.innerWidth
      : null;
  const ramp = heatRamp(style);
  // Static parts as memoized elements: a moving playhead or cursor re-renders only its own line.
  const staticParts = useMemo(
    () => (
      <>
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
        {layout.rows
          .filter((r) => r.isLabelled)
          .map((r) => (
            <text key={r.first} x={frame.left - 6} y={r.y + r.height / 2} dy="0.32em" textAnchor="end" fontSize={11} fill={style.muted}>
              {r.tick}
            </text>
          ))}
        {layout.xTicks.map((tick) => (
          <text key={tick.value} x={tick.offset} y={bottom + 14} textAnchor="middle" fontSize={11} fill={style.muted}>
            {tick.label}
          </text>
        ))}
        <text x={frame.left + frame.innerWidth} y={bottom + 26} textAnchor="end" fontSize={11} fill={style.foreground}>
          {props.xLabel}
        </text>
        <text x={legend.x} y={legend.y - 3} fontSize={11} fill={style.foreground}>
          {`${props.valueLabel}: low → high`}
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
      </>
    ),
    [layout, style, gradientId, ramp, props.xLabel, props.valueLabel, width, frame, bottom, legend],
  );
  const table = useMemo(
    () => (
      <DataTable
        caption={`${props.label} (hottest rows)`}
        columns={['nodes', `peak ${props.valueLabel}`, 'peak at t', `mean ${props.valueLabel}`]}
        rows={summary.map((r) => [r.label, fmtV(r.peak), fmtT(r.peakT), fmtV(r.mean)])}
      />
    ),
    [props.label, props.valueLabel, summary, fmtT, fmtV],
  );
  return (
    <figure className="viz-figure viz-heatmap" ref={box}>
      <div style={{ position: 'relative', width: '100%', height }}>
        <canvas ref={canvas} aria-hidden="true" style={{ position: 'absolute', left: 0, top: 0, width, height }} />
        <svg
          width={width}
          height={height}
          role="img"
          aria-label={props.label}
          tabIndex={0}
          style={{ position: 'relative', cursor: props.onSeek ? 'pointer' : undefined }}
          onPointerMove={onPointerMove}
          onPointerLeave={() => setCursor(null)}
          onBlur={() => setCursor(null)}
          onKeyDown={onKeyDown}
          onClick={onClick}
        >
          {staticParts}
          {playheadX !== null && <line x1={playheadX} x2={playheadX} y1={frame.top} y2={bottom} stroke={style.foreground} strokeWidth={1.5} strokeDasharray="3 2" />}
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
        </svg>
        {cell && row && (
          <div className="viz-tooltip" role="status" style={{ left: Math.max(0, Math.min(width - 220, layout.columnX[cell.column] + 12)), top: Math.max(0, row.y - 8) }}>
            <div>{row.count === 1 ? row.label : `${row.label} (${row.count} nodes, their ${reduce === 'mean' ? 'mean' : 'max'})`}</div>
            <div>{`t = ${fmtT(layout.columnT0[cell.column])} – ${fmtT(layout.columnT1[cell.column])}`}</div>
            <div>
              {value === value ? `${props.valueLabel}: ${fmtV(value)}` : 'no value (down or idle)'}
              {value === value && (
                <span
                  aria-hidden="true"
                  style={{ display: 'inline-block', width: 10, height: 10, marginLeft: 6, verticalAlign: 'middle', border: '1px solid #888', background: heatColor(style, layout.levels[cell.row * layout.columnCount + cell.column]) }}
                />
              )}
            </div>
          </div>
        )}
      </div>
      {props.caption && <figcaption>{props.caption}</figcaption>}
      {table}
    </figure>
  );
}
