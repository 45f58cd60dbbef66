/**
 * Goal: a canvas's first 2D context is made once, at the size drawn, and useCanvas makes it in the frame
 * before its first draw, while a later draw waits for nothing. Method: real canvases in Chromium; each
 * animation-frame callback is tagged with its frame's time, getContext (first call per canvas) and the
 * draw record the frame they ran in.
 */
import { act, useCallback, useRef } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { prepareCanvas } from './canvasContext';
import { watchFrames, type FrameWatch } from './testing/frames';
import { useCanvas } from './useCanvas';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let frames: FrameWatch;
let container: HTMLDivElement;
let root: Root;

beforeEach(() => {
  frames = watchFrames();
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  frames.restore();
});

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

function Picture({ tone, draws }: { tone: string; draws: number[] }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const draw = useCallback((ctx: CanvasRenderingContext2D, width: number, height: number) => {
    draws.push(frames.now());
    ctx.fillStyle = tone;
    ctx.fillRect(0, 0, width, height);
  }, [tone, draws]);
  useCanvas(canvas, 40, 20, draw);
  return <canvas ref={canvas} style={{ width: 40, height: 20 }} />;
}

it('useCanvas makes the first context in the frame before the first draw; a later draw is in the frame it asks for', async () => {
  const draws: number[] = [];
  await act(async () => root.render(<Picture tone="rgb(255, 0, 0)" draws={draws} />));
  for (let k = 0; k < 6 && draws.length === 0; k++) await act(async () => { await frame(); });
  const canvas = container.querySelector('canvas')!;
  expect(draws).toHaveLength(1);
  expect(frames.firstContext.get(canvas)).toBeLessThan(draws[0]);
  expect([...canvas.getContext('2d')!.getImageData(5, 5, 1, 1).data]).toEqual([255, 0, 0, 255]);

  draws.length = 0;
  let asked = Number.NaN;
  await act(async () => {
    root.render(<Picture tone="rgb(0, 0, 255)" draws={draws} />);
  });
  await act(async () => {
    asked = await frame();
  });
  expect(draws).toEqual([asked]);
  expect([...canvas.getContext('2d')!.getImageData(5, 5, 1, 1).data]).toEqual([0, 0, 255, 255]);
});

it('prepareCanvas makes a context once per canvas, at the size asked, and never for an empty size', () => {
  const canvas = document.createElement('canvas');
  expect(prepareCanvas(canvas, 0, 100, 1)).toBe(false);
  expect(frames.firstContext.has(canvas)).toBe(false);
  expect(prepareCanvas(canvas, 200, 100, 2)).toBe(true);
  expect([canvas.width, canvas.height]).toEqual([400, 200]);
  expect(canvas.getContext('2d')!.getTransform().a).toBe(2);
  expect(prepareCanvas(canvas, 300, 100, 2)).toBe(false);
  expect(prepareCanvas(null, 200, 100, 1)).toBe(false);
});

it('prepareCanvas makes one first context per task: a second canvas asked in the same task waits (true, no context) until a later task', async () => {
  const [one, two] = [document.createElement('canvas'), document.createElement('canvas')];
  await new Promise((resolve) => setTimeout(resolve, 0)); // a task of its own (the test before made a context)
  expect(prepareCanvas(one, 100, 50, 1)).toBe(true);
  expect(prepareCanvas(two, 100, 50, 1)).toBe(true);
  expect(frames.firstContext.has(one)).toBe(true);
  expect(frames.firstContext.has(two)).toBe(false);
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(prepareCanvas(two, 100, 50, 1)).toBe(true);
  expect(frames.firstContext.has(two)).toBe(true);
  expect(prepareCanvas(two, 100, 50, 1)).toBe(false);
});

it('two canvases drawn by useCanvas from the same frame make their first contexts in different frames, each before its first draw', async () => {
  const [red, blue]: number[][] = [[], []];
  await act(async () => root.render(<><Picture tone="rgb(255, 0, 0)" draws={red} /><Picture tone="rgb(0, 0, 255)" draws={blue} /></>));
  for (let k = 0; k < 8 && (red.length === 0 || blue.length === 0); k++) await act(async () => { await frame(); });
  const [a, b] = [...container.querySelectorAll('canvas')];
  expect([red.length, blue.length]).toEqual([1, 1]);
  expect(frames.firstContext.get(a)).not.toBe(frames.firstContext.get(b));
  expect(frames.firstContext.get(a)).toBeLessThan(red[0]);
  expect(frames.firstContext.get(b)).toBeLessThan(blue[0]);
});
