/**
 * Replication lag per node over time, in entries and in ms (the age of the oldest entry a node has not
 * applied), with the scripted faults and promotions as markers. Click a chart, or focus it and use the
 * arrow keys and Enter, to move the playhead.
 */
import { memo, useMemo } from 'react';
import { formatCompact, type VizStyle } from '../../../viz/shared';
import { TimeSeries } from '../../../viz/timeSeries';
import type { LeaderFollowerResult } from '../result';
import { lagCharts, lagPeaks } from './select';

export interface LagChartsProps {
  result: LeaderFollowerResult;
  style: VizStyle;
  t: number;
  onSeek: (t: number) => void;
}

// Module-level formatters: the charts' layouts are memoized on them, and the playhead re-renders every frame.
const formatMs = (t: number) => `${formatCompact(t)} ms`;
const formatEntries = (v: number) => formatCompact(v);

export const LagCharts = memo(function LagCharts({ result, style, t, onSeek }: LagChartsProps) {
  const charts = useMemo(() => lagCharts(result), [result]);
  const peaks = useMemo(() => lagPeaks(result), [result]);
  const common = { labels: charts.labels, markers: charts.markers, style, t, onSeek, formatTime: formatMs, xLabel: 'simulated time (ms)', height: 170, reduce: 'max' as const };
  return (
    <section className="lab-card lf-card" aria-labelledby="lf-lag-title">
      <h2 id="lf-lag-title">Replication lag</h2>
      <p className="lf-sub">
        {`How far each node is behind the newest leader's log: at most ${peaks.entries} entries, and ${peaks.ageMs.toFixed(1)} ms for the oldest entry a node had not applied yet. Click a chart, or focus it and use ← → and Enter, to move the playhead.`}
      </p>
      <div className="lf-chart-grid">
        <TimeSeries {...common} matrix={charts.entries} label={`Lag in entries per node, peak ${peaks.entries}`} yLabel="entries behind the leader" formatValue={formatEntries} />
        <TimeSeries {...common} matrix={charts.age} label={`Lag in ms per node, peak ${peaks.ageMs.toFixed(1)} ms`} yLabel="age of the oldest unapplied entry (ms)" formatValue={formatMs} />
      </div>
    </section>
  );
});
