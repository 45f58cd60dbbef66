/**
 * Canvas drawing of the large ring, in two parts so an animation frame costs what moves, not the ring:
 * - the background (rim, bars, moved ticks, selection, lookup) changes only with the layout, style,
 *   selection or lookup; RingCanvas keeps it in an offscreen bitmap and copies it per frame;
 * - the overlay (hovered bin, sampled moved keys) is drawn on top of that copy every frame.
 * Bins are thin (360/720 = 0.5 degrees): the rim is wedges with straight edges (exact to far below a pixel),
 * runs of one colour merged, one fill per colour; bars and moved ticks are one staircase contour each (see
 * addRadialSteps). Longer stretches (merged runs, the selection, the lookup) use true arcs.
 */
import { arc } from 'd3-shape';
import { ownerColor, type VizStyle } from '../shared/palette';
import { angleOf, pointAt } from './geometry';
import type { BinBar, RingLargeLayout } from './layoutLarge';
import { trackPositionAt } from './moves';
import type { MoveTrack } from './types';

export interface RingDrawExtras {
  /** Sampled moved keys and the tween progress in [0, 1] of their hand-over. */
  tracks?: readonly MoveTrack[];
  progress?: number;
  /** The lookup to draw: key position and the clockwise sweeps (radians) to the owner and the last replica. */
  lookup?: { position: number; ownerSweep: number; walkSweep: number } | null;
  /** Bin under the pointer, outlined. */
  hoverBin?: number;
  /** Owner to emphasise (others dimmed). */
  selectedNode?: number;
}

type ArcDatum = { innerRadius: number; outerRadius: number; startAngle: number; endAngle: number };

/** Below this angular span (radians, ~3 degrees) a wedge is drawn with straight edges. */
const STRAIGHT_SPAN = 0.05;

/**
 * Adds the ring sector r0..r1 x a0..a1 (angles clockwise from 12 o'clock, as d3-shape's arc) to the
 * current path, centred on the origin.
 */
export function addWedge(ctx: CanvasRenderingContext2D, r0: number, r1: number, a0: number, a1: number): void {
  if (a1 - a0 < STRAIGHT_SPAN) {
    const s0 = Math.sin(a0);
    const c0 = Math.cos(a0);
    const s1 = Math.sin(a1);
    const c1 = Math.cos(a1);
    ctx.moveTo(r1 * s0, -r1 * c0);
    ctx.lineTo(r1 * s1, -r1 * c1);
    ctx.lineTo(r0 * s1, -r0 * c1);
    ctx.lineTo(r0 * s0, -r0 * c0);
    ctx.closePath();
    return;
  }
  const q = Math.PI / 2;
  ctx.moveTo(r1 * Math.sin(a0), -r1 * Math.cos(a0));
  ctx.arc(0, 0, r1, a0 - q, a1 - q, false);
  ctx.arc(0, 0, r0, a1 - q, a0 - q, true);
  ctx.closePath();
}

/**
 * Adds one closed contour per call: a staircase of bars (bar i spans its bin's angles, from `base` out to
 * radius(bar)) going clockwise, then back along `base`. One contour of ~3 x bins points instead of a
 * wedge per bin: the software rasterizer's cost is per contour far more than per vertex (measured ~3x
 * cheaper at 720 bins). A bar of radius `base` adds no area.
 */
export function addRadialSteps(
  ctx: CanvasRenderingContext2D,
  bars: readonly BinBar[],
  base: number,
  radius: (bar: BinBar) => number,
): void {
  const n = bars.length;
  if (n === 0) return;
  for (let i = 0; i < n; i++) {
    const bar = bars[i];
    const r = radius(bar);
    if (i === 0) ctx.moveTo(r * Math.sin(bar.startAngle), -r * Math.cos(bar.startAngle));
    else ctx.lineTo(r * Math.sin(bar.startAngle), -r * Math.cos(bar.startAngle));
    ctx.lineTo(r * Math.sin(bar.endAngle), -r * Math.cos(bar.endAngle));
  }
  for (let i = n - 1; i >= 0; i--) ctx.lineTo(base * Math.sin(bars[i].endAngle), -base * Math.cos(bars[i].endAngle));
  ctx.lineTo(base * Math.sin(bars[0].startAngle), -base * Math.cos(bars[0].startAngle));
  ctx.closePath();
}

