/** The four strategies side by side: every cell measured on the same keys and request stream. */
import { memo, useMemo } from 'react';
import { CompareTable } from '../../../viz/compareTable';
import type { PartitioningResult } from '../result';
import type { PartitioningScenario } from '../scenario';
import { selectStrategyTable } from './tables';
import { formatNumber } from '../../../viz/shared/format';

export const StrategyTable = memo(function StrategyTable(props: { result: PartitioningResult; scenario: PartitioningScenario | undefined }) {
  const table = useMemo(() => selectStrategyTable(props.result, props.scenario), [props.result, props.scenario]);
  return (
    <section className="lab-card pt-card pt-table-card" aria-labelledby="pt-table-title">
      <h2 id="pt-table-title">Four strategies, same keys, same requests</h2>
      <CompareTable
        caption={`Measured on ${formatNumber(props.result.keyCount)} keys and ${formatNumber(props.result.requestCount)} requests over ${formatNumber(props.result.nodeCount)} nodes. ▲ best and ▼ worst per row.`}
        columns={table.columns}
        rows={table.rows}
        currentColumn={table.currentColumn}
        currentNote="serves the workload"
      />
    </section>
  );
});
