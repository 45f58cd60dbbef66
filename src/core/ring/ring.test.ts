/**
 * Ring invariants as property tests (fast-check, fixed seeds) against naive oracles: a linear scan for
 * lookup, a full re-assignment for incremental updates.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { murmur3Int } from '../hash/murmur3';
import {
  Assignment,
  distinctOwners,
  keyHashes,
  modNMoved,
  ownedShare,
  ownerOf,
  replicaSet,
  ringFromNodes,
  ringFromPoints,
  ringWithNode,
  ownedArcs,
  updateOwnedArcs,
  sortKeys,
  vnodePositions,
  type Ring,
} from './index';

/** Naive lookup: scan all points for the smallest (position, owner) with position >= h, else the smallest. */
function oracleOwner(positions: number[], owners: number[], h: number): number {
  let best = -1;
  let first = -1;
  const less = (a: number, b: number) => positions[a] < positions[b] || (positions[a] === positions[b] && owners[a] < owners[b]);
  for (let i = 0; i < positions.length; i++) {
    if (first < 0 || less(i, first)) first = i;
    if (positions[i] >= h && (best < 0 || less(i, best))) best = i;
  }
  return owners[best >= 0 ? best : first];
}

const nodesOf = (count: number, vnodes: number, weights?: number[]) =>
  Array.from({ length: count }, (_, i) => ({ index: i, name: `n${i}`, points: vnodes * (weights ? weights[i] : 1) }));

function fullAssign(ring: Ring, hashes: Uint32Array): Uint16Array {
  return Uint16Array.from(hashes, (h) => ownerOf(ring, h));
}

describe('ring lookup', () => {
  it('ownerOf(ring, h) equals a linear-scan oracle, collisions and wrap included (seed 11)', () => {
    const u32 = fc.integer({ min: 0, max: 0xffffffff });
    // Small position ranges force collisions; hashes at 0, max and exactly on points test the edges.
    const position = fc.oneof(u32, fc.integer({ min: 0, max: 40 }), fc.constantFrom(0, 0xffffffff, 0xffff0000, 0x10000));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(position, fc.integer({ min: 0, max: 300 })), { minLength: 1, maxLength: 60 }),
        fc.array(position, { minLength: 1, maxLength: 40 }),
        (points, hashes) => {
          const positions = points.map((p) => p[0]);
          const owners = points.map((p) => p[1]);
          const ring = ringFromPoints(positions, owners);
          for (const h of [...hashes, ...positions]) {
            if (ownerOf(ring, h) !== oracleOwner(positions, owners, h)) return false;
          }
          return true;
        },
      ),
      { seed: 11, numRuns: 300 },
    );
  });

  it('ringFromPoints sorts by (position, owner) and rejects node indexes over 65535', () => {
    const ring = ringFromPoints([5, 1, 5, 0xffffffff], [2, 9, 1, 3]);
    expect(Array.from(ring.positions)).toEqual([1, 5, 5, 0xffffffff]);
    expect(Array.from(ring.owners)).toEqual([9, 1, 2, 3]);
    expect(ring.buckets[65536]).toBe(4);
    expect(() => ringFromPoints([1], [70000])).toThrow('invalid node index: 70000');
    expect(ownerOf(ringFromPoints([], []), 5)).toBe(-1);
  });

  it('vnodePositions are murmur3 of "name#i" and stable', () => {
    expect(Array.from(vnodePositions('n0', 3))).toEqual(Array.from(vnodePositions('n0', 3)));
    expect(Array.from(vnodePositions('n0', 3, 0, 1))).toEqual(Array.from(vnodePositions('n0', 3)).slice(1));
    expect(vnodePositions('n0', 1, 1)[0]).not.toBe(vnodePositions('n0', 1, 2)[0]);
  });
});

describe('large inputs take the radix paths and give the packed sort\'s order', () => {
  it('ringFromPoints on 5,000 points (colliding positions, owners in any order) orders by (position, owner)', () => {
    const positions: number[] = [];
    const owners: number[] = [];
    for (let i = 0; i < 5000; i++) {
      positions.push(i % 7 === 0 ? (i % 13) * 0x10001 : murmur3Int(i, 5));
      owners.push((i * 7919) % 3001);
    }
    const ring = ringFromPoints(positions, owners);
    const oracle = positions.map((p, i) => [p, owners[i]]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    expect(Array.from(ring.positions)).toEqual(oracle.map((p) => p[0]));
    expect(Array.from(ring.owners)).toEqual(oracle.map((p) => p[1]));
  });

  it('sortKeys on 70,000 hashes (the two-pass 16-bit path) (many ties) orders by (hash, key index)', () => {
    const hashes = Uint32Array.from({ length: 70000 }, (_, i) => (i % 3 === 0 ? i % 101 : murmur3Int(i, 9)));
    const sorted = sortKeys(hashes);
    const oracle = Array.from(hashes, (h, i) => [h, i]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    expect(Array.from(sorted.hash)).toEqual(oracle.map((p) => p[0]));
    expect(Array.from(sorted.index)).toEqual(oracle.map((p) => p[1]));
  });
});

describe('replica sets', () => {
  it('replicaSet(ring, h, r) holds min(r, nodes) distinct nodes, owner first, in clockwise order (seed 12)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 0xffffffff }), (nodes, vnodes, r, h) => {
        const ring = ringFromNodes(nodesOf(nodes, vnodes));
        const set = Array.from(replicaSet(ring, h, r));
        if (set.length !== Math.min(r, nodes) || new Set(set).size !== set.length) return false;
        if (set[0] !== ownerOf(ring, h)) return false;
        // Oracle: walk every point clockwise from h and take first-seen distinct owners.
        const order: number[] = [];
        const start = ring.positions.findIndex((p) => p >= h);
        for (let k = 0; k < ring.positions.length; k++) {
          const o = ring.owners[((start < 0 ? 0 : start) + k) % ring.positions.length];
          if (!order.includes(o)) order.push(o);
        }
        return set.every((o, i) => order[i] === o);
      }),
      { seed: 12, numRuns: 200 },
    );
  });
});

