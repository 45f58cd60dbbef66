/**
 * From what serve() measured to what the charts draw: per node x bucket CPU% and p99, across-node
 * aggregates, the hottest nodes' own series, the detector's episodes, and per-phase before/after figures.
 * Work here is O(parts + nodes x buckets), independent of how the Panel draws.
 */
import { quantileSelect } from '../../../core/stats';
import {
  CPU_COLD_RATIO, CPU_HOT_PCT, LATENCY_RATIO, QUEUE_HOT, QUEUE_RATIO, TOP_K,
  type ClusterSeries, type Detection, type DetectionKind, type NodeSeries, type PartitioningResult, type PhaseSummary, type RequestTotals, type TopNodeSeries,
} from '../result';
import type { PartitioningScenario } from '../scenario';
import { F_FANOUT, F_HIT, F_STALE, type Served, type Workload } from './served';
import type { WaitingPrefix } from './stage';
import { addRequests, copySums, emptySums, latencyBits, latencyQuantilesMs, type RequestSums } from './requestSums';
import { TICKS_PER_MS, ticksToMs } from '../../../sim/kit/time';

export interface NodeMatrices {
  cpuPct: Float32Array;
  queueMax: Uint32Array;
  latencyP50Ms: Float32Array;
  latencyP99Ms: Float32Array;
  completed: Uint32Array;
}

/**
 * Latency quantiles an earlier run computed that this one may reuse: those of buckets below `from`, which
 * hold only what completed before the checkpoint both runs share (see ./checkpoints.ts).
 */
export interface Reuse {
  from: number;
  p50: Float32Array;
  p99: Float32Array;
  /** Parts served per node x bucket (nodeMatrices). */
  completed?: Uint32Array;
}

/**
 * Per node x bucket figures; p50/p99 from the parts served (counting sort by cell, then a selection per
 * cell), or for buckets below reuse.from, the earlier run's.
 */
export function nodeMatrices(v: Served, buckets: number, reuse?: Reuse): NodeMatrices {
  const cells = v.nodeSlots * buckets;
  const from = reuse?.from ?? 0;
  // Parts complete in time order: those of buckets >= from are a suffix (the first found by bisection).
  let first = 0;
  let last = v.partCount;
  while (from > 0 && first < last) {
    const mid = (first + last) >>> 1;
    if (v.partBucket[mid] < from) first = mid + 1;
    else last = mid;
  }
  // Parts served per cell: the earlier run's below `from` (when it kept them), counted from `first` on.
  const completed = new Uint32Array(cells);
  const earlier = reuse?.completed;
  if (earlier) {
    for (let c = 0; c < cells; c++) if (c % buckets < from) completed[c] = earlier[c];
  }
  for (let j = earlier ? first : 0; j < v.partCount; j++) completed[v.partNode[j] * buckets + v.partBucket[j]]++;
  const offset = new Uint32Array(cells + 1);
  for (let c = 0; c < cells; c++) offset[c + 1] = offset[c] + (c % buckets >= from ? completed[c] : 0);
  const fill = offset.slice(0, cells);
  const sorted = new Float32Array(offset[cells]);
  for (let j = first; j < v.partCount; j++) sorted[fill[v.partNode[j] * buckets + v.partBucket[j]]++] = v.partUs[j];
  const p50 = new Float32Array(cells).fill(NaN);
  const p99 = new Float32Array(cells).fill(NaN);
  for (let c = 0; c < cells; c++) {
    if (c % buckets < from) {
      p50[c] = reuse!.p50[c];
      p99[c] = reuse!.p99[c];
      continue;
    }
    if (offset[c + 1] === offset[c]) continue;
    const cell = sorted.subarray(offset[c], offset[c + 1]);
    p50[c] = ticksToMs(quantileSelect(cell, 0.5));
    p99[c] = ticksToMs(quantileSelect(cell, 0.99));
  }
  const cpuPct = new Float32Array(cells);
  for (let c = 0; c < cells; c++) cpuPct[c] = Math.min(100, (v.busyUs[c] / v.widthTicks) * 100);
  return { cpuPct, queueMax: v.queueMax, latencyP50Ms: p50, latencyP99Ms: p99, completed };
}

/** Per bucket, the median across storage nodes 0..nodes-1 of the three node x bucket matrices the detector reads. */
export interface NodeMedians {
  cpu: Float64Array;
  queue: Float64Array;
  p99: Float64Array;
}

