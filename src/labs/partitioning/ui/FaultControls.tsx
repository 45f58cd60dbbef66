/**
 * Crash (or recover) a node at the playhead, and (CrashImpact) what the crash shown did to its keys under
 * each strategy. The node defaults to the flagged hot node: crashing the hottest node is the interesting case.
 */
import { memo, useId, useMemo, useState } from 'react';
import { CompareTable } from '../../../viz/compareTable';
import type { PartitioningResult } from '../result';
import type { PartitioningEvent, PartitioningScenario } from '../scenario';
import { downAt } from './script';
import { formatMs } from './select';
import { selectFault } from './tables';

export interface FaultControlsProps {
  result: PartitioningResult;
  scenario: PartitioningScenario;
  at: number;
  onAdd: (event: PartitioningEvent, label: string) => void;
  isLocked: boolean;
}

export const FaultControls = memo(function FaultControls({ result, scenario, at, onAdd, isLocked }: FaultControlsProps) {
  const id = useId();
  const hasDirectory = scenario.strategy === 'directory';
  const nodeMax = hasDirectory ? scenario.nodes : scenario.nodes - 1;
  const suggested = result.hotNode >= 0 ? result.hotNode : (result.series.top[0]?.node ?? 0);
  const [chosen, setChosen] = useState<number | null>(null);
  const node = chosen ?? Math.min(suggested, nodeMax);
  const isValid = Number.isInteger(node) && node >= 0 && node <= nodeMax;
  const name = hasDirectory && node === scenario.nodes ? 'the directory' : `n${node}`;
  const isDown = downAt(scenario, at).includes(node);
  const when = `at ${formatMs(at)}`;
  return (
    <section className="pt-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Crash a node</h2>
      <div className="pt-row">
        <label htmlFor={`${id}-node`}>Node</label>
        <input
          id={`${id}-node`}
          type="number"
          min={0}
          max={nodeMax}
          step={1}
          value={Number.isFinite(node) ? node : ''}
          onChange={(e) => setChosen(e.currentTarget.valueAsNumber)}
          aria-invalid={!isValid}
          aria-describedby={`${id}-node-help`}
        />
        <span id={`${id}-node-help`} className="pt-hint">
          {hasDirectory ? `0..${nodeMax - 1} storage, ${nodeMax} = directory` : `0..${nodeMax}`}
          {result.hotNode >= 0 ? `; hot node: n${result.hotNode}` : ''}
        </span>
        {isDown ? (
          <button type="button" disabled={isLocked || !isValid} onClick={() => onAdd({ t: at, type: 'recover', node }, `recover ${name} ${when}`)}>
            {`Recover ${name} ${when}`}
          </button>
        ) : (
          <button type="button" className="pt-danger" disabled={isLocked || !isValid} onClick={() => onAdd({ t: at, type: 'crash', node }, `crash ${name} ${when}`)}>
            {`Crash ${isValid ? name : 'node'} ${when}`}
          </button>
        )}
      </div>
      <p className="pt-hint">Its keys go unavailable, move, or (for the directory) everything stops, depending on the strategy: see below.</p>
    </section>
  );
});

/** What the crash at (or before) the playhead did to keys under each strategy: prose, then the table. */
export const CrashImpact = memo(function CrashImpact({ result, t }: { result: PartitioningResult; t: number }) {
  const fault = useMemo(() => selectFault(result, t), [result, t]);
  return (
    <section className="pt-card" aria-labelledby="pt-crash-title">
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
        <p className="pt-sub">No crash in this run: crash a node (above) to see, under each strategy, which keys go unavailable, which move, and what losing the directory means.</p>
      )}
    </section>
  );
});
