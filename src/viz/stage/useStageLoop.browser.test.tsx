/**
 * Goal: a stage's first draw never shares its animation frame with making the canvases' first contexts
 * (in a browser that has just started they cost 5-10 ms each), and a later draw waits for nothing.
 * Method: the real Stage in Chromium; every animation-frame callback is tagged with its frame's time, and
 * getContext (first call per canvas) and clearRect (each layer drawn) record the frame they ran in.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { vizStyle } from '../shared/palette';
import { Stage } from './Stage';
import { syntheticStage } from './testing/synthetic';
import { watchFrames, type FrameWatch } from '../shared/testing/frames';
import { playheadValue } from './types';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const data = syntheticStage({
  nodes: 3, horizon: 100, kinds: ['append'], labels: ['append w1'],
  messages: [{ from: 0, to: 1, send: 2, end: 12, kind: 0, label: 0 }],
});

let frames: FrameWatch;
let container: HTMLDivElement;
let root: Root;
const cleared: { canvas: HTMLCanvasElement; frame: number }[] = [];

beforeEach(() => {
  frames = watchFrames();
  const clearRect = CanvasRenderingContext2D.prototype.clearRect;
  vi.spyOn(CanvasRenderingContext2D.prototype, 'clearRect').mockImplementation(function (this: CanvasRenderingContext2D, ...args: Parameters<typeof clearRect>) {
    cleared.push({ canvas: this.canvas, frame: frames.now() });
    return clearRect.apply(this, args);
  });
  container = document.createElement('div');
  container.style.width = '720px';
  document.body.append(container);
  root = createRoot(container);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  vi.restoreAllMocks();
  frames.restore();
  cleared.length = 0;
});

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

it('makes every canvas\'s first context in a frame before the frame of the first draw; a later draw waits for nothing', async () => {
  const playhead = playheadValue(5);
  await act(async () => root.render(<Stage data={data} playhead={playhead} style={vizStyle('light')} label="Replicas" height={300} />));
  const stage = container.querySelector<HTMLElement>('[data-stage]')!;
  // The first draw may find the box not yet measured (no canvas drawn); wait for the one that paints.
  for (let k = 0; k < 20 && cleared.length === 0; k++) await act(async () => { await frame(); });
  expect(stage.dataset.t).toBe('5');

  const canvases = [...stage.querySelectorAll('canvas')];
  expect(canvases.length).toBeGreaterThanOrEqual(2);
  for (const canvas of canvases) expect(frames.firstContext.has(canvas), 'each layer has a context').toBe(true);
  const lastMade = Math.max(...frames.firstContext.values());
  const firstDraw = Math.min(...cleared.map((c) => c.frame));
  expect(Number.isFinite(lastMade)).toBe(true);
  expect(lastMade).toBeLessThan(firstDraw);
  // The draw is the very next frame: each canvas already at its drawn size, so nothing was cleared by a resize.
  for (const canvas of canvases) expect(canvas.width).toBeGreaterThan(0);

  // Moving the playhead draws in the frame it asks for: the contexts exist, nothing waits.
  cleared.length = 0;
  let asked = Number.NaN;
  await act(async () => {
    playhead.set(8);
    asked = await frame();
  });
  expect(stage.dataset.t).toBe('8');
  expect(cleared.length).toBeGreaterThan(0);
  expect(cleared.every((c) => c.frame === asked)).toBe(true);
});
