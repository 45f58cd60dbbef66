/**
 * Ascending runs (each one sorted, e.g. the shares of a pool's workers) read as the one ascending sequence
 * their merge would be, without merging: its length, how many values are <= x, and the k-th value, each by
 * binary searches (O(runs^2 x log^2 n) for the k-th). The order is TypedArray sort's: -0 before +0, NaN
 * last. `merged()` builds the merge itself, once, for a reader that wants the array.
 */
export class SortedRuns {
  readonly length: number;
  /** Values before the NaNs, per run. */
  private readonly ends: number[];
  private readonly negativeZeros: (number | undefined)[];
  private mergedCache: Float64Array | undefined;

  constructor(readonly runs: readonly Float64Array[]) {
    this.length = runs.reduce((sum, run) => sum + run.length, 0);
    this.ends = runs.map((run) => {
      let end = run.length;
      while (end > 0 && run[end - 1] !== run[end - 1]) end--;
      return end;
    });
    this.negativeZeros = runs.map(() => undefined);
  }

  /** Values <= x (NaN is never counted). */
  countAtMost(x: number): number {
    let count = 0;
    for (let r = 0; r < this.runs.length; r++) count += upper(this.runs[r], this.ends[r], x);
    return count;
  }

  /** The k-th value (0-based) of the merge; NaN past the values that are not NaN. */
  at(k: number): number {
    if (this.runs.length === 1) return this.runs[0][k];
    let total = 0;
    for (const end of this.ends) total += end;
    if (k >= total) return Number.NaN;
    // The k-th value is the least v with more than k values <= v: per run, the first such element.
    let best = Number.POSITIVE_INFINITY;
    let found = false;
    for (let r = 0; r < this.runs.length; r++) {
      const run = this.runs[r];
      let lo = 0;
      let hi = this.ends[r];
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (this.countAtMost(run[mid]) > k) hi = mid;
        else lo = mid + 1;
      }
      if (lo < this.ends[r] && (!found || run[lo] < best)) {
        best = run[lo];
        found = true;
      }
    }
    if (best !== 0) return best;
    // A zero: -0 while k is among the negatives and the -0s, else +0.
    let below = 0;
    for (let r = 0; r < this.runs.length; r++) below += lower(this.runs[r], this.ends[r], 0) + this.negativeZerosOf(r);
    return k < below ? -0 : 0;
  }

  /** The merge, in sort order (built on the first call). */
  merged(): Float64Array {
    if (this.mergedCache) return this.mergedCache;
    if (this.runs.length === 1) return (this.mergedCache = this.runs[0]);
    const out = new Float64Array(this.length);
    let k = 0;
    for (const run of this.runs) {
      out.set(run, k);
      k += run.length;
    }
    return (this.mergedCache = out.sort());
  }

  private negativeZerosOf(r: number): number {
    const known = this.negativeZeros[r];
    if (known !== undefined) return known;
    const run = this.runs[r];
    let count = 0;
    for (let i = lower(run, this.ends[r], 0); i < this.ends[r] && run[i] === 0; i++) if (Object.is(run[i], -0)) count++;
    this.negativeZeros[r] = count;
    return count;
  }
}

/** Values of run[0..end) that are <= x. */
function upper(run: Float64Array, end: number, x: number): number {
  let lo = 0;
  let hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (run[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Values of run[0..end) that are < x. */
function lower(run: Float64Array, end: number, x: number): number {
  let lo = 0;
  let hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (run[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The p-quantile of the runs' values, as quantileSorted computes it on their merge (linear between ranks). */
export function quantileOfRuns(runs: SortedRuns, p: number): number {
  const n = runs.length;
  if (n === 0 || !(p >= 0 && p <= 1)) return Number.NaN;
  if (n === 1) return runs.at(0);
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  if (lo >= n - 1) return runs.at(n - 1);
  const a = runs.at(lo);
  return a + (runs.at(lo + 1) - a) * (h - lo);
}
