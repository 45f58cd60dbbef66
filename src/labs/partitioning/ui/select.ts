/**
 * Pure selectors from the partitioning program's result (and the scenario it ran) to what the Panel
 * draws: renderer props (viz/timeSeries, viz/heatmap), the detector's findings as prose and the charts'
 * markers; the tables are in ./tables.ts, the script's edits in ./script.ts. Loops here run over nodes, buckets (fixed at
 * BUCKETS), detections, phases or events, never over keys or requests; the Panel memoizes each call on the
 * result's identity, so a 1,000-node result costs one pass per result, not per frame.
 */
import { formatFixed, formatInt } from '../../../viz/shared/format';
import type { NodeMatrix, Threshold, TimeMarker } from '../../../viz/timeSeries';
import {
  CPU_HOT_PCT,
  QUEUE_HOT,
  type Detection,
  type DetectionKind,
  type PartitioningResult,
  type Strategy,
} from '../result';
import type { PartitioningEvent, PartitioningScenario } from '../scenario';

export const STRATEGY_NAMES: Record<Strategy, string> = {
  'mod-n': 'hash mod N',
  range: 'range',
  consistent: 'consistent hashing',
  directory: 'directory',
};

/** Highlighted lines per chart when the chart aggregates (the hottest nodes, plus the flagged one). */
export const HIGHLIGHT_MAX = 4;

/** Simulated milliseconds as people read them: "850 ms", "1.20 s", "2 min 5 s". */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  if (ms === 0) return '0 s';
  const abs = Math.abs(ms);
  if (abs < 1) return `${formatFixed(ms, 2)} ms`;
  if (abs < 1000) return `${formatFixed(ms, abs < 10 ? 1 : 0)} ms`;
  if (abs < 120_000) return `${formatFixed(ms / 1000, 2)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** Rows of the per-node matrices: storage nodes, plus the directory when it ran. */
export function matrixRows(result: PartitioningResult): number {
  return result.nodeCount + (result.directoryNode >= 0 ? 1 : 0);
}

/** Names by node index: n0..n(N-1), and "directory" for the directory node. */
export function nodeLabels(result: PartitioningResult): string[] {
  const labels = Array.from({ length: matrixRows(result) }, (_, i) => `n${i}`);
  if (result.directoryNode >= 0) labels[result.directoryNode] = 'directory';
  return labels;
}

export function nodeName(result: PartitioningResult, node: number): string {
  return node === result.directoryNode && node >= 0 ? 'the directory' : `n${node}`;
}

export interface NodeCharts {
  cpu: NodeMatrix;
  queue: NodeMatrix;
  latencyP99: NodeMatrix;
  /** Client latency over all requests: two rows, p50 and p99. */
  client: NodeMatrix;
  clientLabels: string[];
  labels: string[];
  /** Nodes drawn as their own lines: the flagged node first, then the hottest, then the directory. */
  highlight: number[];
  cpuThresholds: Threshold[];
  queueThresholds: Threshold[];
  /** The worker's per-bucket aggregates across nodes (median and max): the charts' bands, not recomputed. */
  cpuBand: BandSeries;
  queueBand: BandSeries;
  latencyBand: BandSeries;
}

export interface BandSeries {
  lo: ArrayLike<number>;
  hi: ArrayLike<number>;
}

/**
 * The per-node matrices as renderer input (no copy: the typed arrays are shared), and the highlighted
 * nodes: the flagged one, then crashed ones (their line drops at the crash), then the hottest.
 */
export function selectNodeCharts(result: PartitioningResult): NodeCharts {
  const { count, widthMs } = result.buckets;
  const nodeCount = matrixRows(result);
  const matrix = (values: ArrayLike<number>): NodeMatrix => ({ values, nodeCount, bucketCount: count, t0: 0, bucketWidth: widthMs });
  const highlight: number[] = [];
  const add = (node: number) => {
    if (node >= 0 && node < nodeCount && !highlight.includes(node)) highlight.push(node);
  };
  add(result.hotNode);
  for (const fault of result.faults) if (fault.type === 'crash' && highlight.length < HIGHLIGHT_MAX - 1) add(fault.node);
  for (const top of result.series.top) if (highlight.length < HIGHLIGHT_MAX) add(top.node);
  if (result.directoryNode >= 0) add(result.directoryNode);
  const client = new Float32Array(2 * count);
  client.set(result.cluster.latencyP50Ms.subarray(0, count), 0);
  client.set(result.cluster.latencyP99Ms.subarray(0, count), count);
  return {
    cpu: matrix(result.perNode.cpuPct),
    queue: matrix(result.perNode.queueMax),
    latencyP99: matrix(result.perNode.latencyP99Ms),
    client: { values: client, nodeCount: 2, bucketCount: count, t0: 0, bucketWidth: widthMs },
    clientLabels: ['p50', 'p99'],
    labels: nodeLabels(result),
    highlight,
    cpuThresholds: [{ value: CPU_HOT_PCT, label: `hot: ${CPU_HOT_PCT}% CPU` }],
    cpuBand: { lo: result.series.cpuPctP50, hi: result.series.cpuPctMax },
    queueBand: { lo: result.series.queueP50, hi: result.series.queueMax },
    latencyBand: { lo: result.series.latencyP99P50Ms, hi: result.series.latencyP99MaxMs },
    queueThresholds: [{ value: QUEUE_HOT, label: `hot: ${QUEUE_HOT} waiting` }],
  };
}

const kindWords: Record<DetectionKind, string> = { cpu: 'CPU', queue: 'queue depth', latency: 'p99 latency' };

/** A detection's figure with its unit ("98%", "41 waiting", "120 ms"). */
export function formatSign(kind: DetectionKind, value: number): string {
  if (kind === 'cpu') return `${formatFixed(value, 0)}%`;
  if (kind === 'queue') return `${formatInt(value)} waiting`;
  return formatMs(value);
}

/** One sentence per detection: "n17 flagged hot at t = 1.20 s: CPU 98% vs median 31% (until 4.80 s)." */
export function detectionSentence(result: PartitioningResult, d: Detection): string {
  const until = d.untilT >= result.endTime ? 'still hot at the end of the run' : `cleared at ${formatMs(d.untilT)}`;
  return `${nodeName(result, d.node)} flagged hot at t = ${formatMs(d.t)}: ${kindWords[d.kind]} ${formatSign(d.kind, d.value)} vs median node ${formatSign(d.kind, d.baseline)} (${until}).`;
}

export interface Findings {
  isHot: boolean;
  headline: string;
  /** Further sentences (other signs, other nodes), at most `max`. */
  details: string[];
  /** Detections not described (past `max`). */
  more: number;
}

/** The detector's findings as prose, the first detection as the headline. */
export function selectFindings(result: PartitioningResult, max = 4): Findings {
  const detections = [...result.detections].sort((a, b) => a.t - b.t || a.node - b.node);
  if (detections.length === 0) {
    return {
      isHot: false,
      headline: `No hot partition: no node's CPU, queue or p99 stood out from the median node under ${STRATEGY_NAMES[result.strategy]}.`,
      details: [],
      more: 0,
    };
  }
  const [first, ...rest] = detections;
  return {
    isHot: true,
    headline: detectionSentence(result, first),
    details: rest.slice(0, max).map((d) => detectionSentence(result, d)),
    more: Math.max(0, rest.length - max),
  };
}