/**
 * The medians across storage nodes, per bucket (NaN cells skipped; NaN where every cell is), computed once
 * for the series and the detector. With `reuse`, buckets below reuse.from take the earlier run's: their
 * columns hold only what happened before the checkpoint both runs share (busy time and queue depths of a
 * bucket are final once it ends; its p99 is reused as well, see Reuse).
 */
export function nodeMedians(m: NodeMatrices, nodes: number, buckets: number, reuse?: { from: number; medians: NodeMedians }): NodeMedians {
  const column = new Float64Array(nodes);
  const from = reuse?.from ?? 0;
  const earlier = reuse?.medians;
  return {
    cpu: mediansOf(m.cpuPct, nodes, buckets, from, earlier?.cpu, column),
    queue: mediansOf(m.queueMax, nodes, buckets, from, earlier?.queue, column),
    p99: mediansOf(m.latencyP99Ms, nodes, buckets, from, earlier?.p99, column),
  };
}

/** Per bucket, the median of a node x bucket matrix across nodes 0..nodes-1 (NaN cells skipped); `earlier`'s below `from`. */
function mediansOf(mat: ArrayLike<number>, nodes: number, buckets: number, from: number, earlier: Float64Array | undefined, column: Float64Array): Float64Array {
  const out = new Float64Array(buckets);
  for (let b = 0; b < buckets; b++) {
    if (b < from) {
      out[b] = earlier![b];
      continue;
    }
    let n = 0;
    for (let nd = 0; nd < nodes; nd++) {
      const x = mat[nd * buckets + b];
      if (!Number.isNaN(x)) column[n++] = x;
    }
    out[b] = n > 0 ? quantileSelect(column.subarray(0, n), 0.5) : NaN;
  }
  return out;
}

/** Max across storage nodes 0..nodes-1 of a node x bucket matrix, per bucket (NaN cells skipped), and the medians. */
function acrossNodes(m: ArrayLike<number>, nodes: number, buckets: number, median: Float64Array): { max: Float32Array; p50: Float32Array } {
  const max = new Float32Array(buckets);
  for (let b = 0; b < buckets; b++) {
    let n = 0;
    let top = -Infinity;
    for (let nd = 0; nd < nodes; nd++) {
      const x = m[nd * buckets + b];
      if (Number.isNaN(x)) continue;
      n++;
      if (x > top) top = x;
    }
    max[b] = n > 0 ? top : NaN;
  }
  return { max, p50: Float32Array.from(median) };
}

export function nodeSeries(m: NodeMatrices, medians: NodeMedians, nodes: number, buckets: number, directoryNode: number): NodeSeries {
  const cpu = acrossNodes(m.cpuPct, nodes, buckets, medians.cpu);
  const queue = acrossNodes(m.queueMax, nodes, buckets, medians.queue);
  const p99 = acrossNodes(m.latencyP99Ms, nodes, buckets, medians.p99);
  const served = new Float64Array(nodes);
  for (let nd = 0; nd < nodes; nd++) for (let b = 0; b < buckets; b++) served[nd] += m.completed[nd * buckets + b];
  const order = Array.from({ length: nodes }, (_, i) => i).sort((a, b) => served[b] - served[a] || a - b);
  const own = (node: number): TopNodeSeries => {
    const at = node * buckets;
    let total = 0;
    for (let b = 0; b < buckets; b++) total += m.completed[at + b];
    return {
      node,
      served: total,
      cpuPct: m.cpuPct.slice(at, at + buckets),
      queue: Float32Array.from(m.queueMax.subarray(at, at + buckets)),
      latencyP50Ms: m.latencyP50Ms.slice(at, at + buckets),
      latencyP99Ms: m.latencyP99Ms.slice(at, at + buckets),
    };
  };
  return {
    cpuPctMax: cpu.max,
    cpuPctP50: cpu.p50,
    queueMax: queue.max,
    queueP50: queue.p50,
    latencyP99MaxMs: p99.max,
    latencyP99P50Ms: p99.p50,
    top: order.slice(0, TOP_K).map(own),
    directory: directoryNode >= 0 ? own(directoryNode) : null,
  };
}

/**
 * The detector. Per bucket and sign, the hottest node (the directory included) against the median storage
 * node; two or more consecutive firing buckets make one episode, named by the node and figures of its
 * first bucket.
 */
