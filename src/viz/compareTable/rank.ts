/**
 * Which cells of a comparison row are the best and the worst. Ties share the mark; a row whose values are
 * all equal (or that has fewer than two measured values) marks nothing; values that are not finite are
 * never ranked ("not measured" is neither best nor worst).
 */
export type Better = 'lower' | 'higher' | 'none';
export type CellRank = 'best' | 'worst' | null;

export function rankRow(values: readonly number[], better: Better, tolerance = 1e-9): CellRank[] {
  const finite = values.filter((v) => Number.isFinite(v));
  if (better === 'none' || finite.length < 2) return values.map(() => null);
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  const eps = tolerance * Math.max(1, Math.abs(min), Math.abs(max));
  if (max - min <= eps) return values.map(() => null);
  const [best, worst] = better === 'lower' ? [min, max] : [max, min];
  return values.map((v) => (!Number.isFinite(v) ? null : Math.abs(v - best) <= eps ? 'best' : Math.abs(v - worst) <= eps ? 'worst' : null));
}
