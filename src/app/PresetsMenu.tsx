/** The presets menu: loading a preset is one undoable scenario edit. */
import { useId } from 'react';
import type { LabSpec } from '../labs/contract';
import { useAppStoreApi } from './useAppStore';

export function PresetsMenu({ spec, disabled }: { spec: LabSpec; disabled: boolean }) {
  const store = useAppStoreApi();
  const id = useId();
  if (spec.presets.length === 0) return null;
  return (
    <div className="presets">
      <label htmlFor={id}>Preset</label>
      <select
        id={id}
        value=""
        disabled={disabled}
        onChange={(e) => {
          const preset = spec.presets.find((p) => p.id === e.currentTarget.value);
          if (!preset) return;
          const outcome = store.getState().editScenario(`load preset “${preset.title}”`, () => structuredClone(preset.scenario));
          if (outcome.ok) store.getState().setTime(0);
          else store.getState().pushBanner({ tone: 'error', message: `Preset “${preset.title}” is invalid: ${outcome.issues.map((i) => i.message).join('; ')}` });
        }}
      >
        <option value="" disabled>
          Choose a preset…
        </option>
        {spec.presets.map((preset) => (
          <option key={preset.id} value={preset.id} title={preset.description}>
            {preset.title}
          </option>
        ))}
      </select>
    </div>
  );
}
