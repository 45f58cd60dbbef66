/**
 * The generic parameter form, built from spec.params (shown in the parameters drawer, ParamsDrawer.tsx).
 * A value the lab refuses (over a limit, not a number) is not applied: the field keeps what the user typed
 * and says why, naming the limit. Escape in a field being edited restores its value (and leaves the drawer
 * open); Escape again closes the drawer.
 */
import { useId, useState, type KeyboardEvent } from 'react';
import type { BaseScenario, LabSpec, ParamSpec, Scalar } from '../labs/contract';
import { useAppStore, useAppStoreApi } from './useAppStore';
import { formatNumber } from '../viz/shared/format';

export function ParamsForm({ spec, disabled }: { spec: LabSpec; disabled: boolean }) {
  const scenario = useAppStore((s) => s.scenario) as (BaseScenario & Record<string, Scalar>) | undefined;
  if (!scenario || spec.params.length === 0) return null;
  return (
    <form className="params" onSubmit={(e) => e.preventDefault()} aria-label={`${spec.title} parameters`}>
      {spec.params.map((param) => (
        <ParamField key={param.key} param={param} value={scenario[param.key]} disabled={disabled} />
      ))}
    </form>
  );
}

function ParamField({ param, value, disabled }: { param: ParamSpec; value: Scalar | undefined; disabled: boolean }) {
  const id = useId();
  const field = useParamEdit(param, value);
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const describedBy = field.error ? `${errorId} ${helpId}` : helpId;
  const label = (
    <>
      {param.label}
      {param.unit && <span className="param-unit"> ({param.unit})</span>}
    </>
  );
  const error = field.error && (
    <p id={errorId} className="param-error">
      {field.error}
    </p>
  );

  if (param.kind === 'boolean') {
    return (
      <div className="param param-boolean">
        <input id={id} type="checkbox" checked={value === true} disabled={disabled} aria-describedby={describedBy} onChange={(e) => field.apply(e.currentTarget.checked)} />
        <label htmlFor={id}>{label}</label>
        <p id={helpId} className="param-help">{param.help}</p>
        {error}
      </div>
    );
  }
  const control =
    param.kind === 'enum' ? (
      <select id={id} value={String(value)} disabled={disabled} aria-describedby={describedBy} onChange={(e) => field.apply(e.currentTarget.value)}>
        {(param.options ?? []).map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    ) : (
      <input
        id={id}
        type="text"
        inputMode={param.kind === 'int' ? 'numeric' : 'decimal'}
        value={field.draft ?? String(value ?? '')}
        disabled={disabled}
        aria-invalid={field.error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => field.setDraft(e.currentTarget.value)}
        onBlur={(e) => field.draft !== undefined && field.commitText(e.currentTarget.value)}
        onKeyDown={field.onKeyDown}
      />
    );
  return (
    <div className="param">
      <label htmlFor={id}>{label}</label>
      {control}
      {error}
      <p id={helpId} className="param-help">
        {param.help}
        {rangeText(param) && <span className="param-range">{rangeText(param)}</span>}
      </p>
    </div>
  );
}

/** One field's editing: the text being typed, the refusal message, and applying a value as an edit. */
function useParamEdit(param: ParamSpec, value: Scalar | undefined) {
  const store = useAppStoreApi();
  const [draft, setDraft] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const clear = () => {
    setDraft(undefined);
    setError(undefined);
  };

  function apply(next: Scalar): void {
    if (next === value) return clear();
    const label = `set ${param.label.toLowerCase()} to ${String(next)}${param.unit ? ` ${param.unit}` : ''}`;
    const outcome = store.getState().editScenario(label, (s) => ({ ...s, [param.key]: next }));
    if (outcome.ok) return clear();
    const mine = outcome.issues.filter((i) => i.path === param.key);
    setError((mine.length > 0 ? mine : outcome.issues).map((i) => i.message).join('; '));
  }

  function commitText(text: string): void {
    const trimmed = text.trim();
    const number = trimmed === '' ? Number.NaN : Number(trimmed);
    if (!Number.isFinite(number)) return setError(`${param.label} must be a number${rangeText(param)}, got "${text}"`);
    apply(number);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>): void {
    if (e.key === 'Enter') commitText(e.currentTarget.value);
    // A field being edited takes Escape for itself (the drawer stays open); a clean field lets it through.
    if (e.key === 'Escape' && (draft !== undefined || error !== undefined)) {
      e.preventDefault();
      clear();
    }
  }

  return { draft, setDraft, error, apply, commitText, onKeyDown };
}

function rangeText(param: ParamSpec): string {
  if (param.min === undefined || param.max === undefined) return '';
  return ` (${formatNumber(param.min)}..${formatNumber(param.max)})`;
}
