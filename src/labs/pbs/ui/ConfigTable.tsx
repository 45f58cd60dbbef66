/** Per configuration: consistency at commit, t for 99.9%, the 99.9th percentile latencies, strictness. */
import { useMemo } from 'react';
import { DataTable } from '../../../viz/shared/DataTable';
import type { PbsResult } from '../result';
import { selectRows } from './select';

const columns = ['N, R, W', 'strict quorum (R + W > N)', 'consistent at commit (t = 0)', 't for 99.9% consistent', 'read latency p99.9', 'write latency p99.9'];

export function ConfigTable(props: { result: PbsResult; tMaxMs: number }) {
  const rows = useMemo(
    () => selectRows(props.result, props.tMaxMs).map((r) => [r.name, r.strict, r.pAtCommit, r.tVisibility, r.readP999, r.writeP999]),
    [props.result, props.tMaxMs],
  );
  return (
    <section className="pbs-card pbs-table" aria-labelledby="pbs-table-title">
      <h2 id="pbs-table-title">Staleness against latency</h2>
      <DataTable caption="Per configuration, from the same simulated trials" columns={columns} rows={rows} isVisible />
      <p className="pbs-note">
        Raising R or W makes reads consistent sooner but waits for more replicas: compare the latency columns.
      </p>
    </section>
  );
}
