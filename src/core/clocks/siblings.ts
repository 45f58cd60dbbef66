/**
 * Siblings: the concurrent versions of one key a replica keeps instead of picking a winner (Dynamo, Riak),
 * tracked with dotted version vectors (Preguiça et al., "Dotted Version Vectors", 2010).
 *
 * Each version carries its `dot`, the one event that wrote it (node, counter: the writing node's own
 * counter, strictly increasing), and its `context`, the version vector of what the writing client had
 * read. Version v is superseded by w exactly when w's context covers v's dot: w's writer had seen v.
 *
 * Why a dot and not one vector per version: with plain vectors, two clients that both write through n0
 * without reading get [1] and then [2], and [2] > [1] would silently drop the first write although neither
 * client saw the other's. With dots, the second write's context is [] and does not cover (n0, 1): both
 * stay, as siblings.
 *
 *   n0: put(a, ctx [])  -> {a@(n0,1)}
 *   n0: put(b, ctx [])  -> {a@(n0,1), b@(n0,2)}         siblings: neither context covers the other's dot
 *   read -> context [2]; put(c, ctx [2]) -> {c@(n0,3)}  c's context covers both dots: a merge
 *
 * A set is kept sorted by dot (node, counter), so equal sets are equal arrays. `sync` is the replica merge:
 * the union minus every version some other version of the union supersedes.
 */
import { type VersionVector, ZERO, covers, merge, withEntry } from './versionVector';

export interface Dot {
  node: number;
  counter: number;
}

export interface Version<T> {
  dot: Dot;
  /** What the writer had seen (the context its client read), not including the dot itself. */
  context: VersionVector;
  value: T;
}

export type Siblings<T> = readonly Version<T>[];

/** The version's whole history as one vector: its context with its dot added. */
export function clockOf(v: Version<unknown>): VersionVector {
  return covers(v.context, v.dot.node, v.dot.counter) ? v.context : withEntry(v.context, v.dot.node, v.dot.counter);
}

/** True when `w`'s writer had seen `v` (w's context covers v's dot). */
export function supersedes(w: Version<unknown>, v: Version<unknown>): boolean {
  return covers(w.context, v.dot.node, v.dot.counter);
}

function byDot(a: Version<unknown>, b: Version<unknown>): number {
  return a.dot.node - b.dot.node || a.dot.counter - b.dot.counter;
}

/**
 * The replica merge: every version of `a` or `b` (once per dot) that no version of either supersedes,
 * sorted by dot. Commutative, associative and idempotent on sets that replicas can reach.
 */
export function sync<V extends Version<unknown>>(a: readonly V[], b: readonly V[]): V[] {
  const all: V[] = [];
  const seen = new Set<string>();
  for (const v of [...a, ...b]) {
    const id = `${v.dot.node}:${v.dot.counter}`;
    if (seen.has(id)) continue;
    seen.add(id);
    all.push(v);
  }
  return all.filter((v) => !all.some((w) => w !== v && supersedes(w, v))).sort(byDot);
}

/** A write arriving at a replica: `sync` with the one new version. */
export function put<V extends Version<unknown>>(siblings: readonly V[], version: V): V[] {
  return sync(siblings, [version]);
}

/** What a read hands the client to write back with: the join of every sibling's clock. */
export function contextOf(siblings: Siblings<unknown>): VersionVector {
  let out = ZERO;
  for (const v of siblings) out = merge(out, clockOf(v));
  return out;
}

/** Versions of `before` that `after` no longer holds (superseded by a version it got). */
export function dropped<V extends Version<unknown>>(before: readonly V[], after: readonly V[]): V[] {
  return before.filter((v) => !after.some((w) => w.dot.node === v.dot.node && w.dot.counter === v.dot.counter));
}
