/**
 * Pointer gestures on the stage background: a drag across the stage partitions the nodes by the side of
 * the line they are on (drawn while dragging); a click near a link opens the link's menu, else a click
 * near a node drawn on canvas (glyphs at scale) opens the node's.
 */
import { useCallback, useRef, type PointerEvent, type RefObject } from 'react';
import { linkAtPoint, partitionEvent, sidesOfLine } from './actions';
import { linkPairs } from './drawStatic';
import type { StageData } from '../../core/stage/types';
import { nodeAtPoint, type StageGeometry } from './geometry';
import type { StageEvent } from './types';

/** A drag shorter than this (CSS px) is a click. */
export const DRAG_MIN = 24;

export interface DragInput {
  data: StageData;
  geometry: StageGeometry;
  canPartition: boolean;
  now(): number;
  line: RefObject<SVGLineElement | null>;
  onEvent: ((event: StageEvent) => void) | undefined;
  onLinkClick(a: number, b: number, x: number, y: number, from: HTMLElement | null): void;
  /** A click near a node drawn on canvas (no element of its own at scale). */
  onNodeClick(node: number): void;
}

/** Half the side of the square a click near a glyph may land in (a 24 px target, WCAG 2.5.8). */
const NODE_REACH = 12;

export function useDragPartition(input: DragInput) {
  const start = useRef<{ x: number; y: number; id: number } | null>(null);
  const point = (e: PointerEvent<HTMLElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    return { x: e.clientX - rect.left, y: e.clientY - rect.top };
  };
  const setLine = (x1: number, y1: number, x2: number, y2: number, visible: boolean) => {
    const line = input.line.current;
    if (!line) return;
    line.setAttribute('x1', String(x1));
    line.setAttribute('y1', String(y1));
    line.setAttribute('x2', String(x2));
    line.setAttribute('y2', String(y2));
    line.style.visibility = visible ? 'visible' : 'hidden';
  };

  const onPointerDown = useCallback((e: PointerEvent<HTMLElement>) => {
    if (e.target !== e.currentTarget || e.button !== 0) return;
    e.preventDefault(); // no text selection while dragging across the stage
    const p = point(e);
    start.current = { ...p, id: e.pointerId };
    e.currentTarget.setPointerCapture?.(e.pointerId);
  }, []);

  const onPointerMove = useCallback((e: PointerEvent<HTMLElement>) => {
    const s = start.current;
    if (!s || s.id !== e.pointerId || !input.canPartition) return;
    const p = point(e);
    setLine(s.x, s.y, p.x, p.y, Math.hypot(p.x - s.x, p.y - s.y) >= DRAG_MIN);
  }, [input.canPartition]);

  const onPointerUp = useCallback((e: PointerEvent<HTMLElement>) => {
    const s = start.current;
    start.current = null;
    setLine(0, 0, 0, 0, false);
    if (!s || s.id !== e.pointerId) return;
    const p = point(e);
    const g = input.geometry;
    if (Math.hypot(p.x - s.x, p.y - s.y) >= DRAG_MIN) {
      const event = input.canPartition ? partitionEvent(sidesOfLine(g, s.x, s.y, p.x, p.y), input.now()) : undefined;
      if (event) input.onEvent?.(event);
      return;
    }
    const link = linkAtPoint(g, linkPairs(input.data, g), p.x, p.y);
    if (link) return input.onLinkClick(link[0], link[1], p.x, p.y, e.currentTarget);
    const node = nodeAtPoint(g, p.x, p.y, Math.max(4, NODE_REACH - g.halfW));
    if (node >= 0) input.onNodeClick(node);
  }, [input]);

  return { onPointerDown, onPointerMove, onPointerUp, onPointerCancel: onPointerUp };
}
