/**
 * The replicas at the playhead: each replica's card (physical clock, Lamport, HLC, version vector, what
 * wall-clock LWW and siblings hold, the lease badge), replication messages and lease requests crossing
 * between them, and fault menus on the replicas and links inserting scenario events at the playhead.
 * Apart from it (for the page's narration slot) every event as a sentence, with each write wall-clock LWW drops.
 *
 * Both runs get the same writes at the same true times; a switch picks whose cards and messages are shown:
 * the clocks trusted, or commit wait.
 */
import { memo } from 'react';
import { LabNarration, useLessonHighlight, useMediaQuery, usePresentation, useStageWiring } from '../../../app/hooks';
import type { VizStyle } from '../../../viz/shared';
import { isStageAction, Stage, StageLegend, type StageAction, type StageAmounts } from '../../../viz/stage';
import { labFaultTypes } from '../../faultEvents';
import { RUN_TITLES, type VectorClocksResult } from '../result';
import { events } from '../scenario';
import { cardSpec } from './cards';

const ACTIONS: readonly StageAction[] = labFaultTypes(events).filter(isStageAction);
/** A clock step worth one here: 100 ms, about two crossings between replicas. */
const AMOUNTS: StageAmounts = { clockMs: 100 };

interface StageProps {
  result: VectorClocksResult;
  style: VizStyle;
  /** Whose cards and messages: 0 clocks trusted, 1 commit wait. */
  shown: number;
  onShow: (run: number) => void;
}

export const ReplicasStage = memo(function ReplicasStage({ result, style, shown, onShow }: StageProps) {
  const wiring = useStageWiring(ACTIONS);
  const isLocked = usePresentation().lock;
  const highlight = useLessonHighlight()?.nodes;
  // A phone has room for the tall cards only one above the other.
  const isNarrow = useMediaQuery('(max-width: 520px)');
  const stage = result.runs[shown].stage!;
  const named = highlight && highlight.length > 0 ? `; the lesson points at ${highlight.join(' and ')}` : '';
  return (
    <section className="vc-stage" aria-labelledby="vc-stage-title">
      <h2 id="vc-stage-title">Replicas of x at the playhead</h2>
      <Stage
        {...wiring}
        data={stage}
        style={style}
        label={`${result.replicas} replicas at the playhead (${RUN_TITLES[shown]})${named}`}
        cardSpec={cardSpec}
        amounts={AMOUNTS}
        highlighted={highlight}
        height={isNarrow ? 170 * result.replicas : result.replicas <= 3 ? 330 : 380}
      />
      <div className="vc-stage-keys">
        <fieldset className="vc-choice">
          <legend>Cards and messages of the run with</legend>
          {RUN_TITLES.map((title, r) => (
            <label key={r}>
              <input type="radio" name="vc-stage-run" checked={shown === r} onChange={() => onShow(r)} />
              {` ${title}`}
            </label>
          ))}
        </fieldset>
        <StageLegend data={stage} style={style} />
      </div>
      <p className="vc-sub">
        A card: the replica's physical clock reading (pt; its offset from true time at the bottom), its Lamport clock, HLC (l in ms · c) and version vector, what wall-clock last-writer-wins (LWW) and version vectors (siblings) hold for x.
        {isLocked ? '' : ' Click a replica or a link (or focus a replica, Enter) to crash, pause, isolate, cut, jump or skew its clock at the playhead.'}
      </p>
    </section>
  );
});

export const ReplicasNarration = memo(function ReplicasNarration({ result, shown }: { result: VectorClocksResult; shown: number }) {
  return (
    <section className="vc-narration" aria-labelledby="vc-narration-title">
      <h2 id="vc-narration-title">What happened</h2>
      <LabNarration data={result.runs[shown].stage!} />
    </section>
  );
});
