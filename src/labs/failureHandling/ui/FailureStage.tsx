/**
 * The scene: strategy tabs (each opens its scenario; leader failure opens the consensus lab's scenario),
 * then the callers c0.. and servers s.. on the stage at the playhead (calls and replies in flight, breaker
 * state, in flight, queues, tokens, retry queue and DLQ on the cards); a click on a node or link offers its
 * faults at the playhead, and a server also "Slow service" / "Restore service".
 * Apart from it (for the page's narration slot) every event as a sentence.
 */
import { memo, useMemo } from 'react';
import { LabNarration, useEditScenario, useLessonHighlight, useMediaQuery, usePresentation, useStageWiring } from '../../../app/hooks';
import type { VizStyle } from '../../../viz/shared';
import { isStageAction, Stage, StageLegend, type NodeAction, type StageAction } from '../../../viz/stage';
import { labFaultTypes } from '../../faultEvents';
import type { FailureResult } from '../result';
import { events, presetOfStrategy, STRATEGIES, STRATEGY_LABELS, type FailureScenario } from '../scenario';
import { CARD_SPEC, CARD_SPEC_NARROW } from './cards';

const ACTIONS: readonly StageAction[] = labFaultTypes(events).filter(isStageAction);

/** The consensus lab's lesson step where the leader fails with entries not yet committed (its scenario). */
export const LEADER_LINK = '#/consensus?v=1&lesson=3';

export function StrategyTabs({ scenario }: { scenario: FailureScenario }) {
  const edit = useEditScenario<FailureScenario>();
  return (
    <div className="fh-tabs" role="group" aria-label="Strategy">
      {STRATEGIES.map((st) => (
        <button
          key={st}
          type="button"
          aria-pressed={st === scenario.strategy}
          onClick={() => st !== scenario.strategy && edit(`Strategy: ${STRATEGY_LABELS[st]}`, (s) => ({ ...presetOfStrategy(st).scenario, seed: s.seed }), 0)}
        >
          {STRATEGY_LABELS[st]}
        </button>
      ))}
      <a href={LEADER_LINK} className="fh-leader" title="Elect a new leader and replay uncommitted entries: the consensus lab's scenario">
        Leader failure →
      </a>
    </div>
  );
}

/** Callers on the left, servers on the right; on a phone one column, callers first. */
function positionsOf(callers: number, servers: number, isNarrow: boolean): { x: number[]; y: number[] } {
  const n = callers + servers;
  if (isNarrow) return { x: Array.from({ length: n }, () => 0.5), y: Array.from({ length: n }, (_, i) => (i + 0.5) / n) };
  const spread = (i: number, k: number) => (k === 1 ? 0.5 : 0.18 + (0.64 * i) / (k - 1));
  return {
    x: Array.from({ length: n }, (_, i) => (i < callers ? 0.14 : 0.86)),
    y: Array.from({ length: n }, (_, i) => (i < callers ? spread(i, callers) : spread(i - callers, servers))),
  };
}

export const FailureStage = memo(function FailureStage({ result, scenario, style }: { result: FailureResult; scenario: FailureScenario; style: VizStyle }) {
  const wiring = useStageWiring(ACTIONS);
  const isLocked = usePresentation().lock;
  const highlight = useLessonHighlight()?.nodes;
  const isNarrow = useMediaQuery('(max-width: 520px)');
  const positions = useMemo(() => positionsOf(result.callers, result.servers, isNarrow), [result.callers, result.servers, isNarrow]);
  const nodeActions: readonly NodeAction[] = useMemo(
    () => [
      { type: 'slowdown', label: (name) => (name.startsWith('s') ? `Slow ${name}'s service ${scenario.slowFactor}x` : '') },
      { type: 'restore', label: (name) => (name.startsWith('s') ? `Restore ${name}'s service` : '') },
    ],
    [scenario.slowFactor],
  );
  const stage = result.stage;
  const named = highlight && highlight.length > 0 ? `; the lesson points at ${highlight.join(' and ')}` : '';
  const callerNames = stage.nodeNames.slice(0, result.callers).join(', ');
  const serverNames = stage.nodeNames.slice(result.callers).join(', ');
  return (
    <section className="fh-stage" aria-labelledby="fh-stage-title">
      <h2 id="fh-stage-title" className="viz-visually-hidden">Callers and servers at the playhead</h2>
      <Stage
        {...wiring}
        data={stage}
        style={style}
        label={`Callers ${callerNames} and servers ${serverNames}, with calls and replies in flight at the playhead${named}`}
        cardSpec={isNarrow ? CARD_SPEC_NARROW : CARD_SPEC}
        positions={positions}
        nodeActions={nodeActions}
        highlighted={highlight}
        height={isNarrow ? 110 * stage.nodeNames.length : 250}
      />
      <div className="fh-keys">
        <StageLegend data={stage} style={style} />
      </div>
      <p className="fh-sub">
        {`Users send ${scenario.ratePerSec} requests/s (Poisson, open loop) to the callers; each caller calls a random server and waits ${scenario.timeoutMs} ms. Server cards: slots busy, queue; caller cards: breaker, in flight, retry queue.`}
        {isLocked ? '' : ' Click a node or link to crash, pause, slow or cut it at the playhead.'}
      </p>
    </section>
  );
});

export const FailureNarration = memo(function FailureNarration({ result }: { result: FailureResult }) {
  return (
    <section className="fh-narration" aria-labelledby="fh-narration-title">
      <h2 id="fh-narration-title">What happened</h2>
      <LabNarration data={result.stage} />
    </section>
  );
});
