/**
 * The client-history timeline (space-time): one lane per client process, a bar from call to return,
 * coloured by kind, filled by status, open-ended when the client never learned the outcome; stale reads
 * marked; the checker's explanation highlighted (the operation that cannot be placed, the ones it
 * conflicts with, the longest linearizable prefix underlined).
 *
 * Small windows are an inspectable SVG (one <rect data-op> per operation); past `svgMarksMax` bars, or
 * when bars are aggregated per pixel column (layout.ts), they go on a canvas under the same SVG overlay
 * (axis, lane labels, highlights, selection). Zoom: wheel, the buttons or + / -; pan: drag or Shift +
 * arrows; select: click, or the arrow keys (left/right within a process, up/down across processes).
 * Hand-rolled on d3-scale: d3-zoom is not a dependency of this project.
 */
import { memo, useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { formatNumber } from '../shared/format';
import type { VizStyle } from '../shared/palette';
import { useCanvas } from '../shared/useCanvas';
import { useObservedSize } from '../shared/useObservedSize';
import { barPaint, drawTimeline, kindColor, openEndPath, staleColor, staleMarkerPath } from './draw';
import {
  barTop, categoryParts, clampView, fullView, hitTest, indexHistory, isOpen, neighbourOp, opSpan, panView, rowMask, timelineGeometry, timelineHeight, timelineMarks, zoomView,
  type TimelineIndex, type TimelineView,
} from './layout';
import type { HistoryColumns, TimelineHighlight } from './types';
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

export function HistoryTimeline(props: HistoryTimelineProps) {
  const { history, style, kindNames, highlights, selected = -1, onSelect } = props;
  const helpId = useId();
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const width = useObservedSize(box).width;
  const index = useMemo(() => indexHistory(history), [history]);
  const height = props.height ?? timelineHeight(index.lanes.length);
  // The zoomed window belongs to one history: a new history starts at the full span.
  const [zoom, setZoom] = useState<{ index: TimelineIndex; view: TimelineView } | null>(null);
  // The full view is memoized: a fresh object every render would re-lay out on every playhead frame.
  const full = useMemo(() => fullView(index), [index]);
  const view = zoom && zoom.index === index ? zoom.view : full;
  const setView = useCallback((next: TimelineView) => setZoom({ index, view: clampView(index, next) }), [index]);
  const g = useMemo(() => timelineGeometry(index, width, height, view), [index, width, height, view]);
  const prefixMask = useMemo(() => rowMask(index.count, props.prefix), [index, props.prefix]);
  const marks = useMemo(() => timelineMarks(history, index, g, prefixMask), [history, index, g, prefixMask]);
  const isCanvas = marks.isAggregated || marks.count > (props.svgMarksMax ?? 400);
  const draw = useCallback((ctx: CanvasRenderingContext2D) => drawTimeline(ctx, g, marks, style), [g, marks, style]);
  useCanvas(canvas, isCanvas ? width : 0, height, draw);
  // Per history, not per render: the playhead re-renders this component on every frame while playing.
  const kindsShown = useMemo(() => [...new Set(Array.from(history.kind))].sort((a, b) => a - b), [history]);
  const [hover, setHover] = useState(-1);
  const drag = useRef<{ x: number; view: TimelineView; moved: boolean } | null>(null);

  const describe = useCallback(
    (i: number) => {
      if (props.describe) return props.describe(i);
      const ret = isOpen(history.ret[i]) ? 'never returned' : formatNumber(history.ret[i], 2);
      return `${kindNames[history.kind[i]] ?? `kind ${history.kind[i]}`} by ${laneName(props.processLabel, history.process[i])}, ${formatNumber(history.call[i], 2)}..${ret}, ${STATUS_NAMES[history.status[i]] ?? 'unknown'}`;
    },
    [props.describe, props.processLabel, history, kindNames],
  );

  // Keep the selected operation in the window when it changes (from the keyboard or from outside).
  const selectedInRange = selected >= 0 && selected < index.count ? selected : -1;
  useEffect(() => {
    if (selectedInRange < 0) return;
    const end = isOpen(history.ret[selectedInRange]) ? history.call[selectedInRange] : history.ret[selectedInRange];
    if (history.call[selectedInRange] >= view.t0 && end <= view.t1) return;
    const half = (view.t1 - view.t0) / 2;
    const mid = (history.call[selectedInRange] + end) / 2;
    setView({ t0: mid - half, t1: mid + half });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new selection moves the window
  }, [selectedInRange, index]);

  const pick = (i: number) => {
    if (i >= 0 && onSelect) onSelect(i);
  };
  const localX = (event: { clientX: number; currentTarget: Element }) => event.clientX - event.currentTarget.getBoundingClientRect().left;
  const localY = (event: { clientY: number; currentTarget: Element }) => event.clientY - event.currentTarget.getBoundingClientRect().top;

  const onPointerDown = (event: PointerEvent<SVGSVGElement>) => {
    if (event.button !== 0) return;
    drag.current = { x: event.clientX, view, moved: false };
    event.currentTarget.setPointerCapture?.(event.pointerId);
  };
  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    const d = drag.current;
    if (d && (d.moved || Math.abs(event.clientX - d.x) > 3)) {
      d.moved = true;
      const dt = ((d.x - event.clientX) / Math.max(1, g.frame.innerWidth)) * (d.view.t1 - d.view.t0);
      setZoom({ index, view: panView(index, d.view, dt) });
      return;
    }
    setHover(hitTest(history, index, g, localX(event), localY(event)));
  };
  const onPointerUp = (event: PointerEvent<SVGSVGElement>) => {
    const d = drag.current;
    drag.current = null;
    if (d && !d.moved) pick(hitTest(history, index, g, localX(event), localY(event)));
  };

  // Wheel zoom needs a non-passive listener (React's onWheel is passive, so it cannot keep the page still).
  const overlay = useRef<SVGSVGElement>(null);
  const wheelState = useRef({ g, index });
  wheelState.current = { g, index };
  useEffect(() => {
    const svg = overlay.current;
    if (!svg) return;
    const onWheel = (event: WheelEvent) => {
      const { g: geo, index: idx } = wheelState.current;
      const px = event.clientX - svg.getBoundingClientRect().left;
      if (px < geo.frame.left || px > geo.frame.left + geo.frame.innerWidth) return;
      event.preventDefault();
      const factor = Math.pow(1.0015, event.deltaY * (event.deltaMode === 1 ? 20 : 1));
      setZoom({ index: idx, view: zoomView(idx, geo.view, factor, geo.x.invert(px)) });
    };
    svg.addEventListener('wheel', onWheel, { passive: false });
    return () => svg.removeEventListener('wheel', onWheel);
  }, []);

  const zoomBy = (factor: number) => {
    const at = selectedInRange >= 0 ? history.call[selectedInRange] : (view.t0 + view.t1) / 2;
    setView(zoomView(index, view, factor, at));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, 'prev' | 'next' | 'up' | 'down' | 'first' | 'last'> = {
      ArrowLeft: 'prev', ArrowRight: 'next', ArrowUp: 'up', ArrowDown: 'down', Home: 'first', End: 'last',
    };
    const span = view.t1 - view.t0;
    if (event.shiftKey && (event.key === 'ArrowLeft' || event.key === 'ArrowRight')) setView(panView(index, view, (event.key === 'ArrowLeft' ? -0.2 : 0.2) * span));
    else if (moves[event.key]) pick(neighbourOp(history, index, selectedInRange, moves[event.key]));
    else if (event.key === '+' || event.key === '=') zoomBy(0.5);
    else if (event.key === '-' || event.key === '_') zoomBy(2);
    else if (event.key === '0') setView(fullView(index));
    else return;
    event.preventDefault();
  };

  const { frame } = g;
  const bottom = frame.top + frame.innerHeight;
  const labelEvery = Math.max(1, Math.ceil(11 / Math.max(1, g.laneHeight)));
  const hoverSpan = hover >= 0 && hover < index.count ? opSpan(history, index, g, hover) : null;
  const tooltipLeft = hoverSpan ? Math.max(0, Math.min(width - 260, hoverSpan[0])) : 0;
  const visibleHighlights = (highlights ?? []).filter((h) => h.op >= 0 && h.op < index.count);
  const outline = (i: number) => {
    const [x0, x1] = opSpan(history, index, g, i);
    const left = Math.max(frame.left - 3, x0);
    const right = Math.min(frame.left + frame.innerWidth + 3, x1);
    return { x: left - 2, y: barTop(g, index.laneOf[i]) - 2, w: Math.max(3, right - left) + 4, h: g.barHeight + 4, isVisible: x1 >= frame.left && x0 <= frame.left + frame.innerWidth };
  };

  return (
    <div className="viz-figure viz-history">
      <div className="viz-history-bar">
        <ul className="viz-legend" aria-hidden="true">
          {kindsShown.map((k) => (
            <li key={`k${k}`}>
              <svg width={18} height={10}><rect x={1} y={1} width={16} height={8} fill={kindColor(style, k)} /></svg>
              {kindNames[k] ?? `kind ${k}`}
            </li>
          ))}
          <li>
            <svg width={18} height={10}><rect x={1} y={1} width={16} height={8} fill={style.background} stroke={style.muted} /></svg>
            failed
          </li>
          <li>
            <svg width={18} height={10}><rect x={1} y={1} width={14} height={8} fill={style.muted} fillOpacity={0.3} stroke={style.muted} strokeDasharray="3 2" /><path d={openEndPath(17, 1, 8)} fill="none" stroke={style.muted} /></svg>
            no answer (open end)
          </li>
          <li>
            <svg width={18} height={10}><path d={staleMarkerPath(9, 10)} fill={staleColor(style)} /></svg>
            stale read
          </li>
          {props.prefix && (
            <li>
              <svg width={18} height={10}><rect x={1} y={7} width={16} height={1.5} fill={style.foreground} /></svg>
              in the longest linearizable prefix
            </li>
          )}
        </ul>
        <div className="viz-history-zoom" role="group" aria-label="Zoom the timeline">
          <button type="button" onClick={() => zoomBy(0.5)} aria-label="Zoom in">+</button>
          <button type="button" onClick={() => zoomBy(2)} aria-label="Zoom out">−</button>
          <button type="button" onClick={() => setView(fullView(index))}>All</button>
        </div>
      </div>
      <div
        ref={box}
        className="viz-history-box"
        style={{ height }}
        tabIndex={0}
        role="group"
        aria-label={props.label}
        aria-describedby={helpId}
        onKeyDown={onKeyDown}
      >
        {isCanvas && <canvas ref={canvas} style={{ width, height }} aria-hidden="true" data-testid="history-canvas" />}
        <svg
          ref={overlay}
          width={width}
          height={height}
          aria-hidden="true"
          data-marks={isCanvas ? (marks.isAggregated ? 'canvas-aggregated' : 'canvas') : 'svg'}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerLeave={() => setHover(-1)}
          onDoubleClick={() => setView(fullView(index))}
        >
          {index.lanes.map((p, k) =>
            k % labelEvery === 0 ? (
              <text key={p} x={frame.left - 6} y={frame.top + (k + 0.5) * g.laneHeight} dy="0.32em" textAnchor="end" fontSize={11} fill={style.muted}>
                {laneName(props.processLabel, p)}
              </text>
            ) : null,
          )}
          <line x1={frame.left} x2={frame.left + frame.innerWidth} y1={bottom + 0.5} y2={bottom + 0.5} stroke={style.grid} />
          {g.xTicks.map((tick) => (
            <text key={tick.value} x={tick.offset} y={bottom + 14} textAnchor="middle" fontSize={11} fill={style.muted}>
              {tick.label}
            </text>
          ))}
          <text x={frame.left + frame.innerWidth / 2} y={height - 2} textAnchor="middle" fontSize={11} fill={style.foreground}>
            {props.timeLabel}
          </text>
          {!isCanvas && <SvgMarks g={g} marks={marks} style={style} />}
          {props.playheadT !== undefined && props.playheadT >= view.t0 && props.playheadT <= view.t1 && (
            <line data-playhead x1={g.x(props.playheadT)} x2={g.x(props.playheadT)} y1={frame.top} y2={bottom} stroke={style.foreground} strokeWidth={1.5} opacity={0.6} />
          )}
          {placeLabels(visibleHighlights.map((h) => ({ h, o: outline(h.op) })).filter((x) => x.o.isVisible), frame.top, width).map(({ h, o, labelX, labelY }, n) => (
            <g key={`h${h.op}-${n}`} data-highlight={h.op}>
              <rect x={o.x} y={o.y} width={o.w} height={o.h} fill="none" stroke={style.accent} strokeWidth={h.isPrimary ? 2.5 : 1.5} strokeDasharray={h.isPrimary ? undefined : '4 2'} />
              <text x={labelX} y={labelY} fontSize={11} fontWeight={h.isPrimary ? 700 : 400} fill={style.foreground} paintOrder="stroke" stroke={style.background} strokeWidth={3}>
                {h.label}
              </text>
            </g>
          ))}
          {hover >= 0 && hover < index.count && hover !== selectedInRange && (() => {
            const o = outline(hover);
            return <rect x={o.x} y={o.y} width={o.w} height={o.h} fill="none" stroke={style.foreground} strokeWidth={1} />;
          })()}
          {selectedInRange >= 0 && (() => {
            const o = outline(selectedInRange);
            return o.isVisible ? <rect data-selected={selectedInRange} x={o.x - 1} y={o.y - 1} width={o.w + 2} height={o.h + 2} fill="none" stroke={style.foreground} strokeWidth={2} /> : null;
          })()}
        </svg>
        {hoverSpan && (
          <div className="viz-tooltip" style={{ left: tooltipLeft, top: Math.max(0, barTop(g, index.laneOf[hover]) - 34) }} aria-hidden="true">
            <div>{`op ${hover}`}</div>
            <div>{describe(hover)}</div>
          </div>
        )}
      </div>
      <p className="viz-history-selection" aria-live="polite">
        {selectedInRange >= 0 ? `Selected op ${selectedInRange}: ${describe(selectedInRange)}` : 'No operation selected.'}
      </p>
      <p id={helpId} className="viz-history-help">
        {`${index.count.toLocaleString('en-US')} operations in ${index.lanes.length} lanes${marks.isAggregated ? ', aggregated per pixel column (zoom in for single operations)' : ''}. Click or use the arrow keys to select (←/→ within a process, ↑/↓ across); wheel, + and − zoom; drag or Shift + ←/→ pans; 0 shows everything.`}
      </p>
    </div>
  );
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * Label positions for the highlights, primary first: above the outline, else below it, else further up
 * or down, the first spot that overlaps no label placed before (width estimated from the text length).
 */
function placeLabels<T extends { h: TimelineHighlight; o: Box }>(items: T[], top: number, width: number): (T & { labelX: number; labelY: number })[] {
  const placed: Box[] = [];
  const ordered = [...items].sort((a, b) => Number(b.h.isPrimary) - Number(a.h.isPrimary));
  return ordered.map((item) => {
    const { o } = item;
    const w = item.h.label.length * 6.4 + 4;
    // Kept inside the chart: a label near the right edge moves left.
    const x = Math.max(0, Math.min(o.x, width - w));
    const candidates = [o.y - 3, o.y + o.h + 10, o.y - 15, o.y + o.h + 22].filter((y) => y - 10 >= top - 8);
    let labelY = candidates[0] ?? o.y + o.h + 10;
    for (const y of candidates) {
      const box = { x, y: y - 10, w, h: 12 };
      if (!placed.some((p) => p.x < box.x + box.w && box.x < p.x + p.w && p.y < box.y + box.h && box.y < p.y + p.h)) {
        labelY = y;
        break;
      }
    }
    placed.push({ x, y: labelY - 10, w, h: 12 });
    return { ...item, labelX: x, labelY };
  });
}

function laneName(label: ((p: number) => string) | undefined, p: number): string {
  return label ? label(p) : `p${p}`;
}

/** Memoized: a playhead moving every frame re-renders the overlay, not the bars. */
const SvgMarks = memo(function SvgMarks({ g, marks, style }: { g: ReturnType<typeof timelineGeometry>; marks: ReturnType<typeof timelineMarks>; style: VizStyle }) {
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

