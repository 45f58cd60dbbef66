/**
 * The checker's explanation (src/core/checkers/explain.ts) as timeline highlights: the operation that
 * cannot be placed (primary), the operations it conflicts with, each named by its role, and the rows of
 * the longest linearizable prefix. Operation ids map to rows through `rowOf` (default: the id is the row).
 */
import type { Explanation } from '../../core/checkers';
import type { TimelineHighlight } from './types';

export interface ExplanationMarks {
  highlights: TimelineHighlight[];
  prefix: number[];
}

export function explanationMarks(e: Explanation | undefined, rowOf: (id: number) => number = (id) => id): ExplanationMarks {
  if (!e) return { highlights: [], prefix: [] };
  const roles = new Map<number, string[]>();
  const add = (id: number | 'initial' | undefined, role: string) => {
    if (typeof id !== 'number' || id === e.cannotPlace) return;
    roles.set(id, [...(roles.get(id) ?? []), role]);
  };
  add(e.source, 'legal right after');
  add(e.overwrittenBy, 'overwritten by');
  add(e.precededBy, 'returned before it');
  for (const id of e.conflicting) if (!roles.has(id)) add(id, 'conflicts');
  const highlights: TimelineHighlight[] = [{ op: rowOf(e.cannotPlace), label: 'cannot be placed', isPrimary: true }];
  for (const [id, names] of roles) highlights.push({ op: rowOf(id), label: names.join(', '), isPrimary: false });
  return { highlights: highlights.filter((h) => h.op >= 0), prefix: e.longestPrefix.map(rowOf).filter((r) => r >= 0) };
}
