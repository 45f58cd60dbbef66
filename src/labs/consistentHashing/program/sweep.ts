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
import { RADIX_MIN, radixSortPairs, ringFromSorted, spliceRows, upperBound, type Ring } from '../../../core/ring';
import { SWEEP_VNODES, type VnodeSweep } from '../result';

/** Keys the sweep counts at most (the first ones: key hashes are uniform, so it is a uniform sample). */
export const SWEEP_KEYS_MAX = 100_000;

const SPACE = 4294967296;
const LEVELS = SWEEP_VNODES.length;
/** The largest vnodes of the sweep: the points each node contributes to the sweep's ring. */
export const SWEEP_VNODES_MAX = SWEEP_VNODES[LEVELS - 1];
/** A point's sort key after its position, while sorting: owner * VNODE_SPAN + vnode index. */
const VNODE_SPAN = 1 << 10;

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
 * The sweep's 1000-vnode ring of a node set: points sorted by (position, owner, vnode index), in three
 * parallel columns. `positions` and `owners` are what the lab's ring holds when every node has 1000 points
 * (ringFromSweep shares them).
 */
export interface SweepRing {
  /** The node indexes, ascending. */
  nodes: Uint16Array;
  positions: Uint32Array;
  owners: Uint16Array;
  /** Each point's vnode index within its node (0..999). */
  vnode: Uint16Array;
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
  // Kept rows are copied in runs; each new point goes before the first old one that sorts after it.
  const old = previous;
  // The leaving nodes' points, found by (position, owner, vnode) rather than by a pass over the ring.
  const drop: number[] = [];
  for (const node of old.nodes) {
    if (isLive[node] === 1) continue;
    const points = pointsOf(node);
    for (let v = 0; v < SWEEP_VNODES_MAX; v++) drop.push(firstAtOrAfter(old, points[v], node, v));
  }
  drop.sort((a, b) => a - b);
  const at = new Int32Array(added.positions.length);
  for (let j = 0; j < at.length; j++) at[j] = firstAtOrAfter(old, added.positions[j], added.owners[j], added.vnode[j]);
  const [positions, owners, vnode] = spliceRows([old.positions, old.owners, old.vnode] as const, drop, at, [added.positions, added.owners, added.vnode] as const);
  return { nodes: Uint16Array.from(live), positions, owners, vnode };
}

/**
 * The lab's ring when every node has exactly SWEEP_VNODES_MAX points (vnodes x weight = 1000): the sweep
 * ring's points, in the same order (by position, then owner). It shares the sweep ring's positions and owners
 * (only its bucket index is new), so at maximum scale an edit builds one 10^6-point merge, not two.
 */
export function ringFromSweep(ring: SweepRing): Ring {
  return ringFromSorted(ring.positions, ring.owners);
}

