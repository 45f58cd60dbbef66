/**
 * The election-time experiment's plot: per timeout range, the CDF of the time without a leader (percent of
 * trials with a leader again against ms since the crash), the paper's points beside it as diamonds in the
 * range's colour. The shared figure frame and line layout; a click on a curve's point opens that trial.
 * The keyboard route to the trials is the table under the plot (its buttons).
 */
import { useMemo } from 'react';
import { Axes, Figure, useFigureSize } from '../../../viz/figure';
import { layoutLineChart } from '../../../viz/lineChart/layout';
import { ownerColor, type VizStyle } from '../../../viz/shared';
import type { ExperimentResult } from '../result';
import { curveSeries, paperMarks } from './select';
import { formatNumber } from '../../../viz/shared/format';

export interface ElectionCdfProps {
  experiment: ExperimentResult;
  style: VizStyle;
  /** Opens trial of rank `rank` in range `range`. */
  onOpen: (range: number, rank: number) => void;
}

export function ElectionCdf({ experiment, style, onOpen }: ElectionCdfProps) {
  const size = useFigureSize({ height: 300 });
  const { series, ranks } = useMemo(() => curveSeries(experiment), [experiment]);
  const marks = useMemo(() => paperMarks(experiment), [experiment]);
  const isLog = experiment.experiment === 'randomness';
  const layout = useMemo(() => {
    // The paper's points join the layout as a series of their own, so the axes cover them too.
    const paper = { name: 'paper', points: marks.map((m) => ({ x: m.x, y: m.y })) };
    return layoutLineChart({ series: [...series, paper], xScale: isLog ? 'log' : 'linear', yMax: 100 }, size.width, size.height);
  }, [series, marks, isLog, size.width, size.height]);
  const color = (i: number) => ownerColor(style, i);
  const legend = useMemo(() => [
    ...series.map((s, i) => ({ label: s.name, mark: <line x1={1} x2={21} y1={5} y2={5} stroke={ownerColor(style, i)} strokeWidth={2.5} strokeDasharray={i % 2 ? '5 3' : undefined} /> })),
    { label: 'the paper (Figure 16)', mark: <path d="M11 0L16 5L11 10L6 5Z" fill={style.background} stroke={style.foreground} strokeWidth={1.5} /> },
  ], [series, style]);
  const table = useMemo(() => ({
    caption: 'Share of trials with a leader again, by time since the crash, per election timeout range',
    columns: ['range', 'ms since the crash', 'trials with a leader (%)'],
    rows: series.flatMap((s) => s.points.map((p) => [s.name, p.x.toFixed(1), p.y.toFixed(1)])),
  }), [series]);
  const paperLayout = layout.series.at(-1)!;
  const counts = experiment.curves.map((c) => formatNumber(c.downtimeMs.length)).join(', ');
  return (
    <Figure
      size={size}
      style={style}
      name="raft-cdf"
      label={`Time without a leader after the leader crashes: one curve per election timeout range (${counts} trials), the paper's points as diamonds`}
      legend={legend}
      table={table}
      caption={`x: ms from the leader's crash until every server heard the new leader${isLog ? ' (log scale)' : ''}; y: percent of trials with a leader by then. Steps are split votes. Click a point of a curve to open that trial on the stage.`}
      frame={layout.frame}
    >
      <Axes frame={layout.frame} style={style} xTicks={layout.xTicks} yTicks={layout.yTicks} xTitle="ms without a leader" yTitle="% of trials" />
      {layout.series.slice(0, -1).map((s) => (
        <g key={s.name} data-range={s.name}>
          <path d={s.path} fill="none" stroke={color(s.index)} strokeWidth={2} strokeDasharray={s.index % 2 ? '5 3' : undefined} />
          {s.points.map((p, k) => (
            <circle key={k} className="raft-cdf-point" cx={p.px} cy={p.py} r={5} fill="transparent" onClick={() => onOpen(s.index, ranks[s.index][k])}>
              <title>{p.title}</title>
            </circle>
          ))}
        </g>
      ))}
      {paperLayout.points.map((p, i) => (
        <path key={i} d={`M${p.px} ${p.py - 6}L${p.px + 6} ${p.py}L${p.px} ${p.py + 6}L${p.px - 6} ${p.py}Z`} fill={style.background} stroke={color(marks[i].curve)} strokeWidth={2}>
          <title>{marks[i].title}</title>
        </path>
      ))}
    </Figure>
  );
}
