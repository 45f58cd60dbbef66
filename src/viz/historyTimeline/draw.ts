/**
 * How a bar looks, shared by the canvas and SVG renderers: colour by kind (reads, writes, ...), fill by
 * status (ok solid, open end faint with a dashed edge, failed hollow), stale reads in their own colour with
 * a marker, the longest linearizable prefix underlined. Colour is never the only cue: status changes the
 * fill and outline, stale adds a marker, highlights carry text labels.
 */
import type { VizStyle } from '../shared/palette';
import { categoryParts, StatusClass, type TimelineMarks } from './bars';
import { barTop, type TimelineGeometry } from './layout';

/** Owner-palette slots for kinds 0..3 (slot 3, the red, is kept for stale reads). */
const KIND_SLOTS = [0, 1, 2, 4] as const;

export function kindColor(style: VizStyle, kind: number): string {
  return style.owners[KIND_SLOTS[Math.max(0, Math.min(3, kind))]];
}

export function staleColor(style: VizStyle): string {
  return style.owners[3];
}

export interface BarPaint {
  fill: string;
  fillOpacity: number;
  stroke: string;
  /** Empty: solid. */
  dash: number[];
}

export function barPaint(style: VizStyle, category: number): BarPaint {
  const { kind, statusClass, isStale } = categoryParts(category);
  const color = isStale ? staleColor(style) : kindColor(style, kind);
  if (statusClass === StatusClass.open) return { fill: color, fillOpacity: 0.3, stroke: color, dash: [3, 2] };
  if (statusClass === StatusClass.fail) return { fill: style.background, fillOpacity: 1, stroke: color, dash: [] };
  return { fill: color, fillOpacity: 0.85, stroke: color, dash: [] };
}

/** A small downward triangle above the right end of a stale read's bar, as an SVG path. */
export function staleMarkerPath(x: number, top: number): string {
  return `M${x - 4},${top - 6}L${x + 4},${top - 6}L${x},${top - 1}Z`;
}

/** Paints the bars, the prefix underlines and the stale markers (highlights go on the SVG overlay). */
export function drawTimeline(ctx: CanvasRenderingContext2D, g: TimelineGeometry, marks: TimelineMarks, style: VizStyle): void {
  const { frame } = g;
  ctx.save();
  ctx.beginPath();
  ctx.rect(frame.left - 2, 0, frame.innerWidth + 4, frame.top + frame.innerHeight + 2);
  ctx.clip();
  ctx.lineWidth = 1;
  for (let k = 0; k < marks.count; k++) {
    const paint = barPaint(style, marks.category[k]);
    const y = barTop(g, marks.lane[k]);
    const x = marks.x[k];
    const w = marks.w[k];
    ctx.globalAlpha = paint.fillOpacity;
    ctx.fillStyle = paint.fill;
    ctx.fillRect(x, y, w, g.barHeight);
    ctx.globalAlpha = 1;
    // Outlines only where a bar is wide enough to show one; aggregated runs stay plain fills.
    if (!marks.isAggregated && w >= 3 && g.barHeight >= 4) {
      ctx.strokeStyle = paint.stroke;
      ctx.setLineDash(paint.dash);
      ctx.strokeRect(x + 0.5, y + 0.5, w - 1, g.barHeight - 1);
      ctx.setLineDash([]);
      if (marks.isOpenEnd[k]) drawOpenEnd(ctx, x + w, y, g.barHeight, paint.stroke);
    }
    if (categoryParts(marks.category[k]).isStale && g.barHeight >= 3) {
      ctx.fillStyle = staleColor(style);
      ctx.fill(new Path2D(staleMarkerPath(x + w, y)));
    }
  }
  ctx.fillStyle = style.foreground;
  ctx.globalAlpha = 0.7;
  for (let p = 0; p < marks.prefixCount; p++) {
    const y = barTop(g, marks.prefixLane[p]) + g.barHeight + 1;
    ctx.fillRect(marks.prefixX[p], y, marks.prefixW[p], 1.5);
  }
  ctx.restore();
}

/** A chevron at an open end: the client never learned the outcome. */
function drawOpenEnd(ctx: CanvasRenderingContext2D, x: number, y: number, h: number, color: string): void {
  ctx.strokeStyle = color;
  ctx.beginPath();
  ctx.moveTo(x - 4, y);
  ctx.lineTo(x, y + h / 2);
  ctx.lineTo(x - 4, y + h);
  ctx.stroke();
}

export function openEndPath(x: number, y: number, h: number): string {
  return `M${x - 4},${y}L${x},${y + h / 2}L${x - 4},${y + h}`;
}
