/**
 * The load sweep: for one node set with equal weights, how even the load is at 1, 2, 5 ... 1000 vnodes.
 * Two measures: the exact share of the hash space each node owns (no sampling noise), and the keys each
 * node gets from a bounded sample of the scenario's own keys.
 *
 * Cost: node n's v-vnode points are the first v of its 1000 (`n#0`, `n#1`, ...), so every ring of the
 * sweep is a subset of the 1000-vnode ring, in the same order. The sweep sorts that one ring (and, frame
 * to frame, only merges in or filters out the nodes that changed: `sweepRing`), then measures all ten
 * rings in one pass over it: a point with vnode index k belongs to every ring with more than k vnodes.
 *
 *   1000-vnode ring:  a#7  b#0  a#0  c#300  b#2 ...
 *   ring of 1:             b#0  a#0                  (vnode index < 1)
 *   ring of 5:             b#0  a#0         b#2      (vnode index < 5)
 */
import { RADIX_MIN, radixSortPairs } from '../../../core/ring';
import { SWEEP_VNODES, type VnodeSweep } from '../result';

/** Keys the sweep counts at most (the first ones: key hashes are uniform, so it is a uniform sample). */
export const SWEEP_KEYS_MAX = 100_000;

const SPACE = 4294967296;
const LEVELS = SWEEP_VNODES.length;
/** The largest vnodes of the sweep: the points each node contributes to the sweep's ring. */
export const SWEEP_VNODES_MAX = SWEEP_VNODES[LEVELS - 1];
/** A point's packed value: owner * VNODE_SPAN + vnode index (owner ascending, then vnode index). */
const VNODE_BITS = 10;
const VNODE_SPAN = 1 << VNODE_BITS;

/** The first level (index into SWEEP_VNODES) whose ring holds a point of vnode index k. */
const FIRST_LEVEL = (() => {
  const out = new Uint8Array(SWEEP_VNODES_MAX);
  for (let k = 0; k < SWEEP_VNODES_MAX; k++) {
    let s = 0;
    while (SWEEP_VNODES[s] <= k) s++;
    out[k] = s;
  }
  return out;
})();

/** Ring points one sweep costs for `nodeCount` nodes. */
export function sweepPoints(nodeCount: number): number {
  let sum = 0;
  for (const v of SWEEP_VNODES) sum += v;
  return sum * nodeCount;
}

/**
 * The sweep's 1000-vnode ring of a node set: points sorted by (position, owner, vnode index), each
 * carrying owner * 1024 + vnode index in `value`.
 */
export interface SweepRing {
  /** The node indexes, ascending. */
  nodes: Uint16Array;
  positions: Uint32Array;
  values: Uint32Array;
}

/**
 * The sweep ring of `live` (ascending node indexes). `pointsOf(node)` gives a node's first 1000 point
 * positions. With `previous`, nodes no longer live are filtered out and new ones merged in: O(points)
 * plus a sort of the new nodes' points only.
 */
export function sweepRing(live: Uint16Array, pointsOf: (node: number) => Uint32Array, previous: SweepRing | null): SweepRing {
  const isLive = new Uint8Array(65536);
  for (const node of live) isLive[node] = 1;
  const wasLive = new Uint8Array(65536);
  if (previous) for (const node of previous.nodes) wasLive[node] = 1;
  const fresh = Array.from(live).filter((node) => wasLive[node] === 0);
  const added = sortedPoints(fresh, pointsOf);
  if (!previous) return { nodes: Uint16Array.from(live), ...added };
  const old = previous;
  let kept = 0;
  for (let i = 0; i < old.values.length; i++) if (isLive[old.values[i] >>> VNODE_BITS] === 1) kept++;
  const n = kept + added.positions.length;
  const positions = new Uint32Array(n);
  const values = new Uint32Array(n);
  let i = 0;
  let j = 0;
  let k = 0;
  const oldCount = old.positions.length;
  const addCount = added.positions.length;
  while (k < n) {
    if (i < oldCount && isLive[old.values[i] >>> VNODE_BITS] === 0) {
      i++;
      continue;
    }
    const takeOld =
      j >= addCount ||
      (i < oldCount && (old.positions[i] < added.positions[j] || (old.positions[i] === added.positions[j] && old.values[i] < added.values[j])));
    if (takeOld) {
      positions[k] = old.positions[i];
      values[k++] = old.values[i++];
    } else {
      positions[k] = added.positions[j];
      values[k++] = added.values[j++];
    }
  }
  return { nodes: Uint16Array.from(live), positions, values };
}

