/**
 * The partitioning lab's UI: the stage in the scene (requests flowing to the nodes, each node's queue and
 * CPU, the hot one glowing; crashes by a click on a node) and its narration beside it; below, the
 * detector's finding with every node's CPU over time (the heatmap), the fixes to insert at the playhead
 * and the script, the per-node charts and the tables. It reads narrow values through the app's hooks,
 * derives everything through ./select.ts and ./tables.ts (pure, tested, memoized on the result's
 * identity), and changes things only by editing the scenario. Charts aggregate across nodes and the stage
 * aggregates at scale, so a 1,000-node run costs the main thread what a 10-node run does.
 */
import { startTransition, useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { LabSlot, useEditScenario, useInsertEvent, useLabResult, usePlayheadSource, usePlayheadValue, usePresentation, useScenario, useSeek, useTheme, type LabRun } from '../../../app/hooks';
import { vizStyle } from '../../../viz/shared';
import '../../../viz/viz.css';
import './panel.css';
import { CpuHeatmap } from './CpuHeatmap';
import { CrashImpact } from './CrashImpact';
import { Findings } from './Findings';
import { MitigationControls } from './MitigationControls';
import { NodeCharts } from './NodeCharts';
import { NodeNarration, NodeStage } from './NodeStage';
import { PhaseTable } from './PhaseTable';
import type { PartitioningResult } from '../result';
import { horizon, type PartitioningEvent, type PartitioningScenario } from '../scenario';
import { ScriptList } from './ScriptList';
import { editTime, onGrid, withoutEvent } from './script';
import { selectMarkers, selectNodeCharts } from './select';
import { StrategyTable } from './StrategyTable';

type Run = LabRun<PartitioningResult, PartitioningScenario>;

export default function PartitioningPanel() {
  const run = useLabResult<PartitioningResult, PartitioningScenario>();
  if (!run) return null;
  return <PartitioningView run={run} />;
}

function PartitioningView({ run }: { run: Run }) {
  const { result, scenario: resultScenario } = run;
  const scenario = useScenario<PartitioningScenario>();
  const setTime = useSeek();
  const playhead = usePlayheadSource();
  // While playing, t changes every frame, but the stage and the narration read it themselves: the charts
  // and controls here follow t on a grid of 1/1000 of the run (under a pixel of a chart, finer than
  // the buttons' "at 6.01 s": ./script.ts onGrid), so the Panel renders a few times a second, not per frame. The rest (edit
  // times on buttons, the crash shown) follows a deferred t that React renders when it has time.
  const t = usePlayheadValue(useCallback((time: number) => onGrid(time, result.endTime), [result.endTime]));
  const tLater = useDeferredValue(t);
  const theme = useTheme();
  const isLocked = usePresentation().lock;
  const edit = useEditScenario<PartitioningScenario>();
  const style = useMemo(() => vizStyle(theme), [theme]);
  const isRestMounted = useSecondCommit();
  const charts = useMemo(() => selectNodeCharts(result), [result]);
  const markers = useMemo(() => selectMarkers(result, resultScenario), [result, resultScenario]);
  const at = editTime(tLater, Math.max(horizon(scenario), result.endTime));

  const insertEvent = useInsertEvent();
  // A fix lands at the playhead itself (in whole ms), not at the grid point the button was rendered for.
  const addEvent = useCallback(
    ({ t: _shown, ...draft }: PartitioningEvent, label: string) => insertEvent(draft, { t: editTime(playhead.get(), Math.max(horizon(scenario), result.endTime)), label }),
    [insertEvent, playhead, scenario, result.endTime],
  );
  const removeEvent = useCallback((index: number, text: string) => edit(`remove ${text}`, (s) => withoutEvent(s, index)), [edit]);
  const seek = useCallback((time: number) => setTime(time), [setTime]);

  return (
    <div className="pt-panel">
      <LabSlot name="scene">
        <NodeStage result={result} style={style} />
      </LabSlot>
      <LabSlot name="narration">
        <NodeNarration result={result} />
      </LabSlot>
      <div className="pt-controls">
        <MitigationControls scenario={scenario} at={at} onAdd={addEvent} isLocked={isLocked} />
        <ScriptList scenario={scenario} onGo={seek} onRemove={removeEvent} isLocked={isLocked} />
      </div>
      {isRestMounted && (
        <>
          <div className="lab-card pt-card pt-found">
            <Findings result={result} />
            <CpuHeatmap result={result} charts={charts} style={style} t={t} onSeek={seek} />
          </div>
          <NodeCharts result={result} charts={charts} markers={markers} style={style} t={t} onSeek={seek} />
          <PhaseTable result={result} scenario={resultScenario} />
          <CrashImpact result={result} t={tLater} />
          <StrategyTable result={result} scenario={resultScenario} />
        </>
      )}
    </div>
  );
}

/**
 * False for the first commit, true from the next task on: the first result mounts the scene and the
 * controls, then the charts and tables, so the browser's first style and layout pass is split in two.
 */
function useSecondCommit(): boolean {
  const [isMounted, setMounted] = useState(false);
  useEffect(() => {
    if (isMounted) return;
    const id = setTimeout(() => startTransition(() => setMounted(true)), 0);
    return () => clearTimeout(id);
  }, [isMounted]);
  return isMounted;
}
