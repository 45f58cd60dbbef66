/**
 * The consistent-hashing lab's UI. It reads narrow values through the app's hooks, derives everything
 * through ./select.ts (pure, tested), and changes things only by editing the scenario. Scenario strings
 * (the lookup key, node names) are rendered as React text only.
 */
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useApplyLesson, useEditScenario, usePlayheadValue, usePresentation, useReducedMotion, useResult, useResultScenario, useRunStatus, useScenario, useSeek, useTheme } from '../../../app/hooks';
import { vizStyle } from '../../../viz/shared';
import '../../../viz/viz.css';
import './panel.css';
import { lesson } from '../lesson';
import { LessonSteps } from '../../../viz/lesson/LessonSteps';
import { LookupBox } from './LookupBox';
import { MovedSummary } from './MovedSummary';
import { NodeControls } from './NodeControls';
import { LoadSummary } from './LoadSummary';
import type { ConsistentHashingResult } from '../result';
import { RingSection } from './RingSection';
import type { ConsistentHashingScenario } from '../scenario';
import { frameIndexAt, nextNodeIndex, withEventAfter } from './select';
import { SweepChart } from './SweepChart';

const lessonSteps = lesson;

export default function ConsistentHashingPanel() {
  const scenario = useScenario<ConsistentHashingScenario>();
  // A new result re-renders the Panel as a deferred (transition) render, which React splits into slices of a
  // few ms, so its arrival is never one long main-thread task; the previous result stays up meanwhile.
  const liveResult = useResult<ConsistentHashingResult>();
  const liveResultScenario = useResultScenario<ConsistentHashingScenario>();
  const shown = useDeferredValue(useMemo(() => ({ result: liveResult, resultScenario: liveResultScenario }), [liveResult, liveResultScenario]));
  const { result, resultScenario } = shown;
  const status = useRunStatus();
  const theme = useTheme();
  const isReducedMotion = useReducedMotion();
  const isLocked = usePresentation().lock;
  const edit = useEditScenario<ConsistentHashingScenario>();
  const setTime = useSeek();
  const style = useMemo(() => vizStyle(theme), [theme]);
  const [selectedNode, setSelectedNode] = useState(-1);

  // After a membership edit, move the playhead to the new step once the re-run's result has it.
  // Only when the result is of the edited scenario (a refused edit never produces one).
  const pendingStep = useRef<{ t: number; events: number } | null>(null);
  useEffect(() => {
    const pending = pendingStep.current;
    if (pending === null || !result || !resultScenario) return;
    if (resultScenario.events.length !== pending.events || result.endTime < pending.t) return;
    pendingStep.current = null;
    setTime(pending.t);
  }, [result, resultScenario, setTime]);

  const isOurs = result !== undefined && result.lab === 'consistent-hashing' && result.frames.length > 0;
  // The frame index, not t: while playing, the Panel re-renders when the shown step changes, not per frame;
  // and, like a new result, a new step renders deferred (time-sliced) while the time controls move on.
  const frameIndex = useDeferredValue(usePlayheadValue(useCallback((t: number) => (isOurs ? frameIndexAt(result.frames, t) : -1), [isOurs, result])));
  const frame = isOurs ? result.frames[frameIndex] : undefined;

  const addNode = useCallback(() => {
    if (!frame) return;
    const step = Math.floor(frame.t) + 1;
    const name = `n${nextNodeIndex(scenario, step)}`;
    const next = withEventAfter(scenario, frame.t, { type: 'add', weight: 1 });
    pendingStep.current = { t: next.t, events: next.scenario.events.length };
    edit(`add node ${name} at step ${next.t}`, () => next.scenario);
  }, [edit, frame, scenario]);

  const removeNode = useCallback(
    (node: number) => {
      if (!frame || !result) return;
      const next = withEventAfter(scenario, frame.t, { type: 'remove', node });
      pendingStep.current = { t: next.t, events: next.scenario.events.length };
      setSelectedNode(-1);
      const dropNote = next.dropped > 0 ? ` (drops ${next.dropped} later event${next.dropped > 1 ? 's' : ''} about it)` : '';
      edit(`remove ${result.nodeNames[node] ?? `n${node}`} at step ${next.t}${dropNote}`, () => next.scenario);
    },
    [edit, frame, result, scenario],
  );

  const setLookup = useCallback(
    (key: string) => edit(key === '' ? 'clear the lookup key' : `look up "${key}"`, (s) => ({ ...s, lookup: key })),
    [edit],
  );

  const rewind = useCallback(() => {
    pendingStep.current = null;
    setTime(0);
  }, [setTime]);
  const applyLesson = useApplyLesson(lessonSteps, rewind);

  if (!isOurs || !frame) {
    return (
      <div className="ch-panel" aria-busy={status.state === 'running'}>
        <p className="ch-waiting">
          {status.state === 'error' ? `The run failed: ${status.message ?? 'unknown error'}` : `Building the ring… ${Math.round(status.progress * 100)}%`}
        </p>
      </div>
    );
  }

  const shownScenario = resultScenario ?? scenario;
  return (
    <div className="ch-panel" aria-busy={status.state === 'running'}>
      {status.state === 'running' && (
        <p className="ch-running" role="status">{`Re-running… ${Math.round(status.progress * 100)}% (showing the previous result)`}</p>
      )}
      <div className="ch-grid">
        <div className="ch-area-moved">
          <MovedSummary result={result} frame={frame} style={style} />
        </div>
        <div className="ch-area-ring">
          <RingSection
            result={result}
            frameIndex={frameIndex}
            scenario={shownScenario}
            style={style}
            isReducedMotion={isReducedMotion}
            selectedNode={selectedNode}
            onSelectNode={setSelectedNode}
          />
          <NodeControls
            result={result}
            frame={frame}
            scenario={scenario}
            selectedNode={selectedNode}
            onAdd={addNode}
            onRemove={removeNode}
            onClearSelection={() => setSelectedNode(-1)}
            isLocked={isLocked}
          />
        </div>
        <div className="ch-area-load">
          <LoadSummary result={result} frame={frame} style={style} selectedNode={selectedNode} />
        </div>
        <div className="ch-area-sweep">
          <SweepChart result={result} frame={frame} vnodes={shownScenario.vnodes} style={style} />
        </div>
        <div className="ch-area-lookup">
          <LookupBox result={result} frame={frame} lookup={scenario.lookup} replicas={result.replicas} onLookup={setLookup} isLocked={isLocked} />
        </div>
      </div>
      <LessonSteps steps={lessonSteps} onApply={applyLesson} isLocked={isLocked} className="ch-card" />
    </div>
  );
}
