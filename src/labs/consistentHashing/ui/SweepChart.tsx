/** What virtual nodes buy: load spread against vnodes per node, for this step's node set. */
import { useMemo } from 'react';
import { LineChart } from '../../../viz/lineChart';
import type { VizStyle } from '../../../viz/shared';
import type { ConsistentHashingResult, RingFrame } from '../result';
import { selectSweepSeries } from './select';

export function SweepChart(props: { result: ConsistentHashingResult; frame: RingFrame; vnodes: number; style: VizStyle }) {
  const { result, frame } = props;
  const sweep = useMemo(() => selectSweepSeries(result, frame), [result, frame]);
  if (!sweep) return null;
  return (
    <section className="lab-card ch-card" aria-labelledby="ch-sweep-title">
      <h2 id="ch-sweep-title">More vnodes, more even load</h2>
      <LineChart
        series={sweep.series}
        xScale="log"
        markX={props.vnodes}
        style={props.style}
        height={190}
        xLabel="vnodes per node (log scale)"
        yLabel="stdev, % of mean"
        label={`Standard deviation of load against vnodes per node, for ${sweep.nodes} nodes`}
        caption={`${sweep.nodes} nodes of equal weight. Dotted rule: the scenario's ${props.vnodes} vnodes.`}
      />
    </section>
  );
}
