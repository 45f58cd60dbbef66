/**
 * The diagram's window and the pointer: the wheel zooms time about the pointer (shift + wheel, or a
 * sideways wheel, pans), a drag pans time and lanes, and a press that does not move is a click (handed to
 * `onClick` with the point, whether Shift was held, and the window). The window is React state (a pan re-renders a
 * small component and draws one frame); it resets when the run changes, and lane height follows the box.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type PointerEvent as ReactPointerEvent, type RefObject } from 'react';
import type { CausalRun } from '../../core/causality/types';
import { clampView, initialView, laneHeightFor, panBy, timeAt, zoomAt, type SpaceTimeGeometry, type SpaceTimeView } from './view';

const DRAG_PX = 4;
const WHEEL_ZOOM = 0.0015;

export interface ViewControls {
  view: SpaceTimeView;
  update(change: (v: SpaceTimeView) => SpaceTimeView): void;
  reset(): void;
  pointer: {
    onPointerDown(e: ReactPointerEvent<HTMLElement>): void;
    onPointerMove(e: ReactPointerEvent<HTMLElement>): void;
    onPointerUp(e: ReactPointerEvent<HTMLElement>): void;
  };
}

export function useSpaceTimeView(run: CausalRun, g: SpaceTimeGeometry, box: RefObject<HTMLElement | null>, onClick: (x: number, y: number, shift: boolean, view: SpaceTimeView) => void): ViewControls {
  const lanes = run.graph.lanes.length;
  const [shown, setShown] = useState(() => initialView(lanes, run.horizon, g));
  const view = useMemo(() => clampView({ ...shown, laneHeight: laneHeightFor(lanes, g) }, lanes, run.horizon, g), [shown, lanes, run.horizon, g]);
  const latest = useRef({ view, g });
  latest.current = { view, g };
  const update = useCallback((change: (v: SpaceTimeView) => SpaceTimeView) => {
    const { view: current, g: geometry } = latest.current;
    const next = clampView(change(current), lanes, run.horizon, geometry);
    latest.current = { view: next, g: geometry };
    setShown(next);
  }, [lanes, run.horizon]);
  const reset = useCallback(() => setShown(initialView(lanes, run.horizon, latest.current.g)), [lanes, run.horizon]);
  useEffect(reset, [run, reset]);
  useWheel(box, update, latest);
  const drag = useRef<{ id: number; x: number; y: number; view: SpaceTimeView; moved: boolean } | undefined>(undefined);
  const pointer = {
    onPointerDown(e: ReactPointerEvent<HTMLElement>) {
      if (e.button !== 0) return;
      try {
        e.currentTarget.setPointerCapture(e.pointerId);
      } catch {
        // A pointer the browser does not know (a synthetic event): the drag still works inside the box.
      }
      drag.current = { id: e.pointerId, x: e.clientX, y: e.clientY, view: latest.current.view, moved: false };
    },
    onPointerMove(e: ReactPointerEvent<HTMLElement>) {
      const d = drag.current;
      if (!d || d.id !== e.pointerId) return;
      const dx = e.clientX - d.x;
      const dy = e.clientY - d.y;
      if (!d.moved && Math.abs(dx) + Math.abs(dy) < DRAG_PX) return;
      d.moved = true;
      update(() => panBy(d.view, dx, dy, latest.current.g));
    },
    onPointerUp(e: ReactPointerEvent<HTMLElement>) {
      const d = drag.current;
      drag.current = undefined;
      if (!d || d.id !== e.pointerId || d.moved) return;
      const rect = e.currentTarget.getBoundingClientRect();
      onClick(e.clientX - rect.left, e.clientY - rect.top, e.shiftKey, latest.current.view);
    },
  };
  return { view, update, reset, pointer };
}

/** Wheel zoom and pan; the listener is not passive, so the page does not scroll under the diagram. */
function useWheel(box: RefObject<HTMLElement | null>, update: ViewControls['update'], latest: RefObject<{ g: SpaceTimeGeometry }>): void {
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const rect = element.getBoundingClientRect();
      const x = e.clientX - rect.left;
      const pixels = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? rect.width : 1;
      const isPan = e.shiftKey || Math.abs(e.deltaX) > Math.abs(e.deltaY);
      const g = latest.current.g;
      update((v) => {
        if (isPan) return panBy(v, -(e.shiftKey ? e.deltaY : e.deltaX) * pixels, 0, g);
        return zoomAt(v, Math.exp(e.deltaY * pixels * WHEEL_ZOOM), timeAt(v, g, x));
      });
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, [box, update]);
}
