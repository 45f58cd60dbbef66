/**
 * The consistent-hash ring as two parallel typed arrays: point positions (Uint32, ascending) and their
 * owners (Uint16 node indexes), plus a 2^16-entry bucket index on the top 16 bits of a hash so that a
 * lookup binary-searches only the few points of one bucket.
 *
 * Order: points sort by (position, owner), so equal positions (hash collisions) resolve the same way
 * everywhere: the lower node index wins. A hash h belongs to the first point with position >= h; past the
 * last point it wraps to point 0.
 *
 * Build: pack (position, owner) into one float64 (position * 2^16 + owner < 2^48, exact), sort the
 * Float64Array natively, unpack. Six bytes per point after the build.
 */
import { murmur3Numbered } from '../hash/murmur3';
import { orderByValue, RADIX_MIN, radixSortPairs } from './radix';
import { spliceRows } from './splice';

export interface Ring {
  /** Point positions, ascending (ties ordered by owner). */
  readonly positions: Uint32Array;
  /** Node index owning each point. */
  readonly owners: Uint16Array;
  /** buckets[b] = first point with position >= b * 2^16, for b in 0..2^16 (buckets[2^16] = point count). */
  readonly buckets: Uint32Array;
}

const OWNER_SPAN = 65536;
/** Size of the hash space (positions are uint32). */
const SPACE = 4294967296;
export const NODE_INDEX_MAX = OWNER_SPAN - 1;

/** The positions of a node's points: murmur3(`${name}#${i}`, seed) for i in from..to-1. */
export function vnodePositions(name: string, to: number, seed = 0, from = 0): Uint32Array {
  const out = new Uint32Array(Math.max(0, to - from));
  murmur3Numbered(`${name}#`, from, to, seed, out);
  return out;
}

/** A ring from unsorted points (positions[i] owned by owners[i]). */
export function ringFromPoints(positions: ArrayLike<number>, owners: ArrayLike<number>): Ring {
  const n = positions.length;
  if (owners.length !== n) throw new Error(`invalid ring points: ${n} positions, ${owners.length} owners`);
  return n >= RADIX_MIN ? ringByRadix(positions, owners) : ringByPackedSort(positions, owners);
}

/**
 * Large rings: order the points by owner (a counting sort, skipped when owners already ascend, as they do
 * for nodes listed in index order), then a stable radix sort by position: (position, owner) order.
 */
function ringByRadix(positions: ArrayLike<number>, owners: ArrayLike<number>): Ring {
  const n = positions.length;
  let isAscending = true;
  for (let i = 0; i < n; i++) {
    const owner = owners[i];
    if (!(owner >= 0 && owner <= NODE_INDEX_MAX)) throw new Error(`invalid node index: ${owner}`);
    if (i > 0 && owner < owners[i - 1]) isAscending = false;
  }
  const keys = new Uint32Array(n);
  const values = new Uint32Array(n);
  if (isAscending) {
    for (let i = 0; i < n; i++) {
      keys[i] = positions[i] >>> 0;
      values[i] = owners[i];
    }
  } else {
    const order = orderByValue(owners, OWNER_SPAN);
    for (let i = 0; i < n; i++) {
      keys[i] = positions[order[i]] >>> 0;
      values[i] = owners[order[i]];
    }
  }
  radixSortPairs(keys, values);
  return ringFromSorted(keys, Uint16Array.from(values));
}

/** Small rings: pack (position, owner) into one float64 and sort natively. */
function ringByPackedSort(positions: ArrayLike<number>, owners: ArrayLike<number>): Ring {
  const n = positions.length;
  const packed = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const owner = owners[i];
    if (!(owner >= 0 && owner <= NODE_INDEX_MAX)) throw new Error(`invalid node index: ${owner}`);
    packed[i] = (positions[i] >>> 0) * OWNER_SPAN + owner;
  }
  packed.sort();
  const sortedPositions = new Uint32Array(n);
  const sortedOwners = new Uint16Array(n);
  for (let i = 0; i < n; i++) {
    const v = packed[i];
    const position = Math.floor(v / OWNER_SPAN);
    sortedPositions[i] = position;
    sortedOwners[i] = v - position * OWNER_SPAN;
  }
  return ringFromSorted(sortedPositions, sortedOwners);
}

