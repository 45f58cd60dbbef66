import { describe, expect, it } from 'vitest';
import { binKeys, binOf } from './bins';
import { ringFrame } from './geometry';
import { binAtPoint, layoutRingLarge } from './layoutLarge';
import { handoverPoint, layoutRingSmall } from './layoutSmall';
import { moveTracks, sampleMovedKeys, trackPositionAt } from './moves';
import type { RingKeys, RingPoints } from './types';

const Q = 2 ** 30; // a quarter of the ring

const ring: RingPoints = {
  positions: new Uint32Array([Q, 2 * Q, 3 * Q]),
  owners: [0, 1, 0],
  replicaIndexes: [0, 0, 1],
};

describe('layoutRingSmall', () => {
  const frame = ringFrame(200, 200, 20);

  it('layoutRingSmall(ring) puts each vnode at its hash angle on the rim', () => {
    const layout = layoutRingSmall({ ring }, frame);
    expect(layout.vnodes.map((v) => v.angle)).toEqual([Math.PI / 2, Math.PI, (3 * Math.PI) / 2]);
    expect(layout.vnodes[0].x).toBeCloseTo(frame.cx + frame.radius);
    expect(layout.vnodes[0].y).toBeCloseTo(frame.cy);
  });

  it('layoutRingSmall(ring) gives each vnode the arc before it, wrap-around to the first vnode', () => {
    const layout = layoutRingSmall({ ring }, frame);
    // (3Q, Q] wraps through 0 and belongs to vnode 0 (owner 0); then (Q, 2Q] owner 1; (2Q, 3Q] owner 0.
    expect(layout.segments.map((s) => s.owner)).toEqual([0, 1, 0]);
    expect(layout.segments[0].startAngle).toBeCloseTo((3 * Math.PI) / 2 - 2 * Math.PI);
    expect(layout.segments[0].endAngle).toBeCloseTo(Math.PI / 2);
    const total = layout.segments.reduce((sum, s) => sum + (s.endAngle - s.startAngle), 0);
    expect(total).toBeCloseTo(2 * Math.PI);
    for (const s of layout.segments) expect(s.path).toMatch(/^M/);
  });

  it('layoutRingSmall merges consecutive vnodes of one owner into one arc', () => {
    const layout = layoutRingSmall({ ring: { positions: new Uint32Array([1, 2, 3]), owners: [4, 4, 4] } }, frame);
    expect(layout.segments).toHaveLength(1);
    expect(layout.segments[0].endAngle - layout.segments[0].startAngle).toBeCloseTo(2 * Math.PI);
  });

  it('layoutRingSmall of a single vnode covers the full circle', () => {
    const layout = layoutRingSmall({ ring: { positions: new Uint32Array([Q]), owners: [0] } }, frame);
    expect(layout.segments[0].endAngle - layout.segments[0].startAngle).toBeCloseTo(2 * Math.PI);
  });

  it('layoutRingSmall of an empty ring is empty and flagged, not a throw', () => {
    const layout = layoutRingSmall({ ring: { positions: new Uint32Array(0), owners: [] }, lookup: { position: 5, vnodes: [0], label: 'k' } }, frame);
    expect(layout.isEmpty).toBe(true);
    expect(layout.segments).toEqual([]);
    expect(layout.vnodes).toEqual([]);
    expect(layout.lookup?.stops).toEqual([]);
  });

  it('layoutRingSmall marks keys whose previous owner differs as moved, on the key track', () => {
    const keys: RingKeys = { positions: new Uint32Array([Q / 2, Q + 5]), owners: [0, 1], previousOwners: [0, 0] };
    const layout = layoutRingSmall({ ring, keys }, frame);
    expect(layout.keys.map((k) => k.isMoved)).toEqual([false, true]);
    const k = layout.keys[0];
    expect(Math.hypot(k.x - frame.cx, k.y - frame.cy)).toBeCloseTo(frame.keyRadius);
  });

  it('layoutRingSmall labels one vnode per owner (replica 0) outside the rim', () => {
    const layout = layoutRingSmall({ ring }, frame);
    expect(layout.labels.map((l) => l.owner).sort()).toEqual([0, 1]);
    const label0 = layout.labels.find((l) => l.owner === 0)!;
    expect(label0.x).toBeGreaterThan(frame.cx + frame.radius); // vnode 0 of owner 0 is at 3 o'clock
    expect(label0.textAnchor).toBe('start');
    expect(layoutRingSmall({ ring, hasLabels: false }, frame).labels).toEqual([]);
  });

  it('layoutRingSmall(lookup) measures the clockwise walk from the key to its owner, across 0', () => {
    const layout = layoutRingSmall({ ring, lookup: { position: 3 * Q + 10, vnodes: [0, 1], label: 'k' } }, frame);
    expect(layout.lookup!.ownerDistance).toBe(2 * Q - 10); // 3Q+10 -> wraps -> Q
    expect(layout.lookup!.stops.map((s) => s.vnode)).toEqual([0, 1]);
    expect(layout.lookup!.ownerPath).toMatch(/^M/);
  });

  it('layoutRingSmall(lookup) ignores vnode indexes outside the ring', () => {
    const layout = layoutRingSmall({ ring, lookup: { position: 0, vnodes: [7, -1, 1], label: 'k' } }, frame);
    expect(layout.lookup!.stops.map((s) => s.vnode)).toEqual([1]);
  });
});

