/** The stage's layout: where nodes, the directory and the router sit, and the groups bundles run between. */
import { describe, expect, it } from 'vitest';
import { stageLayout } from './stageLayout';

const at = (l: ReturnType<typeof stageLayout>, i: number) => [Math.round(l.positions.x[i] * 1000) / 1000, Math.round(l.positions.y[i] * 1000) / 1000];

describe('stageLayout', () => {
  it('stageLayout(10, false) rings n0..n9 clockwise from the top around the router at the centre', () => {
    const l = stageLayout(10, false);
    expect(l.positions.x.length).toBe(11);
    expect(at(l, 0)).toEqual([0.5, 0]);
    expect(at(l, 5)).toEqual([0.5, 1]);
    expect(l.positions.x[1]).toBeGreaterThan(0.5);
    expect(at(l, 10)).toEqual([0.5, 0.5]);
  });

  it('stageLayout(10, true) puts the router and the directory side by side inside the ring', () => {
    const l = stageLayout(10, true);
    expect([at(l, 11), at(l, 10)]).toEqual([[0.36, 0.5], [0.64, 0.5]]);
    expect([l.regions[11], l.regions[10], l.regions[0]]).toEqual([0, 1, 2]);
  });

  it('stageLayout(10, false, narrow) stacks n0..n4 down the left edge and n5..n9 down the right, the router between', () => {
    const l = stageLayout(10, false, true);
    expect(Array.from({ length: 10 }, (_, i) => l.positions.x[i])).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
    expect([at(l, 0), at(l, 4), at(l, 9)]).toEqual([[0, 0], [0, 1], [1, 1]]);
    expect(at(l, 10)).toEqual([0.5, 0.5]);
  });

  it('stageLayout(1000, false) fills a grid below the router and groups nodes in at most 12 bands of columns', () => {
    const l = stageLayout(1000, false);
    expect(at(l, 1000)).toEqual([0.5, 0]);
    for (let i = 0; i < 1000; i++) expect(l.positions.y[i]).toBeGreaterThanOrEqual(0.2);
    const bands = new Set(Array.from(l.regions.subarray(0, 1000)));
    expect(bands.size).toBe(12);
    expect(Math.min(...bands)).toBe(1);
    // A band is a strip of columns: the node below another shares its band.
    const cols = l.positions.x.findIndex((x, i) => i > 0 && x === 0);
    expect(l.regions[cols + 3]).toBe(l.regions[3]);
  });
});
