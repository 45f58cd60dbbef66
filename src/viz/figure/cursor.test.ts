import { describe, expect, it } from 'vitest';
import { cellIn, cursorMove, isActivateKey, moveCell, type CursorGrid } from './cursor';

const row: CursorGrid = { rows: 1, columns: 5 };
const grid: CursorGrid = { rows: 3, columns: 4 };
const ring: CursorGrid = { rows: 1, columns: 6, isCircular: true };

describe('cursorMove(key) and isActivateKey(key)', () => {
  it('name the arrows, Home and End, and nothing else', () => {
    expect(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'].map(cursorMove)).toEqual(['prev', 'next', 'up', 'down', 'first', 'last']);
    expect(cursorMove('a')).toBeNull();
    expect(cursorMove('toString')).toBeNull();
    expect(isActivateKey('Enter') && isActivateKey(' ')).toBe(true);
    expect(isActivateKey('Tab')).toBe(false);
  });
});

describe('moveCell(grid, from, move, step)', () => {
  it('without a cursor, lands on the first cell (End: the last column)', () => {
    for (const move of ['prev', 'next', 'first', 'up', 'down'] as const) expect(moveCell(grid, null, move)).toEqual({ row: 0, column: 0 });
    expect(moveCell(grid, null, 'last')).toEqual({ row: 0, column: 3 });
    expect(moveCell(row, null, 'next')).toEqual({ row: 0, column: 0 });
  });

  it('moves along the row by step and stops at the edges', () => {
    expect(moveCell(row, { row: 0, column: 2 }, 'next')).toEqual({ row: 0, column: 3 });
    expect(moveCell(row, { row: 0, column: 2 }, 'next', 10)).toEqual({ row: 0, column: 4 });
    expect(moveCell(row, { row: 0, column: 2 }, 'prev', 10)).toEqual({ row: 0, column: 0 });
    expect(moveCell(row, { row: 0, column: 2 }, 'first')).toEqual({ row: 0, column: 0 });
    expect(moveCell(row, { row: 0, column: 2 }, 'last')).toEqual({ row: 0, column: 4 });
  });

  it('moves across rows in a grid, keeping the column; Home and End keep the row', () => {
    expect(moveCell(grid, { row: 1, column: 2 }, 'down')).toEqual({ row: 2, column: 2 });
    expect(moveCell(grid, { row: 2, column: 2 }, 'down')).toEqual({ row: 2, column: 2 });
    expect(moveCell(grid, { row: 1, column: 2 }, 'up', 10)).toEqual({ row: 0, column: 2 });
    expect(moveCell(grid, { row: 1, column: 2 }, 'last')).toEqual({ row: 1, column: 3 });
  });

  it('leaves up and down to the page on a single straight row (null: not handled)', () => {
    expect(moveCell(row, { row: 0, column: 2 }, 'up')).toBeNull();
    expect(moveCell(row, null, 'down')).toBeNull();
  });

  it('wraps around a circular row, where up and down move like left and right', () => {
    expect(moveCell(ring, { row: 0, column: 5 }, 'next')).toEqual({ row: 0, column: 0 });
    expect(moveCell(ring, { row: 0, column: 0 }, 'prev')).toEqual({ row: 0, column: 5 });
    expect(moveCell(ring, { row: 0, column: 0 }, 'up')).toEqual({ row: 0, column: 5 });
    expect(moveCell(ring, { row: 0, column: 4 }, 'down', 10)).toEqual({ row: 0, column: 2 });
  });

  it('does nothing in an empty or degenerate grid', () => {
    expect(moveCell({ rows: 1, columns: 0 }, null, 'next')).toBeNull();
    expect(moveCell({ rows: 0, columns: 3 }, { row: 0, column: 1 }, 'first')).toBeNull();
    expect(moveCell({ rows: Number.NaN, columns: 3 }, null, 'next')).toBeNull();
  });

  it('treats a cursor outside the grid (left from a larger layout) as none', () => {
    expect(moveCell(row, { row: 0, column: 9 }, 'prev')).toEqual({ row: 0, column: 0 });
    expect(cellIn(row, { row: 0, column: 9 })).toBeNull();
    expect(cellIn(row, { row: 0, column: -1 })).toBeNull();
    expect(cellIn(grid, { row: 2, column: 3 })).toEqual({ row: 2, column: 3 });
  });
});
