/**
 * Bars of one value per item with a mean line (SVG; aggregated past a few hundred items, see layout.ts).
 * A figure: the svg is role="img" with a summary name, the numbers are in a visually hidden table with one
 * row per bar. Up to BAR_MARKS_MAX bars each bar is an element with its own tooltip; past that, the bars
 * are a few paths and a pointer overlay shows the figures of the bar under the pointer.
 */
import { memo, useMemo, useRef, useState, type PointerEvent } from 'react';
import { DataTable } from '../shared/DataTable';
import { formatFixed, formatInt } from '../shared/format';
import { ownerColor, type VizStyle } from '../shared/palette';
import { useObservedSize } from '../shared/useObservedSize';
import { BAR_MARKS_MAX, barAtX, histogramPaths, histogramRows, layoutHistogram, type HistogramBar, type HistogramInput } from './layout';

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
  const box = useRef<HTMLDivElement>(null);
  const { width } = useObservedSize(box);
  const height = props.height ?? 180;
  const { values, labels, include, mean, isSorted, maxBars } = props;
  const layout = useMemo(
    () => layoutHistogram({ values, labels, include, mean, isSorted, maxBars }, width, height),
    [values, labels, include, mean, isSorted, maxBars, width, height],
  );
  const { style } = props;
  const { frame } = layout;
  const rows = useMemo(() => histogramRows(layout, { int: formatInt, fixed: (v) => formatFixed(v) }), [layout]);
  const itemCount = useMemo(() => layout.bars.reduce((n, b) => n + b.items.length, 0), [layout]);
  const colorOf = (b: HistogramBar) => (props.hasItemColors && b.items.length === 1 ? ownerColor(style, b.items[0]) : style.muted);
  const hasBarMarks = layout.bars.length <= BAR_MARKS_MAX;
  const paths = useMemo(
    () => (hasBarMarks ? null : histogramPaths(layout, (b) => (props.hasItemColors && b.items.length === 1 ? ownerColor(style, b.items[0]) : style.muted))),
    [hasBarMarks, layout, props.hasItemColors, style],
  );
  const [hoverBar, setHoverBar] = useState(-1);
  const hovered = hasBarMarks ? undefined : layout.bars[hoverBar];
  const highlighted = props.highlight === undefined ? undefined : layout.bars.find((b) => b.items.includes(props.highlight!));
  return (
    <figure className="viz-figure viz-histogram" ref={box}>
      <svg width={width} height={height} role="img" aria-label={props.label}>
        {layout.yTicks.map((t) => (
          <g key={t.value}>
            <line x1={frame.left} x2={frame.left + frame.innerWidth} y1={t.offset} y2={t.offset} stroke={style.grid} />
            <text x={frame.left - 6} y={t.offset} dy="0.32em" textAnchor="end" fontSize={11} fill={style.muted}>
              {t.label}
            </text>
          </g>
        ))}
        {hasBarMarks
          ? layout.bars.map((b, i) => {
              const isHighlighted = b === highlighted;
              return (
                <g key={i}>
                  <rect
                    x={b.x}
                    y={b.y}
                    width={b.width}
                    height={b.height}
                    fill={colorOf(b)}
                    opacity={isHighlighted ? 1 : 0.85}
                    stroke={isHighlighted ? style.foreground : 'none'}
                    strokeWidth={2}
                  >
                    <title>{barText(b)}</title>
                  </rect>
                  {b.items.length > 1 && b.max > b.min && (
                    <line x1={b.x + b.width / 2} x2={b.x + b.width / 2} y1={b.yMin} y2={b.yMax} stroke={style.foreground} opacity={0.5} />
                  )}
                  {layout.hasBarLabels && (
                    <text x={b.x + b.width / 2} y={frame.top + frame.innerHeight + 14} textAnchor="middle" fontSize={11} fill={style.foreground}>
                      {b.label}
                    </text>
                  )}
                </g>
              );
            })
          : paths && (
              <g>
                {paths.fills.map((f) => (
                  <path key={f.color} d={f.d} fill={f.color} opacity={0.85} />
                ))}
                {paths.whiskers && <path d={paths.whiskers} stroke={style.foreground} opacity={0.5} fill="none" />}
                {[highlighted, hovered].map(
                  (b, i) =>
                    b && (
                      <rect
                        key={i}
                        x={b.x - 1}
                        y={Math.min(b.y, b.yMax) - 1}
                        width={b.width + 2}
                        height={Math.max(b.height, b.yMin - b.yMax) + 2}
                        fill="none"
                        stroke={i === 0 ? style.foreground : style.accent}
                        strokeWidth={2}
                      />
                    ),
                )}
                <rect
                  x={frame.left}
                  y={frame.top}
                  width={frame.innerWidth}
                  height={frame.innerHeight}
                  fill="transparent"
                  onPointerMove={(event: PointerEvent<SVGRectElement>) => {
                    const rect = event.currentTarget.ownerSVGElement?.getBoundingClientRect();
                    setHoverBar(rect ? barAtX(layout, event.clientX - rect.left) : -1);
                  }}
                  onPointerLeave={() => setHoverBar(-1)}
                />
              </g>
            )}
        <line x1={frame.left} x2={frame.left + frame.innerWidth} y1={layout.meanY} y2={layout.meanY} stroke={style.accent} strokeWidth={2} strokeDasharray="6 3" />
        <text x={frame.left + frame.innerWidth} y={layout.meanY - 4} textAnchor="end" fontSize={11} fontWeight={600} fill={style.accent} paintOrder="stroke" stroke={style.background} strokeWidth={3}>
          {`mean ${formatFixed(layout.mean)}`}
        </text>
        {!layout.hasBarLabels && layout.bars.length > 0 && (
          <text x={frame.left} y={frame.top + frame.innerHeight + 16} fontSize={11} fill={style.muted}>
            {layout.isAggregated
              ? `${formatInt(itemCount)} ${props.itemsName ?? 'items'}, ${layout.bars[0].items.length} per bar (bar = mean, line = min–max)`
              : `${formatInt(itemCount)} ${props.itemsName ?? 'items'}`}
          </text>
        )}
      </svg>
      {props.caption && <figcaption>{props.caption}</figcaption>}
      {hovered && (
        <div
          className="viz-tooltip"
          role="status"
          style={{
            // Beside the bar, on the side with more room, so it never runs off the card.
            ...(hovered.x < width / 2 ? { left: hovered.x + hovered.width + 6 } : { right: width - hovered.x + 6 }),
            top: Math.max(0, Math.min(hovered.y, hovered.yMax) - 8),
          }}
        >
          <div>{hovered.label}</div>
          <div>{barFigures(hovered)}</div>
        </div>
      )}
      <DataTable caption={props.label} columns={props.columns ?? ['item', 'value']} rows={rows} />
    </figure>
  );
});

function barText(b: HistogramBar): string {
  return `${b.label}: ${barFigures(b)}`;
}

function barFigures(b: HistogramBar): string {
  return b.items.length > 1 ? `mean ${formatFixed(b.value)}, ${formatInt(b.min)}–${formatInt(b.max)}` : formatInt(b.value);
}
