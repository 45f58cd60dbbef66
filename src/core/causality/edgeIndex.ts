/**
 * Edges for culling to a time window (the stage's short/long split, stage.md section 2): most messages span
 * little time, so edges spanning at most `shortSpanMax` are kept by send time (a window [t0, t1] is one
 * binary search for sends >= t0 - shortSpanMax, then a scan to t1); the few longer ones (held, slow) are
 * checked on every frame. The threshold is the 99th percentile span of a strided sample (deterministic,
 * no sort of every edge).
 */
import type { CausalGraph, EdgeIndex } from './types';

const SAMPLE_MAX = 1 << 14;

export function edgeIndex(g: CausalGraph): EdgeIndex {
  const m = g.edgeCount;
  const span = (k: number) => g.time[g.edgeTo[k]] - g.time[g.edgeFrom[k]];
  const stride = Math.max(1, Math.ceil(m / SAMPLE_MAX));
  const sample: number[] = [];
  for (let k = 0; k < m; k += stride) sample.push(span(k));
  sample.sort((a, b) => a - b);
  const shortSpanMax = sample.length > 0 ? sample[Math.min(sample.length - 1, Math.floor(sample.length * 0.99))] : 0;
  let longCount = 0;
  for (let k = 0; k < m; k++) if (span(k) > shortSpanMax) longCount++;
  const short = new Uint32Array(m - longCount);
  const long = new Uint32Array(longCount);
  let s = 0;
  let l = 0;
  // Edges are sorted by sender index, and time never falls with the index: `short` is by send time.
  for (let k = 0; k < m; k++) {
    if (span(k) > shortSpanMax) long[l++] = k;
    else short[s++] = k;
  }
  return { short, shortSpanMax, long };
}

/**
 * Calls `visit(edge)` for every edge whose [send, receive] time span meets [t0, t1]: short ones in send
 * order, then long ones. Returns how many it visited.
 */
export function edgesInWindow(g: CausalGraph, index: EdgeIndex, t0: number, t1: number, visit: (edge: number) => void): number {
  const { short, long } = index;
  const from = g.edgeFrom;
  const to = g.edgeTo;
  const time = g.time;
  let lo = 0;
  let hi = short.length;
  const start = t0 - index.shortSpanMax;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (time[from[short[mid]]] < start) lo = mid + 1;
    else hi = mid;
  }
  let visited = 0;
  for (let i = lo; i < short.length; i++) {
    const k = short[i];
    if (time[from[k]] > t1) break;
    if (time[to[k]] >= t0) {
      visit(k);
      visited++;
    }
  }
  for (let i = 0; i < long.length; i++) {
    const k = long[i];
    if (time[from[k]] <= t1 && time[to[k]] >= t0) {
      visit(k);
      visited++;
    }
  }
  return visited;
}

/** How many short edges leave in [t0 - shortSpanMax, t1]: an upper bound of those in the window, in O(log n). */
export function shortEdgesNear(g: CausalGraph, index: EdgeIndex, t0: number, t1: number): number {
  const sendOf = (i: number) => g.time[g.edgeFrom[index.short[i]]];
  const search = (t: number, isAfter: boolean) => {
    let lo = 0;
    let hi = index.short.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (isAfter ? sendOf(mid) <= t : sendOf(mid) < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return search(t1, true) - search(t0 - index.shortSpanMax, false);
}
