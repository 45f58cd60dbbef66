import { useDeferredValue, useRef, type RefObject } from 'react';
import { useObservedSize } from '../shared/useObservedSize';

export interface FigureSizeOptions {
  /** Fixed size in CSS pixels; default: the plot box's measured size. */
  width?: number;
  height?: number;
  /** The width never goes below this (a diagram that scrolls sideways on a narrow screen). Default 0. */
  widthMin?: number;
  /**
   * Defer the measured width: the layout at the real width (the costly one) then runs in React's
   * time-sliced background render, one chart per slice, instead of all charts in one task. Default false.
   */
  isDeferred?: boolean;
}

export interface FigureSize {
  /** Goes on the plot box (Figure does it): the element measured. */
  ref: RefObject<HTMLDivElement | null>;
  width: number;
  height: number;
}

/**
 * The plot's size, measured by a ResizeObserver only (useObservedSize: no forced layout at mount), 0 x 0
 * until the first report. Called by the chart before its layout, which needs the size; the chart then
 * hands the result to <Figure size>.
 */
export function useFigureSize(options: FigureSizeOptions = {}): FigureSize {
  const ref = useRef<HTMLDivElement>(null);
  const measured = useObservedSize(ref);
  // A constant when not deferred, so useDeferredValue schedules no second render.
  const deferred = useDeferredValue(options.isDeferred ? measured.width : 0);
  const width = options.width ?? (options.isDeferred ? deferred : measured.width);
  return { ref, width: Math.max(options.widthMin ?? 0, width), height: options.height ?? measured.height };
}
