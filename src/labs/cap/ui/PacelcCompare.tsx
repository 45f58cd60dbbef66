/** PACELC: the three presets with no cut (latency CDFs, stale reads) and, for the P letter, under the script's cuts. */
import { useMemo } from 'react';
import { LineChart } from '../../../viz/lineChart';
import type { VizStyle } from '../../../viz/shared';
import type { CapResult } from '../result';
import { cdfSeries, pacelcRows } from './select';

export function PacelcCompare(props: { result: CapResult; style: VizStyle }) {
  const { result } = props;
  const rows = useMemo(() => pacelcRows(result.pacelc, result.pacelcCut), [result]);
  const reads = useMemo(() => cdfSeries(result.pacelc, 'read'), [result]);
  const writes = useMemo(() => cdfSeries(result.pacelc, 'write'), [result]);
  return (
    <section className="lab-card cap-card" aria-labelledby="cap-pacelc-title">
      <h2 id="cap-pacelc-title">PACELC: else (no cut), latency or consistency</h2>
      <p className="cap-note">
        The same workload on N = 3 replicas (n0..n2; any other node is a fallback for the sloppy quorum), first without the script's cuts (crashes and pauses stay), then with them. Latencies are of ok requests.
      </p>
      <div className="cap-scroll" role="region" aria-label="PACELC presets compared" tabIndex={0}>
        <table className="cap-table">
          <caption className="visually-hidden">PACELC presets: latency and stale reads without the cuts, availability and verdict under them</caption>
          <thead>
            <tr>
              <th scope="col">preset</th>
              <th scope="col">settings</th>
              <th scope="col">reads p50 / p99</th>
              <th scope="col">writes p50 / p99</th>
              <th scope="col">stale reads</th>
              <th scope="col">checker</th>
              <th scope="col">under the cut: served majority / minority</th>
              <th scope="col">under the cut: checker</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.mode}>
                <th scope="row">{r.mode}</th>
                <td className="cap-wrap">{r.settings}</td>
                <td className="cap-num">{r.reads}</td>
                <td className="cap-num">{r.writes}</td>
                <td className="cap-num">{r.staleReads}</td>
                <td>{r.verdict}</td>
                <td className="cap-num">{r.cutServed}</td>
                <td>{r.cutVerdict}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="cap-columns">
        {(['read', 'write'] as const).map((kind) => (
          <LineChart
            key={kind}
            series={kind === 'read' ? reads : writes}
            xScale="log"
            yMax={100}
            style={props.style}
            height={220}
            xLabel={`${kind} latency, ms (log)`}
            yLabel={`${kind}s done, %`}
            label={`${kind === 'read' ? 'Read' : 'Write'} latency distribution of each PACELC preset with no cut`}
            caption={`Percentage of ok ${kind}s ${kind === 'read' ? 'answered' : 'acknowledged'} within each latency, no cut.`}
          />
        ))}
      </div>
    </section>
  );
}
