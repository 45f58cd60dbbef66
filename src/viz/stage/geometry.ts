/**
 * Where nodes and clients sit on the stage: static per (result, layout, size), never animated.
 *
 *   ring     up to RING_MAX nodes: node i at angle 2pi(0.75 + i/n) (RaftScope's circleCoord), n0 on top,
 *            the others clockwise; clients just outside their home node
 *   regions  when the lab gives a region per node: one small ring per region, regions on an ellipse
 *            filling the box (two side by side)
 *   grid     beyond RING_MAX: row-major cells filling the box's aspect ratio; clients right of their node
 *   custom   the lab's own positions in [0, 1] x [0, 1], fitted into the box
 *
 * Every node has the same box (half width, half height): a card in the cards tier, a glyph otherwise.
 * Dots run from rim to rim of these boxes. Groups (regions, or bands of consecutive ids) are what the
 * aggregate tier bundles messages between.
 */
import type { StageTier } from './tier';

export const RING_MAX = 12;
/** Groups the aggregate tier bundles between, at most. */
export const GROUPS_MAX = 16;
const MARGIN = 8;
/** Clients sharing a home node sit this far apart (a client's target is 24 px tall). */
const CLIENT_GAP = 26;

export interface GeometryInput {
  width: number;
  height: number;
  nodeCount: number;
  tier: StageTier;
  /** Home node of each client (drawn beside it). */
  clientHome?: ArrayLike<number>;
  /** Region of each node (0..regions-1): one ring per region. */
  regions?: ArrayLike<number>;
  /** The lab's own layout: a position per node in [0, 1] x [0, 1]. */
  positions?: { x: ArrayLike<number>; y: ArrayLike<number> };
  /** Card size in CSS px (cards tier). Default 112 x 52. */
  card?: { width: number; height: number };
}

export interface StageGeometry {
  width: number;
  height: number;
  nodeCount: number;
  shape: 'ring' | 'regions' | 'grid' | 'custom';
  x: Float32Array;
  y: Float32Array;
  /** Half the node box, CSS px. */
  halfW: number;
  halfH: number;
  clientX: Float32Array;
  clientY: Float32Array;
  groupOf: Int32Array;
  groupCount: number;
  groupX: Float32Array;
  groupY: Float32Array;
}

export function stageGeometry(input: GeometryInput): StageGeometry {
  const n = input.nodeCount;
  const { halfW, halfH } = nodeBox(input);
  const g: StageGeometry = {
    width: input.width, height: input.height, nodeCount: n, shape: 'ring', x: new Float32Array(n), y: new Float32Array(n),
    halfW, halfH, clientX: new Float32Array(0), clientY: new Float32Array(0),
    groupOf: new Int32Array(n), groupCount: 1, groupX: new Float32Array(1), groupY: new Float32Array(1),
  };
  const hasClients = (input.clientHome?.length ?? 0) > 0;
  if (input.positions) placeCustom(g, input.positions);
  else if (input.regions && n > 1) placeRegions(g, input.regions, hasClients);
  else if (n <= RING_MAX) placeRing(g, hasClients);
  else placeGrid(g, hasClients);
  placeClients(g, input.clientHome ?? []);
  placeGroups(g, input.regions);
  return g;
}

function nodeBox(input: GeometryInput): { halfW: number; halfH: number } {
  if (input.tier === 'cards') {
    const card = input.card ?? { width: 112, height: 52 };
    return { halfW: card.width / 2, halfH: card.height / 2 };
  }
  const cell = Math.sqrt((input.width * input.height) / Math.max(1, input.nodeCount));
  const r = Math.min(10, Math.max(2, cell * 0.3));
  return { halfW: r, halfH: r };
}

/** Node i of n on a ring (an ellipse of radii rx, ry) around (cx, cy), n0 at `start` turns (0.75: on top), clockwise. */
function ringPoint(i: number, n: number, cx: number, cy: number, rx: number, ry = rx, start = 0.75): [number, number] {
  const angle = 2 * Math.PI * (start + i / n);
  return [cx + rx * Math.cos(angle), cy + ry * Math.sin(angle)];
}

/**
 * An ellipse filling the box (a wide stage spreads the cards sideways instead of stacking them). Where the
 * box is too narrow for the cards to sit on it apart (a phone), the same order on a taller loop: n0 on top
 * in the middle, then clockwise down a right column and back up a left one.
 */
