/**
 * What the partitioning program returns (types only, so the Panel imports it without pulling the program).
 * Everything that grows with nodes x time is a typed array the worker transfers; every series has a fixed
 * number of time buckets, so drawing cost follows pixels, not the request count.
 *
 * Vocabulary:
 *   - time: simulated milliseconds (the scenario's unit); the engine ticks in microseconds.
 *   - node index: storage nodes are 0..nodes-1 ("n0", "n1"...); with the directory strategy the lookup
 *     service is one more node, index `nodes` (`directoryNode`), so crashing it is a directory outage.
 *   - key index: keys are 0..keys-1, named `key-${index}`, in key order (range partitioning splits this order).
 *   - rank: popularity rank of a key in the workload (rank 0 is the hottest); `hotKeys` maps ranks to keys.
 *   - bucket: the run's time is cut into `buckets.count` equal buckets; bucket b covers
 *     [b * widthMs, (b + 1) * widthMs). A per-node matrix is node-major: value of node n, bucket b at
 *     [n * count + b].
 */
import type { StageData } from '../../core/stage/types';
import type { LabResult } from '../contract';

/** The four strategies, in table order. */
export const STRATEGIES = ['mod-n', 'range', 'consistent', 'directory'] as const;
export type Strategy = (typeof STRATEGIES)[number];

/** Time buckets of every series. */
export const BUCKETS = 100;
/** Nodes whose own series are kept (the hottest by requests served), besides the across-node aggregates. */
export const TOP_K = 8;

export interface PartitioningResult extends LabResult {
  lab: 'partitioning';
  /** The strategy the workload ran under (the scenario's `strategy`). */
  strategy: Strategy;
  /** Storage nodes (the scenario's `nodes`). */
  nodeCount: number;
  /** Index of the directory node when strategy is 'directory', else -1. */
  directoryNode: number;
  keyCount: number;
  /** Requests the clients sent (the scenario's `requests`). */
  requestCount: number;
  /** The hottest keys of the workload, by rank: hotKeys[r] is the key index of rank r (at most 16). */
  hotKeys: Uint32Array;
  /** Share of all requests each of `hotKeys` received, in percent (measured on the generated workload). */
  hotKeySharePct: Float64Array;

  /** The live strategy table: every strategy measured on the same keys and the same request stream. */
  table: StrategyRow[];

  /** Time axis of every series. */
  buckets: { count: number; widthMs: number };
  /** Aggregates across nodes per bucket, and the TOP_K hottest nodes' own series. */
  series: NodeSeries;
  /** Per node x bucket matrices (node-major), for heatmaps. Length (nodeCount + directory) x count. */
  perNode: {
    /** CPU busy percent 0..100. */
    cpuPct: Float32Array;
    /** Most requests waiting or in service at once in the bucket. */
    queueMax: Uint32Array;
    /** p99 latency (ms) of requests completed on the node in the bucket; NaN when none completed. */
    latencyP99Ms: Float32Array;
    /** Requests completed on the node in the bucket. */
    completed: Uint32Array;
  };
  /** Whole-cluster figures per bucket. */
  cluster: ClusterSeries;

  /** Hot-partition signs, as data: the UI turns them into prose ("n3's CPU hit 98% at 1,200 ms..."). */
  detections: Detection[];
  /** The node the detector names hot (the node of the first detection), or -1 when none fired. */
  hotNode: number;

  /** One summary per phase between scripted events, for before/after tables (phase 0 starts at t = 0). */
  phases: PhaseSummary[];
  /** What each scripted crash did to keys under the strategy that ran, and under the others (computed). */
  faults: FaultImpact[];
  /** Request totals over the whole run. */
  totals: RequestTotals;

  /**
   * What the stage draws: nodes n0.. (then 'directory' when the strategy has one, then 'router', the clients' entry point), requests
   * and replies as messages, and each node's card fields over time: 'waiting' (queued or in service; at the
   * router, sent and not yet answered), 'cpu' (CPU % of the time bucket holding t) and 'hot' ('hot' while
   * the detector flags the node).
   */
  stage: StageData;
  stageInfo: StageInfo;
}

/** How the stage sampled the run, and what its scales need. */
export interface StageInfo {
  /** Message kinds the run drew (indices into stage.kinds), for the legend. */
  kinds: number[];
  /** Deepest queue on any storage node or the directory (the bars' full length). */
  queuePeak: number;
  /** One request in this many is drawn (1: all). */
  sampleEvery: number;
  /** 0: queue depths change exactly when they did; else they are read on a grid of this many ms. */
  depthGapMs: number;
}

/** One row of the strategy table. Every number is measured, none is a formula. */
export interface StrategyRow {
  strategy: Strategy;
  /** Partitions (placement units) the strategy keeps: N for mod-N, ranges, ring points, N for directory. */
  partitions: number;
  /** Keys per node: max / mean (1 is perfect) and stdev / mean in percent. */
  keyMaxOverMean: number;
  keyStdevPct: number;
  /** Requests per node on the same request stream: max / mean and stdev / mean in percent. */
  requestMaxOverMean: number;
  requestStdevPct: number;
  /** Mean nodes a range query of `rangeQueryKeys` consecutive keys touches (over RANGE_QUERY_SAMPLES queries). */
  rangeQueryNodes: number;
  /** Keys that change owner when one node joins, in percent of all keys (ideal 1/(N+1)). */
  movedOnJoinPct: number;
  /** Keys that change owner when the last node leaves, in percent (ideal 1/N). */
  movedOnLeavePct: number;
  /** Network hops to reach the owner (1, or 2 through the directory). */
  lookupHops: number;
  /** Routing latency in ms with no queueing: hops x hop latency (+ the directory's service time). */
  lookupMs: number;
  /** Memory probes per lookup: 1 for mod-N (one modulo) and the directory (one table read); the
   *  binary-search steps (ceil log2 of the sorted entries searched) for range and the ring. */
  lookupProbes: number;
}

