import { useEffect, useRef, useState, type RefObject } from 'react';
import { canvasContext, prepareCanvas } from './canvasContext';

/**
 * React owns the canvas element, its size and the device pixel ratio; `draw` paints in CSS pixels.
 * The backing store is width x height x devicePixelRatio, and drawing is throttled to one animation frame
 * (the canvas's first context is made in the frame before its first draw):
 * any number of input changes within a frame cost one redraw. `draw` must be memoized on its inputs
 * (useCallback), since a new `draw` is what schedules a redraw.
 */
export function useCanvas(
  canvasRef: RefObject<HTMLCanvasElement | null>,
  width: number,
  height: number,
  draw: (ctx: CanvasRenderingContext2D, width: number, height: number) => void,
): void {
  const dpr = useDevicePixelRatio();
  const frame = useRef(0);
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || width <= 0 || height <= 0) return;
    cancelAnimationFrame(frame.current);
    const paint = () => {
      // A first context is made in a frame of its own (./canvasContext.ts).
      if (prepareCanvas(canvas, width, height, dpr)) {
        frame.current = requestAnimationFrame(paint);
        return;
      }
      const ctx = canvasContext(canvas, width, height, dpr);
      if (!ctx) return;
      ctx.clearRect(0, 0, width, height);
      draw(ctx, width, height);
    };
    frame.current = requestAnimationFrame(paint);
    return () => cancelAnimationFrame(frame.current);
  }, [canvasRef, width, height, dpr, draw]);
}

/** window.devicePixelRatio, updated when the page moves to another screen or zooms. */
export function useDevicePixelRatio(): number {
  const read = () => (typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1);
  const [dpr, setDpr] = useState(read);
  useEffect(() => {
    if (typeof window === 'undefined' || !window.matchMedia) return;
    const query = window.matchMedia(`(resolution: ${dpr}dppx)`);
    const onChange = () => setDpr(read());
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, [dpr]);
  return dpr;
}
