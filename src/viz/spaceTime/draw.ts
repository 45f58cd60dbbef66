/**
 * Painting one frame (./layout.ts) of the space-time diagram on a 2D canvas, in CSS px: the time axis,
 * lanes and their names, the run's marks (./drawMarks.ts), message edges, events, then the selection.
 * Styles are grouped (one path per colour) so cost follows what is drawn. Shapes carry meaning with the
 * colour: causal past = filled square, causal future = filled diamond, concurrent = hollow circle, the
 * selected events = rings labelled a and b, the keyboard focus = a dashed ring. Text from a run or a log
 * is drawn with fillText only: it can never become markup.
 */
import { scaleLinear } from 'd3-scale';
import type { CausalRun } from '../../core/causality/types';
import { ownerColor, type VizStyle } from '../shared/palette';
import { drawMarks } from './drawMarks';
import { Mark, type SpaceTimeFrame } from './layout';
import { visibleLanes, xOf, yOf, type SpaceTimeGeometry, type SpaceTimeView } from './view';

/**
 * Events a lab points at (a write last-writer-wins dropped): a cross in a ring at (lane, time) and a short
 * label above it, drawn over everything else. Text is drawn with fillText only.
 */
export interface SpaceTimePins {
  lane: readonly number[];
  time: readonly number[];
  label: readonly string[];
}

export interface DrawOptions {
  style: VizStyle;
  pins?: SpaceTimePins;
  /** Selected events (-1: none) and the keyboard's focus. */
  a: number;
  b: number;
  focus: number;
}

/** Event texts are written beside the dots when at most this many are drawn. */
const LABELS_MAX = 60;
const ARROWS_MAX = 1500;

export function drawSpaceTime(ctx: CanvasRenderingContext2D, run: CausalRun, frame: SpaceTimeFrame, view: SpaceTimeView, g: SpaceTimeGeometry, o: DrawOptions): void {
  ctx.clearRect(0, 0, g.width, g.height);
  drawAxis(ctx, view, g, o.style, run.timeUnit);
  ctx.save();
  ctx.beginPath();
  ctx.rect(g.left, g.top, g.plotWidth, g.plotHeight);
  ctx.clip();
  drawLanes(ctx, run, view, g, o.style);
  drawMarks(ctx, run, view, g, o.style);
  drawEdges(ctx, frame, o.style);
  drawEvents(ctx, run, frame, o.style);
  if (frame.eventCount <= LABELS_MAX) drawLabels(ctx, run, frame, o.style);
  drawSelection(ctx, run, view, g, o);
  if (o.pins) drawPins(ctx, o.pins, view, g, o.style);
  ctx.restore();
  drawLaneNames(ctx, run, view, g, o.style);
}

function drawAxis(ctx: CanvasRenderingContext2D, view: SpaceTimeView, g: SpaceTimeGeometry, style: VizStyle, unit: string): void {
  const scale = scaleLinear().domain([view.t0, view.t1]).range([g.left, g.left + g.plotWidth]);
  ctx.font = '11px system-ui, sans-serif';
  ctx.textBaseline = 'alphabetic';
  ctx.textAlign = 'center';
  ctx.lineWidth = 1;
  const count = Math.max(2, Math.floor(g.plotWidth / 90));
  const format = scale.tickFormat(count);
  for (const t of scale.ticks(count)) {
    const x = Math.round(scale(t)) + 0.5;
    ctx.strokeStyle = style.grid;
    ctx.beginPath();
    ctx.moveTo(x, g.top - 4);
    ctx.lineTo(x, g.top + g.plotHeight);
    ctx.stroke();
    ctx.fillStyle = style.muted;
    ctx.fillText(format(t), x, g.top - 7);
  }
  ctx.textAlign = 'left';
  ctx.fillText(unit, 4, g.top - 7);
}

