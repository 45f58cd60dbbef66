/**
 * The client-history timeline (space-time): one lane per client process, a bar from call to return,
 * coloured by kind, filled by status, open-ended when the client never learned the outcome; stale reads
 * marked; the checker's explanation highlighted (the operation that cannot be placed, the ones it
 * conflicts with, the longest linearizable prefix underlined).
 *
 * Small windows are an inspectable SVG (one <rect data-op> per operation); past `svgMarksMax` bars, or
 * when bars are aggregated per pixel column (layout.ts), they go on the figure's canvas under the same SVG
 * overlay (axis, lane labels, highlights, selection). Zoom: wheel, the buttons or + / -; pan: drag or
 * Shift + arrows; select: click, or the figure's cursor keys (left/right within a process, up/down across
 * processes, Home/End: the process's first and last).
 */
import { useCallback, useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { Axes } from '../figure/Axes';
import { cursorMove } from '../figure/cursor';
import { Figure } from '../figure/Figure';
import { Legend, type LegendItem } from '../figure/Legend';
import { useFigureSize } from '../figure/useFigureSize';
import { formatNumber } from '../shared/format';
import type { VizStyle } from '../shared/palette';
import { drawTimeline } from './draw';
import { timelineMarks } from './bars';
import { barTop, hitTest, indexHistory, isOpen, neighbourOp, opSpan, panView, rowMask, timelineHeight, type TimelineGeometry, type TimelineIndex } from './layout';
import { Overlay, SvgMarks, timelineLegend } from './TimelineMarks';
import type { HistoryColumns, TimelineHighlight } from './types';
import { useTimelineView, type TimelineViewState } from './useTimelineView';
import './historyTimeline.css';

export interface HistoryTimelineProps {
  history: HistoryColumns;
  /** Names of the kind codes ("read", "write"), for the legend and the default description. */
  kindNames: readonly string[];
  style: VizStyle;
  /** Accessible name of the chart ("Client history of 60 operations"). */
  label: string;
  /** The checker's explanation, as rows to draw on top with their labels. */
  highlights?: readonly TimelineHighlight[];
  /** Rows in the longest linearizable prefix (underlined). */
  prefix?: ArrayLike<number>;
  /** The selected row (-1: none), and what to call when the user picks one. */
  selected?: number;
  onSelect?: (row: number) => void;
  /** One line about row i (tooltip, the selection line). Default: kind, process, interval, status. */
  describe?: (row: number) => string;
  /** The time axis title ("simulated time (ms)"). */
  timeLabel: string;
  /** Lane label of a process. Default "p<process>". */
  processLabel?: (process: number) => string;
  /** Chart height in CSS px. Default: 20 px per lane, 96..420. */
  height?: number;
  /** Bars above which the marks go on a canvas. Default 400. */
  svgMarksMax?: number;
  /** The playhead's time (a vertical line); undefined or NaN: none. */
  playheadT?: number;
}

const STATUS_NAMES = ['pending', 'ok', 'failed', 'timed out'];
const NO_HIGHLIGHTS: readonly TimelineHighlight[] = [];

export function HistoryTimeline(props: HistoryTimelineProps) {
  const { history, style, kindNames, selected = -1, onSelect } = props;
  const helpId = useId();
  const index = useMemo(() => indexHistory(history), [history]);
  const size = useFigureSize({ height: props.height ?? timelineHeight(index.lanes.length) });
  // The hovered row belongs to one history, as the zoomed window does (useTimelineView): a new history
  // passed to a mounted timeline shows no tooltip until the pointer moves.
  const [hovered, setHovered] = useState<{ index: TimelineIndex; row: number } | null>(null);
  const hover = hovered && hovered.index === index ? hovered.row : -1;
  const setHover = (row: number) => setHovered((old) => (old && old.index === index && old.row === row ? old : { index, row }));
  const pick = (i: number) => i >= 0 && onSelect?.(i);
  const timeline = useTimelineView(index, size, (x, y) => setHover(hitTest(history, index, timeline.g, x, y)), (x, y) => pick(hitTest(history, index, timeline.g, x, y)));
  const { g, view } = timeline;
  const prefixMask = useMemo(() => rowMask(index.count, props.prefix), [index, props.prefix]);
  const marks = useMemo(() => timelineMarks(history, index, g, prefixMask), [history, index, g, prefixMask]);
  const isCanvas = marks.isAggregated || marks.count > (props.svgMarksMax ?? 400);
  const draw = useCallback((ctx: CanvasRenderingContext2D) => drawTimeline(ctx, g, marks, style), [g, marks, style]);
  // Per history, not per render: the playhead re-renders this component on every frame while playing.
  const kindsShown = useMemo(() => [...new Set(Array.from(history.kind))].sort((a, b) => a - b), [history]);
  const hasPrefix = props.prefix !== undefined;
  const legend = useMemo(() => timelineLegend(kindsShown, kindNames, style, hasPrefix), [kindsShown, kindNames, style, hasPrefix]);
  const describe = useCallback((i: number) => props.describe?.(i) ?? describeOp(history, kindNames, props.processLabel, i), [props.describe, props.processLabel, history, kindNames]);
  const selectedInRange = selected >= 0 && selected < index.count ? selected : -1;
  useKeepInView(history, selectedInRange, timeline);
  const zoomAround = (factor: number) => timeline.zoomBy(factor, selectedInRange >= 0 ? history.call[selectedInRange] : (view.t0 + view.t1) / 2);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const move = cursorMove(event.key);
    if (event.shiftKey && (event.key === 'ArrowLeft' || event.key === 'ArrowRight')) timeline.setView(panView(index, view, (event.key === 'ArrowLeft' ? -0.2 : 0.2) * (view.t1 - view.t0)));
    else if (move) pick(neighbourOp(history, index, selectedInRange, move));
    else if (event.key === '+' || event.key === '=') zoomAround(0.5);
    else if (event.key === '-' || event.key === '_') zoomAround(2);
    else if (event.key === '0') timeline.showAll();
    else return;
    event.preventDefault();
  };
  const hoverSpan = hover >= 0 && hover < index.count ? opSpan(history, index, g, hover) : null;
  const isPlayheadShown = props.playheadT !== undefined && props.playheadT >= view.t0 && props.playheadT <= view.t1;
  return (
    <Figure name="history" size={size} style={style} label={props.label}
      namedElement="plot"
      header={<ZoomBar legend={legend} zoomBy={zoomAround} showAll={timeline.showAll} />}
      footer={<SelectionNote helpId={helpId} selected={selectedInRange} describe={describe} opCount={index.count} laneCount={index.lanes.length} isAggregated={marks.isAggregated} />}
      plotClassName="viz-history-box"
      plotProps={{ style: { height: size.height }, tabIndex: 0, 'aria-describedby': helpId, onKeyDown }}
      svgProps={{ 'data-marks': isCanvas ? (marks.isAggregated ? 'canvas-aggregated' : 'canvas') : 'svg', ...timeline.pointer, onPointerLeave: () => setHover(-1), onDoubleClick: timeline.showAll }}
      draw={isCanvas ? draw : null}
      frame={g.frame}
      playheadX={isPlayheadShown ? g.x(props.playheadT!) : null}
      playheadLook={{ opacity: 0.6 }}
      tooltip={hoverSpan && { x: hoverSpan[0], y: barTop(g, index.laneOf[hover]) - 34, widthMax: 260, role: 'none', lines: [`op ${hover}`, describe(hover)] }}
    >
      <LaneAxes index={index} g={g} style={style} timeLabel={props.timeLabel} processLabel={props.processLabel} />
      {!isCanvas && <SvgMarks g={g} marks={marks} style={style} />}
      <Overlay history={history} index={index} g={g} style={style} highlights={props.highlights ?? NO_HIGHLIGHTS} hover={hover} selected={selectedInRange} />
    </Figure>
  );
}

