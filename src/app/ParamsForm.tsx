/**
 * The generic parameter form, built from spec.params (shown in the parameters drawer, ParamsDrawer.tsx).
 * A value the lab refuses (over a limit, not a number) is not applied: the field keeps what the user typed
 * and says why, naming the limit. Escape in a field being edited restores its value (and leaves the drawer
 * open); Escape again closes the drawer.
 */
import { useId, useState, type ReactNode } from 'react';
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
  const store = useAppStoreApi();
  const id = useId();
  const [draft, setDraft] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);

  function apply(next: Scalar): void {
    if (next === value) {
      setDraft(undefined);
      setError(undefined);
      return;
    }
    const outcome = store
      .getState()
      .editScenario(`set ${param.label.toLowerCase()} to ${String(next)}${param.unit ? ` ${param.unit}` : ''}`, (s) => ({
        ...s,
        [param.key]: next,
      }));
    if (outcome.ok) {
      setDraft(undefined);
      setError(undefined);
    } else {
      const mine = outcome.issues.filter((i) => i.path === param.key);
      setError((mine.length > 0 ? mine : outcome.issues).map((i) => i.message).join('; '));
    }
  }

  function commitText(text: string): void {
    const trimmed = text.trim();
    const number = trimmed === '' ? Number.NaN : Number(trimmed);
    if (!Number.isFinite(number)) {
      setError(`${param.label} must be a number${rangeText(param)}, got "${text}"`);
      return;
    }
    apply(number);
  }

  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const describedBy = error ? `${errorId} ${helpId}` : helpId;
  const label = (
    <>
      {param.label}
      {param.unit && <span className="param-unit"> ({param.unit})</span>}
    </>
  );

  let control: ReactNode;
  if (param.kind === 'boolean') {
    return (
      <div className="param param-boolean">
        <input
          id={id}
          type="checkbox"
          checked={value === true}
          disabled={disabled}
          aria-describedby={describedBy}
          onChange={(e) => apply(e.currentTarget.checked)}
        />
        <label htmlFor={id}>{label}</label>
        <p id={helpId} className="param-help">{param.help}</p>
        {error && <p id={errorId} className="param-error">{error}</p>}
      </div>
    );
  } else if (param.kind === 'enum') {
    control = (
      <select id={id} value={String(value)} disabled={disabled} aria-describedby={describedBy} onChange={(e) => apply(e.currentTarget.value)}>
        {(param.options ?? []).map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    );
  } else {
    control = (
      <input
        id={id}
        type="text"
        inputMode={param.kind === 'int' ? 'numeric' : 'decimal'}
        value={draft ?? String(value ?? '')}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => setDraft(e.currentTarget.value)}
        onBlur={(e) => draft !== undefined && commitText(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commitText(e.currentTarget.value);
          if (e.key === 'Escape' && (draft !== undefined || error !== undefined)) {
            e.preventDefault();
            setDraft(undefined);
            setError(undefined);
          }
        }}
      />
    );
  }
  return (
    <div className="param">
      <label htmlFor={id}>{label}</label>
      {control}
      {error && (
        <p id={errorId} className="param-error">
          {error}
        </p>
      )}
      <p id={helpId} className="param-help">
        {param.help}
        {rangeText(param) && <span className="param-range">{rangeText(param)}</span>}
      </p>
    </div>
  );
}

function rangeText(param: ParamSpec): string {
  if (param.min === undefined || param.max === undefined) return '';
  return ` (${formatNumber(param.min)}..${formatNumber(param.max)})`;
}
