/**
 * Canvas drawing of the large ring. The same d3-shape arc generator that makes SVG path strings draws
 * here through `.context(ctx)`. Bars are grouped by fill colour so a frame costs a handful of fills,
 * not one per bin.
 */
import { arc } from 'd3-shape';
import { ownerColor, type VizStyle } from '../shared/palette';
import { angleOf, pointAt } from './geometry';
import type { RingLargeLayout } from './layoutLarge';
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

export function drawRingLarge(
  ctx: CanvasRenderingContext2D,
  layout: RingLargeLayout,
  style: VizStyle,
  extras: RingDrawExtras = {},
): void {
  const { frame } = layout;
  const path = arc<ArcDatum>().context(ctx);
  ctx.save();
  ctx.translate(frame.cx, frame.cy);

  // Rim: one fill per owner colour.
  fillGrouped(ctx, layout, (bar) => ownerColor(style, bar.owner), (bar) =>
    path({ innerRadius: layout.rimInner, outerRadius: layout.rimOuter, startAngle: bar.startAngle, endAngle: bar.endAngle }),
  );

  // Bars: keys per arc in a neutral colour (owner colours stay on the rim, where they mean something).
  ctx.globalAlpha = 0.45;
  ctx.beginPath();
  for (const bar of layout.bars) {
    if (bar.count === 0) continue;
    path({ innerRadius: bar.innerRadius, outerRadius: bar.outerRadius, startAngle: bar.startAngle, endAngle: bar.endAngle });
  }
  ctx.fillStyle = style.muted;
  ctx.fill();
  ctx.globalAlpha = 1;

  // Moved keys: the moved part of each bar, plus a tick outside the rim scaled to the busiest arc's moves,
  // so a few moved keys among thousands still show where they are.
  let movedMax = 0;
  for (const bar of layout.bars) movedMax = Math.max(movedMax, bar.moved);
  if (movedMax > 0) {
    ctx.beginPath();
    for (const bar of layout.bars) {
      if (bar.moved === 0) continue;
      path({ innerRadius: bar.innerRadius, outerRadius: Math.max(bar.movedRadius, bar.innerRadius + 1.5), startAngle: bar.startAngle, endAngle: bar.endAngle });
      path({ innerRadius: layout.rimOuter + 1, outerRadius: layout.rimOuter + 2 + 8 * (bar.moved / movedMax), startAngle: bar.startAngle, endAngle: bar.endAngle });
    }
    ctx.fillStyle = style.accent;
    ctx.fill();
  }

  // Base circle, so an empty ring still reads as a ring.
  ctx.beginPath();
  ctx.arc(0, 0, layout.barBase, 0, 2 * Math.PI);
  ctx.strokeStyle = style.grid;
  ctx.lineWidth = 1;
  ctx.stroke();

  if (extras.selectedNode !== undefined && extras.selectedNode >= 0) {
    ctx.beginPath();
    for (const bar of layout.bars) {
      if (bar.owner !== extras.selectedNode) continue;
      path({ innerRadius: layout.rimOuter + 11, outerRadius: layout.rimOuter + 15, startAngle: bar.startAngle, endAngle: bar.endAngle });
    }
    ctx.fillStyle = style.foreground;
    ctx.fill();
  }

  if (extras.hoverBin !== undefined && extras.hoverBin >= 0 && extras.hoverBin < layout.bars.length) {
    const bar = layout.bars[extras.hoverBin];
    ctx.beginPath();
    path({ innerRadius: layout.barBase - 2, outerRadius: layout.rimOuter + 2, startAngle: bar.startAngle, endAngle: bar.endAngle });
    ctx.strokeStyle = style.foreground;
    ctx.lineWidth = 1.5;
    ctx.stroke();
  }

  if (extras.lookup) drawLookup(ctx, layout, style, extras.lookup, path);
  ctx.restore();
  if (extras.tracks && extras.tracks.length > 0) drawTracks(ctx, layout, style, extras.tracks, extras.progress ?? 1);
}

function fillGrouped(
  ctx: CanvasRenderingContext2D,
  layout: RingLargeLayout,
  colorOf: (bar: RingLargeLayout['bars'][number]) => string | null,
  addPath: (bar: RingLargeLayout['bars'][number]) => void,
): void {
  const groups = new Map<string, RingLargeLayout['bars']>();
  for (const bar of layout.bars) {
    const color = colorOf(bar);
    if (color === null) continue;
    let group = groups.get(color);
    if (!group) groups.set(color, (group = []));
    group.push(bar);
  }
  for (const [color, bars] of groups) {
    ctx.beginPath();
    for (const bar of bars) addPath(bar);
    ctx.fillStyle = color;
    ctx.fill();
  }
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
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = style.accent;
  for (const track of tracks) {
    const owner = progress < 0.5 ? track.fromOwner : track.toOwner;
    const p = pointAt(frame.cx, frame.cy, r, angleOf(trackPositionAt(track, progress)));
    if (halo > 0) {
      ctx.beginPath();
      ctx.arc(p.x, p.y, halo, 0, 2 * Math.PI);
      ctx.globalAlpha = 0.35 + 0.4 * progress;
      ctx.stroke();
      ctx.globalAlpha = 1;
    }
    ctx.beginPath();
    ctx.arc(p.x, p.y, 2.5, 0, 2 * Math.PI);
    ctx.fillStyle = ownerColor(style, owner);
    ctx.fill();
    ctx.stroke();
  }
}
