import { describe, expect, it } from 'vitest';
import { vizStyle } from '../shared/palette';
import { DEFAULT_BINS, type KeyBins } from './bins';
import { drawRingLargeBackground, drawRingLargeOverlay } from './draw';
import { ringFrame } from './geometry';
import { layoutRingLarge } from './layoutLarge';
import type { MoveTrack } from './types';

/** A 2D context that only counts what a frame would cost: path segments, fills, strokes, image copies. */
function countingContext() {
  const counts = { moveTo: 0, lineTo: 0, arc: 0, fill: 0, stroke: 0, drawImage: 0 };
  const noop = () => {};
  const ctx = {
    save: noop, restore: noop, translate: noop, beginPath: noop, closePath: noop,
    moveTo: () => counts.moveTo++, lineTo: () => counts.lineTo++, arc: () => counts.arc++,
    fill: () => counts.fill++, stroke: () => counts.stroke++, drawImage: () => counts.drawImage++,
    set fillStyle(_: string) {}, set strokeStyle(_: string) {}, set lineWidth(_: number) {}, set globalAlpha(_: number) {},
  };
  return { ctx: ctx as unknown as CanvasRenderingContext2D, counts };
}

function binsFor(nodes: number): KeyBins {
  const binCount = DEFAULT_BINS;
  const counts = new Uint32Array(binCount).map((_, b) => 1000 + ((b * 7919) % 300));
  const moved = new Uint32Array(binCount).map((_, b) => (b % 3 === 0 ? 50 : 0));
  const owners = new Int32Array(binCount).map((_, b) => (b * 2654435761) % nodes);
  return { binCount, counts, moved, owners, vnodes: new Uint32Array(binCount), keyTotal: 1e6, movedTotal: 12000, countMax: 1300 };
}

describe('drawing the large ring (regression: a frame costs pixels, not nodes)', () => {
  const style = vizStyle('light');
  const frame = ringFrame(560, 560, 24);

  it('the background is a bounded number of fills whatever the node count, with one contour for all bars', () => {
    const costs = [10, 1000, 60000].map((nodes) => {
      const { ctx, counts } = countingContext();
      drawRingLargeBackground(ctx, layoutRingLarge(binsFor(nodes), frame), style, { selectedNode: 3 });
      return counts;
    });
    for (const c of costs) {
      expect(c.fill).toBeLessThanOrEqual(style.owners.length + 3); // rim colours + bars + moved + selection
      // Rim and selection wedges (at most one per bin each) + the three step contours (bars, moved, ticks).
      expect(c.moveTo).toBeLessThanOrEqual(2 * DEFAULT_BINS + 3);
    }
    expect(costs[2].fill).toBe(costs[1].fill);
  });

  it('an animation frame draws only the overlay: fills per owner colour, not per moved key', () => {
    const tracks: MoveTrack[] = Array.from({ length: 160 }, (_, i) => ({
      key: i, position: i * 26843545, fromOwner: i % 1000, toOwner: (i * 7) % 1000, fromOffset: 0, toOffset: 0,
    }));
    const { ctx, counts } = countingContext();
    drawRingLargeOverlay(ctx, layoutRingLarge(binsFor(1000), frame), style, { tracks, progress: 0.3, hoverBin: 5 });
    expect(counts.fill).toBeLessThanOrEqual(style.owners.length);
    expect(counts.stroke).toBeLessThanOrEqual(3); // hover outline, halos, dot outlines
  });
});
