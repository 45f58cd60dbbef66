/** Before and after each scripted event: the same figures per phase, side by side. */
import { memo, useMemo } from 'react';
import { CompareTable } from '../../../viz/compareTable';
import type { PartitioningResult } from '../result';
import type { PartitioningScenario } from '../scenario';
import { selectPhases } from './tables';

export const PhaseTable = memo(function PhaseTable(props: { result: PartitioningResult; scenario: PartitioningScenario | undefined }) {
  const phases = useMemo(() => selectPhases(props.result, props.scenario), [props.result, props.scenario]);
  return (
    <section className="lab-card pt-card pt-table-card" aria-labelledby="pt-phases-title">
      <h2 id="pt-phases-title">Before and after</h2>
      {phases ? (
        <CompareTable caption="Each column is the time between two scripted events. ▲ best and ▼ worst per row." columns={phases.columns} rows={phases.rows} rowHeader="figure" />
      ) : (
        <p className="pt-sub">Add a mitigation or a crash at the playhead: the run splits into a "before" and an "after", compared here.</p>
      )}
    </section>
  );
});