describe('moves', () => {
  const keys: RingKeys = {
    positions: new Uint32Array([10, Q + 10, 2 * Q + 10, 3 * Q + 10]),
    owners: [1, 1, 2, 2],
    previousOwners: [0, 1, 0, 2],
  };

  it('sampleMovedKeys(keys, max) returns only moved keys, at most max, spread evenly', () => {
    expect(sampleMovedKeys(keys, 10)).toEqual([0, 2]);
    expect(sampleMovedKeys(keys, 1)).toEqual([0]);
    expect(sampleMovedKeys(keys, 0)).toEqual([]);
    expect(sampleMovedKeys({ positions: keys.positions, owners: keys.owners }, 10)).toEqual([]);
  });

  it('sampleMovedKeys(keys, max) over many moved keys spans the whole array', () => {
    const n = 1000;
    const big: RingKeys = { positions: new Uint32Array(n), owners: new Uint16Array(n).fill(1), previousOwners: new Uint16Array(n) };
    const picked = sampleMovedKeys(big, 10);
    expect(picked).toHaveLength(10);
    expect(picked[0]).toBe(0);
    expect(picked[9]).toBeGreaterThan(800);
  });

  it('moveTracks + trackPositionAt go from the old owner vnode to the new one (node added before it)', () => {
    const previousRing: RingPoints = { positions: new Uint32Array([2 * Q]), owners: [0] };
    const nowRing: RingPoints = { positions: new Uint32Array([Q, 2 * Q]), owners: [1, 0] };
    const [track] = moveTracks({ positions: new Uint32Array([100]), owners: [1], previousOwners: [0] }, [0], nowRing, previousRing);
    expect(track.fromOffset).toBe(2 * Q - 100);
    expect(track.toOffset).toBe(Q - 100);
    expect(trackPositionAt(track, 0)).toBe(2 * Q);
    expect(trackPositionAt(track, 1)).toBe(Q);
    expect(trackPositionAt(track, 0.5)).toBe(1.5 * Q);
    expect(trackPositionAt(track, 7)).toBe(Q); // clamped
  });

  it('handoverPoint sits just inside the rim', () => {
    const frame = ringFrame(200, 200, 20);
    const p = handoverPoint(frame, 0);
    expect(p.x).toBeCloseTo(frame.cx);
    expect(p.y).toBeGreaterThan(frame.cy - frame.radius);
  });
});

