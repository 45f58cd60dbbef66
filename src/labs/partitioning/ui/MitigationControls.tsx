/**
 * Mitigations as scenario edits at the playhead: salt the hot key k ways, split the hot range, a cache in
 * front. Each goes into the script at t, so the charts show before and after on either side of a marker.
 */
import { memo, useId, useState } from 'react';
import type { PartitioningEvent, PartitioningScenario } from '../scenario';
import { LIMITS } from '../scenario';
import { mitigationsAt } from './script';
import { formatMs } from './select';

export interface MitigationControlsProps {
  scenario: PartitioningScenario;
  /** Scripted time an edit gets (the playhead, in whole ms). */
  at: number;
  onAdd: (event: PartitioningEvent, label: string) => void;
  isLocked: boolean;
}

export const MitigationControls = memo(function MitigationControls({ scenario, at, onAdd, isLocked }: MitigationControlsProps) {
  const id = useId();
  const [k, setK] = useState(8);
  const [ttl, setTtl] = useState(100);
  const now = mitigationsAt(scenario, at);
  const when = `at ${formatMs(at)}`;
  const kOk = Number.isInteger(k) && k >= 2 && k <= LIMITS.saltKMax;
  const ttlOk = Number.isFinite(ttl) && ttl > 0 && ttl <= LIMITS.cacheTtlMsMax;
  const isRange = scenario.strategy === 'range';
  return (
    <section className="lab-card pt-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Cool the hot spot</h2>
      <p className="pt-sub">{`Each fix goes into the script at the playhead (${formatMs(at)}): move the playhead first to keep a "before".`}</p>
      <fieldset className="pt-fieldset">
        <legend>Salt the hot key</legend>
        <p className="pt-hint">Writes spread over k sub-keys; every read must ask all k.{now.saltK > 1 ? ` Now: salted ×${now.saltK}.` : ' Now: off.'}</p>
        <div className="pt-row">
          <label htmlFor={`${id}-k`}>Salts (k)</label>
          <input id={`${id}-k`} type="number" min={2} max={LIMITS.saltKMax} step={1} value={Number.isFinite(k) ? k : ''} onChange={(e) => setK(e.currentTarget.valueAsNumber)} aria-invalid={!kOk} aria-describedby={`${id}-k-help`} />
          <span id={`${id}-k-help`} className="pt-hint">{`2..${LIMITS.saltKMax}`}</span>
          <button type="button" disabled={isLocked || !kOk} onClick={() => onAdd({ t: at, type: 'salt', k }, `salt the hot key ×${k} ${when}`)}>
            {`Salt ×${kOk ? k : '?'} ${when}`}
          </button>
          {now.saltK > 1 && (
            <button type="button" disabled={isLocked} onClick={() => onAdd({ t: at, type: 'salt', k: 1 }, `turn salting off ${when}`)}>
              {`Salting off ${when}`}
            </button>
          )}
        </div>
      </fieldset>
      <fieldset className="pt-fieldset">
        <legend>Split the hot range</legend>
        <p className="pt-hint" id={`${id}-split-help`}>
          {isRange
            ? `The hottest range splits at its request median; the upper half moves to the quietest node.${now.splits > 0 ? ` Splits so far: ${now.splits}.` : ''}`
            : `Only ranges can split: choose the range strategy in the parameters (now ${scenario.strategy}).`}
        </p>
        <button type="button" disabled={isLocked || !isRange} aria-describedby={`${id}-split-help`} onClick={() => onAdd({ t: at, type: 'split' }, `split the hot range ${when}`)}>
          {`Split ${when}`}
        </button>
      </fieldset>
      <fieldset className="pt-fieldset">
        <legend>Cache in front</legend>
        <p className="pt-hint">{`Reads of a recently cached key skip the nodes; a write is not seen by the cache, so hits can be stale.${now.cacheTtlMs > 0 ? ` Now: on, TTL ${formatMs(now.cacheTtlMs)}.` : ' Now: off.'}`}</p>
        <div className="pt-row">
          <label htmlFor={`${id}-ttl`}>TTL (ms)</label>
          <input id={`${id}-ttl`} type="number" min={1} max={LIMITS.cacheTtlMsMax} step={1} value={Number.isFinite(ttl) ? ttl : ''} onChange={(e) => setTtl(e.currentTarget.valueAsNumber)} aria-invalid={!ttlOk} />
          <button type="button" disabled={isLocked || !ttlOk} onClick={() => onAdd({ t: at, type: 'cache', ttlMs: ttl }, `cache in front, TTL ${formatMs(ttl)}, ${when}`)}>
            {`Cache on ${when}`}
          </button>
          {now.cacheTtlMs > 0 && (
            <button type="button" disabled={isLocked} onClick={() => onAdd({ t: at, type: 'cache', ttlMs: 0 }, `cache off ${when}`)}>
              {`Cache off ${when}`}
            </button>
          )}
        </div>
      </fieldset>
    </section>
  );
});
