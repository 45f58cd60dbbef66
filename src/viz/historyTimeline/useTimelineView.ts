import { useCallback, useEffect, useMemo, useRef, useState, type PointerEvent, type RefObject } from 'react';
import { localPoint } from '../figure/useCursor';
import { clampView, fullView, panView, timelineGeometry, zoomView, type TimelineGeometry, type TimelineIndex, type TimelineView } from './layout';

export interface TimelineViewState {
  view: TimelineView;
  g: TimelineGeometry;
  setView: (view: TimelineView) => void;
  /** Zoom by `factor` (< 1 zooms in) around time `at`. */
  zoomBy: (factor: number, at: number) => void;
  showAll: () => void;
  /** Pointer handlers of the svg: drag pans; a press without a drag picks, a move hovers (plot pixels). */
  pointer: {
    onPointerDown: (event: PointerEvent<Element>) => void;
    onPointerMove: (event: PointerEvent<Element>) => void;
    onPointerUp: (event: PointerEvent<Element>) => void;
  };
}

/**
 * The timeline's zoomed window and its geometry. The window belongs to one history: a new history starts
 * at the full span. Zoom: the wheel over the plot (centred on the pointer) or zoomBy; pan: drag (past 3 px,
 * so a click still picks). Hand-rolled on d3-scale: d3-zoom is not a dependency of this project.
 */
export function useTimelineView(
  index: TimelineIndex,
  size: { ref: RefObject<HTMLDivElement | null>; width: number; height: number },
  onHover: (x: number, y: number) => void,
  onPick: (x: number, y: number) => void,
): TimelineViewState {
  const [zoom, setZoom] = useState<{ index: TimelineIndex; view: TimelineView } | null>(null);
  // The full view is memoized: a fresh object every render would re-lay out on every playhead frame.
  const full = useMemo(() => fullView(index), [index]);
  const view = zoom && zoom.index === index ? zoom.view : full;
  const setView = useCallback((next: TimelineView) => setZoom({ index, view: clampView(index, next) }), [index]);
  const g = useMemo(() => timelineGeometry(index, size.width, size.height, view), [index, size.width, size.height, view]);
  useWheelZoom(size.ref, g, index, setView);
  const drag = useRef<{ x: number; view: TimelineView; moved: boolean } | null>(null);
  const pointer: TimelineViewState['pointer'] = {
    onPointerDown: (event) => {
      if (event.button !== 0) return;
      drag.current = { x: event.clientX, view, moved: false };
      event.currentTarget.setPointerCapture?.(event.pointerId);
    },
    onPointerMove: (event) => {
      const d = drag.current;
      if (d && (d.moved || Math.abs(event.clientX - d.x) > 3)) {
        d.moved = true;
        setView(panView(index, d.view, ((d.x - event.clientX) / Math.max(1, g.frame.innerWidth)) * (d.view.t1 - d.view.t0)));
        return;
      }
      onHover(...localPoint(event));
    },
    onPointerUp: (event) => {
      const d = drag.current;
      drag.current = null;
      if (d && !d.moved) onPick(...localPoint(event));
    },
  };
  const zoomBy = (factor: number, at: number) => setView(zoomView(index, view, factor, at));
  return { view, g, setView, zoomBy, showAll: () => setView(full), pointer };
}

/** Wheel zoom over the plot. A non-passive listener: React's onWheel is passive, so it cannot keep the page still. */
function useWheelZoom(box: RefObject<HTMLDivElement | null>, g: TimelineGeometry, index: TimelineIndex, setView: (view: TimelineView) => void): void {
  const latest = useRef({ g, index, setView });
  latest.current = { g, index, setView };
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const onWheel = (event: WheelEvent) => {
      const { g: geo, index: idx, setView: set } = latest.current;
      const px = event.clientX - element.getBoundingClientRect().left;
      if (px < geo.frame.left || px > geo.frame.left + geo.frame.innerWidth) return;
      event.preventDefault();
      const factor = Math.pow(1.0015, event.deltaY * (event.deltaMode === 1 ? 20 : 1));
      set(zoomView(idx, geo.view, factor, geo.x.invert(px)));
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, [box]);
}
