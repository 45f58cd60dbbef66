/** Keys per node at this step, with the mean line and the balance figures. */
import { useMemo } from 'react';
import { Histogram } from '../../../viz/histogram';
import { formatFixed, formatInt, type VizStyle } from '../../../viz/shared';
import type { ConsistentHashingResult, RingFrame } from '../result';
import { selectLoad } from './select';

export function LoadSummary(props: { result: ConsistentHashingResult; frame: RingFrame; style: VizStyle; selectedNode: number }) {
  const { result, frame, style } = props;
  const load = useMemo(() => selectLoad(result, frame), [result, frame]);
  const isMany = load.include.length > 40;
  return (
    <section className="lab-card ch-card" aria-labelledby="ch-load-title">
      <h2 id="ch-load-title">Load: keys per node</h2>
      <dl className="ch-stats">
        <div>
          <dt>max / mean</dt>
          <dd>{formatFixed(load.maxOverMean, 2)}</dd>
        </div>
        <div>
          <dt>stdev</dt>
          <dd>{`${formatFixed(load.stdevPct)}% of mean`}</dd>
        </div>
        <div>
          <dt>mean</dt>
          <dd>{formatFixed(load.mean)}</dd>
        </div>
        <div>
          <dt>busiest</dt>
          <dd>{`${load.busiest} (${formatInt(load.max)})`}</dd>
        </div>
      </dl>
      <Histogram
        values={load.values}
        include={load.include}
        labels={result.nodeNames}
        mean={load.mean}
        isSorted={isMany}
        hasItemColors={!isMany}
        itemsName="nodes"
        highlight={props.selectedNode >= 0 ? props.selectedNode : undefined}
        style={style}
        height={170}
        columns={['node', 'keys']}
        label={`Keys per node at step ${frame.t}: mean ${formatFixed(load.mean)}, max ${formatInt(load.max)} (${formatFixed(load.maxOverMean, 2)} x mean), stdev ${formatFixed(load.stdevPct)}% of mean`}
        caption={isMany ? 'Nodes sorted from busiest to least busy.' : undefined}
      />
    </section>
  );
}
