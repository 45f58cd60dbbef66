/**
 * What the scripted events change in placement while the workload runs: keys re-placed after a storage
 * node goes down or comes back (as each strategy would), the owners of a salted key's sub-keys, and the
 * split of the hottest range. Pure functions of the state handed in (the Server owns that state).
 */
import { murmur3Int } from '../../../core/hash/murmur3';
import { directoryLeave, liveNodes, modNOwners, ringOf, ringOwnersSorted } from '../../../core/partitioning';
import { ownerOf, ringWithNode, vnodePositions, type Ring } from '../../../core/ring';
import type { Strategy } from '../result';
import type { PartitioningScenario } from '../scenario';
import type { Placements } from './placement';
import { F_WRITE } from './served';

/** Who owns each key now (and, for the consistent strategy, the ring it was read from); `owners` is the holder's own (changed in place). */
export interface LiveOwners {
  owners: Uint16Array<ArrayBufferLike>;
  ring: Ring;
}

/** Storage nodes marked down (1) in `down`, ascending. */
function downNodes(down: Uint8Array, nodes: number): number[] {
  const list: number[] = [];
  for (let i = 0; i < nodes; i++) if (down[i]) list.push(i);
  return list;
}

/** Re-places keys after storage node `node` went down (`isDown`) or came back, as `strategy` would. */
export function replaceAfterFault(s: PartitioningScenario, p: Placements, strategy: Strategy, live: LiveOwners, down: Uint8Array, node: number, isDown: boolean): void {
  const up = liveNodes(s.nodes, downNodes(down, s.nodes));
  switch (strategy) {
    case 'range':
      break; // ranges stay where they are: the crashed node's ranges are unavailable until it recovers
    case 'mod-n':
      if (up.length > 0) live.owners = modNOwners(p.hashes, up);
      break;
    case 'consistent':
      if (up.length === 0) break;
      if (isDown) {
        // The ring of the nodes up is the one before less the node's points (what ringOf(up) builds: rings
        // order points by (position, owner)), and only the node's keys move, each to its next point's owner.
        const ring = ringWithNode(live.ring, node, new Uint32Array(), vnodePositions(`n${node}`, s.vnodes, s.seed));
        const owners = live.owners;
        for (let k = 0; k < owners.length; k++) if (owners[k] === node) owners[k] = ownerOf(ring, p.hashes[k]);
        live.ring = ring;
      } else {
        // A node back (or the first one up after all were down, when the ring still holds the last one): from scratch.
        live.ring = ringOf(up, s.vnodes, s.seed);
        live.owners = ringOwnersSorted(live.ring, p.sorted);
      }
      break;
    case 'directory':
      if (isDown && up.length > 0) live.owners = directoryLeave(live.owners, node, up);
      if (!isDown) {
        const initial = p.owners.directory;
        for (let k = 0; k < initial.length; k++) if (initial[k] === node) live.owners[k] = node;
      }
      break;
  }
}

/**
 * Owner of each salt j of the hot key. Salt 0 is the key itself; salt j hashes (key, j). For ranges the
 * salt is a prefix: salt j sits j/k of the way along the key order, so the salts land in different ranges.
 */
export function saltOwners(s: PartitioningScenario, strategy: Strategy, live: LiveOwners, down: Uint8Array, key: number, k: number): Uint16Array {
  const out = new Uint16Array(k);
  for (let j = 0; j < k; j++) {
    if (j === 0) {
      out[j] = live.owners[key];
      continue;
    }
    const h = murmur3Int(key * 64 + j, s.seed);
    switch (strategy) {
      case 'range':
        out[j] = live.owners[(key + Math.floor((j * s.keys) / k)) % s.keys];
        break;
      case 'consistent':
        out[j] = ownerOf(live.ring, h);
        break;
      default: {
        const up = liveNodes(s.nodes, downNodes(down, s.nodes));
        out[j] = up.length > 0 ? up[h % up.length] : live.owners[key];
      }
    }
  }
  return out;
}

/** Keys [at, end) move to node `to`. */
export interface RangeSplit {
  at: number;
  end: number;
  to: number;
}

/**
 * Range strategy: the range with the most requests so far (`hits` per key), split at its request median;
 * the upper half goes to the live node that served the fewest requests. Null when no range can split.
 */
export function hottestRangeSplit(owners: Uint16Array<ArrayBufferLike>, hits: Uint32Array, down: Uint8Array, servedBy: Float64Array, nodes: number): RangeSplit | null {
  const keys = owners.length;
  let best = -1;
  let bestHits = -1;
  let start = 0;
  let sum = 0;
  for (let k = 0; k <= keys; k++) {
    if (k === keys || (k > start && owners[k] !== owners[k - 1])) {
      if (sum > bestHits && k - start >= 2) {
        bestHits = sum;
        best = start;
      }
      start = k;
      sum = 0;
    }
    if (k < keys) sum += hits[k];
  }
  if (best < 0) return null;
  let end = best + 1;
  while (end < keys && owners[end] === owners[best]) end++;
  let acc = 0;
  let at = best + 1;
  for (let k = best; k < end - 1; k++) {
    acc += hits[k];
    at = k + 1;
    if (acc * 2 >= bestHits) break;
  }
  let coolest = -1;
  for (let nd = 0; nd < nodes; nd++) {
    if (nd === owners[best] || down[nd]) continue;
    if (coolest < 0 || servedBy[nd] < servedBy[coolest]) coolest = nd;
  }
  return coolest < 0 ? null : { at, end, to: coolest };
}

/** The most requested key of the workload (lowest index on ties). */
export function hottestKeyOf(keys: Uint32Array, keyCount: number): number {
  const counts = new Uint32Array(keyCount);
  let best = 0;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (++counts[k] > counts[best] || (counts[k] === counts[best] && k < best)) best = k;
  }
  return best;
}

/** Read requests (F_WRITE not set) of `key` in the workload. */
export function readsOf(keys: Uint32Array, flags: Uint8Array, key: number): number {
  let n = 0;
  for (let i = 0; i < keys.length; i++) if (keys[i] === key && !(flags[i] & F_WRITE)) n++;
  return n;
}
