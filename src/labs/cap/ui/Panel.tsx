/**
 * The CAP/PACELC lab: pick the cut, see CP and AP side by side on it, then the PACELC presets without it
 * (latency CDFs, stale reads) and under it; the guided lesson. Reads the app's state through its hooks,
 * derives everything through ./select.ts, changes things only by editing the scenario.
 */
import { useCallback, useDeferredValue, useMemo } from 'react';
import { useApplyLesson, useEditScenario, usePresentation, useResult, useRunStatus, useScenario, useTheme } from '../../../app/hooks';
import type { LabResult } from '../../contract';
import { LessonSteps } from '../../../viz/lesson/LessonSteps';
import { vizStyle } from '../../../viz/shared';
import '../../../viz/viz.css';
import './panel.css';
import { CapCompare } from './CapCompare';
import { CutPicker } from './CutPicker';
import { lesson } from '../lesson';
import { PacelcCompare } from './PacelcCompare';
import type { CapResult } from '../result';
import type { CapScenario } from '../scenario';

const isCapResult = (r: LabResult | undefined): r is CapResult => r !== undefined && r.lab === 'cap';

export default function CapPanel() {
  const scenario = useScenario<CapScenario>();
  const raw = useResult<LabResult>();
  // A new result renders deferred, so the previous one stays up while React renders the next.
  const result = useDeferredValue(isCapResult(raw) ? raw : undefined);
  const status = useRunStatus();
  const theme = useTheme();
  const isLocked = usePresentation().lock;
  const edit = useEditScenario<CapScenario>();
  const style = useMemo(() => vizStyle(theme), [theme]);

  const pick = useCallback((label: string, sideB: string) => edit(label, (s) => ({ ...s, sideB })), [edit]);
  const applyLesson = useApplyLesson(lesson);

  return (
    <div className="cap-panel" aria-busy={status.state === 'running'}>
      <section className="cap-card" aria-labelledby="cap-cut-title">
        <h2 id="cap-cut-title">The cut</h2>
        <CutPicker nodes={scenario.nodes} sideB={scenario.sideB} style={style} isLocked={isLocked} onPick={pick} />
      </section>
      {status.state === 'running' && (
        <p className="cap-note" role="status">
          {`Simulating… ${Math.round(status.progress * 100)}%${result ? ' (showing the previous result)' : ''}`}
        </p>
      )}
      {!result && status.state === 'error' && <p className="cap-note">{`The run failed: ${status.message ?? 'unknown error'}`}</p>}
      {result && <CapCompare result={result} style={style} />}
      {result && <PacelcCompare result={result} style={style} />}
      <LessonSteps steps={lesson} onApply={applyLesson} isLocked={isLocked} className="cap-card" />
    </div>
  );
}
