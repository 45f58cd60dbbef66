/**
 * What the crash shown (the latest at or before the playhead) did to keys under each strategy: prose, then
 * the table. Crashes themselves are added on the stage (a click on a node).
 */
import { memo, useMemo } from 'react';
import { CompareTable } from '../../../viz/compareTable';
import type { PartitioningResult } from '../result';
import { selectFault } from './tables';

/** What the crash at (or before) the playhead did to keys under each strategy: prose, then the table. */
export const CrashImpact = memo(function CrashImpact({ result, t }: { result: PartitioningResult; t: number }) {
  const fault = useMemo(() => selectFault(result, t), [result, t]);
  return (
    <section className="lab-card pt-card pt-table-card" aria-labelledby="pt-crash-title">
      <h2 id="pt-crash-title">What a crash does to keys</h2>
      {fault ? (
        <div className="pt-fault">
          <h3>{fault.count > 1 ? `${fault.title} (crash ${fault.index + 1} of ${fault.count}; the playhead picks which)` : fault.title}</h3>
          <ul className="pt-details">
            {fault.sentences.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
          <CompareTable caption="What this crash does to keys under each strategy. ▲ best and ▼ worst per row." columns={fault.table.columns} rows={fault.table.rows} currentColumn={fault.table.currentColumn} currentNote="ran" />
        </div>
      ) : (
        <p className="pt-sub">No crash in this run: crash a node on the stage (click it) to see, under each strategy, which keys go unavailable, which move, and what losing the directory means.</p>
      )}
    </section>
  );
});