/** The whole ring in one go: background, then overlay (tests, and callers without a bitmap cache). */
export function drawRingLarge(
  ctx: CanvasRenderingContext2D,
  layout: RingLargeLayout,
  style: VizStyle,
  extras: RingDrawExtras = {},
): void {
  drawRingLargeBackground(ctx, layout, style, extras);
  drawRingLargeOverlay(ctx, layout, style, extras);
}

/** Everything that stays put while moved keys animate: rim, bars, moved ticks, selection, lookup. */
export function drawRingLargeBackground(
  ctx: CanvasRenderingContext2D,
  layout: RingLargeLayout,
  style: VizStyle,
  extras: Pick<RingDrawExtras, 'lookup' | 'selectedNode'> = {},
): void {
  const { frame, bars } = layout;
  ctx.save();
  ctx.translate(frame.cx, frame.cy);
  drawRim(ctx, layout, style);

  // Bars: keys per arc in a neutral colour (owner colours stay on the rim, where they mean something).
  ctx.globalAlpha = 0.45;
  ctx.beginPath();
  addRadialSteps(ctx, bars, layout.barBase, (bar) => (bar.count > 0 ? bar.outerRadius : layout.barBase));
  ctx.fillStyle = style.muted;
  ctx.fill();
  ctx.globalAlpha = 1;
  drawMoved(ctx, layout, style);

  // Base circle, so an empty ring still reads as a ring.
  ctx.beginPath();
  ctx.arc(0, 0, layout.barBase, 0, 2 * Math.PI);
  ctx.strokeStyle = style.grid;
  ctx.lineWidth = 1;
  ctx.stroke();

  if (extras.selectedNode !== undefined && extras.selectedNode >= 0) drawSelection(ctx, layout, style, extras.selectedNode);
  if (extras.lookup) drawLookup(ctx, layout, style, extras.lookup, arc<ArcDatum>().context(ctx));
  ctx.restore();
}

/** The rim: consecutive bins of one colour merged into one wedge, one fill per colour. */
function drawRim(ctx: CanvasRenderingContext2D, layout: RingLargeLayout, style: VizStyle): void {
  const { bars } = layout;
  const runs = new Map<string, number[]>();
  for (let i = 0; i < bars.length; ) {
    const color = ownerColor(style, bars[i].owner);
    let j = i + 1;
    while (j < bars.length && ownerColor(style, bars[j].owner) === color) j++;
    let run = runs.get(color);
    if (!run) runs.set(color, (run = []));
    run.push(bars[i].startAngle, bars[j - 1].endAngle);
    i = j;
  }
  for (const [color, run] of runs) {
    ctx.beginPath();
    for (let k = 0; k < run.length; k += 2) addWedge(ctx, layout.rimInner, layout.rimOuter, run[k], run[k + 1]);
    ctx.fillStyle = color;
    ctx.fill();
  }
}

/**
 * Moved keys: the moved part of each bar, plus a tick outside the rim scaled to the busiest arc's moves,
 * so a few moved keys among thousands still show where they are.
 */
function drawMoved(ctx: CanvasRenderingContext2D, layout: RingLargeLayout, style: VizStyle): void {
  const { bars } = layout;
  let movedMax = 0;
  for (const bar of bars) movedMax = Math.max(movedMax, bar.moved);
  if (movedMax === 0) return;
  ctx.beginPath();
  addRadialSteps(ctx, bars, layout.barBase, (bar) => (bar.moved > 0 ? Math.max(bar.movedRadius, bar.innerRadius + 1.5) : layout.barBase));
  const tickBase = layout.rimOuter + 1;
  addRadialSteps(ctx, bars, tickBase, (bar) => (bar.moved > 0 ? tickBase + 1 + 8 * (bar.moved / movedMax) : tickBase));
  ctx.fillStyle = style.accent;
  ctx.fill();
}

/** The selected node's arcs, as a band just outside the rim. */
function drawSelection(ctx: CanvasRenderingContext2D, layout: RingLargeLayout, style: VizStyle, owner: number): void {
  const { bars } = layout;
  ctx.beginPath();
  for (let i = 0; i < bars.length; i++) {
    if (bars[i].owner !== owner) continue;
    let j = i;
    while (j + 1 < bars.length && bars[j + 1].owner === owner) j++;
    addWedge(ctx, layout.rimOuter + 11, layout.rimOuter + 15, bars[i].startAngle, bars[j].endAngle);
    i = j;
  }
  ctx.fillStyle = style.foreground;
  ctx.fill();
}

