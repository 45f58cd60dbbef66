/**
 * Several series against a log or linear x axis (SVG). Points carry titles (hover), the series are
 * named in a legend (colour plus dash, never colour alone) and the numbers are in a hidden table.
 */
import { useMemo } from 'react';
import { Axes } from '../figure/Axes';
import { Figure } from '../figure/Figure';
import { useFigureSize } from '../figure/useFigureSize';
import { ownerColor, type VizStyle } from '../shared/palette';
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
  const size = useFigureSize({ height: props.height ?? 200 });
  const { series, xScale, yMax, style, markX } = props;
  const layout = useMemo(() => layoutLineChart({ series, xScale, yMax }, size.width, size.height), [series, xScale, yMax, size.width, size.height]);
  const { frame } = layout;
  const colorOf = (i: number) => lineColor(style, i);
  const markPx = markX === undefined ? undefined : layout.series.flatMap((s) => s.points).find((p) => p.x === markX)?.px;
  const legend = useMemo(
    () => layout.series.map((s) => ({ label: s.name, mark: <line x1={1} x2={21} y1={5} y2={5} stroke={lineColor(style, s.index)} strokeWidth={2.5} strokeDasharray={s.isDashed ? '4 3' : undefined} /> })),
    [layout, style],
  );
  const table = useMemo(
    () => ({ caption: props.label, columns: ['series', props.xLabel, props.yLabel], rows: series.flatMap((s) => s.points.map((p) => [s.name, p.x, p.y.toFixed(2)])) }),
    [props.label, props.xLabel, props.yLabel, series],
  );
  return (
    <Figure size={size} style={style} label={props.label} legend={legend} caption={props.caption} table={table}>
      <Axes frame={frame} style={style} xTicks={layout.xTicks} yTicks={layout.yTicks} xTitle={props.xLabel} yTitle={props.yLabel} />
      {markPx !== undefined && (
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
    </Figure>
  );
}

/** The first series in the accent colour, the others in owner colours. */
function lineColor(style: VizStyle, index: number): string {
  return index === 0 ? style.accent : ownerColor(style, index - 1);
}
