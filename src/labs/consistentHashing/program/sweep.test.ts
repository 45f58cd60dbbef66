/**
 * The one-pass sweep against the naive one (a ring built per vnodes value, ownedShare, a merge walk of the
 * sample), and the incremental sweep ring against one built from scratch.
 */
import { describe, expect, it } from 'vitest';
import { keyHashes, ownedShare, ringFromNodes, ringFromPoints, vnodePositions, type Ring } from '../../../core/ring';
import { SWEEP_VNODES } from '../result';
import { rng } from '../../../core/random/rng';
import { fitTallies, ringFromSweep, spread, sweepOf, sweepRing, sweepTallies, updatedTallies, vnodeSweep, SWEEP_VNODES_MAX } from './sweep';

function naiveCounts(ring: Ring, sorted: Uint32Array, slots: number): Uint32Array {
  const counts = new Uint32Array(slots);
  let j = 0;
  for (let i = 0; i < sorted.length; i++) {
    while (j < ring.positions.length && ring.positions[j] < sorted[i]) j++;
    counts[ring.owners[j === ring.positions.length ? 0 : j]]++;
  }
  return counts;
}

const seed = 4;
const slots = 12;
const pointsOf = (node: number) => vnodePositions(`n${node}`, SWEEP_VNODES_MAX, seed);
const sample = keyHashes(20000, seed).sort();

describe('vnodeSweep(sweepRing(live))', () => {
  it('equals a ring per vnodes value: exact shares and sample counts', () => {
    const live = Uint16Array.from([0, 2, 3, 7, 11]);
    const sweep = vnodeSweep(sweepRing(live, pointsOf, null), sample, slots, () => {});
    SWEEP_VNODES.forEach((v, s) => {
      const ring = ringFromNodes(Array.from(live, (index) => ({ index, name: `n${index}`, points: v })), seed);
      expect([sweep.shareStdevPct[s], sweep.shareMaxOverMean[s]]).toEqual(spread(ownedShare(ring, slots), live));
      expect([sweep.keyStdevPct[s], sweep.keyMaxOverMean[s]]).toEqual(spread(naiveCounts(ring, sample, slots), live));
    });
  });

  it('sweepRing(live, pointsOf, previous) equals the ring built from scratch after adds and removes', () => {
    const first = sweepRing(Uint16Array.from([0, 1, 2, 3]), pointsOf, null);
    const next = Uint16Array.from([1, 3, 4, 9]);
    const incremental = sweepRing(next, pointsOf, first);
    const scratch = sweepRing(next, pointsOf, null);
    expect(Array.from(incremental.positions)).toEqual(Array.from(scratch.positions));
    expect(Array.from(incremental.owners)).toEqual(Array.from(scratch.owners));
    expect(Array.from(incremental.vnode)).toEqual(Array.from(scratch.vnode));
    expect(Array.from(incremental.nodes)).toEqual([1, 3, 4, 9]);
  });
});

describe('ringFromSweep', () => {
  const columns = (r: Ring) => [Array.from(r.positions), Array.from(r.owners), Array.from(r.buckets)];

  it('is the ring of the same nodes at 1000 points each, built on its own, also after a merge', () => {
    const live = Uint16Array.from([0, 2, 3, 7, 11]);
    const first = sweepRing(live, pointsOf, null);
    const alone = (nodes: Uint16Array) => ringFromNodes(Array.from(nodes, (index) => ({ index, name: `n${index}`, points: SWEEP_VNODES_MAX })), seed);
    expect(columns(ringFromSweep(first))).toEqual(columns(alone(live)));
    const next = Uint16Array.from([0, 3, 7, 9, 11]);
    const merged = ringFromSweep(sweepRing(next, pointsOf, first));
    expect(columns(merged)).toEqual(columns(alone(next)));
    expect(merged.positions.length).toBe(5 * SWEEP_VNODES_MAX);
  });

  it('orders points at one position by owner, as the ring does: forced collisions within and across nodes', () => {
    // Nodes 1 and 4 share every third position; node 4 also repeats its own points in pairs.
    const colliding = (node: number) => Uint32Array.from({ length: SWEEP_VNODES_MAX }, (_, v) =>
      node === 4 ? (v % 3 === 0 ? pointsOf(1)[v] : pointsOf(4)[v - (v % 2)]) : pointsOf(node)[v]);
    const live = Uint16Array.from([1, 4, 6]);
    const sweep = sweepRing(live, colliding, null);
    const positions = Array.from(live).flatMap((node) => Array.from(colliding(node)));
    const owners = Array.from(live).flatMap((node) => Array<number>(SWEEP_VNODES_MAX).fill(node));
    expect(columns(ringFromSweep(sweep))).toEqual(columns(ringFromPoints(positions, owners)));
  });
});

describe('updatedTallies', () => {
  const tallies = (live: number[], width = slots) => sweepTallies(sweepRing(Uint16Array.from(live), pointsOf, null), sample, width);

  it('equals the tallies counted from scratch along a random walk of joins and leaves', () => {
    const random = rng(11);
    let live = [0, 1, 2, 3, 4];
    let ring = sweepRing(Uint16Array.from(live), pointsOf, null);
    let current = sweepTallies(ring, sample, slots);
    for (let step = 0; step < 12; step++) {
      const next = new Set(live);
      const changes = 1 + random.int(3);
      for (let c = 0; c < changes; c++) {
        const node = random.int(slots);
        if (next.has(node) && next.size > 1) next.delete(node);
        else next.add(node);
      }
      const nodes = [...next].sort((a, b) => a - b);
      const after = sweepRing(Uint16Array.from(nodes), pointsOf, ring);
      current = updatedTallies(current, ring, after, pointsOf, sample, slots);
      const scratch = tallies(nodes);
      expect(Array.from(current.arcs)).toEqual(Array.from(scratch.arcs));
      expect(Array.from(current.counts)).toEqual(Array.from(scratch.counts));
      expect(sweepOf(after.nodes, current, sample.length)).toEqual(vnodeSweep(after, sample, slots, () => {}));
      live = nodes;
      ring = after;
    }
  });

  it('fits tallies of a run with fewer or more slots, and never mutates the tallies it starts from', () => {
    const narrow = tallies([0, 1, 2], 3);
    const copy = Float64Array.from(narrow.arcs);
    const before = sweepRing(Uint16Array.from([0, 1, 2]), pointsOf, null);
    const after = sweepRing(Uint16Array.from([0, 2, 9]), pointsOf, before);
    expect(updatedTallies(narrow, before, after, pointsOf, sample, slots)).toEqual(tallies([0, 2, 9]));
    expect(Array.from(narrow.arcs)).toEqual(Array.from(copy));
    expect(fitTallies(tallies([0, 1]), 2)).toEqual(tallies([0, 1], 2));
  });

  it('a single node owns the whole space and every sample key at every level', () => {
    const one = updatedTallies(tallies([3, 5]), sweepRing(Uint16Array.from([3, 5]), pointsOf, null), sweepRing(Uint16Array.from([5]), pointsOf, null), pointsOf, sample, slots);
    for (let s = 0; s < SWEEP_VNODES.length; s++) {
      expect(one.arcs[s * slots + 5]).toBe(2 ** 32);
      expect(one.counts[s * slots + 5]).toBe(sample.length);
      expect(one.arcs[s * slots + 3]).toBe(0);
    }
  });
});
