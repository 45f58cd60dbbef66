/** quantileSelect gives exactly quantileSorted of the sorted values, on random, sorted, tied and tiny inputs. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quantileSelect, quantileSorted } from './quantile';

describe('quantileSelect', () => {
  it('equals quantileSorted(sorted copy, p) exactly, for any values and p', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: -50, max: 50 }), fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 })), { minLength: 1, maxLength: 300 }),
        fc.oneof(fc.constantFrom(0, 0.5, 0.99, 1), fc.double({ min: 0, max: 1, noNaN: true })),
        (values, p) => {
          const sorted = Float64Array.from(values).sort();
          const scratch = Float64Array.from(values);
          expect(quantileSelect(scratch, p)).toBe(quantileSorted(sorted, p));
          expect(Float64Array.from(scratch).sort()).toEqual(sorted); // still a permutation
        },
      ),
      { numRuns: 400 },
    );
  });

  it('handles sorted, reversed and constant inputs, Float32Array, and an empty one', () => {
    const up = Float64Array.from({ length: 1001 }, (_, i) => i);
    expect(quantileSelect(up.slice(), 0.99)).toBe(quantileSorted(up, 0.99));
    expect(quantileSelect(up.slice().reverse(), 0.5)).toBe(500);
    expect(quantileSelect(new Float64Array(77).fill(3), 0.99)).toBe(3);
    const f32 = Float32Array.from([5.5, 1.25, 3, 3, 9]);
    expect(quantileSelect(f32.slice(), 0.99)).toBe(quantileSorted(f32.slice().sort(), 0.99));
    expect(quantileSelect(new Float64Array(0), 0.5)).toBeNaN();
  });
});
