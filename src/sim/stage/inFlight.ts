/**
 * The in-flight index (time buckets in CSR form) and the peak number of dots on the stage at once.
 *
 * Bucket width near the median latency (stage.md section 2: 50 ms buckets over 10^6 messages built in
 * ~30 ms, 1.7 entries per message, 0.03 ms per query); at most BUCKETS_MAX buckets, widened to fit.
 */
import type { InFlightIndex, StageMessages } from '../../core/stage/types';
import { filled, taken, type BufferBin } from '../bufferBin';

export const BUCKETS_MAX = 1 << 16;

/** Buckets of width ~`width` over [0, horizon]; rows visible past the horizon stay in the last bucket. */
export function buildInFlight(m: StageMessages, horizon: number, width: number, bin?: BufferBin): InFlightIndex {
  const span = Math.max(horizon, 1e-9);
  const bucketWidth = Math.max(width, span / (BUCKETS_MAX - 1), 1e-9);
  const buckets = Math.floor(span / bucketWidth) + 1;
  const last = buckets - 1;
  // Each visible row's first and last bucket, computed once for both passes (lo > hi: not visible).
  const lo = filled(bin, Int32Array, m.count, 0);
  const hi = filled(bin, Int32Array, m.count, -1);
  const offsets = new Uint32Array(buckets + 1);
  for (let r = 0; r < m.count; r++) {
    const send = m.send[r];
    const end = m.visibleEnd[r];
    if (!(end > send)) continue;
    const a = Math.min(last, Math.max(0, Math.floor(send / bucketWidth)));
    // [send, end): a row ending exactly on a bucket edge is not in the next bucket.
    const b = Math.min(last, Math.max(a, end === Infinity ? last : Math.ceil(end / bucketWidth) - 1));
    lo[r] = a;
    hi[r] = b;
    for (let k = a; k <= b; k++) offsets[k + 1]++;
  }
  for (let b = 0; b < buckets; b++) offsets[b + 1] += offsets[b];
  const items = new Uint32Array(offsets[buckets]);
  const fill = offsets.slice(0, buckets);
  for (let r = 0; r < m.count; r++) {
    for (let k = lo[r], e = hi[r]; k <= e; k++) items[fill[k]++] = r;
  }
  bin?.give(lo, hi);
  return { bucketWidth, offsets, items };
}

/** Most rows with send <= t < visibleEnd at any one t (a sweep over sorted starts and ends). */
export function peakInFlight(m: StageMessages, bin?: BufferBin): number {
  // Written below n before they are read (scratch from the bin holds anything past it).
  const starts = taken(bin, Float64Array, m.count);
  const ends = taken(bin, Float64Array, m.count);
  let n = 0;
  for (let r = 0; r < m.count; r++) {
    if (!(m.visibleEnd[r] > m.send[r])) continue;
    starts[n] = m.send[r];
    ends[n] = m.visibleEnd[r];
    n++;
  }
  // Rows come near send order (the trace is in time order; a lab may number a message a little before it
  // leaves), and ends near it too: an insertion sort, unless the rows are far from order.
  const s = sortNearlySorted(starts.subarray(0, n));
  const e = sortNearlySorted(ends.subarray(0, n));
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
  bin?.give(starts, ends);
  return peak;
}

/** Rows an insertion sort may move, per row, before sortNearlySorted gives up on it for the built-in sort. */
const NEARLY_MOVES_PER_ROW = 8;

/**
 * `a` sorted ascending in place (what `a.sort()` gives, -0 and 0 aside): an insertion sort, O(n) on
 * an input whose rows are each a few places from their own, and the built-in sort once it has moved more
 * than NEARLY_MOVES_PER_ROW x n rows (an input far from order).
 */
export function sortNearlySorted(a: Float64Array): Float64Array {
  const n = a.length;
  let budget = NEARLY_MOVES_PER_ROW * n;
  for (let i = 1; i < n; i++) {
    const x = a[i];
    if (Number.isNaN(x) || Number.isNaN(a[i - 1])) return a.sort(); // NaNs go last, as the built-in sort puts them
    if (!(x < a[i - 1])) continue;
    let j = i - 1;
    while (j >= 0 && x < a[j]) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = x;
    budget -= i - 1 - j;
    if (budget < 0) return a.sort();
  }
  return a;
}
