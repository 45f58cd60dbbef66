/**
 * The stage's dynamic layer, redrawn per playing frame and once per seek from a StageFrame (./layoutAt.ts):
 * bundles between groups (aggregate tier), then the dots grouped by style (one path per style, or small
 * squares at scale: no per-dot state changes), fading dots one by one, labels when few. Node glyphs (glyph
 * and aggregate tiers) have their own canvas (./drawGlyphs.ts).
 *
 * Never colour alone: a kind's dot also has a shape (even slots round, odd square; slots 4-7 hollow).
 */
import type { StageData } from '../../core/stage/types';
import { ownerColor, type VizStyle } from '../shared/palette';
import type { StageGeometry } from './geometry';
import { DotPhase, STYLE_SLOTS, type StageFrame } from './layoutAt';
import { LABELS_MAX, type StageTier } from './tier';

export interface DynamicOptions {
  tier: StageTier;
  reducedMotion: boolean;
  /**
   * Round dots as octagons (set per result when many dots may be on the stage at once, never switched
   * mid-play): Chromium rasterizes a canvas's arcs when it commits a frame, and 1,000 arcs cost ~4 ms of
   * the main thread's frame in software, octagons about half (at 4 px they still read as round).
   */
  polygons?: boolean;
}

/** Peak dots on the stage from which round dots are drawn as octagons. */
export const POLYGON_DOTS_FROM = 300;

export function drawDynamic(ctx: CanvasRenderingContext2D, data: StageData, g: StageGeometry, frame: StageFrame, style: VizStyle, o: DynamicOptions): void {
  const isSmall = o.tier === 'aggregate';
  if (isSmall) drawBundles(ctx, g, frame, style);
  const r = isSmall ? 2 : 4;
  for (let s = 0; s < STYLE_SLOTS; s++) {
    if (isSmall) drawSmallDotsOfStyle(ctx, frame, s, r, ownerColor(style, s));
    else drawDotsOfStyle(ctx, frame, s, r, ownerColor(style, s), o.polygons ?? false);
  }
  drawFalling(ctx, frame, r, style, o.reducedMotion);
  // Labels name dots between cards; at scale (2 px marks among a thousand glyphs) they would only clutter.
  if (!isSmall && frame.dotCount <= LABELS_MAX && data.labels.length > 0) drawLabels(ctx, data, frame, style);
}

/** At scale every dot is a small square, one fillRect each under one fill style per kind (the cheapest mark). */
function drawSmallDotsOfStyle(ctx: CanvasRenderingContext2D, frame: StageFrame, s: number, r: number, color: string): void {
  ctx.fillStyle = color;
  const size = 2 * r;
  for (let i = 0; i < frame.dotCount; i++) {
    if (frame.style[i] === s && frame.phase[i] !== DotPhase.falling) ctx.fillRect(frame.x[i] - r, frame.y[i] - r, size, size);
  }
}

/** Half the side of a regular octagon's flat edges, per unit of its inner radius: tan(pi / 8). */
const OCTAGON = Math.tan(Math.PI / 8);

function dotPath(ctx: CanvasRenderingContext2D, x: number, y: number, r: number, isSquare: boolean, isPolygon: boolean): void {
  if (isSquare) ctx.rect(x - r, y - r, 2 * r, 2 * r);
  else if (isPolygon) {
    const b = r * OCTAGON;
    ctx.moveTo(x + r, y - b);
    ctx.lineTo(x + r, y + b);
    ctx.lineTo(x + b, y + r);
    ctx.lineTo(x - b, y + r);
    ctx.lineTo(x - r, y + b);
    ctx.lineTo(x - r, y - b);
    ctx.lineTo(x - b, y - r);
    ctx.lineTo(x + b, y - r);
    // Back to the first corner by hand: closePath costs more than the whole octagon in Chromium's profile.
    ctx.lineTo(x + r, y - b);
  } else {
    ctx.moveTo(x + r, y);
    ctx.arc(x, y, r, 0, 2 * Math.PI);
  }
}

/** Width of a hollow dot's outline, CSS px. */
const OUTLINE = 1.5;

/**
 * One path per style. Hollow dots are stroked outlines; when crowded (`isPolygon`) they are rings filled
 * by the even-odd rule instead (an outer and an inner contour): Chromium's software raster strokes 1,000
 * small outlines in ~12 ms a frame and fills the same rings in about half.
 */
