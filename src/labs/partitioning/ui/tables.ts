/**
 * The partitioning lab's tables as renderer props (viz/compareTable): every strategy on the same keys and
 * requests, before/after phases between scripted events, and what a crash did to the keys under each
 * strategy. Loops run over strategies, phases or nodes, never over keys or requests.
 */
import type { CompareRow } from '../../../viz/compareTable';
import { formatFixed, formatInt } from '../../../viz/shared/format';
import { STRATEGIES, type FaultImpact, type PartitioningResult, type Strategy } from '../result';
import type { PartitioningScenario } from '../scenario';
import { eventText, formatMs, nodeName, STRATEGY_NAMES } from './select';

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
      // Fewer keys moved than the ideal share is not better: the new node (or the others) ends up unbalanced.
      { key: 'join', label: 'keys moved when a node joins', help: `ideal 1/${n + 1} = ${pct(100 / (n + 1))}; ▲ is nearest it`, better: { near: 100 / (n + 1) }, values: values((r) => r.movedOnJoinPct), format: pct },
      { key: 'leave', label: 'keys moved when a node leaves', help: `ideal 1/${n} = ${pct(100 / Math.max(1, n))}; ▲ is nearest it`, better: { near: 100 / Math.max(1, n) }, values: values((r) => r.movedOnLeavePct), format: pct },
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
