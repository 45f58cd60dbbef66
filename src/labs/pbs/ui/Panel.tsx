/**
 * The PBS lab's UI: the consistency-against-time plot, the per-configuration table, WARS in words and the
 * lesson. It reads narrow values through the app's hooks, derives everything through ./select.ts, and
 * changes things only by editing the scenario (the parameter form is the app's).
 */
import { useDeferredValue, useMemo } from 'react';
import { useApplyLesson, usePresentation, useResult, useResultScenario, useRunStatus, useScenario, useTheme } from '../../../app/hooks';
import type { LabResult } from '../../contract';
import { LessonSteps } from '../../../viz/lesson/LessonSteps';
import { vizStyle } from '../../../viz/shared';
import '../../../viz/viz.css';
import './panel.css';
import { CdfChart } from './CdfChart';
import { ConfigTable } from './ConfigTable';
import { lesson } from '../lesson';
import type { PbsResult } from '../result';
import type { PbsScenario } from '../scenario';
import { WarsModel } from './WarsModel';

const isPbsResult = (r: LabResult | undefined): r is PbsResult => r !== undefined && r.lab === 'pbs';

export default function PbsPanel() {
  const scenario = useScenario<PbsScenario>();
  const raw = useResult<LabResult>();
  const rawScenario = useResultScenario<PbsScenario>();
  // A new result renders deferred, so the previous plot stays up while React renders the next one.
  const shown = useDeferredValue(useMemo(() => ({ result: isPbsResult(raw) ? raw : undefined, scenario: rawScenario }), [raw, rawScenario]));
  const status = useRunStatus();
  const theme = useTheme();
  const isLocked = usePresentation().lock;
  const style = useMemo(() => vizStyle(theme), [theme]);

  const applyLesson = useApplyLesson(lesson);

  const { result } = shown;
  const resultScenario = shown.scenario ?? scenario;
  return (
    <div className="pbs-panel" aria-busy={status.state === 'running'}>
      {status.state === 'running' && (
        <p className="pbs-running" role="status">
          {`Simulating… ${Math.round(status.progress * 100)}%${result ? ' (showing the previous result)' : ''}`}
        </p>
      )}
      {!result && status.state === 'error' && <p className="pbs-running">{`The run failed: ${status.message ?? 'unknown error'}`}</p>}
      {result && (
        <div className="pbs-grid">
          <div className="pbs-area-chart">
            <CdfChart result={result} style={style} />
          </div>
          <div className="pbs-area-table">
            <ConfigTable result={result} tMaxMs={resultScenario.tMaxMs} />
          </div>
          <div className="pbs-area-wars">
            <WarsModel scenario={resultScenario} />
          </div>
        </div>
      )}
      <LessonSteps steps={lesson} onApply={applyLesson} isLocked={isLocked} className="pbs-card" />
    </div>
  );
}