function placeRing(g: StageGeometry, hasClients: boolean): void {
  g.shape = 'ring';
  const room = hasClients ? 28 : 0;
  const rx = Math.max(0, g.width / 2 - g.halfW - MARGIN - room);
  const ry = Math.max(0, g.height / 2 - g.halfH - MARGIN - room);
  const n = g.nodeCount;
  for (let i = 0; i < n; i++) [g.x[i], g.y[i]] = n === 1 ? [g.width / 2, g.height / 2] : ringPoint(i, n, g.width / 2, g.height / 2, rx, ry);
  if (n > 2 && hasOverlap(g)) placeColumns(g, room);
}

/** True when two node boxes overlap (or come within a few px). */
function hasOverlap(g: StageGeometry): boolean {
  const [w, h] = [2 * g.halfW + 4, 2 * g.halfH + 4];
  for (let i = 0; i < g.nodeCount; i++) {
    for (let j = i + 1; j < g.nodeCount; j++) if (Math.abs(g.x[i] - g.x[j]) < w && Math.abs(g.y[i] - g.y[j]) < h) return true;
  }
  return false;
}

function placeColumns(g: StageGeometry, room: number): void {
  const n = g.nodeCount;
  if (g.width - 2 * (MARGIN + room + g.halfW) < 2 * g.halfW + 4) return placeColumn(g, room);
  const right = Math.ceil((n - 1) / 2);
  const rows = right + 1;
  const [left, rightX] = [MARGIN + room + g.halfW, g.width - MARGIN - room - g.halfW];
  const [top, bottom] = [MARGIN + room + g.halfH, g.height - MARGIN - room - g.halfH];
  const rowY = (r: number) => top + ((bottom - top) * r) / (rows - 1);
  [g.x[0], g.y[0]] = [g.width / 2, top];
  for (let k = 0; k < right; k++) [g.x[1 + k], g.y[1 + k]] = [rightX, rowY(k + 1)];
  for (let k = 0; k < n - 1 - right; k++) [g.x[1 + right + k], g.y[1 + right + k]] = [left, rowY(right - k)];
}

/** Too narrow for two columns of cards: one, in order from the top, clients to the right (as on a grid). */
function placeColumn(g: StageGeometry, room: number): void {
  g.shape = 'grid';
  const n = g.nodeCount;
  const [top, bottom] = [MARGIN + g.halfH, g.height - MARGIN - g.halfH];
  for (let i = 0; i < n; i++) [g.x[i], g.y[i]] = [Math.max(MARGIN + g.halfW, g.width / 2 - room), n === 1 ? top : top + ((bottom - top) * i) / (n - 1)];
}

function placeGrid(g: StageGeometry, hasClients: boolean): void {
  g.shape = 'grid';
  const n = g.nodeCount;
  // Before the box is measured (0 x 0) the grid is degenerate but finite: no NaN reaches a style.
  const usableW = Math.max(0, g.width - 2 * MARGIN);
  const usableH = Math.max(0, g.height - 2 * MARGIN);
  const cols = Math.max(1, Math.ceil(Math.sqrt((n * usableW) / Math.max(1, usableH))));
  const rows = Math.ceil(n / cols);
  const cellW = usableW / cols;
  const cellH = usableH / rows;
  const shift = hasClients ? Math.min(cellW * 0.15, 12) : 0;
  for (let i = 0; i < n; i++) {
    g.x[i] = MARGIN + ((i % cols) + 0.5) * cellW - shift;
    g.y[i] = MARGIN + (Math.floor(i / cols) + 0.5) * cellH;
  }
}

/**
 * One ring per region, the regions' centres on an ellipse filling the box (two regions side by side,
 * region 0 on the left, or one above the other when the box is too narrow for that; more from the top,
 * clockwise). A region of one node is that node at its centre; when such boxes would overlap on the
 * ellipse (a phone), they keep their order on two columns, as a ring does.
 */
function placeRegions(g: StageGeometry, regions: ArrayLike<number>, hasClients: boolean): void {
  g.shape = 'regions';
  const n = g.nodeCount;
  let count = 0;
  for (let i = 0; i < n; i++) count = Math.max(count, regions[i] + 1);
  const members: number[][] = Array.from({ length: count }, () => []);
  for (let i = 0; i < n; i++) members[regions[i]].push(i);
  const outer = Math.min(g.width, g.height) / 2 - MARGIN;
  const big = count > 1 ? outer * 0.62 : 0;
  const small = count > 1 ? Math.min(outer - big, big * Math.sin(Math.PI / count)) * 0.8 : outer * 0.8;
  const isSingles = members.every((list) => list.length <= 1);
  // How far a region reaches from its centre: its node's half box, or its ring with the boxes on it.
  const [reachX, reachY] = isSingles ? [g.halfW, g.halfH] : [small, small];
  const room = hasClients ? 28 : 0;
  const rx = Math.max(0, g.width / 2 - MARGIN - reachX - room);
  const ry = Math.max(0, g.height / 2 - MARGIN - reachY - room);
  const start = count === 2 && rx >= reachX + MARGIN ? 0.5 : 0.75;
  members.forEach((list, region) => {
    const [cx, cy] = count > 1 ? ringPoint(region, count, g.width / 2, g.height / 2, rx, ry, start) : [g.width / 2, g.height / 2];
    const r = Math.max(0, small - Math.max(g.halfW, g.halfH));
    list.forEach((node, k) => ([g.x[node], g.y[node]] = list.length === 1 ? [cx, cy] : ringPoint(k, list.length, cx, cy, r)));
  });
  if (isSingles && count > 2 && hasOverlap(g)) placeColumns(g, room);
}

