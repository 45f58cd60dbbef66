/**
 * What the queues panel shows, derived from a result (pure, tested in Node): the stage's layout, the lag
 * and queue-depth charts as node x time matrices, and the side-by-side rows.
 */
import type { NodeMatrix } from '../../../viz/timeSeries';
import type { KafkaOutcome, Outputs, QueueSide, QueuesResult, SqsOutcome } from '../result';
import { formatNumber } from '../../../viz/shared/format';

/** Node positions in [0, 1] x [0, 1]: producer left, partitions (or queues) in the middle, consumers right. */
export function stagePositions(result: QueuesResult, isNarrow: boolean): { x: number[]; y: number[] } {
  // Laid out as w0, the middle nodes, the consumers; the scene numbers consumers first (result.ts nodeNamesOf).
  // The second group's member a0 (last, when present) sits under the producer (beside it on a phone).
  const names = result.stage.nodeNames.filter((n) => n !== 'a0');
  const laid = isNarrow ? narrowPositions(result.mode, names) : widePositions(result.mode, names);
  const consumers = names.filter((n) => n.startsWith('c')).length;
  const reorder = (a: number[]) => [...a.slice(a.length - consumers), ...a.slice(0, a.length - consumers)];
  const x = reorder(laid.x);
  const y = reorder(laid.y);
  if (names.length < result.stage.nodeNames.length) {
    x.push(0);
    y.push(isNarrow ? 0 : 1);
  }
  return { x, y };
}

function widePositions(mode: QueuesResult['mode'], names: readonly string[]): { x: number[]; y: number[] } {
  const x: number[] = [];
  const y: number[] = [];
  if (mode === 'sqs') {
    const consumers = names.length - 5;
    x.push(0, 0.36, 0.36, 0.1, 0.1);
    y.push(0.5, 0.15, 0.85, 0.0, 1.0);
    columnOf(consumers, 1, 0.78, x, y);
    return { x, y };
  }
  const consumers = names.filter((n) => n.startsWith('c')).length;
  const partitions = names.length - 1 - consumers;
  x.push(0);
  y.push(0.5);
  // Cards are about a fifth of the stage tall: at most 4 in a column (3 on a phone); glyphs at scale, 10 a column.
  const perColumn = partitions > 24 ? 10 : 4;
  const cols = Math.min(partitions > 24 ? 10 : 4, Math.ceil(partitions / perColumn));
  const rows = Math.ceil(partitions / cols);
  const [x0, x1] = cols > 3 ? [0.2, 0.66] : [0.22, 0.52];
  for (let p = 0; p < partitions; p++) {
    const c = Math.floor(p / rows);
    const r = p % rows;
    x.push(cols === 1 ? (x0 + x1) / 2 : x0 + ((x1 - x0) * c) / (cols - 1));
    y.push(rows === 1 ? 0.5 : r / (rows - 1));
  }
  columnOf(consumers, consumers > 4 ? 2 : 1, 0.8, x, y);
  return { x, y };
}

/** On a phone: top to bottom, the producer, then the partitions (or queues and DLQs), then the consumers, in rows of 3. */
function narrowPositions(mode: QueuesResult['mode'], names: readonly string[]): { x: number[]; y: number[] } {
  const x = [0.5];
  const y = [0];
  const consumers = names.filter((n) => n.startsWith('c')).length;
  const middle = names.length - 1 - consumers;
  const perRow = middle > 30 ? 10 : 3;
  const rowsMid = Math.ceil(middle / perRow);
  const rowsCon = Math.ceil(consumers / 3);
  const rows = rowsMid + rowsCon;
  const rowY = (r: number) => (rows <= 1 ? 0.5 : 0.18 + (0.82 * r) / (rows - 1));
  if (mode === 'sqs') {
    x.push(0.15, 0.85, 0.15, 0.85);
    y.push(rowY(0), rowY(0), rowY(1), rowY(1));
  } else {
    for (let p = 0; p < middle; p++) {
      x.push((p % perRow) / (perRow - 1));
      y.push(rowY(Math.floor(p / perRow)));
    }
  }
  for (let c = 0; c < consumers; c++) {
    x.push((c % 3) / 2);
    y.push(rowY(rowsMid + Math.floor(c / 3)));
  }
  return { x, y };
}

function columnOf(count: number, cols: number, xFrom: number, x: number[], y: number[]): void {
  const rows = Math.ceil(count / cols);
  for (let i = 0; i < count; i++) {
    const c = Math.floor(i / rows);
    const r = i % rows;
    x.push(cols === 1 ? 1 : xFrom + ((1 - xFrom) * c) / (cols - 1));
    y.push(rows === 1 ? 0.5 : r / (rows - 1));
  }
}

