/**
 * The one-pass sweep against the naive one (a ring built per vnodes value, ownedShare, a merge walk of the
 * sample), and the incremental sweep ring against one built from scratch.
 */
import { describe, expect, it } from 'vitest';
import { keyHashes, ownedShare, ringFromNodes, vnodePositions, type Ring } from '../../../core/ring';
import { SWEEP_VNODES } from '../result';
import { spread, sweepRing, vnodeSweep, SWEEP_VNODES_MAX } from './sweep';

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
    expect(Array.from(incremental.values)).toEqual(Array.from(scratch.values));
    expect(Array.from(incremental.nodes)).toEqual([1, 3, 4, 9]);
  });
});