/** The legend and the zoom buttons, above the plot. */
function ZoomBar({ legend, zoomBy, showAll }: { legend: readonly LegendItem[]; zoomBy: (factor: number) => void; showAll: () => void }) {
  return (
    <div className="viz-history-bar">
      <Legend items={legend} />
      <div className="viz-history-zoom" role="group" aria-label="Zoom the timeline">
        <button type="button" onClick={() => zoomBy(0.5)} aria-label="Zoom in">+</button>
        <button type="button" onClick={() => zoomBy(2)} aria-label="Zoom out">−</button>
        <button type="button" onClick={showAll}>All</button>
      </div>
    </div>
  );
}

interface SelectionNoteProps {
  helpId: string;
  selected: number;
  describe: (row: number) => string;
  opCount: number;
  laneCount: number;
  isAggregated: boolean;
}

/** Under the plot: the selection, said in words (a live region), and the keyboard help the plot points to. */
function SelectionNote({ helpId, selected, describe, opCount, laneCount, isAggregated }: SelectionNoteProps) {
  return (
    <>
      <p className="viz-history-selection" aria-live="polite">
        {selected >= 0 ? `Selected op ${selected}: ${describe(selected)}` : 'No operation selected.'}
      </p>
      <p id={helpId} className="viz-history-help">
        {`${formatNumber(opCount)} operations in ${laneCount} lanes${isAggregated ? ', aggregated per pixel column (zoom in for single operations)' : ''}. Click or use the arrow keys to select (←/→ within a process, ↑/↓ across); wheel, + and − zoom; drag or Shift + ←/→ pans; 0 shows everything.`}
      </p>
    </>
  );
}

