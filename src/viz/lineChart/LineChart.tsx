/**
 * Several series against a log or linear x axis (SVG). Points carry titles (hover), the series are
 * named in a legend (colour plus dash, never colour alone) and the numbers are in a hidden table.
 */
import { useMemo, useRef } from 'react';
import { DataTable } from '../shared/DataTable';
import { ownerColor, type VizStyle } from '../shared/palette';
import { useObservedSize } from '../shared/useObservedSize';
import { layoutLineChart, type LineChartInput } from './layout';

export interface LineChartProps extends LineChartInput {
  style: VizStyle;
  label: string;
  xLabel: string;
  yLabel: string;
  caption?: string;
  /** x value to mark with a vertical rule (the scenario's current vnodes). */
  markX?: number;
  height?: number;
}

export function LineChart(props: LineChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const { width } = useObservedSize(box);
  const height = props.height ?? 200;
  const { series, xScale, yMax } = props;
  const layout = useMemo(() => layoutLineChart({ series, xScale, yMax }, width, height), [series, xScale, yMax, width, height]);
  const { style } = props;
  const { frame } = layout;
  const colorOf = (i: number) => (i === 0 ? style.accent : ownerColor(style, i - 1));
  const markPx = useMemo(() => {
    if (props.markX === undefined) return null;
    const xs = layout.series.flatMap((s) => s.points);
    const exact = xs.find((p) => p.x === props.markX);
    return exact ? exact.px : null;
  }, [layout, props.markX]);
  const rows = series.flatMap((s) => s.points.map((p) => [s.name, p.x, p.y.toFixed(2)] as const));
  return (
    <figure className="viz-figure" ref={box}>
      <ul className="viz-legend" aria-hidden="true">
        {layout.series.map((s) => (
          <li key={s.name}>
            <svg width={22} height={10}>
              <line x1={1} x2={21} y1={5} y2={5} stroke={colorOf(s.index)} strokeWidth={2.5} strokeDasharray={s.isDashed ? '4 3' : undefined} />
            </svg>
            {s.name}
          </li>
        ))}
      </ul>
      <svg width={width} height={height} role="img" aria-label={props.label}>
        {layout.yTicks.map((t) => (
          <g key={`y${t.value}`}>
            <line x1={frame.left} x2={frame.left + frame.innerWidth} y1={t.offset} y2={t.offset} stroke={style.grid} />
            <text x={frame.left - 6} y={t.offset} dy="0.32em" textAnchor="end" fontSize={11} fill={style.muted}>
              {t.label}
            </text>
          </g>
        ))}
        {layout.xTicks.map((t) => (
          <text key={`x${t.value}`} x={t.offset} y={frame.top + frame.innerHeight + 14} textAnchor="middle" fontSize={11} fill={style.muted}>
            {t.label}
          </text>
        ))}
        <text x={frame.left + frame.innerWidth / 2} y={height - 2} textAnchor="middle" fontSize={11} fill={style.foreground}>
          {props.xLabel}
        </text>
        <text transform={`translate(12,${frame.top + frame.innerHeight / 2}) rotate(-90)`} textAnchor="middle" fontSize={11} fill={style.foreground}>
          {props.yLabel}
        </text>
        {markPx !== null && (
          <line x1={markPx} x2={markPx} y1={frame.top} y2={frame.top + frame.innerHeight} stroke={style.foreground} strokeDasharray="2 3" opacity={0.6} />
        )}
        {layout.series.map((s) => (
          <g key={s.name}>
            <path d={s.path} fill="none" stroke={colorOf(s.index)} strokeWidth={2} strokeDasharray={s.isDashed ? '5 4' : undefined} />
            {s.points.map((p, i) => (
              <circle key={i} cx={p.px} cy={p.py} r={3.5} fill={style.background} stroke={colorOf(s.index)} strokeWidth={2}>
                <title>{p.title ?? `${s.name}: ${p.x}, ${p.y}`}</title>
              </circle>
            ))}
          </g>
        ))}
      </svg>
      {props.caption && <figcaption>{props.caption}</figcaption>}
      <DataTable caption={props.label} columns={['series', props.xLabel, props.yLabel]} rows={rows} />
    </figure>
  );
}
