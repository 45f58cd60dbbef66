/** The PBS plot: P(consistent read) against ms after commit, one line per (N, R, W) configuration. */
import { useMemo } from 'react';
import { LineChart } from '../../viz/lineChart';
import type { VizStyle } from '../../viz/shared';
import { formatInt } from '../../viz/shared/format';
import type { PbsResult } from './result';
import { selectHeadline, selectSeries } from './select';

export function CdfChart(props: { result: PbsResult; style: VizStyle }) {
  const { result } = props;
  const series = useMemo(() => selectSeries(result), [result]);
  const headline = useMemo(() => selectHeadline(result), [result]);
  return (
    <section className="pbs-card" aria-labelledby="pbs-chart-title">
      <h2 id="pbs-chart-title">Probability of a consistent read t ms after commit</h2>
      <p className="pbs-headline">{headline}</p>
      <LineChart
        series={series}
        xScale="linear"
        yMax={100}
        style={props.style}
        height={280}
        xLabel="t: ms between the write's commit and the read"
        yLabel="consistent reads, %"
        label="Percentage of reads that return the latest write, against the time between the write's commit and the read, per configuration"
        caption={`${formatInt(result.trials)} simulated writes, each followed by one read, the same delays for every configuration. A read is consistent when it returns the committed write (or a newer one). Strict quorums (R + W > N) stay at 100%.`}
      />
    </section>
  );
}