/** A ring over nodes given as (node index, name, point count): each node's points are vnodePositions(name). */
export function ringFromNodes(nodes: readonly { index: number; name: string; points: number }[], seed = 0): Ring {
  let total = 0;
  for (const node of nodes) total += node.points;
  const positions = new Uint32Array(total);
  const owners = new Uint16Array(total);
  let at = 0;
  for (const node of nodes) {
    positions.set(vnodePositions(node.name, node.points, seed), at);
    owners.fill(node.index, at, at + node.points);
    at += node.points;
  }
  return ringFromPoints(positions, owners);
}

/** Wraps already sorted arrays (ascending by (position, owner)) with their bucket index. */
export function ringFromSorted(positions: Uint32Array, owners: Uint16Array): Ring {
  const buckets = new Uint32Array(OWNER_SPAN + 1);
  const n = positions.length;
  let j = 0;
  for (let b = 0; b < OWNER_SPAN; b++) {
    const start = b * OWNER_SPAN;
    while (j < n && positions[j] < start) j++;
    buckets[b] = j;
  }
  buckets[OWNER_SPAN] = n;
  return { positions, owners, buckets };
}

/**
 * The ring with `node`'s points replaced by `positions` (none: the node leaves; more or fewer: its weight
 * changed). `before`, when given, is the node's points on `ring` (found by binary search; else by a pass over
 * the owners). The kept rows move as runs between the changes (spliceRows): no merge compare per row.
 */
export function ringWithNode(ring: Ring, node: number, positions: Uint32Array, before?: Uint32Array): Ring {
  const added = Uint32Array.from(positions).sort();
  const n = ring.positions.length;
  let drop: ArrayLike<number>;
  if (before) drop = pointIndexes(ring, node, before);
  else {
    const rows: number[] = [];
    for (let i = 0; i < n; i++) if (ring.owners[i] === node) rows.push(i);
    drop = rows;
  }
  // Each new point goes before the first old point that sorts after it: by position, then owner.
  const at = new Int32Array(added.length);
  for (let j = 0; j < added.length; j++) {
    const p = added[j];
    let i = pointAtOrAfter(ring, p);
    while (i < n && ring.positions[i] === p && ring.owners[i] < node) i++;
    at[j] = i;
  }
  const [outPositions, outOwners] = spliceRows([ring.positions, ring.owners] as const, drop, at, [added, new Uint16Array(added.length).fill(node)] as const);
  // The buckets shift by the rows dropped before and added below each bucket's start: no pass over the ring.
  const buckets = new Uint32Array(OWNER_SPAN + 1);
  let d = 0;
  let j = 0;
  for (let b = 0; b <= OWNER_SPAN; b++) {
    const old = ring.buckets[b];
    while (d < drop.length && drop[d] < old) d++;
    const start = b * OWNER_SPAN;
    while (j < added.length && added[j] < start) j++;
    buckets[b] = old - d + j;
  }
  return { positions: outPositions, owners: outOwners, buckets };
}

/**
 * The rows of `node`'s points at `positions` on `ring`, ascending (binary search; two of its points at one
 * position, a hash collision, are the two rows in turn). Throws when one is not on the ring.
 */
export function pointIndexes(ring: Ring, node: number, positions: ArrayLike<number>): Int32Array {
  const n = ring.positions.length;
  const rows = new Int32Array(positions.length);
  for (let k = 0; k < positions.length; k++) {
    const p = positions[k];
    let i = pointAtOrAfter(ring, p);
    while (i < n && ring.positions[i] === p && ring.owners[i] !== node) i++;
    if (i === n || ring.positions[i] !== p) throw new Error(`node ${node} has no point at ${p}`);
    rows[k] = i;
  }
  rows.sort();
  for (let k = 1; k < rows.length; k++) if (rows[k] <= rows[k - 1]) rows[k] = rows[k - 1] + 1;
  return rows;
}

/**
 * Hash space each node slot owns on `ring`, as integer arc lengths (exact in float64; ownedShare is these
 * over 2^32).
 */
export function ownedArcs(ring: Ring, nodeSlots: number): Float64Array {
  const arcs = new Float64Array(nodeSlots);
  const n = ring.positions.length;
  if (n === 0) return arcs;
  const positions = ring.positions;
  // The first point also owns the wrap-around arc (last point, 2^32) + [0, first point].
  arcs[ring.owners[0]] += positions[0] + (SPACE - positions[n - 1]);
  for (let i = 1; i < n; i++) arcs[ring.owners[i]] += positions[i] - positions[i - 1];
  return arcs;
}

/**
 * `arcs` (ownedArcs of `before`) made those of `after`, in place, when only `node`'s points changed: `was` its
 * points on `before`, `now` on `after`. A leaving point's arc (from the point before it) goes to the next
 * point of another node; a joining point takes its arc from the next point of another node. O(points of
 * the node x log) when another node has points on both rings; else counted again.
 */
