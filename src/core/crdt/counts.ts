/**
 * Per-replica counts, the state inside G-Counters and PN-Counters: a version vector (src/core/clocks) read
 * as "increments made at replica i", with trailing zeros trimmed so equal counts are equal arrays.
 */
import { entry, merge, withEntry, type VersionVector } from '../clocks';
import { type CardRow, replicaName } from './types';

export type Counts = VersionVector;

/** `counts` with replica `replica`'s entry raised by `by`. */
export function bump(counts: Counts, replica: number, by: number): Counts {
  return withEntry(counts, replica, entry(counts, replica) + by);
}

/** The per-entry maximum: the join that makes a G-Counter's merge idempotent. */
export const maxCounts: (a: Counts, b: Counts) => Counts = merge;

/** True when every entry of `b` is at most `a`'s: merging b into a changes nothing. */
export function covers(a: Counts, b: Counts): boolean {
  if (b.length > a.length) return false;
  for (let i = 0; i < b.length; i++) if (b[i] > a[i]) return false;
  return true;
}

export function sumCounts(counts: Counts): number {
  let sum = 0;
  for (const c of counts) sum += c;
  return sum;
}

/** Non-zero entries as card rows ("n0: 3"). */
export function countRows(counts: Counts, prefix = ''): CardRow[] {
  const rows: CardRow[] = [];
  for (let i = 0; i < counts.length; i++) if (counts[i] > 0) rows.push({ label: replicaName(i), text: `${prefix}${counts[i]}` });
  return rows;
}

export function nonZero(counts: Counts): number {
  let n = 0;
  for (const c of counts) if (c > 0) n++;
  return n;
}
