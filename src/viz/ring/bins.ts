/**
 * Aggregation for the large (canvas) ring: keys binned into equal arcs of the ring, so drawing costs
 * `bins` arcs whatever the key count (10^6 keys -> 720 bars).
 */
import { RING_SIZE, successorIndex } from './geometry';
import type { RingKeys, RingPoints } from './types';

export const DEFAULT_BINS = 720;

export interface KeyBins {
  binCount: number;
  /** Keys per bin. Sums to the key count. */
  counts: Uint32Array;
  /** Moved keys per bin (previous owner differs). */
  moved: Uint32Array;
  /** Owner of the ring at the bin's midpoint (-1 on an empty ring). */
  owners: Int32Array;
  /** Vnodes whose position falls in the bin. */
  vnodes: Uint32Array;
  keyTotal: number;
  movedTotal: number;
  countMax: number;
}

/** The bin of a hash position: floor(p x bins / 2^32), exact for every 32-bit p. */
export function binOf(position: number, binCount: number): number {
  return Math.min(binCount - 1, Math.floor(((position >>> 0) / RING_SIZE) * binCount));
}

export function binKeys(keys: RingKeys, ring: RingPoints, binCount = DEFAULT_BINS): KeyBins {
  const bins = Number.isInteger(binCount) && binCount > 0 ? binCount : DEFAULT_BINS;
  const counts = new Uint32Array(bins);
  const moved = new Uint32Array(bins);
  const n = Math.min(keys.positions.length, keys.owners.length);
  const previous = keys.previousOwners;
  let movedTotal = 0;
  for (let i = 0; i < n; i++) {
    const b = binOf(keys.positions[i], bins);
    counts[b]++;
    if (previous && previous[i] !== keys.owners[i]) {
      moved[b]++;
      movedTotal++;
    }
  }
  let countMax = 0;
  for (let b = 0; b < bins; b++) if (counts[b] > countMax) countMax = counts[b];
  return { binCount: bins, counts, moved, ...binRing(ring, bins), keyTotal: n, movedTotal, countMax };
}

/** Midpoint owner and vnode count of each bin. Costs bins x log(vnodes) + vnodes. */
export function binRing(ring: RingPoints, binCount: number): { owners: Int32Array; vnodes: Uint32Array } {
  const owners = new Int32Array(binCount).fill(-1);
  const vnodes = new Uint32Array(binCount);
  const n = Math.min(ring.positions.length, ring.owners.length);
  if (n === 0) return { owners, vnodes };
  for (let i = 0; i < n; i++) vnodes[binOf(ring.positions[i], binCount)]++;
  for (let b = 0; b < binCount; b++) {
    const mid = Math.floor(((b + 0.5) / binCount) * RING_SIZE);
    owners[b] = ring.owners[successorIndex(ring.positions, mid)];
  }
  return { owners, vnodes };
}
