/**
 * The timeline's SVG marks: the bars (one <g data-op> per operation when they are few; otherwise the
 * canvas paints them), the checker's highlights with their labels, and the outlines of the hovered and the
 * selected operation. Its legend items sit here too: they name the same marks.
 */
import { memo } from 'react';
import { HaloText } from '../figure/HaloText';
import type { LegendItem } from '../figure/Legend';
import type { VizStyle } from '../shared/palette';
import { barPaint, kindColor, openEndPath, staleColor, staleMarkerPath } from './draw';
import { placeLabels } from './highlight';
import { categoryParts, type TimelineMarks } from './bars';
import { barTop, opSpan, type TimelineGeometry, type TimelineIndex } from './layout';
import type { HistoryColumns, TimelineHighlight } from './types';

/** Memoized: a playhead moving every frame re-renders the overlay, not the bars. */
export const SvgMarks = memo(function SvgMarks({ g, marks, style }: { g: TimelineGeometry; marks: TimelineMarks; style: VizStyle }) {
  const bars = [];
  for (let k = 0; k < marks.count; k++) {
    const paint = barPaint(style, marks.category[k]);
    const y = barTop(g, marks.lane[k]);
    const x = marks.x[k];
    const w = marks.w[k];
    bars.push(
      <g key={marks.op[k]} data-op={marks.op[k]}>
        <rect x={x} y={y} width={w} height={g.barHeight} fill={paint.fill} fillOpacity={paint.fillOpacity} stroke={paint.stroke} strokeDasharray={paint.dash.join(' ') || undefined} />
        {marks.isOpenEnd[k] === 1 && <path d={openEndPath(x + w, y, g.barHeight)} fill="none" stroke={paint.stroke} />}
        {categoryParts(marks.category[k]).isStale && <path d={staleMarkerPath(x + w, y)} fill={staleColor(style)} />}
      </g>,
    );
  }
  const under = [];
  for (let p = 0; p < marks.prefixCount; p++) {
    under.push(<rect key={`u${p}`} x={marks.prefixX[p]} y={barTop(g, marks.prefixLane[p]) + g.barHeight + 1} width={marks.prefixW[p]} height={1.5} fill={style.foreground} opacity={0.7} />);
  }
  return (
    <g>
      {bars}
      {under}
    </g>
  );
});

export interface OpOutline {
  x: number;
  y: number;
  w: number;
  h: number;
  isVisible: boolean;
}

/** The box around operation i's bar, clipped to the plot (plus a little), and whether any of it shows. */
export function opOutline(h: HistoryColumns, index: TimelineIndex, g: TimelineGeometry, i: number): OpOutline {
  const { frame } = g;
  const [x0, x1] = opSpan(h, index, g, i);
  const left = Math.max(frame.left - 3, x0);
  const right = Math.min(frame.left + frame.innerWidth + 3, x1);
  return { x: left - 2, y: barTop(g, index.laneOf[i]) - 2, w: Math.max(3, right - left) + 4, h: g.barHeight + 4, isVisible: x1 >= frame.left && x0 <= frame.left + frame.innerWidth };
}

export interface OverlayProps {
  history: HistoryColumns;
  index: TimelineIndex;
  g: TimelineGeometry;
  style: VizStyle;
  highlights: readonly TimelineHighlight[];
  /** Operations under the pointer and selected; -1: none. */
  hover: number;
  selected: number;
}

/** The checker's highlights (outlined and labelled), then the hovered and the selected operation. */
export function Overlay({ history, index, g, style, highlights, hover, selected }: OverlayProps) {
  const outline = (i: number) => opOutline(history, index, g, i);
  const shown = highlights.filter((h) => h.op >= 0 && h.op < index.count).map((h) => ({ h, o: outline(h.op) })).filter((x) => x.o.isVisible);
  const hovered = hover >= 0 && hover < index.count && hover !== selected ? outline(hover) : null;
  const chosen = selected >= 0 ? outline(selected) : null;
  return (
    <>
      {placeLabels(shown, g.frame.top, g.frame.width).map(({ h, o, labelX, labelY }, n) => (
        <g key={`h${h.op}-${n}`} data-highlight={h.op}>
          <rect x={o.x} y={o.y} width={o.w} height={o.h} fill="none" stroke={style.accent} strokeWidth={h.isPrimary ? 2.5 : 1.5} strokeDasharray={h.isPrimary ? undefined : '4 2'} />
          <HaloText style={style} x={labelX} y={labelY} fontWeight={h.isPrimary ? 700 : 400}>
            {h.label}
          </HaloText>
        </g>
      ))}
      {hovered && <rect x={hovered.x} y={hovered.y} width={hovered.w} height={hovered.h} fill="none" stroke={style.foreground} strokeWidth={1} />}
      {chosen?.isVisible && <rect data-selected={selected} x={chosen.x - 1} y={chosen.y - 1} width={chosen.w + 2} height={chosen.h + 2} fill="none" stroke={style.foreground} strokeWidth={2} />}
    </>
  );
}

/** Legend items: each kind shown, then the status and checker cues. */
export function timelineLegend(kindsShown: readonly number[], kindNames: readonly string[], style: VizStyle, hasPrefix: boolean): LegendItem[] {
  const items: LegendItem[] = kindsShown.map((k) => ({ key: `k${k}`, label: kindNames[k] ?? `kind ${k}`, width: 18, mark: <rect x={1} y={1} width={16} height={8} fill={kindColor(style, k)} /> }));
  items.push(
    { label: 'failed', width: 18, mark: <rect x={1} y={1} width={16} height={8} fill={style.background} stroke={style.muted} /> },
    {
      label: 'no answer (open end)',
      width: 18,
      mark: (
        <>
          <rect x={1} y={1} width={14} height={8} fill={style.muted} fillOpacity={0.3} stroke={style.muted} strokeDasharray="3 2" />
          <path d={openEndPath(17, 1, 8)} fill="none" stroke={style.muted} />
        </>
      ),
    },
    { label: 'stale read', width: 18, mark: <path d={staleMarkerPath(9, 10)} fill={staleColor(style)} /> },
  );
  if (hasPrefix) items.push({ label: 'in the longest linearizable prefix', width: 18, mark: <rect x={1} y={7} width={16} height={1.5} fill={style.foreground} /> });
  return items;
}
