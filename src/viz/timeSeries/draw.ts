/**
 * The time series' data marks, as SVG path strings or onto a canvas: the same d3-shape generators with
 * or without `.context()`, so both renderers draw identical geometry. Axes, labels and markers stay in SVG
 * (a constant number of marks), drawn by TimeSeries.tsx.
 */
import { area, line } from 'd3-shape';
import { ownerColor, type VizStyle } from '../shared/palette';
import type { PlacedSeries, TimeSeriesLayout } from './layout';

type Ctx = CanvasRenderingContext2D;

/** Dash pattern per highlight rank: a second cue besides colour (solid, dashed, dotted, dash-dot...). */
const dashes: readonly (readonly number[])[] = [[], [6, 3], [2, 3], [8, 3, 2, 3], [12, 4]];

export function seriesDash(rank: number): readonly number[] {
  return rank >= 0 ? dashes[rank % dashes.length] : [];
}

/**
 * A series' colour: highlighted series by rank (distinct for the top few); the others are context in the
 * muted colour when anything is highlighted, else each by its node index.
 */
export function seriesColor(style: VizStyle, s: Pick<PlacedSeries, 'rank' | 'node'>, hasHighlights: boolean): string {
  if (s.rank >= 0) return ownerColor(style, s.rank);
  return hasHighlights ? style.muted : ownerColor(style, s.node);
}

/** Context lines (not highlighted, among highlighted ones) are thin and faint. */
export function seriesOpacity(s: Pick<PlacedSeries, 'rank'>, hasHighlights: boolean): number {
  return hasHighlights && s.rank < 0 ? 0.55 : 1;
}

export function hasHighlights(layout: TimeSeriesLayout): boolean {
  return layout.series.some((s) => s.rank >= 0);
}

export function linePath(xs: Float64Array, ys: Float64Array, context: Ctx | null = null): string {
  const generator = line<number>()
    .defined((c) => Number.isFinite(ys[c]))
    .x((c) => xs[c])
    .y((c) => ys[c])
    .context(context);
  return generator(indexes(xs.length)) ?? '';
}

export function bandPath(xs: Float64Array, lo: Float64Array, hi: Float64Array, context: Ctx | null = null): string {
  const generator = area<number>()
    .defined((c) => Number.isFinite(lo[c]) && Number.isFinite(hi[c]))
    .x((c) => xs[c])
    .y0((c) => lo[c])
    .y1((c) => hi[c])
    .context(context);
  return generator(indexes(xs.length)) ?? '';
}

/** Series in drawing order: context lines first, highlighted ones on top (in reverse rank, so rank 0 is last). */
export function drawOrder(series: readonly PlacedSeries[]): PlacedSeries[] {
  const key = (s: PlacedSeries) => (s.rank < 0 ? 1e9 : s.rank);
  return [...series].sort((a, b) => key(b) - key(a));
}

/**
 * Band, median and series lines onto a canvas in CSS pixels. Cost: columns x (2 + highlighted series).
 * The cursor and playhead rules are the figure's, in SVG on top, so hovering never repaints the canvas.
 */
export function drawTimeSeries(ctx: Ctx, layout: TimeSeriesLayout, style: VizStyle): void {
  const { xs } = layout;
  if (layout.isAggregated) {
    ctx.beginPath();
    bandPath(xs, layout.bandLo, layout.bandHi, ctx);
    ctx.fillStyle = style.theme === 'dark' ? 'rgba(170, 183, 196, 0.28)' : 'rgba(86, 100, 111, 0.22)';
    ctx.fill();
    ctx.beginPath();
    linePath(xs, layout.median, ctx);
    ctx.strokeStyle = style.muted;
    ctx.lineWidth = 1.5;
    ctx.setLineDash([4, 3]);
    ctx.stroke();
  }
  const highlighted = hasHighlights(layout);
  for (const s of drawOrder(layout.series)) {
    ctx.beginPath();
    linePath(xs, s.ys, ctx);
    ctx.strokeStyle = seriesColor(style, s, highlighted);
    ctx.globalAlpha = seriesOpacity(s, highlighted);
    ctx.lineWidth = s.rank >= 0 ? 2 : 1;
    ctx.setLineDash(seriesDash(s.rank) as number[]);
    ctx.stroke();
  }
  ctx.globalAlpha = 1;
  ctx.setLineDash([]);
}

let indexCache: number[] = [];
function indexes(n: number): number[] {
  if (indexCache.length !== n) indexCache = Array.from({ length: n }, (_, i) => i);
  return indexCache;
}
