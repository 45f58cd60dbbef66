/**
 * Bars of one value per item with a mean line (SVG; aggregated past a few hundred items, see layout.ts).
 * A figure: the svg is role="img" with a summary name, the numbers are in a visually hidden table.
 */
import { useMemo, useRef } from 'react';
import { DataTable } from '../shared/DataTable';
import { formatFixed, formatInt } from '../shared/format';
import { ownerColor, type VizStyle } from '../shared/palette';
import { useElementSize } from '../shared/useElementSize';
import { layoutHistogram, type HistogramInput } from './layout';

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

export function Histogram(props: HistogramProps) {
  const box = useRef<HTMLDivElement>(null);
  const { width } = useElementSize(box, { width: 360, height: 0 });
  const height = props.height ?? 180;
  const { values, labels, include, mean, isSorted, maxBars } = props;
  const layout = useMemo(
    () => layoutHistogram({ values, labels, include, mean, isSorted, maxBars }, width, height),
    [values, labels, include, mean, isSorted, maxBars, width, height],
  );
  const { style } = props;
  const { frame } = layout;
  const rows = useMemo(
    () => layout.bars.flatMap((b) => b.items).map((i) => [labels?.[i] ?? `#${i}`, formatInt(values[i])]),
    [layout, labels, values],
  );
  return (
    <figure className="viz-figure" ref={box}>
      <svg width={width} height={height} role="img" aria-label={props.label}>
        {layout.yTicks.map((t) => (
          <g key={t.value}>
            <line x1={frame.left} x2={frame.left + frame.innerWidth} y1={t.offset} y2={t.offset} stroke={style.grid} />
            <text x={frame.left - 6} y={t.offset} dy="0.32em" textAnchor="end" fontSize={11} fill={style.muted}>
              {t.label}
            </text>
          </g>
        ))}
        {layout.bars.map((b, i) => {
          const isHighlighted = props.highlight !== undefined && b.items.includes(props.highlight);
          const color = props.hasItemColors && b.items.length === 1 ? ownerColor(style, b.items[0]) : style.muted;
          return (
            <g key={i}>
              <rect
                x={b.x}
                y={b.y}
                width={b.width}
                height={b.height}
                fill={color}
                opacity={isHighlighted ? 1 : 0.85}
                stroke={isHighlighted ? style.foreground : 'none'}
                strokeWidth={2}
              >
                <title>{`${b.label}: ${b.items.length > 1 ? `mean ${formatFixed(b.value)}, ${formatInt(b.min)}–${formatInt(b.max)}` : formatInt(b.value)}`}</title>
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
        })}
        <line x1={frame.left} x2={frame.left + frame.innerWidth} y1={layout.meanY} y2={layout.meanY} stroke={style.accent} strokeWidth={2} strokeDasharray="6 3" />
        <text x={frame.left + frame.innerWidth} y={layout.meanY - 4} textAnchor="end" fontSize={11} fontWeight={600} fill={style.accent} paintOrder="stroke" stroke={style.background} strokeWidth={3}>
          {`mean ${formatFixed(layout.mean)}`}
        </text>
        {!layout.hasBarLabels && layout.bars.length > 0 && (
          <text x={frame.left} y={frame.top + frame.innerHeight + 16} fontSize={11} fill={style.muted}>
            {layout.isAggregated
              ? `${formatInt(rows.length)} ${props.itemsName ?? 'items'}, ${layout.bars[0].items.length} per bar (bar = mean, line = min–max)`
              : `${formatInt(rows.length)} ${props.itemsName ?? 'items'}`}
          </text>
        )}
      </svg>
      {props.caption && <figcaption>{props.caption}</figcaption>}
      <DataTable caption={props.label} columns={props.columns ?? ['item', 'value']} rows={rows} />
    </figure>
  );
}