/** Lag per partition over time as a node x bucket matrix (node = partition). */
export function lagMatrix(k: KafkaOutcome): { matrix: NodeMatrix; labels: string[]; peak: number; highlight?: number[] } {
  const n = k.logEnd.length;
  const values = new Float64Array(n * k.samples);
  let peak = 0;
  for (let s = 0; s < k.samples; s++) {
    for (let p = 0; p < n; p++) {
      const v = k.lag[s * n + p];
      values[p * k.samples + s] = v;
      if (v > peak) peak = v;
    }
  }
  // At scale the chart draws a band; the busiest partition (a hot key's) stays a line of its own.
  const highlight = n > 12 ? [k.hotPartition] : undefined;
  return { matrix: { values, nodeCount: n, bucketCount: k.samples, t0: 0, bucketWidth: k.sampleMs }, labels: Array.from({ length: n }, (_, p) => `p${p}`), peak, highlight };
}

/** Depths of the SQS queues over time: visible, in flight and DLQ of each queue as six series. */
export function sqsMatrix(q: SqsOutcome): { matrix: NodeMatrix; labels: string[] } {
  const series = [q.standard.visibleSeries, q.standard.inFlightSeries, q.standard.dlqSeries, q.fifo.visibleSeries, q.fifo.inFlightSeries, q.fifo.dlqSeries];
  const values = new Float64Array(series.length * q.samples);
  series.forEach((s, i) => values.set(s, i * q.samples));
  return {
    matrix: { values, nodeCount: series.length, bucketCount: q.samples, t0: 0, bucketWidth: q.sampleMs },
    labels: ['q0 visible', 'q0 in flight', 'd0 (DLQ)', 'q1 visible', 'q1 in flight', 'd1 (DLQ)'],
  };
}

export interface Row {
  label: string;
  left: string;
  right: string;
  /** True when the two sides differ in a way the lab is about (drawn bold). */
  isKey?: boolean;
}

const num = (v: number) => formatNumber(v);

/** The two consumer outputs on the same deliveries. */
export function outputRows(o: Outputs): Row[] {
  return [
    { label: 'processings (handler runs)', left: num(o.processings), right: num(o.processings) },
    { label: 'rows written', left: num(o.plainRows), right: num(o.idempotentRows), isKey: o.plainRows !== o.idempotentRows },
    { label: 'duplicate rows', left: num(o.plainDuplicates), right: num(o.idempotentRows - o.distinct), isKey: o.plainDuplicates > 0 },
    { label: 'processings skipped as already applied', left: '0', right: num(o.idempotentSkipped) },
  ];
}

/** Standard beside FIFO. */
export function queueRows(q: SqsOutcome): Row[] {
  const r = (label: string, f: (x: QueueSide) => number, isKey = false): Row => ({ label, left: num(f(q.standard)), right: num(f(q.fifo)), isKey: isKey && f(q.standard) !== f(q.fifo) });
  return [
    r('sends (retries included)', (x) => x.sent),
    r('sends deduplicated (accepted, not enqueued)', (x) => x.deduplicated, true),
    r('receives (empty ones included)', (x) => x.receives),
    r('empty receives', (x) => x.emptyReceives),
    r('deliveries of a message already delivered', (x) => x.redeliveries, true),
    r('deliveries out of group order', (x) => x.outOfOrder, true),
    r('deletes', (x) => x.deletes),
    r('deletes with a stale receipt handle (nothing deleted)', (x) => x.staleDeletes),
    r('moved to the DLQ', (x) => x.dlq),
    r('left visible / in flight at the end', (x) => x.leftVisible + x.leftInFlight),
  ];
}

/** Kafka's figures over the run. */
export function kafkaFigures(k: KafkaOutcome): [string, string][] {
  const endLag = k.logEnd.reduce((a, v, p) => a + v - k.committed[p], 0);
  const total = k.perPartition.reduce((a, v) => a + v, 0);
  const hotShare = total > 0 ? (100 * k.perPartition[k.hotPartition]) / total : 0;
  return [
    ['records sent', num(k.produced)],
    ['producer retries: appended twice / dropped by the broker', `${num(k.producerDuplicates)} / ${num(k.producerRetriesDropped)}`],
    ['rebalances', num(k.rebalances.length)],
    ['partition-ms paused by rebalances', num(Math.round(k.pausedMs))],
    ['commits (failed)', `${num(k.commits)} (${num(k.commitsFailed)})`],
    ['records processed twice or more', num(k.outputs.plainDuplicates)],
    ['out of order per key', num(k.keyOutOfOrder)],
    ['out of send order across partitions', num(k.globalOutOfOrder)],
    ['lag at the end (all partitions)', num(endLag)],
    ['members idle at the end (no partition)', num(k.idleConsumers)],
    ...(k.second ? [['second group g2 (a0): records processed', num(k.second.outputs.distinct)] as [string, string], ['second group g2: lag at the end', num(k.second.endLag)] as [string, string]] : []),
    [`busiest partition p${k.hotPartition}`, `${hotShare.toFixed(1)} % of records`],
  ];
}
