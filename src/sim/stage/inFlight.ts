/**
 * The in-flight index (time buckets in CSR form) and the peak number of dots on the stage at once.
 *
 * Bucket width near the median latency (stage.md section 2: 50 ms buckets over 10^6 messages built in
 * ~30 ms, 1.7 entries per message, 0.03 ms per query); at most BUCKETS_MAX buckets, widened to fit.
 */
import type { InFlightIndex, StageMessages } from '../../core/stage/types';

export const BUCKETS_MAX = 1 << 16;

/** Buckets of width ~`width` over [0, horizon]; rows visible past the horizon stay in the last bucket. */
export function buildInFlight(m: StageMessages, horizon: number, width: number): InFlightIndex {
  const span = Math.max(horizon, 1e-9);
  const bucketWidth = Math.max(width, span / (BUCKETS_MAX - 1), 1e-9);
  const buckets = Math.floor(span / bucketWidth) + 1;
  const last = buckets - 1;
  const first = (t: number) => Math.min(last, Math.max(0, Math.floor(t / bucketWidth)));
  const lastOf = (row: number) => {
    const end = m.visibleEnd[row];
    // [send, end): a row ending exactly on a bucket edge is not in the next bucket.
    const b = end === Infinity ? last : Math.ceil(end / bucketWidth) - 1;
    return Math.min(last, Math.max(first(m.send[row]), b));
  };
  const offsets = new Uint32Array(buckets + 1);
  for (let r = 0; r < m.count; r++) {
    if (!(m.visibleEnd[r] > m.send[r])) continue;
    for (let b = first(m.send[r]), e = lastOf(r); b <= e; b++) offsets[b + 1]++;
  }
  for (let b = 0; b < buckets; b++) offsets[b + 1] += offsets[b];
  const items = new Uint32Array(offsets[buckets]);
  const fill = offsets.slice(0, buckets);
  for (let r = 0; r < m.count; r++) {
    if (!(m.visibleEnd[r] > m.send[r])) continue;
    for (let b = first(m.send[r]), e = lastOf(r); b <= e; b++) items[fill[b]++] = r;
  }
  return { bucketWidth, offsets, items };
}

/** Most rows with send <= t < visibleEnd at any one t (a sweep over sorted starts and ends). */
export function peakInFlight(m: StageMessages): number {
  const starts = new Float64Array(m.count);
  const ends = new Float64Array(m.count);
  let n = 0;
  for (let r = 0; r < m.count; r++) {
    if (!(m.visibleEnd[r] > m.send[r])) continue;
    starts[n] = m.send[r];
    ends[n] = m.visibleEnd[r];
    n++;
  }
  // Originals come in send order already (the trace is in time order): sort the starts only when not.
  const s = isSorted(starts, n) ? starts.subarray(0, n) : starts.subarray(0, n).sort();
  const e = ends.subarray(0, n).sort();
  let peak = 0;
  let open = 0;
  let j = 0;
  for (let i = 0; i < n; i++) {
    // Half-open intervals: everything ending at or before this start has left.
    while (j < n && e[j] <= s[i]) {
      j++;
      open--;
    }
    open++;
    if (open > peak) peak = open;
  }
  return peak;
}

function isSorted(a: Float64Array, n: number): boolean {
  for (let i = 1; i < n; i++) if (a[i] < a[i - 1]) return false;
  return true;
}
