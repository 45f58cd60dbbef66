/**
 * The cluster at the playhead: the stage (nodes with their cards, clients beside them, messages in
 * flight) with crash / recover / pause / resume / isolate menus and drag-to-partition inserting scenario
 * events at the playhead; and apart from it (for the page's narration slot) the narration of every event.
 */
import { memo } from 'react';
import { LabNarration, usePresentation, useStageWiring } from '../../../app/hooks';
import type { VizStyle } from '../../../viz/shared';
import { isStageAction, Stage, StageLegend, type CardSpec, type StageAction } from '../../../viz/stage';
import { labFaultTypes } from '../../faultEvents';
import { events } from '../scenario';
import type { LeaderFollowerResult } from '../result';

const CARD_SPEC: CardSpec = {
  role: 'role',
  fields: [
    { field: 'epoch', label: 'epoch' },
    { field: 'log', label: 'log' },
    { field: 'applied', label: 'applied' },
    { field: 'commit', label: 'commit', format: (text, value) => (text === '' ? '–' : String(value)) },
  ],
};

/** The faults this lab's scenario accepts (its event specs, from the engine's fault table) that the stage offers, and client requests. */
const ACTIONS: readonly StageAction[] = [...labFaultTypes(events).filter(isStageAction), 'request'];

/** Memoized: the Panel re-renders per playhead tick for its charts; the stage reads the playhead itself. */
export const ClusterStage = memo(function ClusterStage({ result, style }: { result: LeaderFollowerResult; style: VizStyle }) {
  const wiring = useStageWiring(ACTIONS);
  const isLocked = usePresentation().lock;
  const stage = result.stage;
  return (
    <section className="lab-card lf-card" aria-labelledby="lf-stage-title">
      <h2 id="lf-stage-title">The cluster at the playhead</h2>
      <p className="lf-sub">
        Each card shows a node’s role (L leader, F follower, C candidate), its epoch, its log length, the entries it applied and, on the leader, the commit index. Dots are messages on their way; a dropped one falls off as a cross.
        {isLocked ? '' : ' Click a node (or focus it and press Enter) to crash, pause or isolate it at the playhead; drag across the stage to partition it; click a client to send one more write or read from it.'}
      </p>
      <StageLegend data={stage} style={style} />
      <Stage
        {...wiring}
        data={stage}
        style={style}
        label={`${stage.nodeNames.length} nodes and ${stage.clients.names.length} clients at the playhead`}
        cardSpec={CARD_SPEC}
        height={360}
      />
    </section>
  );
});

/** The narration: every event as a sentence, following the playhead; a row click seeks there. */
export const ClusterNarration = memo(function ClusterNarration({ result }: { result: LeaderFollowerResult }) {
  return (
    <section className="lf-narration" aria-labelledby="lf-narration-title">
      <h2 id="lf-narration-title">What happened</h2>
      <LabNarration data={result.stage} />
    </section>
  );
});
