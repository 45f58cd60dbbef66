/**
 * Per node over time: CPU %, queue depth, p99 latency, and the clients' latency. Large runs draw a band
 * across nodes (median to max) with the hottest nodes' own lines; scripted events and the detector's first
 * finding are markers, so "before" and "after" an edit sit on either side of a line in the same chart.
 */
import { memo } from 'react';
import { formatCompact, formatFixed, type VizStyle } from '../../../viz/shared';
import { TimeSeries } from '../../../viz/timeSeries';
import type { PartitioningResult } from '../result';
import { formatMs, type ChartMarkers, type NodeCharts as Charts } from './select';
import { formatNumber } from '../../../viz/shared/format';

export interface NodeChartsProps {
  result: PartitioningResult;
  charts: Charts;
  markers: ChartMarkers;
  style: VizStyle;
  t: number;
  onSeek: (t: number) => void;
}

const pct = (v: number) => `${formatFixed(v, 0)}%`;
/** Client chart: p99 highlighted first, then p50 (a constant, so the chart's layout stays memoized). */
const clientHighlight = [1, 0] as const;
/** Latency ticks and values: one style per axis ("0 ms", "500 ms", "1 s", "1.5 s"), the unit always said. */
const ms = (v: number) => (!Number.isFinite(v) ? '–' : Math.abs(v) >= 1000 ? `${formatCompact(v / 1000)} s` : `${formatCompact(v)} ms`);
/** Axis ticks in seconds (the axis title says so); the tooltips say the unit. */
export const secondsTick = (t: number) => formatCompact(t / 1000);

export const NodeCharts = memo(function NodeCharts({ result, charts, markers, style, t, onSeek }: NodeChartsProps) {
  const n = charts.cpu.nodeCount;
  const many = n > 12;
  const who = many ? `${formatNumber(n)} nodes: band = median to busiest node, lines = the hottest` : `${n} nodes, one line each`;
  const common = { labels: charts.labels, highlight: charts.highlight, style, t, onSeek, formatTime: formatMs, formatTimeTick: secondsTick, xLabel: 'simulated time (s)', height: 190 };
  return (
    <section className="lab-card pt-card pt-charts" aria-labelledby="pt-charts-title">
      <h2 id="pt-charts-title">Per node over time</h2>
      <p className="pt-sub">
        {`${who}. Click a chart, or focus it and use ← → and Enter, to move the playhead.`}
      </p>
      <div className="pt-chart-grid">
        <TimeSeries
          {...common}
          matrix={charts.cpu}
          bandSeries={charts.cpuBand}
          yMax={100}
          yLabel="CPU %"
          formatValue={pct}
          thresholds={charts.cpuThresholds}
          markers={markers.cpu}
          label={`CPU percent per node over ${formatMs(result.endTime)}`}
        />
        <TimeSeries
          {...common}
          matrix={charts.queue}
          bandSeries={charts.queueBand}
          reduce="max"
          yLabel="queue depth (requests waiting)"
          formatValue={formatCompact}
          thresholds={charts.queueThresholds}
          markers={markers.queue}
          label={`Most requests waiting per node over ${formatMs(result.endTime)}`}
        />
        <TimeSeries
          {...common}
          matrix={charts.latencyP99}
          bandSeries={charts.latencyBand}
          reduce="max"
          yLabel="p99 latency per node (ms)"
          formatValue={ms}
          markers={markers.latency}
          label={`p99 latency of each node's requests over ${formatMs(result.endTime)}`}
        />
        <TimeSeries
          matrix={charts.client}
          labels={charts.clientLabels}
          highlight={clientHighlight}
          style={style}
          t={t}
          onSeek={onSeek}
          formatTime={formatMs}
          formatTimeTick={secondsTick}
          formatValue={ms}
          reduce="max"
          xLabel="simulated time (s)"
          yLabel="client latency, all requests (ms)"
          markers={markers.events}
          height={190}
          label={`Client latency p50 and p99 over ${formatMs(result.endTime)}`}
        />
      </div>
      <p className="pt-sub">{`Each point is a ${formatMs(result.buckets.widthMs)} bucket of simulated time.`}</p>
    </section>
  );
});
