import { useLayoutEffect, useState, type RefObject } from 'react';

export interface Size {
  width: number;
  height: number;
}

/**
 * The CSS-pixel size of an element, kept current by a ResizeObserver. The first size comes from the
 * observer's initial report, which the
 * browser delivers after its own layout of the frame: mounting never forces a synchronous layout of the
 * page inside a React commit (measured: 35-40 ms when the consistent-hashing Panel's charts mount at
 * maximum scale). Starts at 0 x 0, so a renderer draws nothing (it keeps its reserved height) for the one
 * frame before the size is known. Without ResizeObserver (Node tests) it measures once, synchronously.
 */
export function useObservedSize(ref: RefObject<Element | null>): Size {
  const [size, setSize] = useState<Size>(ZERO);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const update = (width: number, height: number) => {
      const w = Math.round(width);
      const h = Math.round(height);
      setSize((old) => (old.width === w && old.height === h ? old : { width: w, height: h }));
    };
    if (typeof ResizeObserver === 'undefined') {
      const rect = element.getBoundingClientRect();
      update(rect.width, rect.height);
      return;
    }
    const observer = new ResizeObserver((entries) => {
      const box = entries[entries.length - 1].contentRect;
      update(box.width, box.height);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}

const ZERO: Size = { width: 0, height: 0 };
