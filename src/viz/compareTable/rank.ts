/**
 * Which cells of a comparison row are the best and the worst. Ties share the mark; a row whose values are
 * all equal (or that has fewer than two measured values) marks nothing; values that are not finite are
 * never ranked ("not measured" is neither best nor worst).
 *
 * `{ near: ideal }` ranks by distance from an ideal: keys moved when a node joins should be 1/(N+1), and
 * moving fewer is not better (the new node ends up with less than its share: imbalance).
 */
export type Better = 'lower' | 'higher' | 'none' | { near: number };
export type CellRank = 'best' | 'worst' | null;

export function rankRow(values: readonly number[], better: Better, tolerance = 1e-9): CellRank[] {
  if (typeof better === 'object') {
    const distances = values.map((v) => (Number.isFinite(v) ? Math.abs(v - better.near) : Number.NaN));
    return rankRow(distances, 'lower', tolerance);
  }
  const finite = values.filter((v) => Number.isFinite(v));
  if (better === 'none' || finite.length < 2) return values.map(() => null);
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  const eps = tolerance * Math.max(1, Math.abs(min), Math.abs(max));
  if (max - min <= eps) return values.map(() => null);
  const [best, worst] = better === 'lower' ? [min, max] : [max, min];
  return values.map((v) => (!Number.isFinite(v) ? null : Math.abs(v - best) <= eps ? 'best' : Math.abs(v - worst) <= eps ? 'worst' : null));
}
