/**
 * Goal: what a busy-node lab needs of the stage behaves as promised: a queue bar, heat, a badge at scale,
 * the links drawn for a lab's own layout, cheap dots when many are in flight. Method: pure functions on
 * hand-made numbers and small synthetic stages (a node's CPU field rising past the heat levels, a 'hot'
 * text badge, 40 dots drawn into a context that counts its path calls).
 */
import { describe, expect, it } from 'vitest';
import { vizStyle } from '../shared/palette';
import { drawDynamic } from './drawDynamic';
import { glyphSignature, type GlyphSpec } from './drawGlyphs';
import { linkPairs } from './drawStatic';
import { heatPaint } from './heat';
import { createFrame, layoutAt } from './layoutAt';
import { stageGeometry } from './geometry';
import { syntheticStage } from './testing/synthetic';
import { barFraction, heatLevel, HEAT_LEVELS } from './types';
import { isOverlayDue, OVERLAY_MS } from './useStageDraw';

describe('card extras', () => {
  it('barFraction(value, bar) is value / max, log(1 + v) / log(1 + max) on a log scale, clamped to [0, 1]', () => {
    expect(barFraction(25, { max: 100 })).toBe(0.25);
    expect(barFraction(3, { max: 600, scale: 'log' })).toBeCloseTo(Math.log(4) / Math.log(601), 12);
    expect(barFraction(900, { max: 600, scale: 'log' })).toBe(1);
    expect([barFraction(Number.NaN, { max: 10 }), barFraction(-1, { max: 10 }), barFraction(5, { max: 0 })]).toEqual([0, 0, 0]);
  });

  it('isOverlayDue(playing, now, last): while playing, cards are rewritten at most every OVERLAY_MS; paused, always', () => {
    expect(OVERLAY_MS).toBe(100);
    expect([isOverlayDue(true, 1050, 1000), isOverlayDue(true, 1100, 1000), isOverlayDue(false, 1001, 1000)]).toEqual([false, true, true]);
  });

  it('heatLevel(value, max) cuts [0, max] into HEAT_LEVELS equal steps; the top step holds from 80% of 100', () => {
    expect(HEAT_LEVELS).toBe(5);
    expect([0, 19, 20, 59, 79, 80, 100, 250].map((v) => heatLevel(v, 100))).toEqual([0, 0, 1, 2, 3, 4, 4, 4]);
    expect(heatLevel(Number.NaN, 100)).toBe(0);
  });

  it('heatPaint(style, level) darkens with heat on light and brightens on dark; its tint stays near the background', () => {
    const lum = (hex: string) => [1, 3, 5].reduce((sum, i) => sum + parseInt(hex.slice(i, i + 2), 16), 0);
    const light = vizStyle('light');
    const dark = vizStyle('dark');
    expect(lum(heatPaint(light, 4).color)).toBeLessThan(lum(heatPaint(light, 1).color));
    expect(lum(heatPaint(dark, 4).color)).toBeGreaterThan(lum(heatPaint(dark, 1).color));
    expect(Math.abs(lum(heatPaint(light, 4).tint) - lum(light.background))).toBeLessThan(170);
    expect(heatPaint(light, 9)).toEqual(heatPaint(light, 4));
  });
});

describe('glyphs and links', () => {
  const data = syntheticStage({
    nodes: 3, horizon: 100, messages: [{ from: 2, to: 0, send: 1, end: 2 }],
    fields: { names: ['cpu', 'hot'], texts: ['hot', ''], changes: [
      { node: 0, field: 0, time: 0, value: 10 }, { node: 0, field: 0, time: 30, value: 50 }, { node: 0, field: 0, time: 60, value: 55 },
      { node: 0, field: 1, time: 0, text: 1 }, { node: 0, field: 1, time: 80, text: 0 },
    ] },
  });
  const spec: GlyphSpec = { role: -1, heat: 0, heatMax: 100, badges: [{ field: 1, text: 0 }], highlighted: null };
  const g = stageGeometry({ width: 300, height: 200, nodeCount: 3, tier: 'glyphs', positions: { x: [0, 1, 0.5], y: [0, 0, 1] } });
  const signatureAt = (t: number) => glyphSignature(data, layoutAt(data, g, t, createFrame(data, g)), spec);

  it('glyphSignature(frame) changes when a heat level or a badge changes, not when the heat moves within a level', () => {
    expect(signatureAt(40)).not.toBe(signatureAt(10));
    expect(signatureAt(70)).toBe(signatureAt(40));
    expect(signatureAt(90)).not.toBe(signatureAt(70));
  });

  it('linkPairs(data, geometry) for a lab\'s own layout lists the links that carried messages, not every pair', () => {
    expect(g.shape).toBe('custom');
    const custom = linkPairs({ ...data, links: { count: 1, a: Uint16Array.of(0), b: Uint16Array.of(2), messages: Uint32Array.of(1) } }, g);
    expect([custom.count, custom.a[0], custom.b[0]]).toEqual([1, 0, 2]);
    expect(linkPairs(data, { nodeCount: 3, shape: 'ring' }).count).toBe(3);
  });
});

describe('drawDynamic', () => {
  /** A 2D context that counts the path calls a draw makes. */
  function recorder() {
    const calls: Record<string, number> = {};
    const ctx = new Proxy({}, {
      get: (_, name: string) => (name in calls || /^[a-z]/.test(name) ? (...args: unknown[]) => void (calls[name] = (calls[name] ?? 0) + 1, args) : undefined),
      set: () => true,
    }) as unknown as CanvasRenderingContext2D;
    return { ctx, calls };
  }
  const busy = syntheticStage({
    nodes: 3, horizon: 100, kinds: ['read', 'write', 'x', 'y', 'reply'],
    messages: Array.from({ length: 50 }, (_, i) => ({ from: 0, to: 1 + (i % 2), send: 1, end: 90, kind: i < 40 ? i % 2 : 4 })),
  });
  const g = stageGeometry({ width: 400, height: 300, nodeCount: 3, tier: 'cards', card: { width: 60, height: 30 } });
  const frame = layoutAt(busy, g, 50, createFrame(busy, g));

  it('drawDynamic(polygons) draws round dots as octagons and hollow ones as even-odd rings (no arc, no stroke); without, arcs and strokes', () => {
    const octagons = recorder();
    drawDynamic(octagons.ctx, busy, g, frame, vizStyle('light'), { tier: 'cards', reducedMotion: false, polygons: true });
    expect(octagons.calls.arc ?? 0).toBe(0);
    expect(octagons.calls.stroke ?? 0).toBe(0);
    // 20 round reads and 10 hollow replies of two octagons each, 8 lineTo per octagon; 20 squares.
    expect(octagons.calls.lineTo).toBe((20 + 2 * 10) * 8);
    expect(octagons.calls.rect).toBe(20);
    const arcs = recorder();
    drawDynamic(arcs.ctx, busy, g, frame, vizStyle('light'), { tier: 'cards', reducedMotion: false });
    expect(arcs.calls.arc).toBe(30);
    expect(arcs.calls.stroke).toBe(1);
  });
});
