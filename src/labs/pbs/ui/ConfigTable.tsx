/** Per configuration: consistency at the playhead and at commit, t for 99.9%, the 99.9th percentile latencies, strictness. */
import { useMemo } from 'react';
import { DataTable } from '../../../viz/shared/DataTable';
import type { PbsResult } from '../result';
import { formatMs, selectRows } from './select';

export function ConfigTable(props: { result: PbsResult; tMaxMs: number; gridIndex: number }) {
  const { result, tMaxMs, gridIndex } = props;
  const atT = result.tMs[gridIndex] ?? 0;
  const columns = useMemo(
    () => ['N, R, W', 'strict quorum (R + W > N)', `consistent at the playhead (t = ${formatMs(atT)})`, 'consistent at commit (t = 0)', 't for 99.9% consistent', 'read latency p99.9', 'write latency p99.9'],
    [atT],
  );
  const rows = useMemo(
    () => selectRows(result, tMaxMs, gridIndex).map((r) => [r.name, r.strict, r.pAtPlayhead, r.pAtCommit, r.tVisibility, r.readP999, r.writeP999]),
    [result, tMaxMs, gridIndex],
  );
  return (
    <section className="lab-card pbs-card pbs-table" aria-labelledby="pbs-table-title">
      <h2 id="pbs-table-title">Staleness against latency</h2>
      {/* A region that scrolls sideways on a narrow screen: focusable, so the keyboard can scroll it. */}
      <div className="pbs-scroll" role="region" aria-label="Per configuration, from the same simulated trials" tabIndex={0}>
        <DataTable caption="Per configuration, from the same simulated trials" columns={columns} rows={rows} isVisible />
      </div>
      <p className="pbs-note">
        Raising R or W makes reads consistent sooner but waits for more replicas: compare the latency columns. The
        playhead is t, the time between the write's commit and the read: play or scrub it to move along the curves.
      </p>
    </section>
  );
}