describe('incremental assignment', () => {
  const keys = sortKeys(keyHashes(20000, 3));

  it('adding a node to N moves ~1/(N+1) of keys, every moved key to the new node (seed 13)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 1000 }), (n, salt) => {
        const vnodes = 200;
        const nodes = nodesOf(n, vnodes).map((node) => ({ ...node, name: `s${salt}-${node.name}` }));
        const before = ringFromNodes(nodes);
        const a = new Assignment(keys, before, n + 1);
        const added = vnodePositions(`s${salt}-new`, vnodes);
        const after = ringWithNode(before, n, added);
        const moves = a.update(before, after, added, new Uint32Array());
        // Every moved key went to the new node, and the result equals a full re-assignment.
        for (let i = 0; i < moves.at.length; i++) if (a.owner[moves.at[i]] !== n) return false;
        if (a.counts[n] !== moves.at.length) return false;
        if (!fullAssign(after, keys.hash).every((o, i) => o === a.owner[i])) return false;
        // Touched keys are exactly the moved ones (no collisions at this size): cost follows moves.
        if (moves.touched !== moves.at.length) return false;
        const fraction = moves.at.length / keys.hash.length;
        const ideal = 1 / (n + 1);
        return Math.abs(fraction - ideal) < 0.35 * ideal + 0.01;
      }),
      { seed: 13, numRuns: 40 },
    );
  });

  it('removing a node moves only its keys, to other nodes (seed 14)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 20 }), fc.integer({ min: 1, max: 50 }), fc.nat(), (n, vnodes, pick) => {
        const gone = pick % n;
        const before = ringFromNodes(nodesOf(n, vnodes));
        const a = new Assignment(keys, before, n);
        const ownedBefore = a.counts[gone];
        const wasOwner = Uint16Array.from(a.owner);
        const after = ringWithNode(before, gone, new Uint32Array());
        const moves = a.update(before, after, new Uint32Array(), vnodePositions(`n${gone}`, vnodes));
        if (moves.at.length !== ownedBefore || a.counts[gone] !== 0) return false;
        for (let i = 0; i < moves.at.length; i++) if (moves.from[i] !== gone || wasOwner[moves.at[i]] !== gone) return false;
        return fullAssign(after, keys.hash).every((o, i) => o === a.owner[i]);
      }),
      { seed: 14, numRuns: 60 },
    );
  });

  it('changing weights keeps the assignment equal to a full re-assignment (seed 15)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 10 }), fc.integer({ min: 1, max: 30 }), fc.nat(), fc.integer({ min: 1, max: 10 }), (n, vnodes, pick, w) => {
        const x = pick % n;
        const before = ringFromNodes(nodesOf(n, vnodes));
        const a = new Assignment(keys, before, n);
        const all = vnodePositions(`n${x}`, vnodes * w);
        const after = ringWithNode(before, x, all);
        const added = w > 1 ? vnodePositions(`n${x}`, vnodes * w, 0, vnodes) : new Uint32Array();
        a.update(before, after, added, new Uint32Array());
        return fullAssign(after, keys.hash).every((o, i) => o === a.owner[i]);
      }),
      { seed: 15, numRuns: 60 },
    );
  });

  it('ringWithNode finds the node\'s points by position when given them, and equals the ring built from scratch (seed 16)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 12 }), fc.integer({ min: 1, max: 40 }), fc.nat(), fc.integer({ min: 0, max: 4 }), (n, vnodes, pick, w) => {
        const x = pick % n;
        const weights = Array.from({ length: n }, (_, i) => (i === x ? 2 : 1));
        const before = ringFromNodes(nodesOf(n, vnodes, weights));
        const now = vnodePositions(`n${x}`, 2 * vnodes);
        const next = vnodePositions(`n${x}`, w * vnodes);
        const byPosition = ringWithNode(before, x, next, now);
        const byPass = ringWithNode(before, x, next);
        const scratch = ringFromNodes(nodesOf(n, vnodes, weights.map((v, i) => (i === x ? w : v))).filter((node) => node.points > 0));
        const same = (a: ArrayLike<number>, b: ArrayLike<number>) => a.length === b.length && Array.from(a).every((v, i) => v === b[i]);
        return same(byPosition.positions, byPass.positions) && same(byPosition.owners, byPass.owners) && same(byPosition.positions, scratch.positions) && same(byPosition.owners, scratch.owners);
      }),
      { seed: 16, numRuns: 60 },
    );
    const ring = ringFromNodes(nodesOf(3, 5));
    expect(() => ringWithNode(ring, 0, new Uint32Array(), Uint32Array.from([12345]))).toThrow('has no point at 12345');
  });

  it('weights change share proportionally: weight 3 of 3+1+1+1 owns ~1/2 of the hash space', () => {
    const ring = ringFromNodes(nodesOf(4, 500, [3, 1, 1, 1]));
    const share = ownedShare(ring, 4);
    expect(share.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
    expect(share[0]).toBeGreaterThan(0.45);
    expect(share[0]).toBeLessThan(0.55);
    for (let i = 1; i < 4; i++) expect(Math.abs(share[i] - 1 / 6)).toBeLessThan(0.03);
    const a = new Assignment(keys, ring, 4);
    expect(Math.abs(a.counts[0] / keys.hash.length - share[0])).toBeLessThan(0.02);
    expect(distinctOwners(ring)).toBe(4);
  });

  it('hash mod N moves most keys when N goes 10 -> 11 (about N/(N+1))', () => {
    const before = Uint16Array.from({ length: 10 }, (_, i) => i);
    const after = Uint16Array.from({ length: 11 }, (_, i) => i);
    const moved = modNMoved(keys.hash, before, after) / keys.hash.length;
    expect(moved).toBeGreaterThan(0.88);
    expect(moved).toBeLessThan(0.94);
    expect(modNMoved(keys.hash, before, before)).toBe(0);
  });

  it('counts exactly the keys whose h % n owner differs, at the edges of uint32 and of n (property, seed 23)', () => {
    // The remainders are taken by a float reciprocal: the oracle is the plain % on every hash, with hashes
    // at 0, 2^32 - 1 and multiples of n (where the reciprocal's quotient is one short) mixed in.
    const list = fc.integer({ min: 1, max: 65535 }).map((n) => Uint16Array.from({ length: n }, (_, i) => (i * 7919) % 65536));
    fc.assert(
      fc.property(list, list, fc.array(fc.oneof(fc.nat({ max: 0xffffffff }), fc.constantFrom(0, 0xffffffff, 0xfffffffe, 2 ** 31)), { maxLength: 200 }), fc.nat({ max: 65535 }), (before, after, raw, k) => {
        const multiples = [before.length, after.length].flatMap((n) => [n * k, n * (k + 1) - 1, Math.floor(0xffffffff / n) * n]);
        const hashes = Uint32Array.from([...raw, ...multiples]);
        let expected = 0;
        for (const h of hashes) if (before[h % before.length] !== after[h % after.length]) expected++;
        expect(modNMoved(hashes, before, after)).toBe(expected);
      }),
      { seed: 23, numRuns: 300 },
    );
  });
});