function drawDotsOfStyle(ctx: CanvasRenderingContext2D, frame: StageFrame, s: number, r: number, color: string, isPolygon: boolean): void {
  const isSquare = s % 2 === 1;
  const isHollow = s >= 4;
  const isRing = isHollow && isPolygon;
  const size = isSquare ? r * 0.85 : r;
  let any = false;
  ctx.beginPath();
  for (let i = 0; i < frame.dotCount; i++) {
    if (frame.style[i] !== s || frame.phase[i] === DotPhase.falling) continue;
    if (isRing) {
      dotPath(ctx, frame.x[i], frame.y[i], size + OUTLINE / 2, isSquare, true);
      dotPath(ctx, frame.x[i], frame.y[i], size - OUTLINE / 2, isSquare, true);
    } else dotPath(ctx, frame.x[i], frame.y[i], size, isSquare, isPolygon);
    any = true;
  }
  if (!any) return;
  if (isRing) {
    ctx.fillStyle = color;
    ctx.fill('evenodd');
  } else if (isHollow) {
    ctx.lineWidth = OUTLINE;
    ctx.strokeStyle = color;
    ctx.stroke();
  } else {
    ctx.fillStyle = color;
    ctx.fill();
  }
}

/** Dropped dots: fading as they fall, or (reduced motion) an instant cross where they stopped. */
function drawFalling(ctx: CanvasRenderingContext2D, frame: StageFrame, r: number, style: VizStyle, reduced: boolean): void {
  for (let i = 0; i < frame.dotCount; i++) {
    if (frame.phase[i] !== DotPhase.falling) continue;
    const [x, y] = [frame.x[i], frame.y[i]];
    ctx.globalAlpha = reduced ? 1 : Math.max(0, frame.alpha[i]);
    ctx.strokeStyle = ownerColor(style, frame.style[i]);
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    ctx.moveTo(x - r, y - r);
    ctx.lineTo(x + r, y + r);
    ctx.moveTo(x + r, y - r);
    ctx.lineTo(x - r, y + r);
    ctx.stroke();
  }
  ctx.globalAlpha = 1;
}

/** Boxes of the labels placed this frame (x, y, width, height each): a label that would overlap one is skipped. */
const placed = new Float64Array(4 * LABELS_MAX);
const LABEL_HEIGHT = 12;

function drawLabels(ctx: CanvasRenderingContext2D, data: StageData, frame: StageFrame, style: VizStyle): void {
  ctx.font = '11px system-ui, sans-serif';
  ctx.fillStyle = style.foreground;
  ctx.textBaseline = 'bottom';
  let count = 0;
  for (let i = 0; i < frame.dotCount && count < LABELS_MAX; i++) {
    const label = data.messages.label[frame.rows[i]];
    if (label < 0 || frame.phase[i] === DotPhase.falling) continue;
    const text = data.labels[label];
    const x = frame.x[i] + 6;
    const y = frame.y[i] - 4 - LABEL_HEIGHT;
    const width = ctx.measureText(text).width;
    if (overlapsPlaced(x, y, width, count)) continue;
    placed[4 * count] = x;
    placed[4 * count + 1] = y;
    placed[4 * count + 2] = width;
    placed[4 * count + 3] = LABEL_HEIGHT;
    count += 1;
    ctx.fillText(text, x, frame.y[i] - 4);
  }
}

/** True when the box (x, y, width, LABEL_HEIGHT) overlaps one of the first `count` placed labels. */
function overlapsPlaced(x: number, y: number, width: number, count: number): boolean {
  for (let j = 0; j < count; j++) {
    const px = placed[4 * j];
    const py = placed[4 * j + 1];
    if (x < px + placed[4 * j + 2] && px < x + width && y < py + placed[4 * j + 3] && py < y + LABEL_HEIGHT) return true;
  }
  return false;
}

function drawBundles(ctx: CanvasRenderingContext2D, g: StageGeometry, frame: StageFrame, style: VizStyle): void {
  const k = g.groupCount;
  ctx.strokeStyle = style.accentSoft;
  ctx.lineCap = 'round';
  for (let a = 0; a < k; a++) {
    for (let b = a; b < k; b++) {
      const load = frame.bundle[a * k + b] + (a === b ? 0 : frame.bundle[b * k + a]);
      if (load === 0 || a === b) continue;
      ctx.lineWidth = Math.min(14, 1 + Math.sqrt(load) / 2);
      ctx.beginPath();
      ctx.moveTo(g.groupX[a], g.groupY[a]);
      ctx.lineTo(g.groupX[b], g.groupY[b]);
      ctx.stroke();
    }
  }
}
