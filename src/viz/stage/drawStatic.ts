/**
 * The stage's static layer: partition hulls (one tint per group, only while a cut is in force), the links
 * (solid when open; dashed with a cut mark when blocked, the mark near the sender whose direction is cut
 * for a one-way cut). Redrawn on a new result, size, theme or partition epoch, never per frame.
 */
import { hasCuts, isBlocked } from '../../core/stage/query';
import type { StageData } from '../../core/stage/types';
import { ownerColor, type VizStyle } from '../shared/palette';
import { RING_MAX, type StageGeometry } from './geometry';
import type { StageTier } from './tier';

/** Links drawn at most (the busiest first would need a sort; the data's order is by node pair). */
export const LINKS_MAX = 4000;

export function drawStatic(ctx: CanvasRenderingContext2D, data: StageData, g: StageGeometry, epoch: number, style: VizStyle, tier: StageTier): void {
  const n = g.nodeCount;
  if (hasCuts(data.epochs, epoch, n)) drawHulls(ctx, data, g, epoch, style);
  if (tier === 'aggregate') return;
  const pairs = linkPairs(data, g);
  ctx.lineWidth = 1;
  ctx.strokeStyle = style.grid;
  ctx.setLineDash([]);
  ctx.beginPath();
  for (let i = 0; i < pairs.count; i++) {
    const [a, b] = [pairs.a[i], pairs.b[i]];
    if (isBlocked(data.epochs, epoch, a, b, n) || isBlocked(data.epochs, epoch, b, a, n)) continue;
    ctx.moveTo(g.x[a], g.y[a]);
    ctx.lineTo(g.x[b], g.y[b]);
  }
  ctx.stroke();
  ctx.strokeStyle = style.muted;
  for (let i = 0; i < pairs.count; i++) {
    const [a, b] = [pairs.a[i], pairs.b[i]];
    const ab = isBlocked(data.epochs, epoch, a, b, n);
    const ba = isBlocked(data.epochs, epoch, b, a, n);
    if (ab || ba) drawBlocked(ctx, g, a, b, ab, ba, style);
  }
}

/**
 * Every pair when few nodes sit on rings (a full mesh), else (many nodes, or the lab's own layout) the
 * pairs that carried messages, at most LINKS_MAX.
 */
export function linkPairs(data: StageData, g: Pick<StageGeometry, 'nodeCount' | 'shape'>): { count: number; a: ArrayLike<number>; b: ArrayLike<number> } {
  const n = g.nodeCount;
  if (n > RING_MAX || g.shape === 'custom') return { count: Math.min(LINKS_MAX, data.links.count), a: data.links.a, b: data.links.b };
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) a.push(i), b.push(j);
  return { count: a.length, a, b };
}

function drawBlocked(ctx: CanvasRenderingContext2D, g: StageGeometry, a: number, b: number, ab: boolean, ba: boolean, style: VizStyle): void {
  ctx.setLineDash([5, 4]);
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  ctx.moveTo(g.x[a], g.y[a]);
  ctx.lineTo(g.x[b], g.y[b]);
  ctx.stroke();
  ctx.setLineDash([]);
  const dx = g.x[b] - g.x[a];
  const dy = g.y[b] - g.y[a];
  const len = Math.sqrt(dx * dx + dy * dy) || 1;
  // Both ways: the mark mid-link; one way: nearer the sender whose direction is cut.
  const at = ab && ba ? 0.5 : ab ? 0.35 : 0.65;
  const mx = g.x[a] + dx * at;
  const my = g.y[a] + dy * at;
  const px = (-dy / len) * 7;
  const py = (dx / len) * 7;
  ctx.strokeStyle = style.accent;
  ctx.lineWidth = 2.5;
  ctx.beginPath();
  ctx.moveTo(mx - px, my - py);
  ctx.lineTo(mx + px, my + py);
  ctx.stroke();
  ctx.strokeStyle = style.muted;
}

/** One tinted hull per partition group: the members' convex hull, padded by a round stroke. */
function drawHulls(ctx: CanvasRenderingContext2D, data: StageData, g: StageGeometry, epoch: number, style: VizStyle): void {
  const n = g.nodeCount;
  const base = epoch * n;
  const members = new Map<number, [number, number][]>();
  for (let i = 0; i < n; i++) {
    const group = data.epochs.groups[base + i];
    if (!members.has(group)) members.set(group, []);
    members.get(group)!.push([g.x[i], g.y[i]]);
  }
  const pad = Math.max(g.halfW, g.halfH) + 10;
  let k = 0;
  for (const group of [...members.keys()].sort((x, y) => x - y)) {
    const tint = mixHex(ownerColor(style, k++ + 4), style.background, style.theme === 'dark' ? 0.78 : 0.86);
    const hull = convexHull(members.get(group)!);
    ctx.fillStyle = tint;
    ctx.strokeStyle = tint;
    ctx.lineJoin = 'round';
    ctx.lineCap = 'round';
    ctx.lineWidth = 2 * pad;
    ctx.beginPath();
    hull.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
    if (hull.length === 1) ctx.lineTo(hull[0][0] + 0.01, hull[0][1]);
    ctx.closePath();
    ctx.stroke();
    ctx.fill();
  }
  ctx.lineWidth = 1;
}

/** Convex hull (Andrew's monotone chain), counter-clockwise; one or two points come back as given. */
export function convexHull(points: [number, number][]): [number, number][] {
  const p = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (p.length <= 2) return p;
  const cross = (o: [number, number], a: [number, number], b: [number, number]) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const lower: [number, number][] = [];
  for (const q of p) {
    while (lower.length >= 2 && cross(lower[lower.length - 2], lower[lower.length - 1], q) <= 0) lower.pop();
    lower.push(q);
  }
  const upper: [number, number][] = [];
  for (let i = p.length - 1; i >= 0; i--) {
    while (upper.length >= 2 && cross(upper[upper.length - 2], upper[upper.length - 1], p[i]) <= 0) upper.pop();
    upper.push(p[i]);
  }
  return [...lower.slice(0, -1), ...upper.slice(0, -1)];
}

/** `a` mixed toward `b` by `t` (0: a, 1: b), both '#rrggbb': an opaque tint, so overlapping strokes do not darken. */
export function mixHex(a: string, b: string, t: number): string {
  const channel = (hex: string, i: number) => parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16);
  let out = '#';
  for (let i = 0; i < 3; i++) out += Math.round(channel(a, i) * (1 - t) + channel(b, i) * t).toString(16).padStart(2, '0');
  return out;
}
