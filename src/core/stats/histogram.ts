/**
 * Fixed-width histogram. `bins` equal bins over [min, max]; the last bin includes max. Values outside the
 * domain and NaNs are not counted (counted in `outside`). Defaults: the data's own min and max.
 * Degenerate cases: no values gives zero counts over [0, 1]; all values equal gives one full first bin over
 * [v, v + 1] (so edges are always strictly increasing).
 */
export interface Histogram {
  /** bins + 1 ascending edges: bin i covers [edges[i], edges[i + 1]). */
  edges: Float64Array;
  counts: Uint32Array;
  /** Values left out (outside the domain, or NaN). */
  outside: number;
}

export function histogram(values: ArrayLike<number>, bins: number, domain?: readonly [number, number]): Histogram {
  if (!(Number.isInteger(bins) && bins >= 1)) throw new Error(`invalid bins: ${bins}`);
  let [lo, hi] = domain ?? dataDomain(values);
  if (!(hi > lo)) hi = lo + 1;
  const edges = new Float64Array(bins + 1);
  for (let i = 0; i <= bins; i++) edges[i] = lo + ((hi - lo) * i) / bins;
  const counts = new Uint32Array(bins);
  let outside = 0;
  const scale = bins / (hi - lo);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!(v >= lo && v <= hi)) {
      outside++;
      continue;
    }
    counts[Math.min(bins - 1, Math.floor((v - lo) * scale))]++;
  }
  return { edges, counts, outside };
}

function dataDomain(values: ArrayLike<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi ? [lo, hi] : [0, 1];
}
