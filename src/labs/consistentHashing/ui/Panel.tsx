/**
 * The consistent-hashing lab's UI: the ring with its node controls and the step's "keys moved" in the
 * scene; below, the load per node, the vnode sweep and the lookup. It reads narrow values through the
 * app's hooks, derives everything through ./select.ts (pure, tested), and changes things only by editing
 * the scenario. Scenario strings (the lookup key, node names) are rendered as React text only.
 */
import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { LabSlot, useEditScenario, useIsResultPending, useLabResult, usePlayheadValue, usePresentation, useReducedMotion, useScenario, useTheme, type LabRun } from '../../../app/hooks';
import { vizStyle } from '../../../viz/shared';
import '../../../viz/viz.css';
import './panel.css';
import { LookupBox } from './LookupBox';
import { MovedSummary } from './MovedSummary';
import { NodeControls } from './NodeControls';
import { LoadSummary } from './LoadSummary';
import type { ConsistentHashingResult } from '../result';
import { RingKey, RingSection } from './RingSection';
import type { ConsistentHashingScenario } from '../scenario';
import { frameIndexAt, nextNodeIndex, withEventAfter } from './select';
import { SweepChart } from './SweepChart';

type Run = LabRun<ConsistentHashingResult, ConsistentHashingScenario>;

export default function ConsistentHashingPanel() {
  const run = useLabResult<ConsistentHashingResult, ConsistentHashingScenario>();
  if (!run || run.result.frames.length === 0) return null;
  return <RingView run={run} />;
}

function RingView({ run }: { run: Run }) {
  const { result, scenario: shownScenario } = run;
  const scenario = useScenario<ConsistentHashingScenario>();
  const theme = useTheme();
  const isReducedMotion = useReducedMotion();
  // No tween on a result about to be replaced (an edit's run is going): it starts with the new one.
  const isPending = useIsResultPending();
  const isLocked = usePresentation().lock;
  const edit = useEditScenario<ConsistentHashingScenario>();
  const style = useMemo(() => vizStyle(theme), [theme]);
  const [selectedNode, setSelectedNode] = useState(-1);
  // The frame index, not t: while playing, the view re-renders when the shown step changes, not per frame;
  // and, like a new result, a new step renders deferred (time-sliced) while the time controls move on.
  const frameIndex = useDeferredValue(usePlayheadValue(useCallback((t: number) => frameIndexAt(result.frames, t), [result])));
  const frame = result.frames[frameIndex];

  const clearSelection = useCallback(() => setSelectedNode(-1), []);
  const { addNode, removeNode } = useMembershipEdits(run, frame.t, scenario, clearSelection);
  const setLookup = useCallback(
    (key: string) => edit(key === '' ? 'clear the lookup key' : `look up "${key}"`, (s) => ({ ...s, lookup: key })),
    [edit],
  );

  return (
    <>
      <LabSlot name="scene">
        <div className="ch-scene">
          <RingSection
            result={result}
            frameIndex={frameIndex}
            scenario={shownScenario}
            style={style}
            isReducedMotion={isReducedMotion || isPending}
            selectedNode={selectedNode}
            onSelectNode={setSelectedNode}
          />
          <div className="ch-scene-side">
            <MovedSummary result={result} frame={frame} style={style} />
            <RingKey result={result} frameIndex={frameIndex} scenario={shownScenario} style={style} selectedNode={selectedNode} onSelectNode={setSelectedNode} />
            <NodeControls
              result={result}
              frame={frame}
              scenario={scenario}
              selectedNode={selectedNode}
              onAdd={addNode}
              onRemove={removeNode}
              onClearSelection={clearSelection}
              isLocked={isLocked}
            />
          </div>
        </div>
      </LabSlot>
      <div className="ch-grid">
        <LoadSummary result={result} frame={frame} style={style} selectedNode={selectedNode} />
        <SweepChart result={result} frame={frame} vnodes={shownScenario.vnodes} style={style} />
        <LookupBox result={result} frame={frame} lookup={scenario.lookup} replicas={result.replicas} onLookup={setLookup} isLocked={isLocked} />
      </div>
    </>
  );
}

/**
 * Adding and removing nodes: a membership edit lands at the step after the one shown (frameT), and the
 * playhead follows it there once the re-run has arrived (a refused edit moves nothing).
 */
function useMembershipEdits(run: Run, frameT: number, scenario: ConsistentHashingScenario, onRemoved: () => void) {
  const edit = useEditScenario<ConsistentHashingScenario>();
  const { nodeNames } = run.result;
  const addNode = useCallback(() => {
    const name = `n${nextNodeIndex(scenario, Math.floor(frameT) + 1)}`;
    const next = withEventAfter(scenario, frameT, { type: 'add', weight: 1 });
    edit(`add node ${name} at step ${next.t}`, () => next.scenario, next.t);
  }, [edit, frameT, scenario]);
  const removeNode = useCallback(
    (node: number) => {
      const next = withEventAfter(scenario, frameT, { type: 'remove', node });
      onRemoved();
      const dropNote = next.dropped > 0 ? ` (drops ${next.dropped} later event${next.dropped > 1 ? 's' : ''} about it)` : '';
      edit(`remove ${nodeNames[node] ?? `n${node}`} at step ${next.t}${dropNote}`, () => next.scenario, next.t);
    },
    [edit, frameT, nodeNames, onRemoved, scenario],
  );
  return { addNode, removeNode };
}