describe('updateOwnedArcs', () => {
  it('keeps the arcs equal to a full count through adds, removes and weight changes (seed 17)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 30 }), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 3 })), { minLength: 1, maxLength: 8 }), (n, vnodes, edits) => {
        const slots = 12;
        const weights: number[] = Array.from({ length: slots }, (_, i) => (i < n ? 1 : 0));
        const pointsOf = (i: number, w: number) => vnodePositions(`n${i}`, w * vnodes);
        let ring = ringFromNodes(nodesOf(slots, vnodes, weights).filter((node) => node.points > 0));
        const arcs = ownedArcs(ring, slots);
        for (const [pick, w] of edits) {
          const x = pick % slots;
          if (w === 0 && weights.filter((v) => v > 0).length === 1 && weights[x] > 0) continue;
          const after = ringWithNode(ring, x, pointsOf(x, w), pointsOf(x, weights[x]));
          updateOwnedArcs(arcs, ring, after, x, pointsOf(x, weights[x]), pointsOf(x, w));
          weights[x] = w;
          ring = after;
          if (!Array.from(ownedArcs(ring, slots)).every((v, i) => v === arcs[i])) return false;
          if (arcs.reduce((sum, v) => sum + v, 0) !== 2 ** 32) return false;
        }
        return true;
      }),
      { seed: 17, numRuns: 80 },
    );
  });

  it('counts again when the node was or becomes the only one', () => {
    const one = ringFromNodes([{ index: 0, name: 'n0', points: 3 }]);
    const two = ringWithNode(one, 1, vnodePositions('n1', 3));
    const arcs = ownedArcs(one, 2);
    updateOwnedArcs(arcs, one, two, 1, new Uint32Array(), vnodePositions('n1', 3));
    expect(Array.from(arcs)).toEqual(Array.from(ownedArcs(two, 2)));
    updateOwnedArcs(arcs, two, one, 1, vnodePositions('n1', 3), new Uint32Array());
    expect(Array.from(arcs)).toEqual([2 ** 32, 0]);
  });
});
