/** The scenario's script: every fault and mitigation with its time; go to it, or remove it (undoable). */
import { memo } from 'react';
import type { PartitioningScenario } from '../scenario';
import { scriptItems } from './script';

export const ScriptList = memo(function ScriptList(props: { scenario: PartitioningScenario; onGo: (t: number) => void; onRemove: (index: number, text: string) => void; isLocked: boolean }) {
  const items = scriptItems(props.scenario);
  return (
    <section className="lab-card pt-card" aria-labelledby="pt-script-title">
      <h2 id="pt-script-title">Script</h2>
      {items.length === 0 ? (
        <p className="pt-sub">No events: the workload runs untouched. Fixes and crashes you add appear here.</p>
      ) : (
        <ol className="pt-script">
          {items.map((item) => (
            <li key={`${item.index}-${item.t}`}>
              <span>{item.text}</span>
              <button type="button" className="pt-link" onClick={() => props.onGo(item.t)}>
                Go to<span className="viz-visually-hidden">{` ${item.text}`}</span>
              </button>
              <button type="button" className="pt-link" disabled={props.isLocked} onClick={() => props.onRemove(item.index, item.text)}>
                Remove<span className="viz-visually-hidden">{` ${item.text}`}</span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
});
