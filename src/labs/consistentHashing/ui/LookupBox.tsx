/** Trace one key: its hash position, the clockwise walk, its owner and replica set. */
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { ConsistentHashingResult, RingFrame } from '../result';
import { selectLookupText } from './select';

export interface LookupBoxProps {
  result: ConsistentHashingResult;
  frame: RingFrame;
  lookup: string;
  replicas: number;
  onLookup: (key: string) => void;
  isLocked: boolean;
}

export function LookupBox(props: LookupBoxProps) {
  const { result, frame } = props;
  const [draft, setDraft] = useState(props.lookup);
  useEffect(() => setDraft(props.lookup), [props.lookup]);
  const inputId = useId();
  const text = selectLookupText(result, frame);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onLookup(draft);
  };
  return (
    <section className="lab-card ch-card" aria-labelledby="ch-lookup-title">
      <h2 id="ch-lookup-title">Key lookup</h2>
      <form className="ch-lookup-form" onSubmit={submit}>
        <label htmlFor={inputId}>Key</label>
        <input id={inputId} type="text" value={draft} maxLength={64} spellCheck={false} onChange={(e) => setDraft(e.target.value)} disabled={props.isLocked} />
        <button type="submit" disabled={props.isLocked}>
          Trace
        </button>
        {props.lookup !== '' && (
          <button type="button" className="ch-link" onClick={() => props.onLookup('')} disabled={props.isLocked}>
            Clear
          </button>
        )}
      </form>
      {text ? (
        <div className="ch-lookup">
          <p>
            {'“'}
            <code>{text.key}</code>
            {`” hashes to `}
            <code>{text.hashHex}</code>
            {` (${text.degrees}° clockwise from the top).`}
          </p>
          <p>{`Walk clockwise to the next ring points until ${text.replicas.length} different nodes are found:`}</p>
          <ol className="ch-walk">
            {text.steps.map((step, i) => {
              const order = text.steps.slice(0, i + 1).filter((s) => s.isNew).length;
              return (
                <li key={i}>
                  <code>{step.positionHex}</code>
                  {` ${step.node}`}
                  {step.isNew ? (
                    <strong>{i === 0 ? ' ← owner (badge 1 on the ring)' : ` ← replica (badge ${order})`}</strong>
                  ) : (
                    <span className="ch-hint">{' (same node again, skip)'}</span>
                  )}
                </li>
              );
            })}
            {text.visitedCount > text.steps.length && <li className="ch-hint">{`… ${text.visitedCount - text.steps.length} more points`}</li>}
          </ol>
          <p>
            {'Owner: '}
            <strong>{text.owner}</strong>
            {` · replica set (R = ${props.replicas}): `}
            <strong>{text.replicas.join(', ')}</strong>
          </p>
        </div>
      ) : (
        <p className="ch-hint">Type a key and press Trace to follow it round the ring.</p>
      )}
    </section>
  );
}