function placeCustom(g: StageGeometry, positions: { x: ArrayLike<number>; y: ArrayLike<number> }): void {
  g.shape = 'custom';
  const spanW = Math.max(0, g.width - 2 * (MARGIN + g.halfW));
  const spanH = Math.max(0, g.height - 2 * (MARGIN + g.halfH));
  for (let i = 0; i < g.nodeCount; i++) {
    g.x[i] = MARGIN + g.halfW + positions.x[i] * spanW;
    g.y[i] = MARGIN + g.halfH + positions.y[i] * spanH;
  }
}

/** Clients outward from the centre beside their home node (to its right on a grid), side by side a client's height apart when several share one. */
function placeClients(g: StageGeometry, home: ArrayLike<number>): void {
  const c = home.length;
  g.clientX = new Float32Array(c);
  g.clientY = new Float32Array(c);
  const sharing = new Map<number, number>();
  for (let k = 0; k < c; k++) sharing.set(home[k], (sharing.get(home[k]) ?? 0) + 1);
  const seen = new Map<number, number>();
  for (let k = 0; k < c; k++) {
    const h = home[k];
    const slot = seen.get(h) ?? 0;
    seen.set(h, slot + 1);
    let ux = g.x[h] - g.width / 2;
    let uy = g.y[h] - g.height / 2;
    const len = Math.sqrt(ux * ux + uy * uy);
    if (g.shape === 'grid' || len < 1e-6) [ux, uy] = [1, 0];
    else [ux, uy] = [ux / len, uy / len];
    const reach = Math.min(g.halfW / Math.max(Math.abs(ux), 1e-6), g.halfH / Math.max(Math.abs(uy), 1e-6)) + 14;
    const side = (slot - (sharing.get(h)! - 1) / 2) * CLIENT_GAP;
    g.clientX[k] = g.x[h] + ux * reach - uy * side;
    g.clientY[k] = g.y[h] + uy * reach + ux * side;
  }
}

/** Aggregation groups: the regions, else GROUPS_MAX bands of consecutive ids; centres are member means. */
function placeGroups(g: StageGeometry, regions: ArrayLike<number> | undefined): void {
  const n = g.nodeCount;
  let count = 1;
  if (regions) for (let i = 0; i < n; i++) count = Math.max(count, regions[i] + 1);
  else count = Math.min(GROUPS_MAX, n);
  for (let i = 0; i < n; i++) g.groupOf[i] = regions ? regions[i] : Math.floor((i * count) / n);
  g.groupCount = count;
  g.groupX = new Float32Array(count);
  g.groupY = new Float32Array(count);
  const members = new Uint32Array(count);
  for (let i = 0; i < n; i++) {
    g.groupX[g.groupOf[i]] += g.x[i];
    g.groupY[g.groupOf[i]] += g.y[i];
    members[g.groupOf[i]]++;
  }
  for (let k = 0; k < count; k++) {
    g.groupX[k] /= Math.max(1, members[k]);
    g.groupY[k] /= Math.max(1, members[k]);
  }
}

/** Distance from a box's centre to its edge along unit direction (ux, uy). */
export function rimDistance(ux: number, uy: number, halfW: number, halfH: number): number {
  const ax = Math.abs(ux);
  const ay = Math.abs(uy);
  if (ax < 1e-9) return halfH;
  if (ay < 1e-9) return halfW;
  return Math.min(halfW / ax, halfH / ay);
}

/** The nearest node to (px, py) within `slop` px of its box, or -1. */
export function nodeAtPoint(g: StageGeometry, px: number, py: number, slop = 4): number {
  let best = -1;
  let bestD = Infinity;
  for (let i = 0; i < g.nodeCount; i++) {
    const dx = Math.abs(px - g.x[i]);
    const dy = Math.abs(py - g.y[i]);
    if (dx > g.halfW + slop || dy > g.halfH + slop) continue;
    const d = dx * dx + dy * dy;
    if (d < bestD) [best, bestD] = [i, d];
  }
  return best;
}