/** Lane labels (every lane when lanes are tall enough, else every k-th), the baseline and the time axis. */
function LaneAxes({ index, g, style, timeLabel, processLabel }: { index: TimelineIndex; g: TimelineGeometry; style: VizStyle; timeLabel: string; processLabel?: (p: number) => string }) {
  const every = Math.max(1, Math.ceil(11 / Math.max(1, g.laneHeight)));
  const lanes = useMemo(
    () => index.lanes.flatMap((p, k) => (k % every === 0 ? [{ value: p, offset: g.frame.top + (k + 0.5) * g.laneHeight, label: laneName(processLabel, p) }] : [])),
    [index, g, every, processLabel],
  );
  return <Axes frame={g.frame} style={style} rowLabels={lanes} hasBaseline xTicks={g.xTicks} xTitle={timeLabel} />;
}

/** Keeps the selected operation in the window when it changes (from the keyboard or from outside). */
function useKeepInView(history: HistoryColumns, selected: number, timeline: TimelineViewState): void {
  const { view, setView } = timeline;
  useEffect(() => {
    if (selected < 0) return;
    const end = isOpen(history.ret[selected]) ? history.call[selected] : history.ret[selected];
    if (history.call[selected] >= view.t0 && end <= view.t1) return;
    const half = (view.t1 - view.t0) / 2;
    const mid = (history.call[selected] + end) / 2;
    setView({ t0: mid - half, t1: mid + half });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new selection (or history) moves the window
  }, [selected, setView]);
}

function describeOp(history: HistoryColumns, kindNames: readonly string[], processLabel: ((p: number) => string) | undefined, i: number): string {
  const ret = isOpen(history.ret[i]) ? 'never returned' : formatNumber(history.ret[i], 2);
  const kind = kindNames[history.kind[i]] ?? `kind ${history.kind[i]}`;
  return `${kind} by ${laneName(processLabel, history.process[i])}, ${formatNumber(history.call[i], 2)}..${ret}, ${STATUS_NAMES[history.status[i]] ?? 'unknown'}`;
}

function laneName(label: ((p: number) => string) | undefined, p: number): string {
  return label ? label(p) : `p${p}`;
}
