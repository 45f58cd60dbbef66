import { useLayoutEffect, useState, type RefObject } from 'react';

export interface Size {
  width: number;
  height: number;
}

/**
 * The CSS-pixel size of an element, kept current by a ResizeObserver. Starts at `initial` so the first
 * render (and server-less tests) have a defined size.
 */
export function useElementSize(ref: RefObject<Element | null>, initial: Size = { width: 0, height: 0 }): Size {
  const [size, setSize] = useState<Size>(initial);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const update = (width: number, height: number) => {
      const w = Math.round(width);
      const h = Math.round(height);
      setSize((old) => (old.width === w && old.height === h ? old : { width: w, height: h }));
    };
    const rect = element.getBoundingClientRect();
    update(rect.width, rect.height);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const box = entries[entries.length - 1].contentRect;
      update(box.width, box.height);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}
