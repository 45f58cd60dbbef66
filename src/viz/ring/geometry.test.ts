import { describe, expect, it } from 'vitest';
import { angleOf, clockwiseDistance, pointAt, ringFrame, RING_SIZE, successorIndex } from './geometry';

describe('ring geometry', () => {
  it('angleOf(p) maps 0, 1/4, 1/2 and 3/4 of 2^32 to 12, 3, 6 and 9 o\'clock', () => {
    expect(angleOf(0)).toBe(0);
    expect(angleOf(0x40000000)).toBeCloseTo(Math.PI / 2);
    expect(angleOf(0x80000000)).toBeCloseTo(Math.PI);
    expect(angleOf(0xc0000000)).toBeCloseTo((3 * Math.PI) / 2);
    expect(angleOf(0xffffffff)).toBeLessThan(2 * Math.PI);
  });

  it('pointAt(angle) goes clockwise from 12 o\'clock in screen coordinates (y down)', () => {
    const top = pointAt(100, 100, 50, 0);
    expect(top.x).toBeCloseTo(100);
    expect(top.y).toBeCloseTo(50);
    const right = pointAt(100, 100, 50, Math.PI / 2);
    expect(right.x).toBeCloseTo(150);
    expect(right.y).toBeCloseTo(100);
  });

  it('clockwiseDistance(a, b) wraps past 2^32', () => {
    expect(clockwiseDistance(10, 20)).toBe(10);
    expect(clockwiseDistance(20, 10)).toBe(RING_SIZE - 10);
    expect(clockwiseDistance(0xfffffff0, 0x10)).toBe(0x20);
    expect(clockwiseDistance(5, 5)).toBe(0);
  });

  it('successorIndex(positions, p) finds the first vnode at or after p and wraps to 0', () => {
    const positions = new Uint32Array([100, 200, 300]);
    expect(successorIndex(positions, 50)).toBe(0);
    expect(successorIndex(positions, 100)).toBe(0);
    expect(successorIndex(positions, 101)).toBe(1);
    expect(successorIndex(positions, 300)).toBe(2);
    expect(successorIndex(positions, 301)).toBe(0);
    expect(successorIndex(new Uint32Array(0), 5)).toBe(-1);
  });

  it('ringFrame(w, h) centres the ring in the smaller side and keeps radii ordered', () => {
    const frame = ringFrame(400, 300);
    expect(frame.cx).toBe(200);
    expect(frame.cy).toBe(150);
    expect(frame.radius).toBeLessThanOrEqual(150);
    expect(frame.keyRadius).toBeLessThan(frame.radius);
    expect(frame.labelRadius).toBeGreaterThan(frame.radius);
  });

  it('ringFrame of a zero or NaN size gives zero radii, not NaN', () => {
    const frame = ringFrame(Number.NaN, 0);
    expect(frame.radius).toBe(0);
    expect(frame.keyRadius).toBe(0);
    expect(Number.isNaN(frame.labelRadius)).toBe(false);
  });
});
