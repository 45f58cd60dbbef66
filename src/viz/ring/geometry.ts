/**
 * Ring geometry: a 32-bit hash position p in [0, 2^32) sits at angle p / 2^32 x 2pi, measured clockwise from
 * 12 o'clock (d3-shape's arc convention), so the lookup "walk clockwise to the next vnode" reads clockwise
 * on screen too.
 *
 *        0 (0x00000000)
 *          .  .
 *   3/4 .        . 1/4 (0x40000000)
 *        .      .
 *          .  .
 *        1/2 (0x80000000)
 */
export const RING_SIZE = 2 ** 32;
const TAU = 2 * Math.PI;

export function angleOf(position: number): number {
  return ((position >>> 0) / RING_SIZE) * TAU;
}

/** Clockwise distance from `from` to `to` in hash units, in [0, 2^32). */
export function clockwiseDistance(from: number, to: number): number {
  return ((to >>> 0) - (from >>> 0) + RING_SIZE) % RING_SIZE;
}

/** Pixel coordinates of `angle` (radians, clockwise from 12 o'clock) at `radius` around (cx, cy). */
export function pointAt(cx: number, cy: number, radius: number, angle: number): { x: number; y: number } {
  return { x: cx + radius * Math.sin(angle), y: cy - radius * Math.cos(angle) };
}

/**
 * Index of the vnode owning `position`: the first vnode at or after it, wrapping to 0 past the last one.
 * `positions` must be sorted ascending. Empty ring: -1.
 */
export function successorIndex(positions: ArrayLike<number>, position: number): number {
  const n = positions.length;
  if (n === 0) return -1;
  const p = position >>> 0;
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (positions[mid] < p) lo = mid + 1;
    else hi = mid;
  }
  return lo === n ? 0 : lo;
}

/** The radii of the ring drawing for a box of width x height, in CSS pixels. */
export interface RingFrame {
  width: number;
  height: number;
  cx: number;
  cy: number;
  /** Centre line of the coloured rim (owner arcs). */
  radius: number;
  rimWidth: number;
  /** Where key dots sit (inside the rim). */
  keyRadius: number;
  /** Where node labels sit (outside the rim). */
  labelRadius: number;
}

export function ringFrame(width: number, height: number, labelMarginPx = 48): RingFrame {
  const w = Number.isFinite(width) ? Math.max(0, width) : 0;
  const h = Number.isFinite(height) ? Math.max(0, height) : 0;
  const side = Math.min(w, h);
  const margin = Math.min(labelMarginPx, side / 4);
  const radius = Math.max(0, side / 2 - margin);
  const rimWidth = Math.max(2, Math.min(12, radius * 0.06));
  return {
    width: w,
    height: h,
    cx: w / 2,
    cy: h / 2,
    radius,
    rimWidth,
    keyRadius: Math.max(0, radius - rimWidth - Math.max(4, radius * 0.06)),
    labelRadius: radius + rimWidth / 2 + Math.max(4, Math.min(10, margin * 0.2)),
  };
}
