/**
 * The CAP/PACELC lab: the cut in the scene (pick it by dragging a line or pressing node buttons), then CP
 * and AP side by side on it, and the PACELC presets without it (latency CDFs, stale reads) and under it.
 * Reads the app's state through its hooks, derives everything through ./select.ts, changes things only by
 * editing the scenario.
 */
import { useCallback, useMemo } from 'react';
import { LabSlot, useEditScenario, useLabResult, useLessonHighlight, usePresentation, useScenario, useTheme } from '../../../app/hooks';
import { vizStyle } from '../../../viz/shared';
import '../../../viz/viz.css';
import './panel.css';
import { CapCompare } from './CapCompare';
import { CutPicker } from './CutPicker';
import { PacelcCompare } from './PacelcCompare';
import type { CapResult } from '../result';
import type { CapScenario } from '../scenario';

export default function CapPanel() {
  const scenario = useScenario<CapScenario>();
  const run = useLabResult<CapResult, CapScenario>();
  const theme = useTheme();
  const isLocked = usePresentation().lock;
  const edit = useEditScenario<CapScenario>();
  const style = useMemo(() => vizStyle(theme), [theme]);
  const pick = useCallback((label: string, sideB: string) => edit(label, (s) => ({ ...s, sideB })), [edit]);
  const highlight = useLessonHighlight();

  return (
    <>
      <LabSlot name="scene">
        <section className="cap-scene" aria-labelledby="cap-cut-title">
          <h2 id="cap-cut-title">The cut</h2>
          <CutPicker nodes={scenario.nodes} sideB={scenario.sideB} style={style} isLocked={isLocked} onPick={pick} highlighted={highlight?.nodes} />
        </section>
      </LabSlot>
      {run && (
        <div className="cap-panel">
          <CapCompare result={run.result} style={style} />
          <PacelcCompare result={run.result} style={style} />
        </div>
      )}
    </>
  );
}
