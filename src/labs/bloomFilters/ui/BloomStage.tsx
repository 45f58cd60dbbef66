/**
 * The scene: the client c0, the front f1 holding the filter and the store s2 on the stage (gets, puts,
 * reads and answers in flight; crash, pause or slow a link from the menus at the playhead), and under it
 * the bit array at the playhead with the k bits of the key f1 just handled. Apart from it (for the page's
 * narration slot) every event as a sentence, with each filter answer.
 */
import { memo } from 'react';
import { LabNarration, useLessonHighlight, useMediaQuery, usePresentation, useStageWiring } from '../../../app/hooks';
import type { VizStyle } from '../../../viz/shared';
import { isStageAction, Stage, StageLegend, type StageAction, type StageAmounts } from '../../../viz/stage';
import { labFaultTypes } from '../../faultEvents';
import { events } from '../scenario';
import type { BloomResult } from '../result';
import { BitsView } from './BitsView';
import { CARD_SPEC } from './cards';

const ACTIONS: readonly StageAction[] = labFaultTypes(events).filter(isStageAction);
/** A slowed link adds five disk reads' worth of delay at the defaults. */
const AMOUNTS: StageAmounts = { slowMs: 50 };
/** c0 left, f1 in the middle, s2 right; on a phone one above the other. */
const POSITIONS = { x: [0.12, 0.5, 0.88], y: [0.5, 0.5, 0.5] };
const POSITIONS_NARROW = { x: [0.5, 0.5, 0.5], y: [0.14, 0.5, 0.86] };
const INERT = [0];

export const BloomStage = memo(function BloomStage({ result, style }: { result: BloomResult; style: VizStyle }) {
  const wiring = useStageWiring(ACTIONS);
  const isLocked = usePresentation().lock;
  const highlight = useLessonHighlight()?.nodes;
  const isNarrow = useMediaQuery('(max-width: 520px)');
  const stage = result.stage!;
  const named = highlight && highlight.length > 0 ? `; the lesson points at ${highlight.join(' and ')}` : '';
  return (
    <section className="bf-stage" aria-labelledby="bf-stage-title">
      <h2 id="bf-stage-title">A filter in front of a slow store</h2>
      <Stage
        {...wiring}
        data={stage}
        style={style}
        label={`Client c0, front f1 with the Bloom filter, store s2, and the requests between them at the playhead${named}`}
        cardSpec={CARD_SPEC}
        positions={isNarrow ? POSITIONS_NARROW : POSITIONS}
        inertNodes={INERT}
        amounts={AMOUNTS}
        highlighted={highlight}
        height={isNarrow ? 280 : 150}
      />
      <div className="bf-stage-keys">
        <StageLegend data={stage} style={style} />
      </div>
      <p className="bf-sub">
        f1 checks the filter: "definitely no" answers c0 at once, "probably yes" reads s2's disk (wasted when s2 has no such key). f1's card: gets answered no, reads sent, reads wasted.
        {isLocked ? '' : ' Click f1 or s2 (or a link) to crash, pause or slow it at the playhead.'}
      </p>
      <BitsView result={result} style={style} />
    </section>
  );
});

export const BloomNarration = memo(function BloomNarration({ result }: { result: BloomResult }) {
  return (
    <section className="bf-narration" aria-labelledby="bf-narration-title">
      <h2 id="bf-narration-title">What happened</h2>
      <LabNarration data={result.stage!} />
    </section>
  );
});
