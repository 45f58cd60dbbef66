/**
 * The writes each region has not applied yet, over time, with the scripted faults as markers: replication
 * lag counted in writes. During a partition the counts climb on both sides (every write there will meet
 * the other side's at the heal); after it they drain within a resend and a round trip. Click the chart, or
 * focus it and use the arrow keys and Enter, to move the playhead.
 */
import { memo, useMemo } from 'react';
import { formatCompact, type VizStyle } from '../../../viz/shared';
import { TimeSeries } from '../../../viz/timeSeries';
import type { MultiLeaderResult } from '../result';
import type { MultiLeaderScenario } from '../scenario';
import { pendingChart, scriptText } from './select';

// Module-level formatters: the chart's layout is memoized on them, and the playhead re-renders every frame.
const formatMs = (t: number) => `${formatCompact(t)} ms`;
const formatWrites = (v: number) => formatCompact(v);

export const LagChart = memo(function LagChart(props: { result: MultiLeaderResult; scenario: MultiLeaderScenario; style: VizStyle; t: number; onSeek: (t: number) => void }) {
  const { result, scenario, style, t, onSeek } = props;
  const chart = useMemo(() => pendingChart(result, scenario.events), [result, scenario]);
  const script = scriptText(scenario.events);
  return (
    <section className="lab-card ml-card" aria-labelledby="ml-lag-heading">
      <h2 id="ml-lag-heading">Writes not yet applied, per region</h2>
      <p className="ml-sub">{`Writes made in other regions that have not reached a region yet: at most ${chart.peak} at once. Click the chart, or focus it and use ← → and Enter, to move the playhead.`}</p>
      <p className="ml-sub">{script ? `Scripted faults: ${script}.` : 'No scripted faults: add one from the stage (click a leader or a link).'}</p>
      <TimeSeries
        matrix={chart.matrix}
        labels={chart.labels}
        markers={chart.markers}
        style={style}
        t={t}
        onSeek={onSeek}
        formatTime={formatMs}
        formatValue={formatWrites}
        reduce="max"
        height={170}
        label={`Writes not yet applied per region over time, peak ${chart.peak}`}
        xLabel="simulated time (ms)"
        yLabel="writes not yet applied"
      />
    </section>
  );
});