export function detect(m: NodeMatrices, medians: NodeMedians, slots: number, buckets: number, widthMs: number): Detection[] {
  const signs: { kind: DetectionKind; mat: ArrayLike<number>; median: Float64Array; fires(value: number, base: number): boolean }[] = [
    { kind: 'cpu', mat: m.cpuPct, median: medians.cpu, fires: (v, base) => v >= CPU_HOT_PCT && base <= CPU_COLD_RATIO * v },
    { kind: 'queue', mat: m.queueMax, median: medians.queue, fires: (v, base) => v >= QUEUE_HOT && v >= QUEUE_RATIO * (base + 1) },
    { kind: 'latency', mat: m.latencyP99Ms, median: medians.p99, fires: (v, base) => v >= LATENCY_RATIO * base && v - base >= 1 },
  ];
  const out: Detection[] = [];
  for (const sign of signs) {
    let open: Detection | null = null;
    for (let b = 0; b < buckets; b++) {
      let node = -1;
      let value = -Infinity;
      for (let nd = 0; nd < slots; nd++) {
        const x = sign.mat[nd * buckets + b];
        if (x > value) {
          value = x;
          node = nd;
        }
      }
      const base = sign.median[b];
      const isFiring = node >= 0 && !Number.isNaN(base) && sign.fires(value, base);
      if (isFiring && !open) {
        open = { kind: sign.kind, node, t: b * widthMs, untilT: (b + 1) * widthMs, value, baseline: base };
      } else if (isFiring && open) {
        // A sign must hold for PERSIST_BUCKETS buckets in a row: one noisy bucket is not a hot partition.
        if (open.untilT === open.t + widthMs) out.push(open);
        open.untilT = (b + 1) * widthMs;
      } else {
        open = null;
      }
    }
  }
  return out.sort((a, b) => a.t - b.t || kindOrder(a.kind) - kindOrder(b.kind));
}

function kindOrder(kind: DetectionKind): number {
  return kind === 'cpu' ? 0 : kind === 'queue' ? 1 : 2;
}

/**
 * What clusterSeries keeps of the requests settled at a checkpoint: per completion bucket the answered ones,
 * cache hits and stale hits, per send bucket the extra fan-out parts, and the latencies of those answered in
 * a bucket from `from` on (the buckets a run resumed from the checkpoint computes quantiles for).
 */
export interface ClusterPrefix {
  settled: number;
  from: number;
  ok: Uint32Array;
  hits: Uint32Array;
  stale: Uint32Array;
  fanout: Uint32Array;
  tailBucket: Uint8Array;
  tailLatency: Float32Array;
}

/** The cluster series' per-bucket counts being summed, and each request's completion bucket from `start` on. */
interface ClusterSums {
  okBy: Uint32Array;
  hits: Uint32Array;
  stale: Uint32Array;
  fanout: Uint32Array;
  /** Completion bucket of request start + k (255: not answered). */
  bucket: Uint8Array;
  start: number;
  buckets: number;
  width: number;
}

/** Adds requests [from, to) to the cluster sums; returns `to` (or `from` when it is past it). */
function countCompleted(c: ClusterSums, v: Served, w: Workload, from: number, to: number): number {
  const { okBy, hits, stale, fanout, bucket, start, buckets, width } = c;
  const t0 = w.t0;
  const flags = w.flags;
  const state = v.state;
  const lat = v.latencyUs;
  let i = from;
  for (; i < to; i++) {
    const f = flags[i];
    if (f & F_FANOUT) fanout[Math.min(buckets - 1, Math.floor(t0[i] / width))] += v.fanK[i] - 1;
    if (state[i] !== 1) {
      bucket[i - start] = 255;
      continue;
    }
    const b = Math.min(buckets - 1, Math.floor((t0[i] + lat[i]) / width));
    bucket[i - start] = b;
    okBy[b]++;
    if (f & F_HIT) hits[b]++;
    if (f & F_STALE) stale[b]++;
  }
  return i;
}

/**
 * Cluster-wide series per bucket (end-to-end latency by completion bucket). Resumed (`reuse` with a
 * `prefix` whose `from` is reuse.from): the requests below prefix.settled are counted already. `marks`: the
 * settled requests and first computed bucket of each checkpoint the run took, for its ClusterPrefix.
 */
