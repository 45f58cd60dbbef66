/** Load balance of counts per node over the live nodes: what "balanced" means in the strategy table. */

export interface Balance {
  mean: number;
  max: number;
  min: number;
  /** Population standard deviation. */
  stdev: number;
  /** max / mean (1 is perfect; 0 when mean is 0). */
  maxOverMean: number;
  /** stdev / mean in percent (0 when mean is 0). */
  stdevPct: number;
}

/** Balance of `counts` over the nodes where `live[i]` is 1 (all nodes when `live` is omitted). */
export function balance(counts: ArrayLike<number>, live?: ArrayLike<number>): Balance {
  let n = 0;
  let sum = 0;
  let max = -Infinity;
  let min = Infinity;
  for (let i = 0; i < counts.length; i++) {
    if (live && !live[i]) continue;
    const c = counts[i];
    n++;
    sum += c;
    if (c > max) max = c;
    if (c < min) min = c;
  }
  if (n === 0) return { mean: 0, max: 0, min: 0, stdev: 0, maxOverMean: 0, stdevPct: 0 };
  const mean = sum / n;
  let sq = 0;
  for (let i = 0; i < counts.length; i++) {
    if (live && !live[i]) continue;
    const d = counts[i] - mean;
    sq += d * d;
  }
  const stdev = Math.sqrt(sq / n);
  return { mean, max, min, stdev, maxOverMean: mean > 0 ? max / mean : 0, stdevPct: mean > 0 ? (stdev / mean) * 100 : 0 };
}

/** Keys per owner (owners[i] < nodeSlots), optionally weighted per key. */
export function countByOwner(owners: ArrayLike<number>, nodeSlots: number, weights?: ArrayLike<number>): Float64Array {
  const out = new Float64Array(nodeSlots);
  for (let i = 0; i < owners.length; i++) out[owners[i]] += weights ? weights[i] : 1;
  return out;
}

/** Number of positions where two owner arrays differ (keys that move). */
export function movedCount(before: ArrayLike<number>, after: ArrayLike<number>): number {
  if (before.length !== after.length) throw new Error(`invalid owner arrays: lengths ${before.length} and ${after.length}`);
  let moved = 0;
  for (let i = 0; i < before.length; i++) if (before[i] !== after[i]) moved++;
  return moved;
}
