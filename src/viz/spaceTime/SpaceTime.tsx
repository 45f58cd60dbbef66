/**
 * The space-time diagram: one lane per node and client (or log host), time left to right; local events,
 * sends and receives joined by arrows; crashes, pauses, partitions and undelivered messages on the lanes;
 * the stage's playhead as a line, followed while playing, and set by a click on empty space or on an event.
 *
 * Click an event (or focus it and press Enter): its causal past and future light up and concurrent events
 * are marked; Shift+click (Shift+Enter) picks a second one and the caption says which happened before
 * which, or that they are concurrent, with the two clocks. Wheel zooms, drag pans; the keyboard does both.
 *
 * One canvas, culled to the window (./layout.ts) and drawn in one animation frame per change; the playhead
 * line is a DOM element moved on the playhead's notifications (no React render per frame). The root
 * carries data-spacetime, data-t0 / data-t1 (the window), data-focus, data-a, data-b and data-drawn (events
 * drawn) for tests.
 */
import { useCallback, useId, useMemo, useRef, type KeyboardEvent } from 'react';
import { eventName } from '../../core/causality/prose';
import type { CausalRun } from '../../core/causality/types';
import type { VizStyle } from '../shared/palette';
import { useObservedSize } from '../shared/useObservedSize';
import type { PlayheadSource } from '../stage/types';
import { ComparisonCaption, SpaceTimeLegend } from './Caption';
import type { SpaceTimePins } from './draw';
import { keyCommand } from './keys';
import { eventAtPoint, firstEvent, nearestOnLane } from './nav';
import { spaceTimeGeometry, timeAt, type SpaceTimeView } from './view';
import { usePlayheadLine } from './usePlayheadLine';
import { useSelection } from './useSelection';
import { useSpaceTimeDraw } from './useSpaceTimeDraw';
import { useSpaceTimeView } from './useSpaceTimeView';
import './spaceTime.css';
import { formatNumber } from '../shared/format';

export interface SpaceTimeProps {
  run: CausalRun;
  style: VizStyle;
  /** The diagram's accessible name ("Messages between the nodes over time"). */
  label: string;
  /** The stage's playhead (same source as <Stage>): drawn as a line, followed while playing. */
  playhead?: PlayheadSource;
  /** Moves the playhead: on a click on empty space (that time) or on an event (its time). */
  onSeek?: (t: number) => void;
  /** Box height in CSS px (default: 28 px a lane, 160..520). */
  height?: number;
  /** More words about an event (a log line's other fields), shown as text. */
  eventDetail?: (e: number) => string;
  /** Events the lab points at (ringed with a cross and labelled), e.g. the writes last-writer-wins dropped. */
  pins?: SpaceTimePins;
  /** False holds the drawing (the box, its text and its controls are there): a diagram below the first
   * screen is drawn when it comes into view, not while the page loads. Default true. */
  isShown?: boolean;
}

export function SpaceTime(props: SpaceTimeProps) {
  const { run, style, playhead, onSeek } = props;
  const g = run.graph;
  const boxRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const lineRef = useRef<HTMLDivElement>(null);
  const size = useObservedSize(boxRef);
  const geometry = useMemo(() => spaceTimeGeometry(size.width, size.height), [size.width, size.height]);
  const selection = useSelection(run, props.eventDetail);
  const seekTo = useCallback((t: number) => onSeek?.(Math.max(0, Math.min(run.horizon, t))), [onSeek, run.horizon]);
  const { select } = selection;
  const onClick = useCallback((x: number, y: number, shift: boolean, shown: SpaceTimeView) => {
    const e = eventAtPoint(g, shown, geometry, x, y);
    if (e >= 0) {
      select(e, shift);
      seekTo(g.time[e]);
    } else if (x >= geometry.left) seekTo(timeAt(shown, geometry, x));
  }, [g, geometry, select, seekTo]);
  const controls = useSpaceTimeView(run, geometry, boxRef, onClick);
  const { view } = controls;
  const drawn = useSpaceTimeDraw(canvasRef, run, view, geometry, style, selection, props.pins, props.isShown ?? true);
  usePlayheadLine(playhead, lineRef, view, geometry, controls.update);
  const helpId = useId();

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const command = keyCommand(e, g, selection.focus, view, geometry);
    if (!command) return;
    e.preventDefault();
    if (command.view) controls.update(command.view);
    if (command.reset) controls.reset();
    if (command.clear) selection.clear();
    if (command.focus !== undefined && command.focus >= 0) {
      if (command.select) {
        selection.select(command.focus, command.select === 'b');
        seekTo(g.time[command.focus]);
      } else selection.setFocus(command.focus, true);
    }
  };

  const name = (e: number) => (e >= 0 ? eventName(g, e) : '');
  return (
    <div
      className="spacetime" data-spacetime="" data-t0={view.t0} data-t1={view.t1} data-focus={name(selection.focus)}
      data-a={name(selection.a)} data-b={name(selection.b)} data-drawn={drawn.events} data-edge-sample={drawn.edgeStride}
    >
      {run.stoppedAtLimit && <p className="spacetime-limit">{run.stoppedAtLimit}</p>}
      <div
        ref={boxRef} className="spacetime-box" style={{ height: props.height ?? defaultHeight(g.lanes.length) }} tabIndex={0}
        role="group" aria-roledescription="space-time diagram" aria-label={props.label} aria-describedby={helpId}
        onKeyDown={onKeyDown} onFocus={() => selection.focus < 0 && selection.setFocus(firstVisible(run, view.t0), false)}
        {...controls.pointer}
      >
        <canvas ref={canvasRef} className="spacetime-canvas" aria-hidden="true" />
        <div ref={lineRef} className="spacetime-playhead" aria-hidden="true" hidden={!playhead} />
      </div>
      <p id={helpId} className="spacetime-help">
        {formatNumber(g.count)} events on {g.lanes.length} lanes{drawn.edgeStride > 1 ? `; at this zoom 1 message in ${drawn.edgeStride} is drawn (zoom in for all)` : ''}. Click an event, or use the arrow keys and Enter, to light its causal past and future; Shift+click or Shift+Enter picks a second event to compare. Wheel or +/− zooms, drag or Page Up/Down pans, 0 shows everything, Escape clears.
      </p>
      <SpaceTimeLegend style={style} />
      <ComparisonCaption run={run} comparison={selection.comparison} />
      <p className="spacetime-status" role="status" aria-live="polite">{selection.message}</p>
    </div>
  );
}

function defaultHeight(lanes: number): number {
  return Math.max(160, Math.min(520, 40 + lanes * 28));
}

/** Where Tab lands: the event nearest to t on the first lane that has events. */
function firstVisible(run: CausalRun, t: number): number {
  const first = firstEvent(run.graph);
  return first < 0 ? -1 : nearestOnLane(run.graph, run.graph.lane[first], t);
}
