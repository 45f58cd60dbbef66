/**
 * The checker's explanation (src/core/checkers/explain.ts) as timeline highlights: the operation that
 * cannot be placed (primary), the operations it conflicts with, each named by its role, and the rows of
 * the longest linearizable prefix. Operation ids map to rows through `rowOf` (default: the id is the row).
 * Then where the highlights' labels go on the timeline, so they do not overlap.
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

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * Label positions for the highlights, primary first: above the outline, else below it, else further up
 * or down, the first spot that overlaps no label placed before (width estimated from the text length).
 */
export function placeLabels<T extends { h: TimelineHighlight; o: Box }>(items: T[], top: number, width: number): (T & { labelX: number; labelY: number })[] {
  const placed: Box[] = [];
  const ordered = [...items].sort((a, b) => Number(b.h.isPrimary) - Number(a.h.isPrimary));
  return ordered.map((item) => {
    const { o } = item;
    const w = item.h.label.length * 6.4 + 4;
    // Kept inside the chart: a label near the right edge moves left.
    const x = Math.max(0, Math.min(o.x, width - w));
    const candidates = [o.y - 3, o.y + o.h + 10, o.y - 15, o.y + o.h + 22].filter((y) => y - 10 >= top - 8);
    let labelY = candidates[0] ?? o.y + o.h + 10;
    for (const y of candidates) {
      const box = { x, y: y - 10, w, h: 12 };
      if (!placed.some((p) => p.x < box.x + box.w && box.x < p.x + p.w && p.y < box.y + box.h && box.y < p.y + p.h)) {
        labelY = y;
        break;
      }
    }
    placed.push({ x, y: labelY - 10, w, h: 12 });
    return { ...item, labelX: x, labelY };
  });
}

