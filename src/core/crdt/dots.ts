/**
 * Sorted dot sets: an OR-Set's tags. A dot (node, counter) names one add, minted by the adding replica from
 * its own counter, so it is unique without coordination (src/core/clocks' Dot). Sets are arrays sorted by
 * (node, counter), so equal sets are equal arrays.
 */
import type { Dot } from '../clocks';
import { replicaName } from './types';

export function compareDots(a: Dot, b: Dot): number {
  return a.node - b.node || a.counter - b.counter;
}

/** Sorted union of two sorted dot sets. */
export function unionDots(a: readonly Dot[], b: readonly Dot[]): Dot[] {
  if (b.length === 0) return a.slice();
  if (a.length === 0) return b.slice();
  const out: Dot[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const order = compareDots(a[i], b[j]);
    if (order < 0) out.push(a[i++]);
    else if (order > 0) out.push(b[j++]);
    else {
      out.push(a[i++]);
      j++;
    }
  }
  while (i < a.length) out.push(a[i++]);
  while (j < b.length) out.push(b[j++]);
  return out;
}

/** The dots of sorted `a` that are not in sorted `b`. */
export function minusDots(a: readonly Dot[], b: readonly Dot[]): Dot[] {
  if (b.length === 0) return a.slice();
  const out: Dot[] = [];
  let j = 0;
  for (const dot of a) {
    while (j < b.length && compareDots(b[j], dot) < 0) j++;
    if (j >= b.length || compareDots(b[j], dot) !== 0) out.push(dot);
  }
  return out;
}

/** "n0:1 n1:2" */
export function formatDots(dots: readonly Dot[]): string {
  return dots.map((d) => `${replicaName(d.node)}:${d.counter}`).join(' ');
}
