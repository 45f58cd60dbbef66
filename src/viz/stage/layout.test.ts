/**
 * Goal: the stage's geometry and layoutAt are pure functions of (data, size, t) with the promised shapes.
 * Method: golden positions for small hand-made stages (a 5-node ring, one message per fate), and the
 * no-allocation frame reused across times.
 */
import { describe, expect, it } from 'vitest';
import { Fate } from '../../core/stage/types';
import { nodeAtPoint, stageGeometry } from './geometry';
import { createFrame, DotPhase, FALL_PX, LANE_PX, layoutAt, NodeState } from './layoutAt';
import { syntheticStage } from './testing/synthetic';
import { chooseTier } from './tier';

const round = (v: number) => Math.round(v * 100) / 100;

describe('stageGeometry', () => {
  it('a ring of 4 puts n0 on top and goes clockwise (n1 right, n2 bottom, n3 left)', () => {
    const g = stageGeometry({ width: 400, height: 300, nodeCount: 4, tier: 'cards', card: { width: 40, height: 20 } });
    expect(g.shape).toBe('ring');
    const points = Array.from({ length: 4 }, (_, i) => [round(g.x[i]), round(g.y[i])]);
    // rx = 200 - 20 - 8 = 172, ry = 150 - 10 - 8 = 132
    expect(points).toEqual([[200, 18], [372, 150], [200, 282], [28, 150]]);
  });

  it('a ring too narrow for its cards (a phone) keeps the order on two columns: n0 on top, n1, n2 down the right, n3, n4 up the left, no two cards overlapping', () => {
    const g = stageGeometry({ width: 340, height: 320, nodeCount: 5, tier: 'cards', card: { width: 124, height: 55 }, clientHome: [0, 1, 2, 3, 4] });
    const points = Array.from({ length: 5 }, (_, i) => [round(g.x[i]), round(g.y[i])]);
    // Columns at 8 + 28 + 62 = 98 and 340 - 98 = 242; rows from 8 + 28 + 27.5 = 63.5 to 320 - 63.5 = 256.5.
    expect(points).toEqual([[170, 63.5], [242, 160], [242, 256.5], [98, 256.5], [98, 160]]);
    const wide = stageGeometry({ width: 900, height: 320, nodeCount: 5, tier: 'cards', card: { width: 124, height: 55 }, clientHome: [0, 1, 2, 3, 4] });
    // Where the cards fit, still the ellipse: n1 sits further out than n2 (on the columns they line up).
    expect(wide.x[1]).toBeGreaterThan(wide.x[2] + 100);
    expect(wide.x[2] - wide.x[3]).toBeGreaterThan(124);
  });

  it('beyond 12 nodes a grid in row-major order; clients sit beside their home node', () => {
    const g = stageGeometry({ width: 416, height: 216, nodeCount: 20, tier: 'glyphs', clientHome: [0, 0, 19] });
    expect(g.shape).toBe('grid');
    expect(g.y[0]).toBe(g.y[1]);
    expect(g.x[1]).toBeGreaterThan(g.x[0]);
    expect(g.clientX[0]).toBeGreaterThan(g.x[0]);
    expect(g.clientY[1]).not.toBe(g.clientY[0]);
    // Two clients of one node never overlap (their labels are at least 24 px wide and tall).
    expect(Math.hypot(g.clientX[1] - g.clientX[0], g.clientY[1] - g.clientY[0])).toBeGreaterThanOrEqual(24);
    expect(g.groupCount).toBe(16);
  });

  it('regions: one ring per region, and the regions are the groups', () => {
    const g = stageGeometry({ width: 600, height: 600, nodeCount: 6, tier: 'cards', regions: [0, 0, 1, 1, 2, 2], card: { width: 20, height: 20 } });
    expect(g.shape).toBe('regions');
    expect([...g.groupOf]).toEqual([0, 0, 1, 1, 2, 2]);
    // Region 0 is on top: both its nodes above the centre.
    expect(g.y[0] < 300 && g.y[1] < 300).toBe(true);
  });

  it('regions of one node each: two side by side across a wide box, four on an ellipse, boxes and clients inside, none overlapping', () => {
    const two = stageGeometry({ width: 900, height: 300, nodeCount: 2, tier: 'cards', regions: [0, 1], clientHome: [0, 0, 1, 1], card: { width: 150, height: 100 } });
    expect(two.y[0]).toBe(two.y[1]);
    expect(two.x[1] - two.x[0]).toBeGreaterThan(500);
    const four = stageGeometry({ width: 900, height: 360, nodeCount: 4, tier: 'cards', regions: [0, 1, 2, 3], clientHome: [0, 1, 2, 3], card: { width: 150, height: 100 } });
    expect(four.y[0]).toBeLessThan(four.y[1]);
    expect(four.x[1]).toBeGreaterThan(four.x[3]);
    // On a phone two regions go one above the other, and four (too wide for two columns) on one, rather than overlap.
    const tall = stageGeometry({ width: 350, height: 290, nodeCount: 2, tier: 'cards', regions: [0, 1], clientHome: [0, 0, 1, 1], card: { width: 150, height: 85 } });
    expect(tall.x[0]).toBe(tall.x[1]);
    expect(tall.y[1] - tall.y[0]).toBeGreaterThan(85);
    const phone = stageGeometry({ width: 350, height: 560, nodeCount: 4, tier: 'cards', regions: [0, 1, 2, 3], clientHome: [0, 1, 2, 3], card: { width: 168, height: 100 } });
    expect(new Set(phone.x).size).toBe(1);
    expect([phone.y[0] < phone.y[1], phone.y[1] < phone.y[2], phone.y[2] < phone.y[3]]).toEqual([true, true, true]);
    for (const g of [two, four, tall, phone]) {
      for (let i = 0; i < g.nodeCount; i++) {
        expect(g.x[i] - g.halfW >= 0 && g.x[i] + g.halfW <= g.width && g.y[i] - g.halfH >= 0 && g.y[i] + g.halfH <= g.height).toBe(true);
      }
      for (let c = 0; c < g.clientX.length; c++) expect(g.clientX[c] >= 0 && g.clientX[c] <= g.width && g.clientY[c] >= 0 && g.clientY[c] <= g.height).toBe(true);
      for (let a = 0; a < g.nodeCount; a++) for (let b = a + 1; b < g.nodeCount; b++) expect(Math.abs(g.x[a] - g.x[b]) >= 2 * g.halfW || Math.abs(g.y[a] - g.y[b]) >= 2 * g.halfH).toBe(true);
    }
  });

  it('nodeAtPoint hits a node box and misses between nodes', () => {
    const g = stageGeometry({ width: 400, height: 300, nodeCount: 4, tier: 'cards', card: { width: 40, height: 20 } });
    expect(nodeAtPoint(g, 205, 20)).toBe(0);
    expect(nodeAtPoint(g, 200, 150)).toBe(-1);
  });
});

