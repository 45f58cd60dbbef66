/**
 * The PBS plot: P(consistent read) against ms after commit, one line per (N, R, W) configuration, with the
 * playhead (t ms after commit, snapped to the plotted grid) as a rule and in words under the plot.
 */
import { useMemo, useState } from 'react';
import { LineChart } from '../../../viz/lineChart';
import type { VizStyle } from '../../../viz/shared';
import { formatInt } from '../../../viz/shared/format';
import type { PbsResult } from '../result';
import { selectAtPlayhead, selectHeadline, selectSeries } from './select';

export function CdfChart(props: { result: PbsResult; style: VizStyle; gridIndex: number }) {
  const { result } = props;
  // View state only (not part of the scenario): which way up the same curves are drawn.
  const [isStale, setIsStale] = useState(false);
  const series = useMemo(() => selectSeries(result, isStale), [result, isStale]);
  const headline = useMemo(() => selectHeadline(result), [result]);
  return (
    <section className="lab-card pbs-card" aria-labelledby="pbs-chart-title">
      <h2 id="pbs-chart-title">Probability of a consistent read t ms after commit</h2>
      <p className="pbs-headline">{headline}</p>
      <fieldset className="pbs-view">
        <legend>Plot</legend>
        <label>
          <input type="radio" name="pbs-view" checked={!isStale} onChange={() => setIsStale(false)} /> consistent reads (0-100%)
        </label>
        <label>
          <input type="radio" name="pbs-view" checked={isStale} onChange={() => setIsStale(true)} /> stale reads (zoomed in)
        </label>
      </fieldset>
      <LineChart
        series={series}
        xScale="linear"
        yMax={isStale ? undefined : 100}
        style={props.style}
        height={280}
        markX={result.tMs[props.gridIndex]}
        xLabel="t: ms between the write's commit and the read"
        yLabel={isStale ? 'stale reads, %' : 'consistent reads, %'}
        label={`Percentage of reads that ${isStale ? 'miss' : 'return'} the latest write, against the time between the write's commit and the read, per configuration`}
        caption={`${formatInt(result.trials)} simulated writes, each followed by one read, the same delays for every configuration. A read is consistent when it returns the committed write (or a newer one). Strict quorums (R + W > N) are never stale.`}
      />
      <p className="pbs-at">{selectAtPlayhead(result, props.gridIndex)}</p>
    </section>
  );
}
