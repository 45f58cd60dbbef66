import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rng } from '../random/rng';
import { clockOf, contextOf, dropped, put, supersedes, sync, type Siblings, type Version } from './siblings';
import { ZERO, compare } from './versionVector';

const v = (node: number, counter: number, context: readonly number[], value = `${node}.${counter}`): Version<string> => ({ dot: { node, counter }, context, value });

/**
 * A random execution over 3 replicas of one key: writes at a replica with a context a client read from some
 * replica (possibly an old read), and replica syncs. Returns every sibling set the replicas held.
 */
function reachable(seed: number): Siblings<string>[] {
  const r = rng(seed);
  const replicas: Siblings<string>[] = [[], [], []];
  const counters = [0, 0, 0];
  const reads: (readonly number[])[] = [ZERO];
  const states: Siblings<string>[] = [];
  for (let step = 0; step < 30; step++) {
    const at = r.int(3);
    switch (r.int(3)) {
      case 0:
        reads.push(contextOf(replicas[at]));
        break;
      case 1: {
        const context = reads[r.int(reads.length)];
        replicas[at] = put(replicas[at], v(at, ++counters[at], context));
        break;
      }
      default:
        replicas[at] = sync(replicas[at], replicas[r.int(3)]);
    }
    states.push(replicas[at]);
  }
  return states;
}

describe('siblings', () => {
  it('two writes through one node without a read stay siblings; a write whose context covers both merges them', () => {
    let s = put([], v(0, 1, ZERO, 'a'));
    s = put(s, v(0, 2, ZERO, 'b'));
    expect(s.map((x) => x.value)).toEqual(['a', 'b']);
    const context = contextOf(s);
    expect(context).toEqual([2]);
    const merged = put(s, v(1, 1, context, 'c'));
    expect(merged.map((x) => x.value)).toEqual(['c']);
    expect(dropped(s, merged).map((x) => x.value)).toEqual(['a', 'b']);
    expect(compare(clockOf(merged[0]), [2, 1])).toBe('equal');
  });

  it('a version arriving after the write that superseded it is not revived', () => {
    const a = v(0, 1, ZERO, 'a');
    const b = v(1, 1, [1], 'b');
    expect(supersedes(b, a)).toBe(true);
    expect(put([b], a)).toEqual([b]);
    expect(sync([a], [b])).toEqual([b]);
  });

  it('sync is commutative, associative and idempotent on sets replicas reach (fast-check over seeded executions)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.nat(), fc.nat(), fc.nat(), (seed, i, j, k) => {
        const states = reachable(seed);
        const [a, b, c] = [states[i % states.length], states[j % states.length], states[k % states.length]];
        expect(sync(a, b)).toEqual(sync(b, a));
        expect(sync(sync(a, b), c)).toEqual(sync(a, sync(b, c)));
        expect(sync(a, a)).toEqual(a);
        // No version of a synced set supersedes another: they are pairwise concurrent.
        const s = sync(a, b);
        for (const x of s) for (const y of s) if (x !== y) expect(supersedes(x, y)).toBe(false);
      }),
      { seed: 20261125, numRuns: 300 },
    );
  });
});
