/**
 * The keyboard cursor of a figure, as plain data: a cell in a grid of rows x columns (a time series has
 * one row of pixel columns, a heatmap rows of nodes, the canvas ring one circular row of arcs). Keys name
 * moves in one vocabulary shared by every chart; `moveCell` applies a move, so the rule lives in one place
 * and is tested without a DOM.
 *
 *   ←/→ prev/next column   ↑/↓ up/down a row (on a circular row: prev/next)   Home/End first/last column
 *   Shift + arrow: 10 at a time   Enter or Space: activate the cell (seek, select)
 */

export type CursorMove = 'prev' | 'next' | 'up' | 'down' | 'first' | 'last';

const keyMoves: Readonly<Record<string, CursorMove>> = {
  ArrowLeft: 'prev',
  ArrowRight: 'next',
  ArrowUp: 'up',
  ArrowDown: 'down',
  Home: 'first',
  End: 'last',
};

/** The move a key stands for, or null for any other key. */
export function cursorMove(key: string): CursorMove | null {
  return Object.hasOwn(keyMoves, key) ? keyMoves[key] : null;
}

/** Keys that activate the cell under the cursor. */
export function isActivateKey(key: string): boolean {
  return key === 'Enter' || key === ' ';
}

/** Cells a move with Shift skips. */
export const CURSOR_STEP_LARGE = 10;

export interface Cell {
  row: number;
  column: number;
}

export interface CursorGrid {
  rows: number;
  columns: number;
  /** One row whose ends meet (the ring): moves wrap around, and ↑/↓ move along the row like ←/→. */
  isCircular?: boolean;
}

/** The cell if it lies in the grid, else null (a cursor left over from a larger layout). */
export function cellIn(grid: CursorGrid, cell: Cell | null): Cell | null {
  if (!cell) return null;
  const isInside = cell.row >= 0 && cell.row < grid.rows && cell.column >= 0 && cell.column < grid.columns;
  return isInside ? cell : null;
}

export function isSameCell(a: Cell | null, b: Cell | null): boolean {
  return a === b || (a !== null && b !== null && a.row === b.row && a.column === b.column);
}

/**
 * The cell after `move` from `from` by `step` cells, or null when the move does nothing in this grid (↑/↓
 * on a single straight row, any move in an empty grid): the caller then leaves the key to the page.
 * Without a cursor, every move lands on the first cell (End: the last column), so the first key press
 * shows where the cursor is. Moves stop at the edges, or wrap on a circular row.
 */
export function moveCell(grid: CursorGrid, from: Cell | null, move: CursorMove, step = 1): Cell | null {
  const { rows, columns } = grid;
  if (!(rows >= 1 && columns >= 1)) return null;
  const isVertical = move === 'up' || move === 'down';
  if (isVertical && rows === 1 && !grid.isCircular) return null;
  const at = cellIn(grid, from);
  if (!at) return { row: 0, column: move === 'last' ? columns - 1 : 0 };
  if (move === 'first') return { row: at.row, column: 0 };
  if (move === 'last') return { row: at.row, column: columns - 1 };
  const delta = (move === 'prev' || move === 'up' ? -1 : 1) * Math.max(1, Math.floor(step));
  if (grid.isCircular) return { row: at.row, column: (((at.column + delta) % columns) + columns) % columns };
  if (isVertical) return { row: clamp(at.row + delta, rows), column: at.column };
  return { row: at.row, column: clamp(at.column + delta, columns) };
}

function clamp(value: number, count: number): number {
  return Math.max(0, Math.min(count - 1, value));
}