describe('binKeys and layoutRingLarge', () => {
  it('binOf(p, bins) is exact at the edges', () => {
    expect(binOf(0, 720)).toBe(0);
    expect(binOf(0xffffffff, 720)).toBe(719);
    expect(binOf(2 ** 31, 2)).toBe(1);
    expect(binOf(2 ** 31 - 1, 2)).toBe(0);
  });

  it('binKeys(keys) counts sum to the key count and moved counts to the moved keys', () => {
    const n = 5000;
    const positions = new Uint32Array(n);
    const owners = new Uint16Array(n);
    const previousOwners = new Uint16Array(n);
    for (let i = 0; i < n; i++) {
      positions[i] = Math.imul(i, 2654435761) >>> 0;
      owners[i] = i % 3;
      previousOwners[i] = i % 7 === 0 ? 9 : i % 3;
    }
    const bins = binKeys({ positions, owners, previousOwners }, ring, 720);
    expect(bins.counts.reduce((a, b) => a + b, 0)).toBe(n);
    expect(bins.moved.reduce((a, b) => a + b, 0)).toBe(Math.ceil(n / 7));
    expect(bins.movedTotal).toBe(Math.ceil(n / 7));
    expect(bins.countMax).toBe(Math.max(...bins.counts));
  });

  it('binKeys colours each bin by the owner of its midpoint and counts vnodes per bin', () => {
    const bins = binKeys({ positions: new Uint32Array(0), owners: [] }, ring, 4);
    // Bin midpoints at Q/2, 3Q/2, 5Q/2, 7Q/2 belong to vnodes at Q, 2Q, 3Q and (wrap) Q.
    expect([...bins.owners]).toEqual([0, 1, 0, 0]);
    expect([...bins.vnodes]).toEqual([0, 1, 1, 1]);
    expect(bins.countMax).toBe(0);
  });

  it('binKeys of an empty ring gives owner -1 everywhere; a bad bin count falls back to 720', () => {
    const bins = binKeys({ positions: new Uint32Array([1]), owners: [0] }, { positions: new Uint32Array(0), owners: [] }, 0);
    expect(bins.binCount).toBe(720);
    expect(bins.owners.every((o) => o === -1)).toBe(true);
  });

  it('layoutRingLarge scales bar height by count / countMax, moved part proportionally', () => {
    const bins = binKeys(
      { positions: new Uint32Array([1, 2, 3, 4, 2 * Q]), owners: [0, 0, 0, 0, 1], previousOwners: [1, 1, 0, 0, 1] },
      ring,
      4,
    );
    const layout = layoutRingLarge(bins, ringFrame(300, 300));
    const [b0, , b2, b3] = layout.bars;
    expect(b0.outerRadius).toBeCloseTo(layout.barTop);
    expect(b0.movedRadius - b0.innerRadius).toBeCloseTo((b0.outerRadius - b0.innerRadius) / 2);
    expect(b2.outerRadius - b2.innerRadius).toBeCloseTo((layout.barTop - layout.barBase) / 4);
    expect(b3.outerRadius).toBe(b3.innerRadius);
    expect(layout.bars[3].endAngle).toBeCloseTo(2 * Math.PI);
  });

  it('binAtPoint finds the bin under the pointer and -1 off the ring', () => {
    const bins = binKeys({ positions: new Uint32Array(0), owners: [] }, ring, 4);
    const layout = layoutRingLarge(bins, ringFrame(300, 300));
    const { cx, cy } = layout.frame;
    const r = (layout.barBase + layout.rimOuter) / 2;
    expect(binAtPoint(layout, cx + r, cy - 1)).toBe(0); // just before 3 o'clock
    expect(binAtPoint(layout, cx + r, cy + 1)).toBe(1);
    expect(binAtPoint(layout, cx - r, cy - 1)).toBe(3);
    expect(binAtPoint(layout, cx, cy)).toBe(-1);
  });
});
