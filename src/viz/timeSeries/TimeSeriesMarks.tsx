/**
 * The time series' SVG marks over the figure's axes: the band, the median and the series lines (unless
 * the canvas draws them), threshold lines, detector and event markers, and the series' end labels. Its
 * legend items sit here too: they name the same marks. Memoized on the layout, so a moving playhead
 * re-renders the figure's rules, not these.
 */
import { memo, useMemo } from 'react';
import { HaloText } from '../figure/HaloText';
import type { LegendItem } from '../figure/Legend';
import type { VizStyle } from '../shared/palette';
import { bandPath, drawOrder, linePath, seriesColor, seriesDash, seriesOpacity } from './draw';
import type { PlacedSeries, TimeSeriesLayout } from './layout';

export interface TimeSeriesMarksProps {
  layout: TimeSeriesLayout;
  style: VizStyle;
  /** The data marks are on the canvas: draw only the overlays here. */
  isCanvas: boolean;
  isHighlighted: boolean;
  formatTime: (t: number) => string;
}

export const TimeSeriesMarks = memo(function TimeSeriesMarks(props: TimeSeriesMarksProps) {
  const { layout, style } = props;
  const { frame } = layout;
  const right = frame.left + frame.innerWidth;
  return (
    <>
      {!props.isCanvas && <DataMarks layout={layout} style={style} isHighlighted={props.isHighlighted} />}
      {layout.thresholds.map((th) => (
        <g key={`th${th.value}${th.label}`}>
          <line x1={frame.left} x2={right} y1={th.y} y2={th.y} stroke={style.foreground} strokeDasharray="6 4" opacity={0.7} />
          <HaloText style={style} x={right - 2} y={th.y - 4} textAnchor="end">
            {th.label}
          </HaloText>
        </g>
      ))}
      <Markers layout={layout} style={style} formatTime={props.formatTime} />
      {layout.series
        .filter((s) => s.isLabelled)
        .map((s) => (
          <text key={`l${s.node}`} x={right + 4} y={s.labelY} dy="0.32em" fontSize={11} fontWeight={s.rank >= 0 ? 600 : 400} fill={style.foreground}>
            {s.label}
          </text>
        ))}
    </>
  );
});

function DataMarks({ layout, style, isHighlighted }: { layout: TimeSeriesLayout; style: VizStyle; isHighlighted: boolean }) {
  const paths = useMemo(
    () => ({
      band: layout.isAggregated ? bandPath(layout.xs, layout.bandLo, layout.bandHi) : '',
      median: layout.isAggregated ? linePath(layout.xs, layout.median) : '',
      // Context lines first, highlighted ones on top (in reverse rank, so rank 0 is drawn last).
      lines: drawOrder(layout.series).map((s) => ({ s, d: linePath(layout.xs, s.ys) })),
    }),
    [layout],
  );
  return (
    <g>
      {paths.band && <path d={paths.band} fill={style.muted} opacity={0.3} />}
      {paths.median && <path d={paths.median} fill="none" stroke={style.muted} strokeWidth={1.5} strokeDasharray="4 3" />}
      {paths.lines.map(({ s, d }) => (
        <path
          key={s.node}
          d={d}
          fill="none"
          stroke={seriesColor(style, s, isHighlighted)}
          strokeWidth={s.rank >= 0 ? 2 : 1}
          opacity={seriesOpacity(s, isHighlighted)}
          strokeDasharray={seriesDash(s.rank).join(' ') || undefined}
        />
      ))}
    </g>
  );
}

function Markers({ layout, style, formatTime }: { layout: TimeSeriesLayout; style: VizStyle; formatTime: (t: number) => string }) {
  const { frame } = layout;
  const bottom = frame.top + frame.innerHeight;
  return layout.markers.map((mk, i) => (
    <g key={`mk${i}`}>
      <title>{`${mk.label} at t = ${formatTime(mk.t)}`}</title>
      <line x1={mk.x} x2={mk.x} y1={frame.top} y2={bottom} stroke={style.accent} strokeWidth={1.5} />
      <path d={`M${mk.x - 5},${frame.top - 9} L${mk.x + 5},${frame.top - 9} L${mk.x},${frame.top - 2} Z`} fill={style.accent} />
      {mk.labelRow >= 0 && (
        <HaloText style={style} x={mk.x + (mk.anchor === 'end' ? -7 : 7)} y={mk.labelRow <= 0 ? frame.top - 3 : frame.top + 11 * mk.labelRow} textAnchor={mk.anchor} fontWeight={600} fill={style.accent}>
          {mk.label}
        </HaloText>
      )}
    </g>
  ));
}

/** Legend items: the band and median when aggregated, each keyed series, and the context lines. */
export function timeSeriesLegend(layout: TimeSeriesLayout, style: VizStyle, keyed: readonly PlacedSeries[], isHighlighted: boolean, bandText: string): LegendItem[] {
  const items: LegendItem[] = [];
  if (layout.isAggregated) {
    items.push(
      { label: bandText, height: 12, mark: <rect x={1} y={1} width={20} height={10} fill={style.muted} opacity={0.35} /> },
      { label: 'median node', mark: <line x1={1} x2={21} y1={5} y2={5} stroke={style.muted} strokeWidth={1.5} strokeDasharray="4 3" /> },
    );
  }
  for (const s of keyed) {
    const dash = seriesDash(s.rank).join(' ') || undefined;
    items.push({ key: `s${s.node}`, label: s.label, mark: <line x1={1} x2={21} y1={5} y2={5} stroke={seriesColor(style, s, isHighlighted)} strokeWidth={2} strokeDasharray={dash} /> });
  }
  if (isHighlighted && !layout.isAggregated && layout.series.length > keyed.length) {
    const label = `the other ${layout.series.length - keyed.length} nodes`;
    items.push({ label, mark: <line x1={1} x2={21} y1={5} y2={5} stroke={style.muted} strokeWidth={1} opacity={0.7} /> });
  }
  return items;
}
