/** The four strategies side by side: every cell measured on the same keys and request stream. */
import { memo, useMemo } from 'react';
import { CompareTable } from '../../../viz/compareTable';
import type { PartitioningResult } from '../result';
import type { PartitioningScenario } from '../scenario';
import { selectStrategyTable } from './tables';

export const StrategyTable = memo(function StrategyTable(props: { result: PartitioningResult; scenario: PartitioningScenario | undefined }) {
  const table = useMemo(() => selectStrategyTable(props.result, props.scenario), [props.result, props.scenario]);
  return (
    <section className="lab-card pt-card pt-table-card" aria-labelledby="pt-table-title">
      <h2 id="pt-table-title">Four strategies, same keys, same requests</h2>
      <CompareTable
        caption={`Measured on ${props.result.keyCount.toLocaleString('en-US')} keys and ${props.result.requestCount.toLocaleString('en-US')} requests over ${props.result.nodeCount.toLocaleString('en-US')} nodes. ▲ best and ▼ worst per row.`}
        columns={table.columns}
        rows={table.rows}
        currentColumn={table.currentColumn}
        currentNote="serves the workload"
      />
    </section>
  );
});
