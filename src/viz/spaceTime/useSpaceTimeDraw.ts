/**
 * Draws the diagram in one animation frame per change of its inputs (window, size, selection, style), once
 * `isShown`: layout into a reused frame buffer, then paint. Returns how many events the last frame drew and the
 * stride of its message sample (1: all).
 */
import { useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { CausalRun } from '../../core/causality/types';
import type { VizStyle } from '../shared/palette';
import { canvasContext, prepareCanvas } from '../shared/canvasContext';
import { useDevicePixelRatio } from '../shared/useCanvas';
import { drawSpaceTime, type SpaceTimePins } from './draw';
import { createFrame, frameCapacity, layoutFrame } from './layout';
import type { Selection } from './useSelection';
import type { SpaceTimeGeometry, SpaceTimeView } from './view';

export function useSpaceTimeDraw(
  canvas: RefObject<HTMLCanvasElement | null>, run: CausalRun, view: SpaceTimeView, g: SpaceTimeGeometry, style: VizStyle, selection: Selection, pins: SpaceTimePins | undefined, isShown: boolean,
): { events: number; edgeStride: number } {
  const dpr = useDevicePixelRatio();
  const capacity = frameCapacity(g, view.laneHeight);
  const lanes = run.graph.lanes.length;
  const frame = useMemo(() => createFrame(capacity, lanes), [capacity, lanes]);
  const [drawn, setDrawn] = useState({ events: 0, edgeStride: 1 });
  const pending = useRef(0);
  const { a, b, focus, cone } = selection;
  useLayoutEffect(() => {
    if (!isShown) return;
    cancelAnimationFrame(pending.current);
    const draw = () => {
      // A first context is made in a frame of its own (viz/shared/canvasContext.ts).
      if (prepareCanvas(canvas.current, g.width, g.height, dpr)) {
        pending.current = requestAnimationFrame(draw);
        return;
      }
      const ctx = canvasContext(canvas.current, g.width, g.height, dpr);
      if (!ctx) return;
      layoutFrame(run, view, g, frame, cone);
      drawSpaceTime(ctx, run, frame, view, g, { style, a, b, focus, pins });
      const events = frame.eventCount;
      const edgeStride = frame.edgeStride;
      setDrawn((old) => (old.events === events && old.edgeStride === edgeStride ? old : { events, edgeStride }));
    };
    pending.current = requestAnimationFrame(draw);
    return () => cancelAnimationFrame(pending.current);
  }, [canvas, run, view, g, style, a, b, focus, cone, frame, dpr, pins, isShown]);
  return drawn;
}
