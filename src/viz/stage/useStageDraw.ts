/**
 * One drawn frame of the stage, as a function of t: layoutAt into a reused frame, then the static canvas
 * (only when the partition epoch changed), the glyph canvas (only when a node's status or role changed),
 * the dynamic canvas, the overlay's text (while playing, at most every OVERLAY_MS), and `data-t` /
 * `data-dots` on the root. No React state is touched, so the draw loop can call it every animation frame.
 */
import { useCallback, useMemo, useRef, type RefObject } from 'react';
import type { StageData } from '../../core/stage/types';
import type { VizStyle } from '../shared/palette';
import { fieldIndex } from './cards';
import { drawDynamic, POLYGON_DOTS_FROM } from './drawDynamic';
import { drawGlyphs, glyphSignature, type GlyphSpec } from './drawGlyphs';
import { drawStatic } from './drawStatic';
import type { StageGeometry } from './geometry';
import { createFrame, layoutAt, type StageFrame } from './layoutAt';
import { OverlayRefs, type CardExtras } from './overlay';
import type { TierPlan } from './tier';
import type { CardSpec } from './types';
import { canvasContext, prepareCanvas } from '../shared/canvasContext';

/** While playing, the cards' text is rewritten at most this often (ms); dots still move every frame. */
export const OVERLAY_MS = 100;

/** True when a frame drawn at wall time `now` rewrites the cards (last written at `last`). */
export function isOverlayDue(isPlaying: boolean, now: number, last: number): boolean {
  return !isPlaying || now - last >= OVERLAY_MS;
}

export interface StageLayers {
  root: RefObject<HTMLElement | null>;
  staticCanvas: RefObject<HTMLCanvasElement | null>;
  glyphCanvas: RefObject<HTMLCanvasElement | null>;
  dynamicCanvas: RefObject<HTMLCanvasElement | null>;
}

export interface StageDrawInput {
  data: StageData;
  geometry: StageGeometry;
  plan: TierPlan;
  style: VizStyle;
  cardSpec: CardSpec | undefined;
  reducedMotion: boolean;
  dpr: number;
  /** 1 for the nodes a lesson step names, or null. */
  highlighted: Uint8Array | null;
}

export function useStageDraw(input: StageDrawInput, layers: StageLayers) {
  const { data, geometry: g, plan, style, cardSpec, reducedMotion, dpr, highlighted } = input;
  const frame = useMemo(() => createFrame(data, g), [data, g]);
  const refs = useMemo(() => new OverlayRefs(), []);
  const indices = useMemo(() => cardSpec?.fields.map((f) => fieldIndex(data, f.field)) ?? [], [data, cardSpec]);
  const extra = useMemo((): CardExtras => ({
    role: cardSpec?.role ? fieldIndex(data, cardSpec.role) : -1,
    deadline: cardSpec?.deadline ? fieldIndex(data, cardSpec.deadline.field) : -1,
    heat: cardSpec?.heat ? fieldIndex(data, cardSpec.heat.field) : -1,
  }), [data, cardSpec]);
  const glyphSpec = useMemo((): GlyphSpec => ({
    role: extra.role,
    heat: extra.heat,
    heatMax: cardSpec?.heat?.max ?? 0,
    badges: (cardSpec?.badges ?? []).map((b) => ({ field: fieldIndex(data, b.field), text: data.fields.texts.indexOf(b.text) })).filter((b) => b.field >= 0 && b.text >= 0),
    highlighted,
  }), [data, cardSpec, extra, highlighted]);
  const options = useMemo(() => ({ sampleEvery: plan.sampleEvery, reducedMotion, bundles: plan.tier === 'aggregate' }), [plan, reducedMotion]);
  const drawnEpoch = useRef(-1);
  const drawnGlyphs = useRef<number | undefined>(undefined);

  const overlayAt = useRef(-Infinity);
  const draw = useCallback((t: number, isPlaying = false) => {
    const [w, h] = [g.width, g.height];
    layoutAt(data, g, t, frame, options);
    const flat = frame.epoch === drawnEpoch.current ? null : canvasContext(layers.staticCanvas.current, w, h, dpr);
    if (flat) {
      flat.clearRect(0, 0, w, h);
      drawStatic(flat, data, g, frame.epoch, style, plan.tier);
      drawnEpoch.current = frame.epoch;
    }
    const signature = plan.tier === 'cards' ? drawnGlyphs.current : glyphSignature(data, frame, glyphSpec);
    const glyphs = signature === drawnGlyphs.current ? null : canvasContext(layers.glyphCanvas.current, w, h, dpr);
    if (glyphs) {
      glyphs.clearRect(0, 0, w, h);
      drawGlyphs(glyphs, data, g, frame, style, glyphSpec);
      drawnGlyphs.current = signature;
    }
    const ctx = canvasContext(layers.dynamicCanvas.current, w, h, dpr);
    if (ctx) {
      ctx.clearRect(0, 0, w, h);
      drawDynamic(ctx, data, g, frame, style, { tier: plan.tier, reducedMotion, polygons: data.peakInFlight >= POLYGON_DOTS_FROM });
    }
    // Cards are text: while playing they are rewritten at most every OVERLAY_MS (a number changing 60 times a
    // second cannot be read, and each rewrite costs style, layout and paint); paused, at once.
    const now = performance.now();
    if (isOverlayDue(isPlaying, now, overlayAt.current)) {
      refs.update(data, frame, cardSpec, indices, extra, style);
      overlayAt.current = now;
    }
    const root = layers.root.current;
    if (root) {
      root.dataset.t = String(t);
      root.dataset.dots = String(frame.dotCount);
    }
  }, [data, g, frame, options, dpr, style, plan.tier, extra, glyphSpec, reducedMotion, refs, cardSpec, indices, layers]);

  /** Makes the next layer's first context (prepareCanvas), one per call: true when it made one. Each costs
   * 5-10 ms in a browser that has just started, so three in one frame made a task of their own over 25 ms. */
  const prepare = useCallback((): boolean =>
    [layers.staticCanvas, layers.glyphCanvas, layers.dynamicCanvas].some((layer) => prepareCanvas(layer.current, g.width, g.height, dpr)),
  [layers, g, dpr]);

  /** Forget every layer drawn: the next draw repaints all of them and rewrites the cards, playing or not (a
   * new overlay, size or theme). */
  const invalidate = useCallback(() => {
    drawnEpoch.current = -1;
    drawnGlyphs.current = undefined;
    overlayAt.current = -Infinity;
    refs.invalidate(data.nodeNames.length, data.fields.names.length);
  }, [refs, data]);

  const layoutNow = useCallback((t: number): StageFrame => layoutAt(data, g, t, frame, options), [data, g, frame, options]);
  return { draw, prepare, invalidate, layoutNow, refs };
}
