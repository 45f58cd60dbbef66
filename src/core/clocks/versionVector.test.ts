import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZERO, compare, covers, dominates, entry, formatVector, increment, isConcurrent, merge, versionVector, withEntry, type VersionVector } from './versionVector';

/** Random vectors over up to 5 nodes with small counters (so equal and ordered pairs are common). */
const vector = fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 5 }).map(versionVector);
const FC = { seed: 20261125, numRuns: 400 };

/** The partial order by definition, as an oracle: a <= b entry-wise. */
const leq = (a: VersionVector, b: VersionVector) => Array.from({ length: Math.max(a.length, b.length) }, (_, i) => i).every((i) => entry(a, i) <= entry(b, i));

describe('versionVector', () => {
  it('versionVector(counters) trims trailing zeros, so equal vectors are equal arrays; refuses negative counters', () => {
    expect(versionVector([1, 0, 2, 0, 0])).toEqual([1, 0, 2]);
    expect(versionVector([0, 0])).toEqual(ZERO);
    expect(() => versionVector([1, -1])).toThrow('invalid version vector counter: [1] = -1');
  });

  it('increment(v, node) raises one entry and returns a new array', () => {
    const v = versionVector([1]);
    expect(increment(v, 2)).toEqual([1, 0, 1]);
    expect(increment(increment(v, 0), 0)).toEqual([3]);
    expect(v).toEqual([1]);
    expect(withEntry([1, 2], 1, 0)).toEqual([1]);
  });

  it('compare gives before, after, equal and concurrent on worked examples', () => {
    expect(compare([1, 0], [1, 1])).toBe('before');
    expect(compare([2, 1], [1, 1])).toBe('after');
    expect(compare([1, 1], [1, 1, 0])).toBe('equal');
    expect(compare([1, 0], [0, 1])).toBe('concurrent');
    expect(compare(ZERO, [0, 0, 1])).toBe('before');
    expect(isConcurrent([2], [1, 1])).toBe(true);
    expect(covers([0, 3], 1, 2)).toBe(true);
    expect(covers([0, 3], 0, 1)).toBe(false);
    expect(formatVector([1], 3)).toBe('[1,0,0]');
  });

  it('compare agrees with the entry-wise order (fast-check)', () => {
    fc.assert(
      fc.property(vector, vector, (a, b) => {
        const expected = leq(a, b) && leq(b, a) ? 'equal' : leq(a, b) ? 'before' : leq(b, a) ? 'after' : 'concurrent';
        expect(compare(a, b)).toBe(expected);
      }),
      FC,
    );
  });

  it('the order is a partial order: reflexive, antisymmetric, transitive; compare is antisymmetric in its names (fast-check)', () => {
    const flip = { before: 'after', after: 'before', equal: 'equal', concurrent: 'concurrent' } as const;
    fc.assert(
      fc.property(vector, vector, vector, (a, b, c) => {
        expect(dominates(a, a)).toBe(true);
        if (dominates(a, b) && dominates(b, a)) expect(a).toEqual(b);
        if (dominates(a, b) && dominates(b, c)) expect(dominates(a, c)).toBe(true);
        expect(compare(b, a)).toBe(flip[compare(a, b)]);
      }),
      FC,
    );
  });

  it('merge is a join: commutative, associative, idempotent, dominates both, and the least such vector (fast-check)', () => {
    fc.assert(
      fc.property(vector, vector, vector, (a, b, c) => {
        const ab = merge(a, b);
        expect(ab).toEqual(merge(b, a));
        expect(merge(ab, c)).toEqual(merge(a, merge(b, c)));
        expect(merge(a, a)).toEqual(a);
        expect(dominates(ab, a) && dominates(ab, b)).toBe(true);
        if (dominates(c, a) && dominates(c, b)) expect(dominates(c, ab)).toBe(true);
        expect(ab[ab.length - 1] ?? 1).not.toBe(0); // canonical: no trailing zero
      }),
      FC,
    );
  });

  it('increment(v, node) is strictly after v and concurrent with an increment at another node (fast-check)', () => {
    fc.assert(
      fc.property(vector, fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 }), (v, i, j) => {
        expect(compare(increment(v, i), v)).toBe('after');
        if (i !== j) expect(compare(increment(v, i), increment(v, j))).toBe('concurrent');
      }),
      FC,
    );
  });
});
