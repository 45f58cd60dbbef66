/**
 * Values over simulated time for many nodes (see layout.ts): the marks follow the pixels (a band across
 * nodes per column plus a few lines), so most charts are a small SVG; past `canvasPointsMin` points the data
 * marks go on a canvas, with the axes, labels and markers in an SVG on top. Hover, or focus plus the arrow
 * keys, reads a column's figures; click or Enter moves the playhead there (when `onSeek` is given).
 */
import { useCallback, useDeferredValue, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent, type PointerEvent } from 'react';
import { DataTable } from '../shared/DataTable';
import { formatCompact } from '../shared/format';
import type { VizStyle } from '../shared/palette';
import { useCanvas } from '../shared/useCanvas';
import { useObservedSize } from '../shared/useObservedSize';
import { bandPath, drawTimeSeries, hasHighlights, linePath, seriesColor, seriesDash, seriesOpacity } from './draw';
import { columnAtX, layoutTimeSeries, summaryRows, timeAtX, xAtTime, type TimeSeriesInput } from './layout';

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
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  // Measured by a ResizeObserver only (no getBoundingClientRect at mount, so mounting never forces a
  // synchronous layout of the page); width 0 until then, which lays out nearly for free.
  // The measured width is deferred: the layout at the real width (the costly one) then runs in React's
  // time-sliced background render, one chart per slice, instead of all charts in one sync task.
  const width = useDeferredValue(useObservedSize(box).width);
  const height = props.height ?? 200;
  const { matrix, labels, highlight, allSeriesMax, reduce, band, bandSeries, yMax, thresholds, markers, t, columnPx, formatValue, formatTimeTick } = props;
  const layout = useMemo(
    () => layoutTimeSeries({ matrix, labels, highlight, allSeriesMax, reduce, band, bandSeries, yMax, thresholds, markers, columnPx, formatValue, formatTimeTick }, width, height),
    [matrix, labels, highlight, allSeriesMax, reduce, band, bandSeries, yMax, thresholds, markers, columnPx, formatValue, formatTimeTick, width, height],
  );
  const highlighted = hasHighlights(layout);
  // Keyed series (legend, tooltip, table): the highlighted ones when there are any, else every drawn line.
  const keyed = useMemo(() => (highlighted ? layout.series.filter((s) => s.rank >= 0).sort((a, b) => a.rank - b.rank) : layout.series).slice(0, 8), [layout, highlighted]);
  const keyedIndex = useMemo(() => keyed.map((s) => layout.series.indexOf(s)), [keyed, layout]);
  const drawOrder = useMemo(() => [...layout.series].sort((a, b) => (b.rank < 0 ? 1e9 : b.rank) - (a.rank < 0 ? 1e9 : a.rank)), [layout]);
  // The playhead is placed apart from the layout: playing moves t every frame, and that must not re-lay out.
  const playheadX = xAtTime(layout, t);
  const { style } = props;
  const fmtV = formatValue ?? formatCompact;
  const fmtT = props.formatTime ?? formatCompact;
  const isCanvas = layout.columnCount * (layout.series.length + (layout.isAggregated ? 3 : 0)) > (props.canvasPointsMin ?? 4000);
  const [cursor, setCursor] = useState(-1);
  const column = cursor < layout.columnCount ? cursor : -1;

  const draw = useCallback(
    (ctx: CanvasRenderingContext2D) => drawTimeSeries(ctx, layout, style, { cursorColumn: column }),
    [layout, style, column],
  );
  useCanvas(canvas, isCanvas ? width : 0, height, draw);
  const svgMarks = useMemo(
    () =>
      isCanvas
        ? null
        : {
            band: layout.isAggregated ? bandPath(layout.xs, layout.bandLo, layout.bandHi) : '',
            median: layout.isAggregated ? linePath(layout.xs, layout.median) : '',
            lines: layout.series.map((s) => linePath(layout.xs, s.ys)),
          },
    [layout, isCanvas],
  );
  // Twelve time windows: enough for a screen reader to follow the shape, and a small DOM (four charts).
  const rows = useMemo(() => summaryRows(layout, 12), [layout]);

  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    setCursor(columnAtX(layout, event.clientX - rect.left));
  };
  const onKeyDown = (event: KeyboardEvent<SVGSVGElement>) => {
    const n = layout.columnCount;
    if (n === 0) return;
    const at = column < 0 ? 0 : column;
    const step = event.shiftKey ? 10 : 1;
    if (event.key === 'ArrowRight') setCursor(Math.min(n - 1, at + step));
    else if (event.key === 'ArrowLeft') setCursor(Math.max(0, at - step));
    else if (event.key === 'Home') setCursor(0);
    else if (event.key === 'End') setCursor(n - 1);
    else if (event.key === 'Enter' && column >= 0 && props.onSeek) props.onSeek(layout.columnT0[column]);
    else return;
    event.preventDefault();
  };
  const onClick = (event: MouseEvent<SVGSVGElement>) => {
    if (!props.onSeek) return;
    const rect = event.currentTarget.getBoundingClientRect();
    props.onSeek(timeAtX(layout, event.clientX - rect.left));
  };

  const { frame } = layout;
  const bottom = frame.top + frame.innerHeight;
  const right = frame.left + frame.innerWidth;
  const nodeCount = matrix?.nodeCount ?? 0;
  const tooltipLeft = column >= 0 ? Math.max(0, Math.min(width - 200, layout.xs[column] + 10)) : 0;
  // The chart's static parts are memoized elements: while the playhead moves (every frame when playing),
  // React re-renders only the playhead line and the cursor, not the ticks, paths, markers and table.
  const legend = useMemo(
    () => (
      <ul className="viz-legend" aria-hidden="true">
        {layout.isAggregated && (
          <>
            <li>
              <svg width={22} height={12}>
                <rect x={1} y={1} width={20} height={10} fill={style.muted} opacity={0.35} />
              </svg>
              {`band: ${bandName(band)} of ${nodeCount.toLocaleString('en-US')} nodes`}
            </li>
            <li>
              <svg width={22} height={10}>
                <line x1={1} x2={21} y1={5} y2={5} stroke={style.muted} strokeWidth={1.5} strokeDasharray="4 3" />
              </svg>
              median node
            </li>
          </>
        )}
        {keyed.map((s) => (
          <li key={s.node}>
            <svg width={22} height={10}>
              <line x1={1} x2={21} y1={5} y2={5} stroke={seriesColor(style, s, highlighted)} strokeWidth={2} strokeDasharray={seriesDash(s.rank).join(' ') || undefined} />
            </svg>
            {s.label}
          </li>
        ))}
        {highlighted && !layout.isAggregated && layout.series.length > keyed.length && (
          <li>
            <svg width={22} height={10}>
              <line x1={1} x2={21} y1={5} y2={5} stroke={style.muted} strokeWidth={1} opacity={0.7} />
            </svg>
            {`the other ${layout.series.length - keyed.length} nodes`}
          </li>
        )}
      </ul>
    ),
    [layout, style, band, nodeCount, keyed, highlighted],
  );
  const staticMarks = useMemo(
    () => (
      <>
        {layout.yTicks.map((tick) => (
          <g key={`y${tick.value}`}>
            <line x1={frame.left} x2={right} y1={tick.offset} y2={tick.offset} stroke={style.grid} />
            <text x={frame.left - 6} y={tick.offset} dy="0.32em" textAnchor="end" fontSize={11} fill={style.muted}>
              {tick.label}
            </text>
          </g>
        ))}
        {layout.xTicks.map((tick) => (
          <text key={`x${tick.value}`} x={tick.offset} y={bottom + 14} textAnchor="middle" fontSize={11} fill={style.muted}>
            {tick.label}
          </text>
        ))}
        <text x={frame.left + frame.innerWidth / 2} y={height - 2} textAnchor="middle" fontSize={11} fill={style.foreground}>
          {props.xLabel}
        </text>
        {svgMarks && (
          <g>
            {svgMarks.band && <path d={svgMarks.band} fill={style.muted} opacity={0.3} />}
            {svgMarks.median && <path d={svgMarks.median} fill="none" stroke={style.muted} strokeWidth={1.5} strokeDasharray="4 3" />}
            {drawOrder.map((s) => (
              <path
                key={s.node}
                d={svgMarks.lines[layout.series.indexOf(s)]}
                fill="none"
                stroke={seriesColor(style, s, highlighted)}
                strokeWidth={s.rank >= 0 ? 2 : 1}
                opacity={seriesOpacity(s, highlighted)}
                strokeDasharray={seriesDash(s.rank).join(' ') || undefined}
              />
            ))}
          </g>
        )}
        {layout.thresholds.map((th) => (
          <g key={`th${th.value}${th.label}`}>
            <line x1={frame.left} x2={right} y1={th.y} y2={th.y} stroke={style.foreground} strokeDasharray="6 4" opacity={0.7} />
            <text x={right - 2} y={th.y - 4} textAnchor="end" fontSize={11} fill={style.foreground} paintOrder="stroke" stroke={style.background} strokeWidth={3}>
              {th.label}
            </text>
          </g>
        ))}
        {layout.markers.map((mk, i) => {
          const labelY = mk.labelRow <= 0 ? frame.top - 3 : frame.top + 11 * mk.labelRow;
          return (
            <g key={`mk${i}`}>
              <title>{`${mk.label} at t = ${fmtT(mk.t)}`}</title>
              <line x1={mk.x} x2={mk.x} y1={frame.top} y2={bottom} stroke={style.accent} strokeWidth={1.5} />
              <path d={`M${mk.x - 5},${frame.top - 9} L${mk.x + 5},${frame.top - 9} L${mk.x},${frame.top - 2} Z`} fill={style.accent} />
              {mk.labelRow >= 0 && (
                <text
                  x={mk.x + (mk.anchor === 'end' ? -7 : 7)}
                  y={labelY}
                  textAnchor={mk.anchor}
                  fontSize={11}
                  fontWeight={600}
                  fill={style.accent}
                  paintOrder="stroke"
                  stroke={style.background}
                  strokeWidth={3}
                >
                  {mk.label}
                </text>
              )}
            </g>
          );
        })}
        {layout.series
          .filter((s) => s.isLabelled)
          .map((s) => (
            <text key={`l${s.node}`} x={right + 4} y={s.labelY} dy="0.32em" fontSize={11} fontWeight={s.rank >= 0 ? 600 : 400} fill={style.foreground}>
              {s.label}
            </text>
          ))}
      </>
    ),
    [layout, style, svgMarks, drawOrder, highlighted, props.xLabel, height, fmtT, frame, bottom, right],
  );
  const table = useMemo(
    () => (
      <DataTable
        caption={props.label}
        columns={['from t', 'to t', 'median node', 'max node', ...keyed.map((s) => s.label)]}
        rows={rows.map((r) => [fmtT(r.t0), fmtT(r.t1), fmtV(r.median), fmtV(r.max), ...keyedIndex.map((i) => fmtV(r.series[i]))])}
      />
    ),
    [props.label, keyed, keyedIndex, rows, fmtT, fmtV],
  );
  return (
    <figure className="viz-figure viz-timeseries" ref={box}>
      {legend}
      <div className="viz-timeseries-ylabel" aria-hidden="true" style={{ fontSize: 12, color: style.foreground, margin: '2px 0 0' }}>
        {props.yLabel}
      </div>
      <div className="viz-timeseries-plot" style={{ position: 'relative', width: '100%', height }}>
        {isCanvas && <canvas ref={canvas} aria-hidden="true" style={{ position: 'absolute', left: 0, top: 0, width, height }} />}
        <svg
          width={width}
          height={height}
          role="img"
          aria-label={props.label}
          tabIndex={0}
          style={{ position: 'relative', cursor: props.onSeek ? 'pointer' : undefined }}
          onPointerMove={onPointerMove}
          onPointerLeave={() => setCursor(-1)}
          onBlur={() => setCursor(-1)}
          onKeyDown={onKeyDown}
          onClick={onClick}
        >
          {staticMarks}
          {!isCanvas && column >= 0 && <line x1={layout.xs[column]} x2={layout.xs[column]} y1={frame.top} y2={bottom} stroke={style.foreground} opacity={0.35} />}
          {playheadX !== null && (
            <line x1={playheadX} x2={playheadX} y1={frame.top} y2={bottom} stroke={style.foreground} strokeWidth={1.5} />
          )}
        </svg>
        {column >= 0 && (
          <div className="viz-tooltip" role="status" style={{ left: tooltipLeft, top: frame.top + 4 }}>
            <div>{`t = ${fmtT(layout.columnT0[column])} – ${fmtT(layout.columnT1[column])}`}</div>
            {layout.isAggregated && (
              <>
                <div>{`median node: ${fmtV(layout.medianValue[column])}`}</div>
                <div>{`band (${bandName(band)}): ${fmtV(layout.bandLoValue[column])} – ${fmtV(layout.bandHiValue[column])}`}</div>
                <div>{`over ${layout.liveCount[column].toLocaleString('en-US')} nodes`}</div>
              </>
            )}
            {keyed.map((s) => (
              <div key={s.node}>{`${s.label}: ${fmtV(s.values[column])}`}</div>
            ))}
          </div>
        )}
      </div>
      {props.caption && <figcaption>{props.caption}</figcaption>}
      {table}
    </figure>
  );
}

function bandName(band: readonly [number, number] | undefined): string {
  const [lo, hi] = band ?? [0.5, 1];
  const name = (q: number) => (q >= 1 ? 'max' : q <= 0 ? 'min' : q === 0.5 ? 'median' : `p${Math.round(q * 100)}`);
  return `${name(lo)} to ${name(hi)}`;
}
