/**
 * The regions at the playhead: each region's leader as a card (writes applied, writes each other region
 * has not acknowledged, what it holds for k0, conflicts met, a badge when one arises, its clock offset),
 * its clients beside it, replication batches and acks crossing between regions, and fault menus on the
 * leaders and links inserting scenario events at the playhead. Apart from it (for the page's narration
 * slot) every event as a sentence, with each conflict a leader meets.
 *
 * Both runs send the same batches at the same times; what differs is what each leader keeps, so a switch
 * picks whose cards and conflicts are shown: last-writer-wins or siblings.
 */
import { memo, useMemo } from 'react';
import { LabNarration, useLessonHighlight, useMediaQuery, usePresentation, useStageWiring } from '../../../app/hooks';
import type { VizStyle } from '../../../viz/shared';
import { isStageAction, Stage, StageLegend, type StageAction, type StageAmounts } from '../../../viz/stage';
import { labFaultTypes } from '../../faultEvents';
import { events } from '../scenario';
import type { MultiLeaderResult } from '../result';
import { cardSpec } from './cards';
import { RESOLUTION_TITLES } from './select';

/** The faults this lab's scenario accepts (its event specs, from the engine's fault table) that the stage offers. */
const ACTIONS: readonly StageAction[] = [...labFaultTypes(events).filter(isStageAction), 'request'];
/** A clock step worth one for last-writer-wins: a second, ten inter-region hops. */
const AMOUNTS: StageAmounts = { clockMs: 1000 };

interface StageProps {
  result: MultiLeaderResult;
  style: VizStyle;
  /** Whose cards and conflicts: 0 last-writer-wins, 1 siblings. */
  shown: number;
  onShow: (run: number) => void;
}

/** Memoized: the stage reads the playhead itself and never re-renders per frame. */
export const RegionsStage = memo(function RegionsStage({ result, style, shown, onShow }: StageProps) {
  const wiring = useStageWiring(ACTIONS);
  const isLocked = usePresentation().lock;
  const highlight = useLessonHighlight()?.nodes;
  // A phone has room for three or four leaders' cards only one above the other.
  const isNarrow = useMediaQuery('(max-width: 520px)');
  const stage = result.runs[shown].stage!;
  const spec = useMemo(() => cardSpec(result.regions), [result.regions]);
  const regions = useMemo(() => Int32Array.from({ length: result.regions }, (_, i) => i), [result.regions]);
  const named = highlight && highlight.length > 0 ? `; the lesson points at ${highlight.join(' and ')}` : '';
  return (
    <section className="ml-stage" aria-labelledby="ml-stage-title">
      <h2 id="ml-stage-title">Regions at the playhead</h2>
      <Stage
        {...wiring}
        data={stage}
        style={style}
        label={`${result.regions} regions’ leaders and ${stage.clients.names.length} clients at the playhead (${RESOLUTION_TITLES[shown]})${named}`}
        cardSpec={spec}
        regions={regions}
        amounts={AMOUNTS}
        highlighted={highlight}
        height={result.regions <= 2 ? 290 : isNarrow ? 600 : 360}
      />
      <div className="ml-stage-keys">
        <fieldset className="ml-choice">
          <legend>Cards and conflicts of the run with</legend>
          {RESOLUTION_TITLES.map((title, r) => (
            <label key={r}>
              <input type="radio" name="ml-stage-run" checked={shown === r} onChange={() => onShow(r)} />
              {` ${title}`}
            </label>
          ))}
        </fieldset>
        <StageLegend data={stage} style={style} />
      </div>
      <p className="ml-sub">
        r0, r1… lead regions 0, 1…, their clients (c0…) beside them. A card: writes applied, writes not yet acknowledged by each other region (to r1 3), what it holds for k0, conflicts met (flagged as they arise). Dots: batches (rep r0#4..6 carries r0’s writes 4 to 6) and acks.
        {isLocked ? '' : ' Click a leader or a link (or focus a leader, Enter) to crash, pause, isolate, cut or skew it at the playhead; click a client to write or read k0 from it.'}
      </p>
    </section>
  );
});

/** The narration of the shown run: every event as a sentence, conflicts included; a row click seeks there. */
export const RegionsNarration = memo(function RegionsNarration({ result, shown }: { result: MultiLeaderResult; shown: number }) {
  return (
    <section className="ml-narration" aria-labelledby="ml-narration-title">
      <h2 id="ml-narration-title">What happened</h2>
      <LabNarration data={result.runs[shown].stage!} />
    </section>
  );
});
