/**
 * The partitioning lab's UI. It reads narrow values through the app's hooks, derives everything through
 * ./select.ts (pure, tested, memoized on the result's identity), and changes things only by editing the
 * scenario: mitigations and crashes go into the script at the playhead. Charts aggregate across nodes, so
 * a 1,000-node run costs what a 10-node run does on the main thread.
 */
import { startTransition, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useApplyLesson, useEditScenario, useInsertEvent, usePlayhead, usePresentation, useReducedMotion, useResult, useResultScenario, useRunStatus, useScenario, useSeek, useTheme } from '../../../app/hooks';
import type { LabResult } from '../../contract';
import { vizStyle } from '../../../viz/shared';
import '../../../viz/viz.css';
import './panel.css';
import { CpuHeatmap } from './CpuHeatmap';
import { CrashImpact, FaultControls } from './FaultControls';
import { Findings } from './Findings';
import { lesson } from '../lesson';
import { LessonSteps } from '../../../viz/lesson/LessonSteps';
import { MitigationControls } from './MitigationControls';
import { NodeCharts } from './NodeCharts';
import { PhaseTable } from './PhaseTable';
import { horizon, type PartitioningEvent, type PartitioningScenario } from '../scenario';
import { ScriptList } from './ScriptList';
import { editTime, isPartitioningResult, selectMarkers, selectNodeCharts, withoutEvent } from './select';
import { StrategyTable } from './StrategyTable';

export default function PartitioningPanel() {
  const scenario = useScenario<PartitioningScenario>();
  // A new result re-renders the Panel as a deferred render, which React slices into tasks of a few ms, so
  // the arrival of a 1,000-node result is never one long main-thread task; the previous result stays up.
  const raw = useResult<LabResult>();
  const rawScenario = useResultScenario<PartitioningScenario>();
  const shown = useDeferredValue(useMemo(() => ({ result: isPartitioningResult(raw) ? raw : undefined, scenario: rawScenario }), [raw, rawScenario]));
  const { result, scenario: resultScenario } = shown;
  const setTime = useSeek();
  const status = useRunStatus();
  const t = usePlayhead();
  // While playing, t changes every frame. The charts' playhead lines follow t at once (they are cheap); the
  // rest (edit times on buttons, the crash shown) follows a deferred t that React renders when it has time.
  const tLater = useDeferredValue(t);
  const theme = useTheme();
  const isLocked = usePresentation().lock;
  const isReducedMotion = useReducedMotion();
  const findingsRef = useRef<HTMLElement>(null);
  const edit = useEditScenario<PartitioningScenario>();
  const style = useMemo(() => vizStyle(theme), [theme]);
  // The first result mounts in two commits: the finding, charts and controls, then (next task) the tables,
  // heatmap and lesson below the fold, so the browser's first style and layout pass is split in two.
  const [isBelowFoldMounted, setBelowFoldMounted] = useState(false);
  const hasResult = result !== undefined;
  useEffect(() => {
    if (!hasResult || isBelowFoldMounted) return;
    const id = setTimeout(() => startTransition(() => setBelowFoldMounted(true)), 0);
    return () => clearTimeout(id);
  }, [hasResult, isBelowFoldMounted]);
  const charts = useMemo(() => (result ? selectNodeCharts(result) : undefined), [result]);
  const markers = useMemo(() => (result ? selectMarkers(result, resultScenario) : undefined), [result, resultScenario]);
  const at = editTime(tLater, Math.max(horizon(scenario), result?.endTime ?? 0));

  const insertEvent = useInsertEvent();
  const addEvent = useCallback(({ t: at, ...draft }: PartitioningEvent, label: string) => insertEvent(draft, { t: at, label }), [insertEvent]);
  const removeEvent = useCallback((index: number, text: string) => edit(`remove ${text}`, (s) => withoutEvent(s, index)), [edit]);
  const seek = useCallback((time: number) => setTime(time), [setTime]);
  const showFindings = useCallback(() => {
    setTime(0);
    // The step's result shows at the top of the panel, far above the lesson: take the reader there (a
    // jump, not a smooth scroll, under reduced motion) and move focus with them.
    const findings = findingsRef.current;
    findings?.scrollIntoView({ behavior: isReducedMotion ? 'auto' : 'smooth', block: 'start' });
    findings?.focus({ preventScroll: true });
  }, [setTime, isReducedMotion]);
  const applyLesson = useApplyLesson(lesson, showFindings);

  if (!result || !charts || !markers) {
    return (
      <div className="pt-panel" aria-busy={status.state === 'running'}>
        <p className="pt-waiting">
          {status.state === 'error' ? `The run failed: ${status.message ?? 'unknown error'}` : `Running the workload… ${Math.round(status.progress * 100)}%`}
        </p>
      </div>
    );
  }

  return (
    <div className="pt-panel" aria-busy={status.state === 'running'}>
      {status.state === 'running' && <p className="pt-running" role="status">{`Re-running… ${Math.round(status.progress * 100)}% (showing the previous result)`}</p>}
      <Findings ref={findingsRef} result={result} />
      <NodeCharts result={result} charts={charts} markers={markers} style={style} t={t} onSeek={seek} />
      <div className="pt-controls">
        <MitigationControls scenario={scenario} at={at} onAdd={addEvent} isLocked={isLocked} />
        <div className="pt-stack">
          <FaultControls result={result} scenario={scenario} at={at} onAdd={addEvent} isLocked={isLocked} />
          <ScriptList scenario={scenario} onGo={seek} onRemove={removeEvent} isLocked={isLocked} />
        </div>
      </div>
      {isBelowFoldMounted && (
        <>
          <PhaseTable result={result} scenario={resultScenario} />
          <CpuHeatmap result={result} charts={charts} style={style} t={t} onSeek={seek} />
          <CrashImpact result={result} t={tLater} />
          <StrategyTable result={result} scenario={resultScenario} />
          <LessonSteps steps={lesson} onApply={applyLesson} isLocked={isLocked} className="pt-card" />
        </>
      )}
    </div>
  );
}