/** Index of the first point of `ring` at or after (position, owner, vnode) in its order; the point count when none is. */
function firstAtOrAfter(ring: SweepRing, position: number, owner: number, vnode: number): number {
  const { positions, owners } = ring;
  let lo = 0;
  let hi = positions.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const before = positions[mid] < position ||
      (positions[mid] === position && (owners[mid] < owner || (owners[mid] === owner && ring.vnode[mid] < vnode)));
    if (before) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The 1000 points of each node in `nodes` (ascending), sorted by (position, owner, vnode index). */
function sortedPoints(nodes: readonly number[], pointsOf: (node: number) => Uint32Array): Omit<SweepRing, 'nodes'> {
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
  let positions = keys;
  let sorted = values;
  if (n < RADIX_MIN) {
    const order = Array.from({ length: n }, (_, i) => i);
    order.sort((a, b) => keys[a] - keys[b] || a - b);
    positions = Uint32Array.from(order, (i) => keys[i]);
    sorted = Uint32Array.from(order, (i) => values[i]);
  } else radixSortPairs(keys, values);
  const owners = new Uint16Array(n);
  const vnode = new Uint16Array(n);
  for (let i = 0; i < n; i++) {
    owners[i] = Math.floor(sorted[i] / VNODE_SPAN);
    vnode[i] = sorted[i] % VNODE_SPAN;
  }
  return { positions, owners, vnode };
}

/**
 * What a sweep's figures come from: per level (row s of `slots` node slots), the hash space each node owns
 * (integer arc lengths, exact in float64) and the sample keys it gets. Kept beside the sweep ring so the
 * next node set's sweep updates the rows of the arcs that changed instead of recounting the ring.
 */
export interface SweepTallies {
  slots: number;
  arcs: Float64Array;
  counts: Float64Array;
}

/**
 * Measures the sweep of `ring`'s node set. `sampleSorted` is the ascending key-hash sample; `slots` the
 * length of per-node arrays; work(units) is charged as if each ring were built on its own.
 */
export function vnodeSweep(ring: SweepRing, sampleSorted: Uint32Array, slots: number, work: (units: number) => void): VnodeSweep {
  work(sweepPoints(ring.nodes.length) + LEVELS * sampleSorted.length);
  return sweepOf(ring.nodes, sweepTallies(ring, sampleSorted, slots), sampleSorted.length);
}

/** The tallies of `ring` counted in one pass over it. */
export function sweepTallies(ring: SweepRing, sampleSorted: Uint32Array, slots: number): SweepTallies {
  const arcs = new Float64Array(LEVELS * slots);
  const counts = new Float64Array(LEVELS * slots);
  const last = new Float64Array(LEVELS).fill(-1); // position of the level's latest point (-1: none yet)
  const firstPosition = new Float64Array(LEVELS);
  const firstOwner = new Int32Array(LEVELS);
  const keysMarked = new Float64Array(LEVELS); // sample keys already given to an owner at this level
  const { positions, owners, vnode } = ring;
  const keyCount = sampleSorted.length;
  let key = 0;
  for (let i = 0; i < positions.length; i++) {
    const position = positions[i];
    // A key belongs to the first point at or after it: every key <= position is settled by now.
    while (key < keyCount && sampleSorted[key] <= position) key++;
    const owner = owners[i];
    for (let s = FIRST_LEVEL[vnode[i]]; s < LEVELS; s++) {
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
  for (let s = 0; s < LEVELS; s++) {
    if (last[s] < 0) continue;
    // The level's first point also owns the wrap-around arc and the keys past its last point.
    arcs[s * slots + firstOwner[s]] += firstPosition[s] + (SPACE - last[s]);
    counts[s * slots + firstOwner[s]] += keyCount - keysMarked[s];
  }
  return { slots, arcs, counts };
}

/**
 * The tallies of `after` from those of `before` (`previous`, counted on ring `before`), touching only the
 * arcs next to the points of the nodes that left or joined: O(their points x the gap to the neighbour at each
 * level) plus a pass over each ring to find those points. Exact: the same integers sweepTallies(after)
 * counts, so the same figures.
 *
 * A point owns the arc from the previous point of its level (exclusive) to itself. A leaving point's arc goes
 * to the next point of its level that stays; a joining point takes its arc from the next point of its level
 * that was there before. Leaves are applied on `before`, joins on `after`.
 */
export function updatedTallies(
  previous: SweepTallies,
  before: SweepRing,
  after: SweepRing,
  pointsOf: (node: number) => Uint32Array,
  sampleSorted: Uint32Array,
  slots: number,
): SweepTallies {
  const fitted = fitTallies(previous, slots);
  // A copy: `previous` may be a cached piece, never mutated.
  const arcs = fitted === previous ? Float64Array.from(previous.arcs) : fitted.arcs;
  const counts = fitted === previous ? Float64Array.from(previous.counts) : fitted.counts;
  const wasLive = new Uint8Array(65536);
  for (const node of before.nodes) wasLive[node] = 1;
  const isLive = new Uint8Array(65536);
  for (const node of after.nodes) isLive[node] = 1;
  const leaving = new Uint8Array(65536);
  for (const node of before.nodes) if (isLive[node] === 0) leaving[node] = 1;
  const joining = new Uint8Array(65536);
  for (const node of after.nodes) if (wasLive[node] === 0) joining[node] = 1;
  moveArcs(before, leaving, pointsOf, -1, arcs, counts, slots, sampleSorted);
  moveArcs(after, joining, pointsOf, 1, arcs, counts, slots, sampleSorted);
  for (const node of before.nodes) {
    if (isLive[node] === 1 || node >= slots) continue;
    for (let s = 0; s < LEVELS; s++) arcs[s * slots + node] = counts[s * slots + node] = 0;
  }
  return { slots, arcs, counts };
}

/** `tallies` for a run with `slots` node slots (rows padded with zeros or cut: slots past them own nothing). */
export function fitTallies(tallies: SweepTallies, slots: number): SweepTallies {
  if (tallies.slots === slots) return tallies;
  const arcs = new Float64Array(LEVELS * slots);
  const counts = new Float64Array(LEVELS * slots);
  const width = Math.min(slots, tallies.slots);
  for (let s = 0; s < LEVELS; s++) {
    arcs.set(tallies.arcs.subarray(s * tallies.slots, s * tallies.slots + width), s * slots);
    counts.set(tallies.counts.subarray(s * tallies.slots, s * tallies.slots + width), s * slots);
  }
  return { slots, arcs, counts };
}

/**
 * Moves the arcs of `ring`'s points whose owner is `moving` (sign -1: they leave, to the next point of their
 * level that stays; +1: they join, taking their arc from the next point of their level that was there).
 */
function moveArcs(
  ring: SweepRing,
  moving: Uint8Array,
  pointsOf: (node: number) => Uint32Array,
  sign: number,
  arcs: Float64Array,
  counts: Float64Array,
  slots: number,
  sampleSorted: Uint32Array,
): void {
  const { positions, owners, vnode } = ring;
  const n = positions.length;
  const pred = new Int32Array(LEVELS);
  const succ = new Int32Array(LEVELS);
  // The moving points, found by their (position, owner, vnode) rather than by a pass over the ring.
  const at: number[] = [];
  for (const node of ring.nodes) {
    if (moving[node] !== 1) continue;
    const points = pointsOf(node);
    for (let v = 0; v < SWEEP_VNODES_MAX; v++) at.push(firstAtOrAfter(ring, points[v], node, v));
  }
  for (const i of at) {
    const owner = owners[i];
    const first = FIRST_LEVEL[vnode[i]];
    // The previous point of each level >= first (any owner) and the next one that does not move.
    let open = LEVELS;
    for (let k = 1, j = i; open > first && k <= n; k++) {
      j = j === 0 ? n - 1 : j - 1;
      const level = FIRST_LEVEL[vnode[j]];
      for (; open > Math.max(level, first); ) pred[--open] = j;
    }
    open = LEVELS;
    for (let k = 1, j = i; open > first && k <= n; k++) {
      j = j === n - 1 ? 0 : j + 1;
      if (moving[owners[j]] === 1) continue;
      const level = FIRST_LEVEL[vnode[j]];
      for (; open > Math.max(level, first); ) succ[--open] = j;
    }
    if (open > first) throw new Error('updatedTallies: a level has no point that stays');
    for (let s = first; s < LEVELS; s++) {
      const p = pred[s];
      const arc = p === i ? SPACE : (positions[i] - positions[p] + SPACE) % SPACE;
      const keys = p === i ? sampleSorted.length : keysBetween(sampleSorted, positions[p], positions[i]);
      const to = s * slots + owners[succ[s]];
      const from = s * slots + owner;
      // Leaving (sign -1): the point's arc goes from its owner to the next staying point's owner.
      arcs[to] -= sign * arc;
      counts[to] -= sign * keys;
      arcs[from] += sign * arc;
      counts[from] += sign * keys;
    }
  }
}

/** Sample keys in the arc (from, to] of the ring (from !== to, or an empty arc). */
function keysBetween(sorted: Uint32Array, from: number, to: number): number {
  if (from === to) return 0;
  return from < to ? upperBound(sorted, to) - upperBound(sorted, from) : sorted.length - upperBound(sorted, from) + upperBound(sorted, to);
}

/** The sweep's figures from its tallies: per level, the spread of shares and key counts over `live`. */
export function sweepOf(live: Uint16Array, tallies: SweepTallies, sampleKeys: number): VnodeSweep {
  const slots = tallies.slots;
  const sweep: VnodeSweep = {
    nodes: Uint16Array.from(live),
    vnodes: Uint16Array.from(SWEEP_VNODES),
    shareStdevPct: new Float64Array(LEVELS),
    shareMaxOverMean: new Float64Array(LEVELS),
    keyStdevPct: new Float64Array(LEVELS),
    keyMaxOverMean: new Float64Array(LEVELS),
    sampleKeys,
  };
  const share = new Float64Array(slots);
  const keys = new Float64Array(slots);
  for (let s = 0; s < LEVELS; s++) {
    for (let i = 0; i < slots; i++) {
      share[i] = tallies.arcs[s * slots + i] / SPACE;
      keys[i] = tallies.counts[s * slots + i];
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