/** Number of range queries sampled for `rangeQueryNodes`. */
export const RANGE_QUERY_SAMPLES = 256;

/** Per bucket (length buckets.count): aggregates across storage nodes, then the hottest nodes' own series. */
export interface NodeSeries {
  cpuPctMax: Float32Array;
  cpuPctP50: Float32Array;
  queueMax: Float32Array;
  queueP50: Float32Array;
  /** Across nodes, the max and median of each node's p99 latency in the bucket (ms; NaN when no node completed). */
  latencyP99MaxMs: Float32Array;
  latencyP99P50Ms: Float32Array;
  /** The TOP_K (or fewer) hottest storage nodes by requests served, hottest first, each with its own series. */
  top: TopNodeSeries[];
  /** The directory's own series when strategy is 'directory' (it is also in perNode), else null. */
  directory: TopNodeSeries | null;
}

export interface TopNodeSeries {
  node: number;
  /** Requests (sub-requests for fanned-out reads) this node served over the run. */
  served: number;
  cpuPct: Float32Array;
  queue: Float32Array;
  latencyP50Ms: Float32Array;
  latencyP99Ms: Float32Array;
}

/** Whole-cluster series per bucket. */
export interface ClusterSeries {
  /** Client requests completed (ok) and failed (owner down, directory down) per bucket. */
  ok: Uint32Array;
  failed: Uint32Array;
  /** End-to-end latency over all completed client requests (ms; NaN when none). */
  latencyP50Ms: Float32Array;
  latencyP99Ms: Float32Array;
  /** Cache: hits and stale hits (served a value older than the key's last write) per bucket. */
  cacheHits: Uint32Array;
  cacheStale: Uint32Array;
  /** Extra sub-requests sent by salted reads (each read of a salted key fans out to k partitions). */
  fanout: Uint32Array;
}

export type DetectionKind = 'cpu' | 'queue' | 'latency';

/**
 * One episode of a hot-partition sign: it fired at `t` on `node` and held until `untilT` (the end of the last
 * bucket where it still fired; the run's end if it never cleared). A sign counts only when it holds for at
 * least two buckets in a row.
 *   cpu      the node's CPU% >= CPU_HOT_PCT while the median node is under CPU_COLD_RATIO of it
 *   queue    the node's max queue >= QUEUE_HOT and >= QUEUE_RATIO x (median node's max queue + 1)
 *   latency  the node's p99 >= LATENCY_RATIO x the median node's p99 (and >= 1 ms over it)
 */
export interface Detection {
  kind: DetectionKind;
  node: number;
  /** Start of the first bucket where the sign fired (ms). */
  t: number;
  untilT: number;
  /** The node's figure and the median node's at `t` (CPU %, queue depth, or p99 ms). */
  value: number;
  baseline: number;
}

export const CPU_HOT_PCT = 80;
export const CPU_COLD_RATIO = 0.5;
export const QUEUE_HOT = 8;
export const QUEUE_RATIO = 4;
export const LATENCY_RATIO = 4;

/** A stretch of time between scripted events: the "before" and "after" of each edit. */
export interface PhaseSummary {
  /** Start and end (ms); phase i ends where the next starts, the last at the run's end. */
  from: number;
  to: number;
  /** The scripted event that opened the phase (its index in scenario.events), -1 for the first. */
  eventIndex: number;
  /** Client requests that arrived in the phase, and how they ended. */
  requests: number;
  ok: number;
  failed: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  /** Busiest storage node's CPU% over the phase, the median node's, and which node was busiest. */
  cpuPctMax: number;
  cpuPctP50: number;
  busiestNode: number;
  /** Cache hits and stale hits in percent of reads in the phase (0 when no cache). */
  cacheHitPct: number;
  cacheStalePct: number;
  /** Sub-requests per salted read in the phase (k while salting is on, else 0), and the extra sub-requests. */
  fanoutPerRead: number;
  fanoutExtra: number;
}

/** What a crash did to keys: under the strategy that ran (`applied`), and what each strategy would do. */
export interface FaultImpact {
  t: number;
  /** 'crash' or 'recover'. */
  type: 'crash' | 'recover';
  node: number;
  /** Per strategy, in STRATEGIES order: keys left with no live owner, and keys moved to another node, each
   *  computed for this node alone against the initial placement (as if it were the only crash). */
  byStrategy: { strategy: Strategy; keysUnavailable: number; keysRemapped: number; directoryOutage: boolean }[];
  /** Client requests that failed because of this crash (queued on the node, or routed to it while down). */
  requestsFailed: number;
}

export interface RequestTotals {
  sent: number;
  ok: number;
  failed: number;
  /** Still queued when the run ended (it stops at 125% of the arrivals' span; see stoppedAtLimit). */
  unfinished?: number;
  reads: number;
  writes: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  cacheHits: number;
  cacheStale: number;
  /** Extra sub-requests caused by salted reads over the run. */
  fanoutExtra: number;
  /** Engine events handled (arrivals, completions, forwards, faults). */
  engineEvents: number;
}
