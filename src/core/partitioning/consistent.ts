/**
 * Consistent hashing for the partitioning lab, on core/ring: node n's points are vnodePositions(`n${n}`),
 * a key belongs to the first point clockwise from its hash. A leaving node's keys go to the next points
 * clockwise; nobody else's keys move.
 */
import { ownerOf, ringFromNodes, type Ring, type SortedKeys } from '../ring';

/** The ring over `live` node indexes with `vnodes` points each. */
export function ringOf(live: Uint16Array, vnodes: number, seed: number): Ring {
  return ringFromNodes(Array.from(live, (index) => ({ index, name: `n${index}`, points: vnodes })), seed);
}

/** Owner of every key hash on the ring. */
export function ringOwners(ring: Ring, hashes: Uint32Array): Uint16Array {
  const out = new Uint16Array(hashes.length);
  for (let i = 0; i < hashes.length; i++) out[i] = ownerOf(ring, hashes[i]);
  return out;
}

/**
 * ringOwners for keys already sorted by hash (core/ring's sortKeys): one merge walk over keys and points
 * instead of a lookup per key, O(keys + points). The same owners, by key index.
 */
export function ringOwnersSorted(ring: Ring, keys: SortedKeys): Uint16Array {
  const n = keys.hash.length;
  const out = new Uint16Array(n);
  const positions = ring.positions;
  const owners = ring.owners;
  const points = positions.length;
  if (points === 0) throw new Error('invalid ring: no points');
  let j = 0;
  for (let i = 0; i < n; i++) {
    const h = keys.hash[i];
    while (j < points && positions[j] < h) j++;
    out[keys.index[i]] = owners[j === points ? 0 : j];
  }
  return out;
}