export function clusterSeries(
  v: Served, w: Workload, buckets: number, reuse?: Reuse & { prefix?: ClusterPrefix }, marks: readonly { settled: number; from: number }[] = [],
): { series: ClusterSeries; at: ClusterPrefix[] } {
  const from = reuse?.from ?? 0;
  const prefix = reuse?.prefix && reuse.prefix.from === from ? reuse.prefix : undefined;
  const n = w.t0.length;
  const start = prefix ? prefix.settled : 0;
  const lat = v.latencyUs;
  const width = v.widthTicks;
  // Each answered request's completion bucket, once (255: not answered), for requests from `start` on.
  const bucket = new Uint8Array(n - start);
  const okBy = prefix ? prefix.ok.slice() : new Uint32Array(buckets);
  const hits = prefix ? prefix.hits.slice() : new Uint32Array(buckets);
  const stale = prefix ? prefix.stale.slice() : new Uint32Array(buckets);
  const fanout = prefix ? prefix.fanout.slice() : new Uint32Array(buckets);
  const at: ClusterPrefix[] = [];
  const sums: ClusterSums = { okBy, hits, stale, fanout, bucket, start, buckets, width };
  let i = start;
  for (const mark of marks) {
    i = countCompleted(sums, v, w, i, mark.settled);
    // The latencies a run resumed there reads: the settled ones answered in a bucket from mark.from on.
    const tailB: number[] = [];
    const tailL: number[] = [];
    if (prefix) {
      for (let k = 0; k < prefix.tailBucket.length; k++) {
        if (prefix.tailBucket[k] >= mark.from) {
          tailB.push(prefix.tailBucket[k]);
          tailL.push(prefix.tailLatency[k]);
        }
      }
    }
    for (let k = start; k < mark.settled; k++) {
      const b = bucket[k - start];
      if (b !== 255 && b >= mark.from) {
        tailB.push(b);
        tailL.push(lat[k]);
      }
    }
    at.push({
      settled: mark.settled, from: mark.from, ok: okBy.slice(), hits: hits.slice(), stale: stale.slice(), fanout: fanout.slice(),
      tailBucket: Uint8Array.from(tailB), tailLatency: Float32Array.from(tailL),
    });
  }
  countCompleted(sums, v, w, i, n);
  const offset = new Uint32Array(buckets + 1);
  for (let b = 0; b < buckets; b++) offset[b + 1] = offset[b] + (b < from ? 0 : okBy[b]);
  const fill = offset.slice(0, buckets);
  const sorted = new Float32Array(offset[buckets]);
  if (prefix) for (let k = 0; k < prefix.tailBucket.length; k++) sorted[fill[prefix.tailBucket[k]]++] = prefix.tailLatency[k];
  for (let k = start; k < n; k++) {
    const b = bucket[k - start];
    if (b !== 255 && b >= from) sorted[fill[b]++] = lat[k];
  }
  const p50 = new Float32Array(buckets).fill(NaN);
  const p99 = new Float32Array(buckets).fill(NaN);
  for (let b = 0; b < buckets; b++) {
    if (b < from) {
      p50[b] = reuse!.p50[b];
      p99[b] = reuse!.p99[b];
      continue;
    }
    if (offset[b + 1] === offset[b]) continue;
    const cell = sorted.subarray(offset[b], offset[b + 1]);
    p50[b] = ticksToMs(quantileSelect(cell, 0.5));
    p99[b] = ticksToMs(quantileSelect(cell, 0.99));
  }
  return { series: { ok: v.okBucket, failed: v.failedBucket, latencyP50Ms: p50, latencyP99Ms: p99, cacheHits: hits, cacheStale: stale, fanout }, at };
}

/**
 * What a checkpoint keeps of the requests settled before it (answered or failed: every column of theirs is
 * final, see ./requestSums.ts), so a run resumed from it sums only the requests from `settled` on.
 */
export interface SettledPrefix {
  /** Requests below this one had all ended at the checkpoint. */
  settled: number;
  totals: RequestSums;
  /**
   * The phases that start below `settled`, in order: [start, end) their requests. A phase that ends below
   * `settled` is whole (`done`: its quantiles; its events are before the checkpoint, so every run resumed
   * from it has the same phase); the last one's sums stop at `settled` (with the histogram).
   */
  phases: { start: number; end: number; sums: RequestSums; done?: { p50: number; p99: number } }[];
  /** The cluster series' counts (clusterSeries). */
  cluster: ClusterPrefix;
  /** The stage's router counts (./stage.ts), when the stage keeps them on a grid. */
  waiting?: WaitingPrefix;
}

/**
 * Request totals over the whole run; from `prefix.settled` on when resumed. `marks` (the settled requests of
 * the checkpoints the run took, ascending): the sums below each, for their SettledPrefix.
 */
