import { describe, expect, it } from 'vitest';
import { rng } from '../../core/random/rng';
import { sortNearlySorted } from './inFlight';

describe('sortNearlySorted', () => {
  it('sorts what the built-in sort sorts: near order, far from order, reversed, ties, Infinity, NaN', () => {
    const r = rng(11);
    const inputs: number[][] = [[], [1], [2, 1], [1, 1, 1], [3, Infinity, 2, -1, Infinity]];
    for (const n of [10, 1000, 20_000]) {
      inputs.push(Array.from({ length: n }, (_, i) => i + r.int(6))); // a few places off
      inputs.push(Array.from({ length: n }, () => r.int(n))); // random
      inputs.push(Array.from({ length: n }, (_, i) => n - i)); // reversed
    }
    inputs.push([1, 3, Number.NaN, 2, 0]);
    for (const input of inputs) {
      const expected = Float64Array.from(input).sort();
      expect([...sortNearlySorted(Float64Array.from(input))]).toEqual([...expected]);
    }
  });
});