function drawLanes(ctx: CanvasRenderingContext2D, run: CausalRun, view: SpaceTimeView, g: SpaceTimeGeometry, style: VizStyle): void {
  const { first, last } = visibleLanes(view, g, run.graph.lanes.length);
  ctx.strokeStyle = style.grid;
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (let l = first; l <= last; l++) {
    const y = Math.round(yOf(view, g, l)) + 0.5;
    ctx.moveTo(g.left, y);
    ctx.lineTo(g.left + g.plotWidth, y);
  }
  ctx.stroke();
}

function drawLaneNames(ctx: CanvasRenderingContext2D, run: CausalRun, view: SpaceTimeView, g: SpaceTimeGeometry, style: VizStyle): void {
  const { first, last } = visibleLanes(view, g, run.graph.lanes.length);
  ctx.font = '12px system-ui, sans-serif';
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (let l = first; l <= last; l++) {
    const y = yOf(view, g, l);
    if (y < g.top || y > g.top + g.plotHeight) continue;
    ctx.fillStyle = ownerColor(style, l);
    ctx.fillText(truncate(run.graph.lanes[l], 9), g.left - 8, y);
  }
}

function drawEdges(ctx: CanvasRenderingContext2D, f: SpaceTimeFrame, style: VizStyle): void {
  const colours: [number, string, number][] = [[Mark.plain, style.muted, 0.55], [Mark.past, style.accent, 1], [Mark.future, style.foreground, 1]];
  const arrows = f.edgeCount <= ARROWS_MAX;
  for (const [mark, colour, alpha] of colours) {
    ctx.strokeStyle = colour;
    ctx.fillStyle = colour;
    ctx.globalAlpha = alpha;
    ctx.lineWidth = mark === Mark.plain ? 1 : 1.6;
    ctx.beginPath();
    for (let i = 0; i < f.edgeCount; i++) {
      if (f.edgeMark[i] !== mark) continue;
      ctx.moveTo(f.x1[i], f.y1[i]);
      ctx.lineTo(f.x2[i], f.y2[i]);
    }
    ctx.stroke();
    if (arrows) {
      ctx.beginPath();
      for (let i = 0; i < f.edgeCount; i++) if (f.edgeMark[i] === mark) arrowHead(ctx, f.x1[i], f.y1[i], f.x2[i], f.y2[i]);
      ctx.fill();
    }
  }
  ctx.globalAlpha = 1;
}

/** A small filled head at (x2, y2), pointing along the edge, stopping short of the event's dot. */
function arrowHead(ctx: CanvasRenderingContext2D, x1: number, y1: number, x2: number, y2: number): void {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const length = Math.sqrt(dx * dx + dy * dy);
  if (length < 12) return;
  const ux = dx / length;
  const uy = dy / length;
  const tipX = x2 - ux * 4;
  const tipY = y2 - uy * 4;
  ctx.moveTo(tipX, tipY);
  ctx.lineTo(tipX - ux * 7 - uy * 3, tipY - uy * 7 + ux * 3);
  ctx.lineTo(tipX - ux * 7 + uy * 3, tipY - uy * 7 - ux * 3);
  ctx.closePath();
}

function drawEvents(ctx: CanvasRenderingContext2D, run: CausalRun, f: SpaceTimeFrame, style: VizStyle): void {
  const lanes = run.graph.lanes.length;
  const lane = run.graph.lane;
  const byColour = Math.min(lanes, style.owners.length);
  for (let c = 0; c < byColour; c++) {
    ctx.fillStyle = ownerColor(style, c);
    for (let i = 0; i < f.eventCount; i++) {
      if (f.eventMark[i] === Mark.plain && lane[f.event[i]] % style.owners.length === c) ctx.fillRect(f.ex[i] - 2, f.ey[i] - 2, 5, 5);
    }
  }
  ctx.fillStyle = style.accent;
  for (let i = 0; i < f.eventCount; i++) if (f.eventMark[i] === Mark.past) ctx.fillRect(f.ex[i] - 3, f.ey[i] - 3, 7, 7);
  ctx.fillStyle = style.foreground;
  ctx.beginPath();
  for (let i = 0; i < f.eventCount; i++) {
    if (f.eventMark[i] !== Mark.future) continue;
    ctx.moveTo(f.ex[i], f.ey[i] - 4.5);
    ctx.lineTo(f.ex[i] + 4.5, f.ey[i]);
    ctx.lineTo(f.ex[i], f.ey[i] + 4.5);
    ctx.lineTo(f.ex[i] - 4.5, f.ey[i]);
    ctx.closePath();
  }
  ctx.fill();
  ctx.strokeStyle = style.muted;
  ctx.fillStyle = style.background;
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  for (let i = 0; i < f.eventCount; i++) {
    if (f.eventMark[i] !== Mark.concurrent) continue;
    ctx.moveTo(f.ex[i] + 3.5, f.ey[i]);
    ctx.arc(f.ex[i], f.ey[i], 3.5, 0, Math.PI * 2);
  }
  ctx.fill();
  ctx.stroke();
}