export function totalsOf(v: Served, w: Workload, prefix?: SettledPrefix, marks: readonly number[] = []): { totals: RequestTotals; at: RequestSums[] } {
  const bits = latencyBits(v);
  const n = w.t0.length;
  const sums = prefix ? copySums(prefix.totals) : emptySums();
  const at: RequestSums[] = [];
  let i = prefix ? prefix.settled : 0;
  for (const m of marks) {
    addRequests(sums, v, w, bits, i, m);
    i = Math.max(i, m);
    at.push(copySums(sums));
  }
  addRequests(sums, v, w, bits, i, n);
  const [p50, p99] = latencyQuantilesMs(sums, v, bits, 0, n, [0.5, 0.99]);
  const totals: RequestTotals = {
    sent: n,
    ok: sums.ok,
    failed: sums.failed,
    unfinished: n - sums.ok - sums.failed,
    reads: n - sums.writes,
    writes: sums.writes,
    latencyP50Ms: p50,
    latencyP99Ms: p99,
    cacheHits: sums.hits,
    cacheStale: sums.stale,
    fanoutExtra: sums.fanoutExtra,
    engineEvents: v.engineEvents,
  };
  return { totals, at };
}

/** The first index in [lo, hi) whose value is >= x (hi when none): `a` ascending. */
function lowerBound(a: Float64Array, x: number, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Before/after figures per phase (phase p starts at event p-1's time). Resumed (`prefix`): a phase whole
 * before the checkpoint is taken as it was, the one it cuts adds its requests from prefix.settled on. `marks`
 * as for totalsOf: each mark's phases, for its SettledPrefix.
 */
export function phases(
  s: PartitioningScenario, v: Served, w: Workload, endMs: number, prefix?: SettledPrefix, marks: readonly number[] = [],
): { phases: PhaseSummary[]; at: SettledPrefix['phases'][] } {
  const starts = [0, ...s.events.map((e) => e.t)];
  const count = starts.length;
  const out: PhaseSummary[] = [];
  const at: SettledPrefix['phases'][] = marks.map(() => []);
  const bits = latencyBits(v);
  let i = 0;
  const n = w.t0.length;
  for (let p = 0; p < count; p++) {
    const from = starts[p];
    const to = p + 1 < count ? starts[p + 1] : Math.max(endMs, from);
    const toTick = p + 1 < count ? to * TICKS_PER_MS : Infinity;
    const start = i;
    // The phase's requests: those sent before its end (the sends are ascending).
    const end = Math.max(start, lowerBound(w.t0, toTick, start, n));
    i = end;
    const kept = prefix?.phases[p];
    let sums: RequestSums;
    let p50: number;
    let p99: number;
    if (kept && kept.start === start && kept.end === end && kept.done) {
      sums = kept.sums;
      ({ p50, p99 } = kept.done);
    } else {
      const resumed = kept && kept.start === start && !kept.done && kept.end <= end;
      sums = resumed ? copySums(kept.sums) : emptySums();
      let j = resumed ? kept.end : start;
      marks.forEach((m, k) => {
        if (m <= start || m > end) return;
        addRequests(sums, v, w, bits, j, m);
        j = Math.max(j, m);
        at[k].push({ start, end: m, sums: copySums(sums) });
      });
      addRequests(sums, v, w, bits, j, end);
      [p50, p99] = latencyQuantilesMs(sums, v, bits, start, end, [0.5, 0.99]);
    }
    marks.forEach((m, k) => {
      if (end < m) at[k].push({ start, end, sums: { ...sums, hist: new Uint32Array(0) }, done: { p50, p99 } });
    });
    const spanUs = Math.max(1, (to - from) * TICKS_PER_MS);
    const cpu = new Float64Array(s.nodes);
    for (let nd = 0; nd < s.nodes; nd++) cpu[nd] = Math.min(100, (v.busyPhaseUs[p * v.nodeSlots + nd] / spanUs) * 100);
    let busiest = 0;
    for (let nd = 1; nd < s.nodes; nd++) if (cpu[nd] > cpu[busiest]) busiest = nd;
    const reads = sums.requests - sums.writes;
    out.push({
      from,
      to,
      eventIndex: p - 1,
      requests: sums.requests,
      ok: sums.ok,
      failed: sums.failed,
      latencyP50Ms: p50,
      latencyP99Ms: p99,
      cpuPctMax: cpu[busiest],
      cpuPctP50: quantileSelect(Float64Array.from(cpu), 0.5),
      busiestNode: busiest,
      cacheHitPct: reads > 0 ? (sums.hits / reads) * 100 : 0,
      cacheStalePct: reads > 0 ? (sums.stale / reads) * 100 : 0,
      fanoutPerRead: v.saltKByPhase[p],
      fanoutExtra: sums.fanoutExtra,
    });
  }
  return { phases: out, at };
}

export type Summaries = Pick<PartitioningResult, 'series' | 'perNode' | 'cluster' | 'detections' | 'hotNode'>;
