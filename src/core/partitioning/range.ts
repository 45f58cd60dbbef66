/**
 * Range partitioning over key order (key indexes 0..keys-1). A table is the first key of each range
 * (ascending, starting at 0) and the node owning it; range i covers [starts[i], starts[i+1]) and the last one
 * runs to the end. Neighbouring keys share a range, so a range query touches few partitions; a hot stretch
 * of keys lands on one node.
 *
 *   starts  0       250      500             1000
 *           |  n0   |  n1    |  n2 ...        |
 */

export interface RangeTable {
  keys: number;
  starts: Uint32Array;
  owners: Uint16Array;
}

/** The ranges after automatic splitting: a range holding more than maxKeys keys splits at its middle,
 *  recursively. Ranges go to nodes in turn (range i on node i mod nodes). */
export function autoSplitRanges(keys: number, maxKeys: number, nodes: number): RangeTable {
  if (!(Number.isInteger(keys) && keys >= 1 && maxKeys >= 1 && nodes >= 1)) throw new Error(`invalid ranges: ${keys} keys, max ${maxKeys}, ${nodes} nodes`);
  const starts: number[] = [];
  const split = (from: number, to: number): void => {
    if (to - from <= maxKeys) {
      starts.push(from);
      return;
    }
    const mid = from + Math.floor((to - from) / 2);
    split(from, mid);
    split(mid, to);
  };
  split(0, keys);
  return { keys, starts: Uint32Array.from(starts), owners: Uint16Array.from(starts, (_, i) => i % nodes) };
}

/** Index of the range holding key k. */
export function rangeOf(table: RangeTable, k: number): number {
  const s = table.starts;
  let lo = 0;
  let hi = s.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (s[mid] <= k) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** End (exclusive) of range i. */
export function rangeEnd(table: RangeTable, i: number): number {
  return i + 1 < table.starts.length ? table.starts[i + 1] : table.keys;
}

/** Owner of every key, in key order. */
export function rangeOwners(table: RangeTable): Uint16Array {
  const out = new Uint16Array(table.keys);
  for (let i = 0; i < table.starts.length; i++) out.fill(table.owners[i], table.starts[i], rangeEnd(table, i));
  return out;
}

/** Range i split at key `at` (starts[i] < at < its end): keys from `at` on go to `owner`. */
export function splitRange(table: RangeTable, i: number, at: number, owner: number): RangeTable {
  if (!(at > table.starts[i] && at < rangeEnd(table, i))) throw new Error(`invalid split: key ${at} is not inside range ${i}`);
  const starts = new Uint32Array(table.starts.length + 1);
  const owners = new Uint16Array(starts.length);
  starts.set(table.starts.subarray(0, i + 1));
  owners.set(table.owners.subarray(0, i + 1));
  starts[i + 1] = at;
  owners[i + 1] = owner;
  starts.set(table.starts.subarray(i + 1), i + 2);
  owners.set(table.owners.subarray(i + 1), i + 2);
  return { keys: table.keys, starts, owners };
}

/** The table after a node joins: the largest range splits at its middle and its upper half goes to `node`. */
export function rangeJoin(table: RangeTable, node: number): RangeTable {
  let best = 0;
  for (let i = 1; i < table.starts.length; i++) {
    if (rangeEnd(table, i) - table.starts[i] > rangeEnd(table, best) - table.starts[best]) best = i;
  }
  const size = rangeEnd(table, best) - table.starts[best];
  if (size < 2) return table;
  return splitRange(table, best, table.starts[best] + Math.floor(size / 2), node);
}

/** The table after `node` leaves: each of its ranges goes to the owner of the range before it (or after,
 *  for the first range), as a merge with a neighbour would. */
export function rangeLeave(table: RangeTable, node: number): RangeTable {
  const owners = Uint16Array.from(table.owners);
  for (let i = 0; i < owners.length; i++) {
    if (owners[i] !== node) continue;
    let j = i - 1;
    while (j >= 0 && owners[j] === node) j--;
    if (j < 0) {
      j = i + 1;
      while (j < owners.length && table.owners[j] === node) j++;
    }
    if (j >= owners.length) throw new Error(`invalid leave: ${node} is the only owner`);
    owners[i] = owners[j];
  }
  return { keys: table.keys, starts: table.starts, owners };
}

/** Distinct nodes owning keys from..to-1 (a range query), reading the owners array in key order. */
export function nodesTouched(owners: Uint16Array, from: number, to: number, scratch: Uint32Array, stamp: number): number {
  let count = 0;
  for (let k = from; k < to; k++) {
    const o = owners[k];
    if (scratch[o] !== stamp) {
      scratch[o] = stamp;
      count++;
    }
  }
  return count;
}