describe('chooseTier', () => {
  it('cards up to 50 nodes, glyphs to 300, aggregate beyond or past 5,000 dots (then sampled)', () => {
    expect(chooseTier(9, 1000)).toEqual({ tier: 'cards', sampleEvery: 1 });
    expect(chooseTier(120, 1000)).toEqual({ tier: 'glyphs', sampleEvery: 1 });
    expect(chooseTier(1000, 4000).tier).toBe('aggregate');
    expect(chooseTier(9, 20_000)).toEqual({ tier: 'aggregate', sampleEvery: 10 });
  });
});

/** Two nodes 200 px apart on a line (custom layout), boxes 20 x 20: links run rim to rim over 180 px. */
function line() {
  const data = syntheticStage({
    nodes: 2, horizon: 100, medianLatency: 10,
    messages: [
      { from: 0, to: 1, send: 0, end: 10 },
      { from: 0, to: 1, send: 0, end: 10, dupOf: 0 },
      { from: 0, to: 1, send: 20, arrive: 25, end: 25, fate: Fate.lost, dropFrac: 0.5 },
      { from: 1, to: 0, send: 40, arrive: 50, end: 60 },
    ],
    pauses: [[0, 45, 60]],
    crashes: [[1, 70, Infinity]],
  });
  const geometry = stageGeometry({ width: 236, height: 56, nodeCount: 2, tier: 'cards', card: { width: 20, height: 20 }, positions: { x: [0, 1], y: [0.5, 0.5] } });
  return { data, geometry, frame: createFrame(data, geometry) };
}