function drawLabels(ctx: CanvasRenderingContext2D, run: CausalRun, f: SpaceTimeFrame, style: VizStyle): void {
  const g = run.graph;
  ctx.font = '11px system-ui, sans-serif';
  ctx.textAlign = 'left';
  ctx.textBaseline = 'bottom';
  ctx.fillStyle = style.foreground;
  // Frame events run lane by lane, left to right: a label that would overlap the previous one is skipped.
  let lane = -1;
  let right = -Infinity;
  for (let i = 0; i < f.eventCount; i++) {
    const e = f.event[i];
    if (g.text[e] < 0) continue;
    if (g.lane[e] !== lane) {
      lane = g.lane[e];
      right = -Infinity;
    }
    const x = f.ex[i] + 5;
    if (x < right) continue;
    const text = truncate(g.texts[g.text[e]], 22);
    ctx.fillText(text, x, f.ey[i] - 4);
    right = x + ctx.measureText(text).width + 6;
  }
}

function drawSelection(ctx: CanvasRenderingContext2D, run: CausalRun, view: SpaceTimeView, g: SpaceTimeGeometry, o: DrawOptions): void {
  const ring = (e: number, label: string, dashed: boolean) => {
    if (e < 0) return;
    const x = xOf(view, g, run.graph.time[e]);
    const y = yOf(view, g, run.graph.lane[e]);
    ctx.setLineDash(dashed ? [3, 2] : []);
    ctx.strokeStyle = dashed ? o.style.foreground : o.style.accent;
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.arc(x, y, dashed ? 10 : 7, 0, Math.PI * 2);
    ctx.stroke();
    if (label) {
      ctx.font = 'bold 12px system-ui, sans-serif';
      ctx.fillStyle = o.style.accent;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'top';
      ctx.fillText(label, x, y + 8);
    }
  };
  ring(o.a, 'a', false);
  ring(o.b, 'b', false);
  ring(o.focus, '', true);
  ctx.setLineDash([]);
}

function drawPins(ctx: CanvasRenderingContext2D, pins: SpaceTimePins, view: SpaceTimeView, g: SpaceTimeGeometry, style: VizStyle): void {
  ctx.strokeStyle = style.accent;
  ctx.fillStyle = style.accent;
  ctx.lineWidth = 2;
  ctx.font = 'bold 11px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  for (let i = 0; i < pins.time.length; i++) {
    const x = xOf(view, g, pins.time[i]);
    const y = yOf(view, g, pins.lane[i]);
    if (x < g.left - 10 || x > g.left + g.plotWidth + 10) continue;
    ctx.beginPath();
    ctx.arc(x, y, 8, 0, Math.PI * 2);
    ctx.moveTo(x - 4, y - 4);
    ctx.lineTo(x + 4, y + 4);
    ctx.moveTo(x + 4, y - 4);
    ctx.lineTo(x - 4, y + 4);
    ctx.stroke();
    ctx.fillText(truncate(pins.label[i], 16), x, y - 10);
  }
}

export function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
