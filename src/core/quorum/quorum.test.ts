/** Quorum math against a brute-force oracle over every read set and write set; version ordering. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COUNTER_MAX, INITIAL_VERSION, WRITERS, counterOf, hashedVersion, nextVersion, overlap, quorumFacts, showValueAt, showVersion, version, writerOf } from './index';

/** Every subset of 0..n-1 of size k. */
function subsets(n: number, k: number): number[][] {
  if (k === 0) return [[]];
  if (n < k) return [];
  return [...subsets(n - 1, k), ...subsets(n - 1, k - 1).map((s) => [...s, n - 1])];
}

describe('quorumFacts', () => {
  it('quorumFacts(3, 2, 2) is strict with one replica of overlap and tolerates one failure each way', () => {
    expect(quorumFacts(3, 2, 2)).toEqual({ isStrict: true, overlapMin: 1, writeFailuresTolerated: 1, readFailuresTolerated: 1, isWriteMajority: true });
    expect(quorumFacts(3, 1, 1)).toMatchObject({ isStrict: false, overlapMin: 0 });
  });

  it('quorumFacts(n, w, r).overlapMin is the smallest intersection of any write set and read set (brute force, n <= 7)', () => {
    for (let n = 1; n <= 7; n++) {
      for (let w = 1; w <= n; w++) {
        for (let r = 1; r <= n; r++) {
          let smallest = Infinity;
          for (const a of subsets(n, w)) for (const b of subsets(n, r)) smallest = Math.min(smallest, overlap(a, b));
          const facts = quorumFacts(n, w, r);
          expect({ n, w, r, overlapMin: facts.overlapMin, isStrict: facts.isStrict }).toEqual({ n, w, r, overlapMin: smallest, isStrict: smallest > 0 });
        }
      }
    }
  });

  it('quorumFacts refuses W or R above N and non-integers', () => {
    expect(() => quorumFacts(3, 4, 1)).toThrow('invalid w: 4 (> n = 3)');
    expect(() => quorumFacts(3, 1, 4)).toThrow('invalid r: 4 (> n = 3)');
    expect(() => quorumFacts(3, 1.5, 1)).toThrow('invalid w: 1.5');
  });
});

describe('version', () => {
  it('packed versions order as (counter, writer) pairs (fast-check, seed 7)', () => {
    const pair = fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 4095 }));
    fc.assert(
      fc.property(pair, pair, ([c1, w1], [c2, w2]) => {
        const lexicographic = c1 !== c2 ? Math.sign(c1 - c2) : Math.sign(w1 - w2);
        return Math.sign(version(c1, w1) - version(c2, w2)) === lexicographic && counterOf(version(c1, w1)) === c1 && writerOf(version(c1, w1)) === w1;
      }),
      { seed: 7, numRuns: 500 },
    );
  });

  it('nextVersion(highest, writer) is above highest whatever the writer ids', () => {
    expect(nextVersion(version(3, 4000), 1)).toBeGreaterThan(version(3, 4000));
    expect(nextVersion(INITIAL_VERSION, 9)).toBe(version(1, 9));
    expect(showVersion(version(3, 7))).toBe('(3, w7)');
    expect(showVersion(INITIAL_VERSION)).toBe('(0)');
    expect(showValueAt(12, version(3, 12))).toBe('12@3');
    expect(showValueAt(0, INITIAL_VERSION)).toBe('nil');
  });

  it('version refuses counters and writers out of range', () => {
    expect(() => version(-1, 0)).toThrow('invalid counter: -1');
    expect(() => version(0, WRITERS)).toThrow(`invalid writer: ${WRITERS}`);
    expect(() => version(COUNTER_MAX + 1, 1)).toThrow('invalid counter');
    expect(version(COUNTER_MAX, WRITERS - 1)).toBeLessThan(2 ** 31); // fits an Int32Array column
  });

  it('hashedVersion reads a version in the first packing (counter * 4096 + writer), order kept', () => {
    expect(hashedVersion(version(3, 7))).toBe(3 * 4096 + 7);
    expect(hashedVersion(INITIAL_VERSION)).toBe(0);
    expect(hashedVersion(-1)).toBe(-1);
    expect(hashedVersion(version(2, 10_000))).toBe(2 * 4096 + 10_000);
  });
});