/** What a scripted event did, in a few words ("salt ×8", "cache 100 ms", "crash n3"). */
export function eventText(event: PartitioningEvent, strategy?: Strategy, nodes?: number): string {
  switch (event.type) {
    case 'salt':
      return event.k <= 1 ? 'salting off' : `salt ×${event.k}`;
    case 'cache':
      return event.ttlMs <= 0 ? 'cache off' : `cache ${formatMs(event.ttlMs)}`;
    case 'split':
      return 'split hot range';
    case 'crash':
    case 'recover':
      return `${event.type} ${strategy === 'directory' && event.node === nodes ? 'directory' : `n${event.node}`}`;
  }
}

export interface ChartMarkers {
  cpu: TimeMarker[];
  queue: TimeMarker[];
  latency: TimeMarker[];
  /** Scripted events only (for the client chart and the heatmap caption). */
  events: TimeMarker[];
}

/**
 * Markers per chart: the scripted events (so before and after sit on either side of a line), and the
 * first detection of each sign on the chart of that sign. At most `max` per chart, earliest first.
 */
export function selectMarkers(result: PartitioningResult, scenario: PartitioningScenario | undefined, max = 4): ChartMarkers {
  const events: TimeMarker[] = (scenario?.events ?? [])
    .filter((e) => e.t <= result.endTime)
    .map((e) => ({ t: e.t, label: eventText(e, scenario?.strategy, scenario?.nodes), node: 'node' in e ? e.node : undefined }));
  const firstOf = (kind: DetectionKind): TimeMarker[] => {
    const d = result.detections.filter((x) => x.kind === kind).sort((a, b) => a.t - b.t)[0];
    return d ? [{ t: d.t, label: `${nodeName(result, d.node)} hot`, node: d.node }] : [];
  };
  const merge = (extra: TimeMarker[]) => [...extra, ...events].sort((a, b) => a.t - b.t).slice(0, max);
  return { cpu: merge(firstOf('cpu')), queue: merge(firstOf('queue')), latency: merge(firstOf('latency')), events: events.slice(0, max) };
}

/** The hottest keys and their share of requests, as a sentence. */
export function hotKeySentence(result: PartitioningResult, max = 3): string {
  const n = Math.min(max, result.hotKeys.length);
  if (n === 0) return '';
  const parts: string[] = [];
  for (let r = 0; r < n; r++) {
    const share = result.hotKeySharePct[r];
    parts.push(`key-${result.hotKeys[r]} ${formatFixed(share, share < 1 ? 2 : 1)}%`);
  }
  return `Hottest keys (share of all requests): ${parts.join(', ')}.`;
}

/** The heatmap's summary sentence: which node peaked hottest and when. */
export function heatmapLabel(result: PartitioningResult): string {
  const rows = matrixRows(result);
  const { count, widthMs } = result.buckets;
  let best = -1;
  let bestBucket = 0;
  let peak = -Infinity;
  for (let n = 0; n < rows; n++) {
    for (let b = 0; b < count; b++) {
      const v = result.perNode.cpuPct[n * count + b];
      if (v > peak) {
        peak = v;
        best = n;
        bestBucket = b;
      }
    }
  }
  if (best < 0) return `CPU % per node over time: no data.`;
  return `CPU % per node over time for ${formatInt(rows)} nodes: the hottest, ${nodeName(result, best)}, peaks at ${formatFixed(peak, 0)}% at t = ${formatMs(bestBucket * widthMs)}.`;
}
