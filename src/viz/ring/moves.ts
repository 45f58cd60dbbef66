import { clockwiseDistance, successorIndex } from './geometry';
import type { MoveTrack, RingKeys, RingPoints } from './types';

/**
 * Indexes of moved keys (previous owner differs from current), at most `max`, taken at an even stride so
 * the sample spreads over the whole key array and is the same on every render.
 */
export function sampleMovedKeys(keys: RingKeys, max: number): number[] {
  const previous = keys.previousOwners;
  if (!previous || !(max > 0)) return [];
  let movedCount = 0;
  const n = Math.min(keys.positions.length, previous.length, keys.owners.length);
  for (let i = 0; i < n; i++) if (previous[i] !== keys.owners[i]) movedCount++;
  if (movedCount === 0) return [];
  const stride = Math.max(1, movedCount / max);
  const picked: number[] = [];
  let seen = 0;
  let next = 0;
  for (let i = 0; i < n && picked.length < max; i++) {
    if (previous[i] === keys.owners[i]) continue;
    if (seen >= next) {
      picked.push(i);
      next += stride;
    }
    seen++;
  }
  return picked;
}

/**
 * The hand-over track of each listed key: from its owner's vnode in the previous ring to its owner's vnode
 * in the current ring. Without a previous ring, the key starts at its own position.
 */
export function moveTracks(
  keys: RingKeys,
  indexes: readonly number[],
  ring: RingPoints,
  previousRing?: RingPoints,
): MoveTrack[] {
  const tracks: MoveTrack[] = [];
  for (const key of indexes) {
    const position = keys.positions[key];
    const toVnode = successorIndex(ring.positions, position);
    const fromVnode = previousRing ? successorIndex(previousRing.positions, position) : -1;
    tracks.push({
      key,
      position,
      fromOwner: keys.previousOwners ? keys.previousOwners[key] : -1,
      toOwner: keys.owners[key],
      fromOffset: fromVnode >= 0 ? clockwiseDistance(position, previousRing!.positions[fromVnode]) : 0,
      toOffset: toVnode >= 0 ? clockwiseDistance(position, ring.positions[toVnode]) : 0,
    });
  }
  return tracks;
}

/** Where a moving key is drawn at tween progress t in [0, 1]: its hash offset along the ring. */
export function trackPositionAt(track: MoveTrack, t: number): number {
  const clamped = t < 0 ? 0 : t > 1 ? 1 : t;
  const offset = track.fromOffset + (track.toOffset - track.fromOffset) * clamped;
  return ((track.position >>> 0) + offset) % 2 ** 32;
}