export function updateOwnedArcs(arcs: Float64Array, before: Ring, after: Ring, node: number, was: Uint32Array, now: Uint32Array): void {
  const move = (ring: Ring, rows: Int32Array, sign: number): boolean => {
    const n = ring.positions.length;
    for (const i of rows) {
      let next = i;
      do next = next + 1 === n ? 0 : next + 1;
      while (ring.owners[next] === node && next !== i);
      if (ring.owners[next] === node) return false;
      const prev = i === 0 ? n - 1 : i - 1;
      const arc = (ring.positions[i] - ring.positions[prev] + SPACE) % SPACE;
      arcs[ring.owners[next]] -= sign * arc;
      arcs[node] += sign * arc;
    }
    return true;
  };
  const ok = move(before, pointIndexes(before, node, was), -1) && move(after, pointIndexes(after, node, now), 1);
  if (!ok) arcs.set(ownedArcs(after, arcs.length));
}

/** Index of the first point with position >= hash (n when there is none: no wrap). */
function pointAtOrAfter(ring: Ring, hash: number): number {
  const n = ring.positions.length;
  if (n === 0) return 0;
  const positions = ring.positions;
  const top = hash >>> 16;
  let lo = ring.buckets[top];
  let hi = ring.buckets[top + 1];
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (positions[mid] < hash) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the point owning `hash`: the first with position >= hash, wrapping to 0. -1 on an empty ring. */
export function pointOf(ring: Ring, hash: number): number {
  const n = ring.positions.length;
  if (n === 0) return -1;
  const lo = pointAtOrAfter(ring, hash);
  return lo === n ? 0 : lo;
}

/** Node index owning `hash` (-1 on an empty ring). */
export function ownerOf(ring: Ring, hash: number): number {
  const point = pointOf(ring, hash);
  return point < 0 ? -1 : ring.owners[point];
}

/** The next point clockwise after `point` (wraps). */
export function successor(ring: Ring, point: number): number {
  return point + 1 === ring.positions.length ? 0 : point + 1;
}

/** Number of distinct owners on the ring. */
export function distinctOwners(ring: Ring): number {
  const seen = new Uint8Array(OWNER_SPAN);
  let count = 0;
  for (let i = 0; i < ring.owners.length; i++) {
    if (seen[ring.owners[i]] === 0) {
      seen[ring.owners[i]] = 1;
      count++;
    }
  }
  return count;
}

export interface ReplicaWalk {
  /** The next min(r, distinct nodes) distinct owners clockwise from the hash, owner first. */
  replicas: Uint16Array;
  /** Points visited, in walk order (at most `keepMax` of them kept). */
  visited: Uint32Array;
  /** How many points the walk visited in all. */
  visitedCount: number;
}

/**
 * Walks clockwise from `hash` until it has seen min(r, distinctNodes) distinct owners: the replica set of
 * the key, and the points it passed. Pass distinctOwners(ring) (or the live node count) as distinctNodes.
 */
export function replicaWalk(ring: Ring, hash: number, r: number, distinctNodes: number, keepMax = 64): ReplicaWalk {
  const n = ring.positions.length;
  const want = Math.min(r, distinctNodes);
  const replicas: number[] = [];
  const visited: number[] = [];
  let point = pointOf(ring, hash);
  let count = 0;
  while (point >= 0 && replicas.length < want && count < n) {
    if (visited.length < keepMax) visited.push(point);
    count++;
    const owner = ring.owners[point];
    if (!replicas.includes(owner)) replicas.push(owner);
    point = successor(ring, point);
  }
  return { replicas: Uint16Array.from(replicas), visited: Uint32Array.from(visited), visitedCount: count };
}

/** The replica set of `hash`: next min(r, distinct nodes) distinct nodes clockwise, owner first. */
export function replicaSet(ring: Ring, hash: number, r: number, distinctNodes = distinctOwners(ring)): Uint16Array {
  return replicaWalk(ring, hash, r, distinctNodes, 0).replicas;
}

/**
 * Exact fraction of the hash space each node owns: the arc (previous point, point] belongs to the point's
 * owner. Returns a Float64Array indexed by node index (length nodeSlots); sums to 1 on a non-empty ring.
 */
export function ownedShare(ring: Ring, nodeSlots: number): Float64Array {
  const share = ownedArcs(ring, nodeSlots);
  for (let i = 0; i < nodeSlots; i++) share[i] /= SPACE;
  return share;
}
