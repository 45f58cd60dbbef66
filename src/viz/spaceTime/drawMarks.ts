/**
 * The run's marks on the lanes: a crash is a grey band with a cross where it starts, a pause a band of
 * dashes with two bars where it starts, a partition a tinted band along each split lane (one tint per side)
 * with a dashed line across the lanes where the split begins, a lane with a link cut on its own a dotted
 * frame, and a message that never arrived a grey stub toward its receiver ending in a cross (lost, cut,
 * thrown away) or an open circle (still in flight when the run ended). Never colour alone: each has a shape.
 */
import { Fate } from '../../core/stage/types';
import type { CausalRun, LaneIntervals } from '../../core/causality/types';
import { ownerColor, type VizStyle } from '../shared/palette';
import { visibleLanes, xOf, yOf, type SpaceTimeGeometry, type SpaceTimeView } from './view';

/** Owner colours for the sides of a partition (distinct from the crash grey). */
const SIDE_COLOURS = [1, 9, 4, 8, 2];

export function drawMarks(ctx: CanvasRenderingContext2D, run: CausalRun, view: SpaceTimeView, g: SpaceTimeGeometry, style: VizStyle): void {
  drawPartitions(ctx, run, view, g, style);
  drawIntervals(ctx, run.marks.crashes, run, view, g, style, 'crash');
  drawIntervals(ctx, run.marks.pauses, run, view, g, style, 'pause');
  drawDropped(ctx, run, view, g, style);
}

function drawIntervals(ctx: CanvasRenderingContext2D, intervals: LaneIntervals, run: CausalRun, view: SpaceTimeView, g: SpaceTimeGeometry, style: VizStyle, kind: 'crash' | 'pause'): void {
  const { first, last } = visibleLanes(view, g, run.graph.lanes.length);
  const right = g.left + g.plotWidth;
  for (let l = first; l <= last; l++) {
    const y = yOf(view, g, l);
    for (let i = intervals.offsets[l]; i < intervals.offsets[l + 1]; i++) {
      const x1 = Math.max(g.left - 2, xOf(view, g, intervals.start[i]));
      const x2 = Math.min(right + 2, Number.isFinite(intervals.end[i]) ? xOf(view, g, intervals.end[i]) : right + 2);
      if (x2 < g.left || x1 > right) continue;
      ctx.globalAlpha = 0.35;
      ctx.fillStyle = style.muted;
      if (kind === 'crash') ctx.fillRect(x1, y - 4, x2 - x1, 8);
      else {
        ctx.setLineDash([4, 3]);
        ctx.strokeStyle = style.muted;
        ctx.lineWidth = 6;
        ctx.beginPath();
        ctx.moveTo(x1, y);
        ctx.lineTo(x2, y);
        ctx.stroke();
        ctx.setLineDash([]);
      }
      ctx.globalAlpha = 1;
      ctx.strokeStyle = style.foreground;
      ctx.lineWidth = 1.5;
      ctx.beginPath();
      if (kind === 'crash') cross(ctx, x1, y, 5);
      else for (const dx of [-2, 2]) {
        ctx.moveTo(x1 + dx, y - 6);
        ctx.lineTo(x1 + dx, y + 6);
      }
      ctx.stroke();
    }
  }
}

function drawPartitions(ctx: CanvasRenderingContext2D, run: CausalRun, view: SpaceTimeView, g: SpaceTimeGeometry, style: VizStyle): void {
  const p = run.marks.partitions;
  const lanes = run.graph.lanes.length;
  const { first, last } = visibleLanes(view, g, lanes);
  const right = g.left + g.plotWidth;
  for (let k = 0; k < p.count; k++) {
    const x1 = Math.max(g.left, xOf(view, g, p.start[k]));
    const x2 = Math.min(right, k + 1 < p.count ? xOf(view, g, p.start[k + 1]) : right);
    if (x2 < g.left || x1 > right || x2 <= x1) continue;
    let isSplit = false;
    const band = Math.min(16, view.laneHeight * 0.6);
    for (let l = first; l <= last; l++) {
      const y = yOf(view, g, l);
      const side = p.groups[k * lanes + l];
      if (side >= 0) {
        isSplit = true;
        ctx.globalAlpha = 0.16;
        ctx.fillStyle = ownerColor(style, SIDE_COLOURS[side % SIDE_COLOURS.length]);
        ctx.fillRect(x1, y - band / 2, x2 - x1, band);
        ctx.globalAlpha = 1;
      }
      if (p.cut[k * lanes + l]) {
        ctx.setLineDash([2, 3]);
        ctx.strokeStyle = style.muted;
        ctx.lineWidth = 1;
        ctx.strokeRect(x1, y - band / 2, x2 - x1, band);
        ctx.setLineDash([]);
      }
    }
    if (isSplit && x1 > g.left) {
      ctx.setLineDash([5, 4]);
      ctx.strokeStyle = style.foreground;
      ctx.lineWidth = 1;
      ctx.beginPath();
      ctx.moveTo(Math.round(x1) + 0.5, g.top);
      ctx.lineTo(Math.round(x1) + 0.5, g.top + g.plotHeight);
      ctx.stroke();
      ctx.setLineDash([]);
    }
  }
}

/** Undelivered messages drawn per frame at most (a run that loses 10^5 messages draws the first ones). */
const DROPPED_MAX = 5000;

function drawDropped(ctx: CanvasRenderingContext2D, run: CausalRun, view: SpaceTimeView, g: SpaceTimeGeometry, style: VizStyle): void {
  const d = run.marks.dropped;
  let drawn = 0;
  const right = g.left + g.plotWidth;
  ctx.strokeStyle = style.muted;
  ctx.lineWidth = 1.2;
  ctx.globalAlpha = 0.9;
  ctx.beginPath();
  for (let i = 0; i < d.count; i++) {
    const stop = Number.isFinite(d.stop[i]) ? d.stop[i] : run.horizon;
    if (stop < view.t0 || d.send[i] > view.t1) continue;
    if (++drawn > DROPPED_MAX) break;
    const x1 = xOf(view, g, d.send[i]);
    const y1 = yOf(view, g, d.from[i]);
    const x2 = Math.min(right + 20, xOf(view, g, stop));
    const y2 = y1 + (yOf(view, g, d.to[i]) - y1) * d.frac[i];
    ctx.moveTo(x1, y1);
    ctx.lineTo(x2, y2);
    if (d.fate[i] === Fate.open) {
      ctx.moveTo(x2 + 3, y2);
      ctx.arc(x2, y2, 3, 0, Math.PI * 2);
    } else cross(ctx, x2, y2, 4);
  }
  ctx.stroke();
  ctx.globalAlpha = 1;
}

function cross(ctx: CanvasRenderingContext2D, x: number, y: number, r: number): void {
  ctx.moveTo(x - r, y - r);
  ctx.lineTo(x + r, y + r);
  ctx.moveTo(x + r, y - r);
  ctx.lineTo(x - r, y + r);
}
