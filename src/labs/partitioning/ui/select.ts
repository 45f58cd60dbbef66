/**
 * Pure selectors from the partitioning program's result (and the scenario it ran) to what the Panel
 * draws: renderer props (viz/timeSeries, viz/heatmap, viz/compareTable), the detector's findings as prose,
 * before/after phases, what a crash did, and scenario edits. Loops here run over nodes, buckets (fixed at
 * BUCKETS), detections, phases or events, never over keys or requests; the Panel memoizes each call on the
 * result's identity, so a 1,000-node result costs one pass per result, not per frame.
 */
import type { CompareRow } from '../../../viz/compareTable';
import { formatFixed, formatInt } from '../../../viz/shared/format';
import type { NodeMatrix, Threshold, TimeMarker } from '../../../viz/timeSeries';
import {
  CPU_HOT_PCT,
  QUEUE_HOT,
  STRATEGIES,
  type Detection,
  type DetectionKind,
  type FaultImpact,
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

export interface TableView {
  columns: string[];
  rows: CompareRow[];
  currentColumn?: number;
}

/** Percentages keep two significant decimals when small (0.04% and 0.10% must not both read 0.0%). */
const pct = (v: number) => `${formatFixed(v, Math.abs(v) >= 1 || v === 0 ? 1 : Math.abs(v) >= 0.1 ? 2 : 3)}%`;
const ratio = (v: number) => formatFixed(v, 2);
const ms2 = (v: number) => `${formatFixed(v, 2)} ms`;
const int = (v: number) => formatInt(v);

/** The live strategy table: every strategy measured on the same keys and request stream. */
export function selectStrategyTable(result: PartitioningResult, scenario?: Pick<PartitioningScenario, 'rangeQueryKeys'>): TableView {
  const rows = STRATEGIES.map((s) => result.table.find((row) => row.strategy === s));
  const values = (pick: (row: NonNullable<(typeof rows)[number]>) => number) => rows.map((row) => (row ? pick(row) : Number.NaN));
  const n = result.nodeCount;
  return {
    columns: STRATEGIES.map((s) => STRATEGY_NAMES[s]),
    currentColumn: STRATEGIES.indexOf(result.strategy),
    rows: [
      { key: 'partitions', label: 'partitions', help: 'placement units kept', better: 'none', values: values((r) => r.partitions), format: int },
      { key: 'keyMax', label: 'keys per node, max / mean', help: '1.00 is perfectly even', better: 'lower', values: values((r) => r.keyMaxOverMean), format: ratio },
      { key: 'keyStdev', label: 'keys per node, stdev', help: '% of the mean', better: 'lower', values: values((r) => r.keyStdevPct), format: pct },
      { key: 'reqMax', label: 'requests per node, max / mean', help: 'same request stream', better: 'lower', values: values((r) => r.requestMaxOverMean), format: ratio },
      { key: 'reqStdev', label: 'requests per node, stdev', help: '% of the mean', better: 'lower', values: values((r) => r.requestStdevPct), format: pct },
      {
        key: 'range',
        label: 'range query, nodes touched',
        help: scenario ? `${formatInt(scenario.rangeQueryKeys)} consecutive keys` : 'consecutive keys',
        better: 'lower',
        values: values((r) => r.rangeQueryNodes),
        format: (v) => formatFixed(v, 1),
      },
      { key: 'join', label: 'keys moved when a node joins', help: `ideal 1/${n + 1} = ${pct(100 / (n + 1))}`, better: 'lower', values: values((r) => r.movedOnJoinPct), format: pct },
      { key: 'leave', label: 'keys moved when a node leaves', help: `ideal 1/${n} = ${pct(100 / Math.max(1, n))}`, better: 'lower', values: values((r) => r.movedOnLeavePct), format: pct },
      { key: 'hops', label: 'lookup, network hops', better: 'lower', values: values((r) => r.lookupHops), format: int },
      { key: 'lookupMs', label: 'lookup, routing latency', help: 'no queueing', better: 'lower', values: values((r) => r.lookupMs), format: ms2 },
      { key: 'probes', label: 'lookup, memory probes', help: 'modulo, table read, or binary search steps', better: 'lower', values: values((r) => r.lookupProbes), format: int },
    ],
  };
}

export interface FaultView {
  /** "n3 crashed at t = 3.00 s." */
  title: string;
  sentences: string[];
  table: TableView;
  /** Which fault (index into result.faults) this is, and how many there are. */
  index: number;
  count: number;
}

/** The crash shown: the latest at or before the playhead, else the first one. Null when the run had none. */
export function selectFault(result: PartitioningResult, t: number): FaultView | null {
  const crashes = result.faults.map((f, i) => ({ f, i })).filter(({ f }) => f.type === 'crash');
  if (crashes.length === 0) return null;
  const before = crashes.filter(({ f }) => f.t <= t);
  const { f: fault, i: index } = before.length > 0 ? before[before.length - 1] : crashes[0];
  const who = nodeName(result, fault.node);
  const by = (s: Strategy) => fault.byStrategy.find((x) => x.strategy === s);
  const isDirectory = fault.node === result.directoryNode && fault.node >= 0;
  const sentences = STRATEGIES.map((s) => impactSentence(s, by(s), who, isDirectory)).filter((x): x is string => x !== null);
  const failed = fault.requestsFailed;
  sentences.push(`${formatInt(failed)} client request${failed === 1 ? '' : 's'} failed because of this crash under ${STRATEGY_NAMES[result.strategy]} (the strategy that ran).`);
  const values = (pick: (x: FaultImpact['byStrategy'][number]) => number) => STRATEGIES.map((s) => (by(s) ? pick(by(s)!) : Number.NaN));
  return {
    title: `${who === "the directory" ? "The directory" : who} crashed at t = ${formatMs(fault.t)}.`,
    sentences,
    index,
    count: crashes.length,
    table: {
      columns: STRATEGIES.map((s) => STRATEGY_NAMES[s]),
      currentColumn: STRATEGIES.indexOf(result.strategy),
      rows: [
        { key: 'unavailable', label: 'keys unavailable', help: 'no live owner', better: 'lower', values: values((x) => x.keysUnavailable), format: int },
        { key: 'remapped', label: 'keys remapped', help: 'moved to another node', better: 'none', values: values((x) => x.keysRemapped), format: int },
        { key: 'outage', label: 'directory outage', help: 'no lookup succeeds', better: 'lower', values: values((x) => (x.directoryOutage ? 1 : 0)), format: (v) => (v ? 'yes' : 'no') },
      ],
    },
  };
}

function impactSentence(s: Strategy, x: FaultImpact['byStrategy'][number] | undefined, who: string, isDirectory: boolean): string | null {
  if (!x) return null;
  const name = STRATEGY_NAMES[s];
  if (x.directoryOutage) return `Under ${name}, every key is unreachable: the lookup service itself is down.`;
  if (isDirectory && s !== 'directory') return `Under ${name}, there is no directory to lose: no key is affected.`;
  const parts: string[] = [];
  if (x.keysUnavailable > 0) parts.push(`${formatInt(x.keysUnavailable)} keys have no live owner`);
  if (x.keysRemapped > 0) parts.push(`${formatInt(x.keysRemapped)} keys move to other nodes`);
  if (parts.length === 0) return `Under ${name}, no key is affected by ${who}'s crash.`;
  return `Under ${name}, ${parts.join(' and ')}.`;
}

/** Before/after: one column per phase between scripted events, rows the figures that show a change. */
export function selectPhases(result: PartitioningResult, scenario: PartitioningScenario | undefined): TableView | null {
  if (result.phases.length < 2) return null;
  const columns = result.phases.map((p, i) => {
    const event = p.eventIndex >= 0 ? scenario?.events[p.eventIndex] : undefined;
    const what = i === 0 ? 'before' : event ? `after ${eventText(event, scenario?.strategy, scenario?.nodes)}` : `phase ${i + 1}`;
    return `${what} (${formatMs(p.from)}–${formatMs(p.to)})`;
  });
  const v = (pick: (p: PartitioningResult['phases'][number]) => number) => result.phases.map(pick);
  const hasCache = result.phases.some((p) => p.cacheHitPct > 0);
  const hasFanout = result.phases.some((p) => p.fanoutPerRead > 0);
  const rows: CompareRow[] = [
    { key: 'cpuMax', label: 'busiest node CPU', better: 'lower', values: v((p) => p.cpuPctMax), format: pct },
    { key: 'busiest', label: 'busiest node', better: 'none', values: v((p) => p.busiestNode), format: (node) => (node === result.directoryNode ? 'directory' : `n${node}`) },
    { key: 'cpuP50', label: 'median node CPU', better: 'none', values: v((p) => p.cpuPctP50), format: pct },
    { key: 'p50', label: 'latency p50', better: 'lower', values: v((p) => p.latencyP50Ms), format: formatMs },
    { key: 'p99', label: 'latency p99', better: 'lower', values: v((p) => p.latencyP99Ms), format: formatMs },
    { key: 'failed', label: 'requests failed', better: 'lower', values: v((p) => (p.requests > 0 ? (p.failed / p.requests) * 100 : Number.NaN)), format: pct },
    { key: 'requests', label: 'requests arrived', better: 'none', values: v((p) => p.requests), format: int },
  ];
  if (hasCache) {
    rows.push({ key: 'hit', label: 'cache hits', help: '% of reads', better: 'higher', values: v((p) => p.cacheHitPct), format: pct });
    rows.push({ key: 'stale', label: 'stale cache hits', help: '% of reads', better: 'lower', values: v((p) => p.cacheStalePct), format: pct });
  }
  if (hasFanout) {
    rows.push({ key: 'fanout', label: 'sub-requests per salted read', better: 'lower', values: v((p) => p.fanoutPerRead), format: (x) => formatFixed(x, 1) });
    rows.push({ key: 'fanoutExtra', label: 'extra sub-requests', help: 'the cost of salting', better: 'lower', values: v((p) => p.fanoutExtra), format: int });
  }
  return { columns, rows };
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

export interface ScriptItem {
  index: number;
  t: number;
  text: string;
}

/** The scenario's scripted events as a list (time, what). */
export function scriptItems(scenario: PartitioningScenario): ScriptItem[] {
  return scenario.events.map((e, index) => ({ index, t: e.t, text: `${formatMs(e.t)}: ${eventText(e, scenario.strategy, scenario.nodes)}` }));
}

/** Scripted time of an edit made at the playhead: whole milliseconds, within [0, horizon]. */
export function editTime(t: number, horizonMs: number): number {
  return Math.max(0, Math.min(Math.round(Number.isFinite(t) ? t : 0), Math.max(0, Math.floor(horizonMs))));
}

export function withoutEvent(scenario: PartitioningScenario, index: number): PartitioningScenario {
  return { ...scenario, events: scenario.events.filter((_, i) => i !== index) };
}

/** Nodes down at time t by the script (crashed and not yet recovered), ascending. */
export function downAt(scenario: PartitioningScenario, t: number): number[] {
  const down = new Set<number>();
  for (const e of scenario.events) {
    if (e.t > t) break;
    if (e.type === 'crash') down.add(e.node);
    else if (e.type === 'recover') down.delete(e.node);
  }
  return [...down].sort((a, b) => a - b);
}

/** The mitigations in force at time t by the script: salt k (1: off), cache TTL (0: off), splits so far. */
export function mitigationsAt(scenario: PartitioningScenario, t: number): { saltK: number; cacheTtlMs: number; splits: number } {
  let saltK = 1;
  let cacheTtlMs = 0;
  let splits = 0;
  for (const e of scenario.events) {
    if (e.t > t) break;
    if (e.type === 'salt') saltK = e.k;
    else if (e.type === 'cache') cacheTtlMs = e.ttlMs;
    else if (e.type === 'split') splits++;
  }
  return { saltK, cacheTtlMs, splits };
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
