/**
 * Layout of the large (canvas) ring: one radial bar per bin (height = keys in the bin, the moved part
 * highlighted) over a rim coloured by the bin's owner. Pure, DOM-free.
 */
import { angleOf, clockwiseDistance, RING_SIZE, type RingFrame } from './geometry';
import type { KeyBins } from './bins';

export interface BinBar {
  bin: number;
  startAngle: number;
  endAngle: number;
  owner: number;
  count: number;
  moved: number;
  /** The bar spans innerRadius..outerRadius; the moved part innerRadius..movedRadius. */
  innerRadius: number;
  outerRadius: number;
  movedRadius: number;
}

export interface RingLargeLayout {
  frame: RingFrame;
  bars: BinBar[];
  rimInner: number;
  rimOuter: number;
  /** Radius where bars start (count 0) and the radius a bar with countMax reaches. */
  barBase: number;
  barTop: number;
  countMax: number;
}

export function layoutRingLarge(bins: KeyBins, frame: RingFrame): RingLargeLayout {
  const rimInner = frame.radius - frame.rimWidth / 2;
  const rimOuter = frame.radius + frame.rimWidth / 2;
  const barTop = Math.max(0, rimInner - 3);
  const barBase = barTop * 0.55;
  const span = barTop - barBase;
  const tau = 2 * Math.PI;
  const step = tau / bins.binCount;
  const bars: BinBar[] = [];
  for (let b = 0; b < bins.binCount; b++) {
    const count = bins.counts[b];
    const moved = bins.moved[b];
    const height = bins.countMax > 0 ? (count / bins.countMax) * span : 0;
    const movedHeight = count > 0 ? (moved / count) * height : 0;
    bars.push({
      bin: b,
      startAngle: b * step,
      endAngle: (b + 1) * step,
      owner: bins.owners[b],
      count,
      moved,
      innerRadius: barBase,
      outerRadius: barBase + height,
      movedRadius: barBase + movedHeight,
    });
  }
  return { frame, bars, rimInner, rimOuter, barBase, barTop, countMax: bins.countMax };
}

/**
 * The bin under a pointer at (x, y), or -1 when the pointer is off the ring (inside the bar base or
 * outside the rim).
 */
export function binAtPoint(layout: RingLargeLayout, x: number, y: number): number {
  const dx = x - layout.frame.cx;
  const dy = y - layout.frame.cy;
  const r = Math.hypot(dx, dy);
  if (r < layout.barBase - 4 || r > layout.rimOuter + 6 || layout.bars.length === 0) return -1;
  let angle = Math.atan2(dx, -dy);
  if (angle < 0) angle += 2 * Math.PI;
  return Math.min(layout.bars.length - 1, Math.floor((angle / (2 * Math.PI)) * layout.bars.length));
}

/** The clockwise sweep (radians) from a key's position to a vnode position. */
export function sweepBetween(from: number, to: number): number {
  return (clockwiseDistance(from, to) / RING_SIZE) * 2 * Math.PI;
}

export { angleOf };
