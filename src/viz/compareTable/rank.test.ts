import { describe, expect, it } from 'vitest';
import { rankRow } from './rank';

describe('rankRow', () => {
  it('rankRow(values, lower) marks the smallest best and the largest worst', () => {
    expect(rankRow([3, 1, 2, 5], 'lower')).toEqual([null, 'best', null, 'worst']);
    expect(rankRow([3, 1, 2, 5], 'higher')).toEqual([null, 'worst', null, 'best']);
  });
  it('rankRow shares marks between ties and marks nothing when all values are equal', () => {
    expect(rankRow([1, 1, 4], 'lower')).toEqual(['best', 'best', 'worst']);
    expect(rankRow([2, 2, 2], 'lower')).toEqual([null, null, null]);
  });
  it('rankRow never ranks values that are not finite, and needs two measured values', () => {
    expect(rankRow([Number.NaN, 1, 4], 'lower')).toEqual([null, 'best', 'worst']);
    expect(rankRow([Number.NaN, 1], 'lower')).toEqual([null, null]);
    expect(rankRow([], 'lower')).toEqual([]);
    expect(rankRow([1, 2], 'none')).toEqual([null, null]);
  });
  it('rankRow(values, { near }) marks the value nearest the ideal best and the farthest worst, below or above it', () => {
    // Keys moved on a join, ideal 1/11 = 9.1%: ranges move 3% (too few: imbalance), mod N 91%.
    expect(rankRow([91, 3, 9, 9.3], { near: 100 / 11 })).toEqual(['worst', null, 'best', null]);
    expect(rankRow([Number.NaN, 8, 10], { near: 9 })).toEqual([null, null, null]);
  });
});
