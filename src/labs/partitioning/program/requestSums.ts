/**
 * Request-by-request sums over a range of requests (how many, answered, failed, writes, cache hits, extra
 * fan-out parts) with the answered ones' latencies as a histogram, so that sums over [a, f) and [f, b) add up
 * to the sums over [a, b): a run resumed from a checkpoint takes the sums of the requests settled before it
 * (every column of a request is final once it is answered or failed) and adds only the ones after.
 *
 * The latency quantiles are exact (R-7, what quantileSelect gives over the same values): the histogram
 * counts each latency's float32 sort key by its top 16 bits, the ranks a quantile reads fall in one or two
 * bins, and only the latencies in those bins are gathered (one pass over the range, no copy of all of
 * them) and sorted.
 */
import { ticksToMs } from '../../../sim/kit/time';
import { F_FANOUT, F_HIT, F_STALE, F_WRITE, OK, type Served, type Workload } from './served';

const BINS = 1 << 16;

export interface RequestSums {
  requests: number;
  ok: number;
  failed: number;
  writes: number;
  hits: number;
  stale: number;
  fanoutExtra: number;
  /** Answered requests by the top 16 bits of their latency's float32 sort key. */
  hist: Uint32Array;
}

export function emptySums(): RequestSums {
  return { requests: 0, ok: 0, failed: 0, writes: 0, hits: 0, stale: 0, fanoutExtra: 0, hist: new Uint32Array(BINS) };
}

export function copySums(s: RequestSums): RequestSums {
  return { ...s, hist: s.hist.slice() };
}

/** The float32 bit patterns of the run's latencies (a view: no copy). */
export function latencyBits(v: Served): Uint32Array {
  return new Uint32Array(v.latencyUs.buffer, v.latencyUs.byteOffset, v.latencyUs.length);
}

/** The float32 sort key's bin: keys order as the floats do (negative ones flipped whole, positive ones past them). */
function binOf(bits: number): number {
  return ((bits ^ ((bits >> 31) | 0x80000000)) >>> 16) & 0xffff;
}

/** Adds requests [a, b) of the run to `into`. */
export function addRequests(into: RequestSums, v: Served, w: Workload, bits: Uint32Array, a: number, b: number): void {
  const { state, fanK } = v;
  const flags = w.flags;
  const hist = into.hist;
  let ok = 0;
  let failed = 0;
  let writes = 0;
  let hits = 0;
  let stale = 0;
  let fanoutExtra = 0;
  for (let i = a; i < b; i++) {
    const st = state[i];
    if (st === OK) {
      ok++;
      hist[binOf(bits[i])]++;
    } else if (st === 2) failed++;
    const f = flags[i];
    if (f & F_WRITE) writes++;
    if (f & F_HIT) hits++;
    if (f & F_STALE) stale++;
    if (f & F_FANOUT) fanoutExtra += fanK[i] - 1;
  }
  into.requests += Math.max(0, b - a);
  into.ok += ok;
  into.failed += failed;
  into.writes += writes;
  into.hits += hits;
  into.stale += stale;
  into.fanoutExtra += fanoutExtra;
}

/**
 * The p-quantiles (ms) of the answered requests' latencies in [a, b), whose sums (all of [a, b)) are `sums`:
 * quantileSelect(their latencies in ms, p) for each p, the same numbers.
 */
export function latencyQuantilesMs(sums: RequestSums, v: Served, bits: Uint32Array, a: number, b: number, ps: readonly number[]): number[] {
  const n = sums.ok;
  // The ranks each quantile reads (quantileSelect: rank lo, and lo + 1 unless lo is the last).
  const plans = ps.map((p) => {
    if (n === 0 || !(p >= 0 && p <= 1)) return null;
    if (n === 1) return { lo: 0, hi: 0, frac: 0 };
    const h = (n - 1) * p;
    const lo = Math.floor(h);
    return lo >= n - 1 ? { lo: n - 1, hi: n - 1, frac: 0 } : { lo, hi: lo + 1, frac: h - lo };
  });
  const ranks = [...new Set(plans.flatMap((q) => (q ? [q.lo, q.hi] : [])))].sort((x, y) => x - y);
  if (ranks.length === 0) return ps.map(() => NaN);
  // Each rank's bin, and the count below that bin.
  const hist = sums.hist;
  const rankBin = new Map<number, { bin: number; below: number }>();
  let below = 0;
  let k = 0;
  for (let bin = 0; bin < BINS && k < ranks.length; bin++) {
    const c = hist[bin];
    while (k < ranks.length && ranks[k] < below + c) rankBin.set(ranks[k++], { bin, below });
    below += c;
  }
  const bins = [...new Set([...rankBin.values()].map((r) => r.bin))];
  const values = bins.map((bin) => new Float32Array(hist[bin]));
  const fill = bins.map(() => 0);
  const slot = new Int8Array(BINS).fill(-1);
  bins.forEach((bin, j) => (slot[bin] = j));
  const state = v.state;
  const lat = v.latencyUs;
  for (let i = a; i < b; i++) {
    if (state[i] !== OK) continue;
    const j = slot[binOf(bits[i])];
    if (j >= 0) values[j][fill[j]++] = lat[i];
  }
  for (const vs of values) vs.sort();
  const at = (rank: number): number => {
    const r = rankBin.get(rank)!;
    return ticksToMs(values[bins.indexOf(r.bin)][rank - r.below]);
  };
  return plans.map((q) => {
    if (!q) return NaN;
    const lo = at(q.lo);
    if (q.hi === q.lo) return lo;
    const hi = at(q.hi);
    return lo + (hi - lo) * q.frac;
  });
}
