/** CPU % of every node over time, one row per node (rows combine by max when nodes outnumber pixels). */
import { memo, useMemo } from 'react';
import { Heatmap } from '../../../viz/heatmap';
import { formatFixed, type VizStyle } from '../../../viz/shared';
import type { PartitioningResult } from '../result';
import { secondsTick } from './NodeCharts';
import { formatMs, heatmapLabel, type NodeCharts } from './select';
import { formatNumber } from '../../../viz/shared/format';

const domain = [0, 100] as const;
const pct = (v: number) => `${formatFixed(v, 0)}%`;

export const CpuHeatmap = memo(function CpuHeatmap(props: { result: PartitioningResult; charts: NodeCharts; style: VizStyle; t: number; onSeek: (t: number) => void }) {
  const { result, charts } = props;
  const label = useMemo(() => heatmapLabel(result), [result]);
  const n = charts.cpu.nodeCount;
  const height = Math.max(180, Math.min(380, n * 14 + 84));
  return (
    <section className="lab-card pt-card" aria-labelledby="pt-heat-title">
      <h2 id="pt-heat-title">Every node at once: CPU heatmap</h2>
      <Heatmap
        matrix={charts.cpu}
        labels={charts.labels}
        domain={domain}
        style={props.style}
        t={props.t}
        onSeek={props.onSeek}
        formatTime={formatMs}
        formatTimeTick={secondsTick}
        formatValue={pct}
        valueLabel="CPU %"
        xLabel="simulated time (s)"
        label={label}
        height={height}
        caption={n > 60 ? `${formatNumber(n)} nodes: each row is a group of neighbouring nodes, coloured by the busiest of them. Hover or use the arrow keys for values.` : 'Hover, or focus and use the arrow keys, for values.'}
      />
    </section>
  );
});
