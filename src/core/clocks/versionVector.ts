/**
 * Version vectors: one counter per node, compared entry by entry. `a` happened before `b` when every entry
 * of `a` is <= the same entry of `b` and one is smaller; two vectors neither of which is below the other are
 * concurrent: neither writer knew of the other's write.
 *
 *   n0 writes  [1,0]          n1 writes  [0,1]       concurrent: 1 > 0 in entry 0, 0 < 1 in entry 1
 *   n1 reads both, writes     [1,2]                  after both: merge [1,1], then n1's entry + 1
 *
 * Representation: a plain array of non-negative integer counters indexed by node id, with trailing zeros
 * trimmed, so equal vectors are equal arrays whatever the cluster size (`[]` is the zero vector) and a
 * vector only costs the nodes that wrote. Every function returns a new array and never mutates its input.
 *
 * merge is the join of the partial order (the least upper bound): commutative, associative, idempotent,
 * and above both arguments (versionVector.test.ts holds these laws over random vectors).
 */

export type VersionVector = readonly number[];

export type Order = 'before' | 'after' | 'equal' | 'concurrent';

/** The zero vector (no node has written). */
export const ZERO: VersionVector = Object.freeze([]) as VersionVector;

/** Drops trailing zeros (the canonical form every function returns). */
function trimmed(entries: number[]): VersionVector {
  let n = entries.length;
  while (n > 0 && entries[n - 1] === 0) n--;
  if (n !== entries.length) entries.length = n;
  return entries;
}

/** A vector from counters by node (any trailing zeros are dropped); throws on a negative or fractional counter. */
export function versionVector(counters: readonly number[]): VersionVector {
  for (let i = 0; i < counters.length; i++) {
    const c = counters[i];
    if (!(Number.isInteger(c) && c >= 0)) throw new Error(`invalid version vector counter: [${i}] = ${c}`);
  }
  return trimmed([...counters]);
}

/** Node `node`'s counter in `v` (0 when absent). */
export function entry(v: VersionVector, node: number): number {
  return v[node] ?? 0;
}

/** `v` with node `node`'s counter one higher: what a node does to stamp its own next event. */
export function increment(v: VersionVector, node: number): VersionVector {
  return withEntry(v, node, entry(v, node) + 1);
}

/** `v` with node `node`'s counter set to `counter` (integer >= 0). */
export function withEntry(v: VersionVector, node: number, counter: number): VersionVector {
  if (!(Number.isInteger(node) && node >= 0)) throw new Error(`invalid node: ${node}`);
  if (!(Number.isInteger(counter) && counter >= 0)) throw new Error(`invalid version vector counter: ${counter}`);
  const out = v.slice();
  while (out.length <= node) out.push(0);
  out[node] = counter;
  return trimmed(out);
}

/** The entry-wise maximum: the smallest vector at or after both (the join). */
export function merge(a: VersionVector, b: VersionVector): VersionVector {
  const long = a.length >= b.length ? a : b;
  const short = long === a ? b : a;
  const out = long.slice();
  for (let i = 0; i < short.length; i++) if (short[i] > out[i]) out[i] = short[i];
  return out; // the longer input was trimmed and every entry only grew: still trimmed
}

/** How `a` relates to `b`: 'before' (a < b), 'after' (a > b), 'equal', or 'concurrent' (neither). */
export function compare(a: VersionVector, b: VersionVector): Order {
  let isBelow = false;
  let isAbove = false;
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x < y) isBelow = true;
    else if (x > y) isAbove = true;
    if (isBelow && isAbove) return 'concurrent';
  }
  return isBelow ? 'before' : isAbove ? 'after' : 'equal';
}

/** True when `a` is at or after `b` (a >= b entry-wise): `a` has seen everything `b` has. */
export function dominates(a: VersionVector, b: VersionVector): boolean {
  const order = compare(a, b);
  return order === 'after' || order === 'equal';
}

/** True when neither vector is at or after the other. */
export function isConcurrent(a: VersionVector, b: VersionVector): boolean {
  return compare(a, b) === 'concurrent';
}

/** True when the event `counter` of node `node` (a dot) is in `v`'s history. */
export function covers(v: VersionVector, node: number, counter: number): boolean {
  return entry(v, node) >= counter;
}

/** "[2,0,1]", padded with zeros to `nodes` entries when given. */
export function formatVector(v: VersionVector, nodes = v.length): string {
  const out: number[] = [];
  for (let i = 0; i < Math.max(nodes, v.length); i++) out.push(v[i] ?? 0);
  return `[${out.join(',')}]`;
}
