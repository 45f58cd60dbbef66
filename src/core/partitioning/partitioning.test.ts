import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keyHashes, sortKeys } from '../ring';
import {
  autoSplitRanges, balance, countByOwner, directoryJoin, directoryLeave, directoryTable, liveNodes, modNOwners, movedCount,
  nodesTouched, rangeEnd, rangeJoin, rangeLeave, rangeOf, rangeOwners, ringOf, ringOwners, ringOwnersSorted, splitRange,
} from './index';

const FC = { seed: 11, numRuns: 60 };

describe('balance', () => {
  it('balance(counts) gives max/mean and stdev/mean over live nodes only', () => {
    const b = balance([10, 20, 30, 999], [1, 1, 1, 0]);
    expect(b.mean).toBe(20);
    expect(b.maxOverMean).toBe(1.5);
    expect(b.stdevPct).toBeCloseTo((Math.sqrt(200 / 3) / 20) * 100, 10);
    expect(balance([]).maxOverMean).toBe(0);
  });

  it('countByOwner and movedCount count keys per owner and changed owners', () => {
    expect(Array.from(countByOwner([0, 1, 1, 2], 3))).toEqual([1, 2, 1]);
    expect(Array.from(countByOwner([0, 1], 2, [5, 7]))).toEqual([5, 7]);
    expect(movedCount([0, 1, 2], [0, 2, 2])).toBe(1);
  });
});

describe('modNOwners', () => {
  it('modNOwners(hashes, live) gives every key exactly one live owner; a join moves most keys', () => {
    const hashes = keyHashes(10_000, 3);
    const before = modNOwners(hashes, liveNodes(10));
    const after = modNOwners(hashes, liveNodes(11));
    expect(before.every((o) => o < 10)).toBe(true);
    // A key stays only when h mod 10 == h mod 11, i.e. h mod 110 < 10: about 1/11 of keys.
    expect(movedCount(before, after) / 10_000).toBeGreaterThan(0.88);
    expect(liveNodes(4, [2])).toEqual(Uint16Array.from([0, 1, 3]));
  });
});

describe('range', () => {
  it('autoSplitRanges(keys, max, nodes) gives ranges of at most max keys covering every key once, in order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 600 }), fc.integer({ min: 1, max: 20 }), (keys, max, nodes) => {
        const t = autoSplitRanges(keys, max, nodes);
        if (t.starts[0] !== 0) return false;
        for (let i = 0; i < t.starts.length; i++) {
          const size = rangeEnd(t, i) - t.starts[i];
          if (!(size >= 1 && size <= max)) return false;
          if (t.owners[i] !== i % nodes) return false;
        }
        const owners = rangeOwners(t);
        for (let k = 0; k < keys; k += 97) if (owners[k] !== t.owners[rangeOf(t, k)]) return false;
        return true;
      }),
      FC,
    );
  });

  it('splitRange keeps key order: keys before the split point keep their owner, the rest move to the new owner', () => {
    fc.assert(
      fc.property(fc.integer({ min: 4, max: 3000 }), fc.integer({ min: 2, max: 400 }), fc.nat(), fc.nat(), (keys, max, pick, cut) => {
        const t = autoSplitRanges(keys, max, 5);
        const i = pick % t.starts.length;
        const size = rangeEnd(t, i) - t.starts[i];
        if (size < 2) return true;
        const at = t.starts[i] + 1 + (cut % (size - 1));
        const s = splitRange(t, i, at, 9);
        const a = rangeOwners(t);
        const b = rangeOwners(s);
        for (let k = 1; k < s.starts.length; k++) if (!(s.starts[k] > s.starts[k - 1])) return false;
        return movedCount(a, b) === rangeEnd(t, i) - at && b[at] === 9 && b[at - 1] === a[at - 1];
      }),
      FC,
    );
  });

  it('rangeJoin moves half the largest range to the new node; rangeLeave moves exactly the leaver keys', () => {
    const t = autoSplitRanges(1000, 100, 4);
    const joined = rangeJoin(t, 4);
    const a = rangeOwners(t);
    const b = rangeOwners(joined);
    expect(movedCount(a, b)).toBe(b.filter((o) => o === 4).length);
    expect(b.filter((o) => o === 4).length).toBeGreaterThan(0);
    const left = rangeOwners(rangeLeave(t, 1));
    expect(movedCount(a, left)).toBe(a.filter((o) => o === 1).length);
    expect(left.includes(1)).toBe(false);
  });

  it('nodesTouched counts distinct owners of a key range', () => {
    const owners = Uint16Array.from([0, 0, 1, 1, 2, 0]);
    const scratch = new Uint32Array(3);
    expect(nodesTouched(owners, 0, 6, scratch, 1)).toBe(3);
    expect(nodesTouched(owners, 0, 2, scratch, 2)).toBe(1);
  });
});

describe('directory', () => {
  it('directoryJoin moves about 1/(N+1) of the keys, all to the new node; directoryLeave only the leaver keys', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 99 }), (n, seed) => {
        const hashes = keyHashes(3000, seed);
        const t = directoryTable(hashes, n);
        const joined = directoryJoin(t, n + 1, n, n);
        const moved = movedCount(t, joined);
        const toNew = joined.filter((o) => o === n).length;
        if (moved !== toNew) return false;
        if (Math.abs(moved - 3000 / (n + 1)) > n + 1) return false;
        if (n === 1) return true;
        const left = directoryLeave(t, 0, liveNodes(n, [0]));
        return movedCount(t, left) === t.filter((o) => o === 0).length && !left.includes(0);
      }),
      FC,
    );
  });
});

describe('consistent', () => {
  it('ringOwners: a leaving node moves exactly its own keys, to other nodes', () => {
    const hashes = keyHashes(20_000, 1);
    const before = ringOwners(ringOf(liveNodes(10), 50, 1), hashes);
    const after = ringOwners(ringOf(liveNodes(10, [3]), 50, 1), hashes);
    expect(movedCount(before, after)).toBe(before.filter((o) => o === 3).length);
    expect(after.includes(3)).toBe(false);
    expect(balance(countByOwner(before, 10)).maxOverMean).toBeLessThan(1.4);
  });

  it('ringOwnersSorted (one merge walk over sorted keys) gives ringOwners exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 5000 }), fc.nat(), (nodes, vnodes, keys, seed) => {
        const hashes = keyHashes(keys, seed);
        const ring = ringOf(liveNodes(nodes), vnodes, seed);
        expect(ringOwnersSorted(ring, sortKeys(hashes))).toEqual(ringOwners(ring, hashes));
      }),
      FC,
    );
  });
});
