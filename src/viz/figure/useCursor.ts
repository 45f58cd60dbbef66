import { useState, type CSSProperties, type KeyboardEvent, type MouseEvent, type PointerEvent } from 'react';
import { cellIn, CURSOR_STEP_LARGE, cursorMove, isActivateKey, isSameCell, moveCell, type Cell, type CursorGrid } from './cursor';

export interface CursorOptions {
  grid: CursorGrid;
  /** The cell under the pointer at (x, y) in the plot's CSS pixels, or null (outside the marks). */
  cellAt: (x: number, y: number) => Cell | null;
  /** Enter or Space on the cursor's cell: seek there, select it. */
  onActivate?: (cell: Cell) => void;
  /** A click at (x, y) in the plot's CSS pixels, with the cell under it (also the cursor's cell then). */
  onClick?: (x: number, y: number, cell: Cell | null) => void;
  /** Keyboard too: the plot takes focus (one tab stop) and the arrow keys move the cursor. Default true. */
  isFocusable?: boolean;
}

/** Attributes for the element that takes the pointer and the keys (the figure's svg). */
export type CursorTargetProps = {
  tabIndex?: number;
  style?: CSSProperties;
  onPointerMove: (event: PointerEvent<Element>) => void;
  onPointerLeave: () => void;
  onBlur?: () => void;
  onKeyDown?: (event: KeyboardEvent<Element>) => void;
  onClick?: (event: MouseEvent<Element>) => void;
};

export interface Cursor {
  /** The cell under the pointer or the keyboard cursor, inside the current grid; null: none. */
  cell: Cell | null;
  props: CursorTargetProps;
}

/**
 * One cursor for pointer and keyboard: the pointer sets the cell under it, the arrow keys move it (see
 * cursor.ts for the moves), leaving or blurring clears it, Enter or Space activates it. A cell outside a
 * new, smaller grid reads as none, so a relayout never shows a stale cursor.
 */
export function useCursor(options: CursorOptions): Cursor {
  const { grid, cellAt, onActivate, onClick, isFocusable = true } = options;
  const [raw, setRaw] = useState<Cell | null>(null);
  const cell = cellIn(grid, raw);
  // Same cell: keep the old state object, so a pointer moving within a cell does not re-render.
  const set = (next: Cell | null) => setRaw((old) => (isSameCell(old, next) ? old : next));

  const onKeyDown = (event: KeyboardEvent<Element>) => {
    if (isActivateKey(event.key)) {
      if (!cell || !onActivate) return;
      onActivate(cell);
      event.preventDefault();
      return;
    }
    const move = cursorMove(event.key);
    const next = move ? moveCell(grid, cell, move, event.shiftKey ? CURSOR_STEP_LARGE : 1) : null;
    if (!next) return;
    set(next);
    event.preventDefault();
  };
  const props: CursorTargetProps = {
    onPointerMove: (event) => set(cellIn(grid, cellAt(...localPoint(event)))),
    onPointerLeave: () => set(null),
  };
  if (isFocusable) Object.assign(props, { tabIndex: 0, onBlur: () => set(null), onKeyDown });
  if (onClick) {
    // The cell under the click itself, not the last hover: a tap on a touch screen has no hover before it.
    props.onClick = (event) => {
      const [x, y] = localPoint(event);
      const under = cellIn(grid, cellAt(x, y));
      set(under);
      onClick(x, y, under);
    };
    props.style = { cursor: 'pointer' };
  }
  return { cell, props };
}

/** The event's position in the CSS pixels of the element that handles it. */
export function localPoint(event: { clientX: number; clientY: number; currentTarget: Element }): [number, number] {
  const rect = event.currentTarget.getBoundingClientRect();
  return [event.clientX - rect.left, event.clientY - rect.top];
}