describe('layoutAt', () => {
  it('a dot moves rim to rim in proportion to time; its duplicate runs 3 px aside', () => {
    const { data, geometry, frame } = line();
    expect([geometry.x[0], geometry.x[1]]).toEqual([18, 218]);
    layoutAt(data, geometry, 5, frame);
    expect(frame.dotCount).toBe(2);
    expect([frame.x[0], frame.y[0], frame.phase[0]]).toEqual([28 + 90, 28, DotPhase.moving]);
    expect([frame.x[1], frame.y[1]]).toEqual([118, 28 + LANE_PX]);
  });

  it('a lost dot runs to dropFrac, then falls and fades; with reduced motion it stays, opaque', () => {
    const { data, geometry, frame } = line();
    layoutAt(data, geometry, 25, frame);
    expect([frame.dotCount, frame.x[0], frame.y[0], frame.alpha[0], frame.phase[0]]).toEqual([1, 118, 28, 1, DotPhase.falling]);
    layoutAt(data, geometry, 27.5, frame);
    expect([round(frame.y[0]), round(frame.alpha[0])]).toEqual([28 + FALL_PX / 2, 0.5]);
    layoutAt(data, geometry, 27.5, frame, { reducedMotion: true });
    expect([frame.x[0], frame.y[0], frame.alpha[0], frame.phase[0]]).toEqual([118, 28, 1, DotPhase.falling]);
    layoutAt(data, geometry, 30, frame);
    expect(frame.dotCount).toBe(0);
  });

  it('a message to a paused node waits at its rim until delivered; node status follows the intervals', () => {
    const { data, geometry, frame } = line();
    layoutAt(data, geometry, 55, frame);
    expect([frame.dotCount, frame.x[0], frame.phase[0]]).toEqual([1, 28, DotPhase.waiting]);
    expect([...frame.status]).toEqual([NodeState.paused, NodeState.up]);
    layoutAt(data, geometry, 80, frame);
    expect([...frame.status]).toEqual([NodeState.up, NodeState.crashed]);
  });

  it('reuses its buffers: the same frame object and arrays at every t', () => {
    const { data, geometry, frame } = line();
    const x = frame.x;
    for (const t of [0, 5, 25, 55, 5]) expect(layoutAt(data, geometry, t, frame).x).toBe(x);
    expect(frame.t).toBe(5);
  });

  it('sampling keeps a stable subset: the same rows at every t they are on the stage', () => {
    const data = syntheticStage({ nodes: 3, horizon: 100, messages: Array.from({ length: 200 }, (_, i) => ({ from: i % 3, to: (i + 1) % 3, send: i * 0.1, end: 50 + i * 0.1 })) });
    const geometry = stageGeometry({ width: 300, height: 300, nodeCount: 3, tier: 'aggregate' });
    const frame = createFrame(data, geometry);
    layoutAt(data, geometry, 25, frame, { sampleEvery: 4, bundles: true });
    const first = [...frame.rows.subarray(0, frame.dotCount)];
    expect(first.length).toBeGreaterThan(20);
    expect(first.length).toBeLessThan(110);
    expect(frame.bundle.reduce((a, b) => a + b, 0)).toBe(frame.inFlightCount);
    layoutAt(data, geometry, 30, frame, { sampleEvery: 4 });
    expect([...frame.rows.subarray(0, frame.dotCount)].filter((r) => r < 200 && r * 0.1 <= 25)).toEqual(first);
  });
});