/** What changes per frame: the hovered bin's outline and the sampled moved keys at `progress`. */
export function drawRingLargeOverlay(
  ctx: CanvasRenderingContext2D,
  layout: RingLargeLayout,
  style: VizStyle,
  extras: Pick<RingDrawExtras, 'tracks' | 'progress' | 'hoverBin'> = {},
): void {
  const { frame } = layout;
  if (extras.hoverBin !== undefined && extras.hoverBin >= 0 && extras.hoverBin < layout.bars.length) {
    const bar = layout.bars[extras.hoverBin];
    ctx.save();
    ctx.translate(frame.cx, frame.cy);
    ctx.beginPath();
    addWedge(ctx, layout.barBase - 2, layout.rimOuter + 2, bar.startAngle, bar.endAngle);
    ctx.strokeStyle = style.foreground;
    ctx.lineWidth = 1.5;
    ctx.stroke();
    ctx.restore();
  }
  if (extras.tracks && extras.tracks.length > 0) drawTracks(ctx, layout, style, extras.tracks, extras.progress ?? 1);
}

function drawLookup(
  ctx: CanvasRenderingContext2D,
  layout: RingLargeLayout,
  style: VizStyle,
  lookup: NonNullable<RingDrawExtras['lookup']>,
  path: ReturnType<typeof arc<ArcDatum>>,
): void {
  const a = angleOf(lookup.position);
  const r = layout.rimOuter + 17;
  ctx.beginPath();
  path({ innerRadius: r, outerRadius: r + 2, startAngle: a, endAngle: a + lookup.walkSweep });
  ctx.fillStyle = style.accentSoft;
  ctx.fill();
  ctx.beginPath();
  path({ innerRadius: r, outerRadius: r + 4, startAngle: a, endAngle: a + Math.max(lookup.ownerSweep, 0.01) });
  ctx.fillStyle = style.accent;
  ctx.fill();
  const key = pointAt(0, 0, r + 2, a);
  ctx.beginPath();
  ctx.arc(key.x, key.y, 5, 0, 2 * Math.PI);
  ctx.fillStyle = style.background;
  ctx.fill();
  ctx.lineWidth = 2;
  ctx.strokeStyle = style.accent;
  ctx.stroke();
}

/**
 * Sampled moved keys. With exact vnodes a key's marker travels from its old owner's vnode to its new
 * owner's (offsets differ); at large scale the hand-over distance is far below a pixel, so the marker stays
 * at the key's hash and a halo shrinks onto it while its colour switches from the old owner to the new.
 * Batched: one stroke for all halos, one fill per owner colour, one stroke for all outlines.
 */
function drawTracks(
  ctx: CanvasRenderingContext2D,
  layout: RingLargeLayout,
  style: VizStyle,
  tracks: readonly MoveTrack[],
  progress: number,
): void {
  const { frame } = layout;
  const r = layout.rimInner - 5;
  const halo = progress < 1 ? 3 + 10 * (1 - progress) : 0;
  const points = tracks.map((track) => pointAt(frame.cx, frame.cy, r, angleOf(trackPositionAt(track, progress))));
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = style.accent;
  if (halo > 0) {
    ctx.beginPath();
    for (const p of points) {
      ctx.moveTo(p.x + halo, p.y);
      ctx.arc(p.x, p.y, halo, 0, 2 * Math.PI);
    }
    ctx.globalAlpha = 0.35 + 0.4 * progress;
    ctx.stroke();
    ctx.globalAlpha = 1;
  }
  const byColor = new Map<string, number[]>();
  tracks.forEach((track, i) => {
    const color = ownerColor(style, progress < 0.5 ? track.fromOwner : track.toOwner);
    let group = byColor.get(color);
    if (!group) byColor.set(color, (group = []));
    group.push(i);
  });
  const dots = (indexes: Iterable<number>) => {
    ctx.beginPath();
    for (const i of indexes) {
      ctx.moveTo(points[i].x + 2.5, points[i].y);
      ctx.arc(points[i].x, points[i].y, 2.5, 0, 2 * Math.PI);
    }
  };
  for (const [color, indexes] of byColor) {
    dots(indexes);
    ctx.fillStyle = color;
    ctx.fill();
  }
  dots(points.keys());
  ctx.stroke();
}