/** The 1000 points of each node in `nodes` (ascending), sorted by (position, owner, vnode index). */
function sortedPoints(nodes: readonly number[], pointsOf: (node: number) => Uint32Array): { positions: Uint32Array; values: Uint32Array } {
  const n = nodes.length * SWEEP_VNODES_MAX;
  const keys = new Uint32Array(n);
  const values = new Uint32Array(n);
  let at = 0;
  for (const node of nodes) {
    const points = pointsOf(node);
    for (let v = 0; v < SWEEP_VNODES_MAX; v++) {
      keys[at] = points[v];
      values[at++] = node * VNODE_SPAN + v;
    }
  }
  // Values ascend in input order, so a stable sort by position orders ties by (owner, vnode index).
  if (n < RADIX_MIN) {
    const order = Array.from({ length: n }, (_, i) => i);
    order.sort((a, b) => keys[a] - keys[b] || a - b);
    return { positions: Uint32Array.from(order, (i) => keys[i]), values: Uint32Array.from(order, (i) => values[i]) };
  }
  radixSortPairs(keys, values);
  return { positions: keys, values };
}

/**
 * Measures the sweep of `ring`'s node set. `sampleSorted` is the ascending key-hash sample; `slots` the
 * length of per-node arrays; work(units) is charged as if each ring were built on its own.
 */
export function vnodeSweep(ring: SweepRing, sampleSorted: Uint32Array, slots: number, work: (units: number) => void): VnodeSweep {
  const live = ring.nodes;
  const sweep: VnodeSweep = {
    nodes: Uint16Array.from(live),
    vnodes: Uint16Array.from(SWEEP_VNODES),
    shareStdevPct: new Float64Array(LEVELS),
    shareMaxOverMean: new Float64Array(LEVELS),
    keyStdevPct: new Float64Array(LEVELS),
    keyMaxOverMean: new Float64Array(LEVELS),
    sampleKeys: sampleSorted.length,
  };
  work(sweepPoints(live.length) + LEVELS * sampleSorted.length);
  // Per level: hash-space owned (integer arc lengths, exact in float64) and sample keys, per node.
  const arcs = new Float64Array(LEVELS * slots);
  const counts = new Float64Array(LEVELS * slots);
  const last = new Float64Array(LEVELS).fill(-1); // position of the level's latest point (-1: none yet)
  const firstPosition = new Float64Array(LEVELS);
  const firstOwner = new Int32Array(LEVELS);
  const keysMarked = new Float64Array(LEVELS); // sample keys already given to an owner at this level
  const positions = ring.positions;
  const values = ring.values;
  const keyCount = sampleSorted.length;
  let key = 0;
  for (let i = 0; i < positions.length; i++) {
    const position = positions[i];
    // A key belongs to the first point at or after it: every key <= position is settled by now.
    while (key < keyCount && sampleSorted[key] <= position) key++;
    const value = values[i];
    const owner = value >>> VNODE_BITS;
    for (let s = FIRST_LEVEL[value & (VNODE_SPAN - 1)]; s < LEVELS; s++) {
      const at = s * slots + owner;
      if (last[s] < 0) {
        firstPosition[s] = position;
        firstOwner[s] = owner;
      } else {
        arcs[at] += position - last[s];
      }
      last[s] = position;
      counts[at] += key - keysMarked[s];
      keysMarked[s] = key;
    }
  }
  const share = new Float64Array(slots);
  const keys = new Float64Array(slots);
  for (let s = 0; s < LEVELS; s++) {
    // The level's first point also owns the wrap-around arc and the keys past its last point.
    arcs[s * slots + firstOwner[s]] += firstPosition[s] + (SPACE - last[s]);
    counts[s * slots + firstOwner[s]] += keyCount - keysMarked[s];
    for (let i = 0; i < slots; i++) {
      share[i] = arcs[s * slots + i] / SPACE;
      keys[i] = counts[s * slots + i];
    }
    [sweep.shareStdevPct[s], sweep.shareMaxOverMean[s]] = spread(share, live);
    [sweep.keyStdevPct[s], sweep.keyMaxOverMean[s]] = spread(keys, live);
  }
  return sweep;
}

/** [stdev / mean in %, max / mean] of values over the live node indexes (population stdev). */
export function spread(values: ArrayLike<number>, live: Uint16Array): [number, number] {
  let sum = 0;
  let max = 0;
  for (const i of live) {
    sum += values[i];
    if (values[i] > max) max = values[i];
  }
  const mean = sum / live.length;
  let sq = 0;
  for (const i of live) sq += (values[i] - mean) * (values[i] - mean);
  if (mean === 0) return [0, 0];
  return [(100 * Math.sqrt(sq / live.length)) / mean, max / mean];
}
