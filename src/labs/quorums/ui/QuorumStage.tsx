/**
 * The replicas at the playhead: the stage (nodes on a ring, the key's preference list first and the
 * fallbacks apart, clients beside them, each request's messages in flight) with crash / recover / pause /
 * resume / isolate menus, link cuts and drag-to-partition inserting scenario events at the playhead; and
 * apart from it (for the page's narration slot) the narration of every event.
 */
import { memo, useMemo } from 'react';
import { LabNarration, useLessonHighlight, useMediaQuery, usePresentation, useStageWiring } from '../../../app/hooks';
import type { VizStyle } from '../../../viz/shared';
import { isStageAction, Stage, StageLegend, type CardSpec, type StageAction } from '../../../viz/stage';
import { labFaultTypes } from '../../faultEvents';
import { events } from '../scenario';
import type { QuorumsResult } from '../result';
import { ringPositions } from './playhead';

const dash = (text: string) => text || '–';

const CARD_SPEC: CardSpec = {
  role: 'role',
  fields: [
    { field: 'stored', label: 'stores', format: dash },
    { field: 'hints', label: 'hints', format: dash },
  ],
};

/** The faults this lab's scenario accepts (its event specs, from the engine's fault table) that the stage offers. */
const ACTIONS: readonly StageAction[] = [...labFaultTypes(events).filter(isStageAction), 'request'];

/** Memoized: the Panel re-renders when the request at the playhead changes; the stage reads the playhead itself. */
export const QuorumStage = memo(function QuorumStage({ result, style }: { result: QuorumsResult; style: VizStyle }) {
  const wiring = useStageWiring(ACTIONS);
  const isLocked = usePresentation().lock;
  const highlight = useLessonHighlight()?.nodes;
  // A narrow stage stretches the ring upwards, so fixed-width cards do not overlap.
  const isNarrow = useMediaQuery('(max-width: 40rem)');
  const stage = result.stage;
  const positions = useMemo(() => ringPositions(result.nodeCount, result.n), [result.nodeCount, result.n]);
  const fallbacks = result.nodeCount - result.n;
  const names = highlight && highlight.length > 0 ? `; the lesson points at ${highlight.join(', ')}` : '';
  return (
    <section className="qr-stage" aria-labelledby="qr-stage-title">
      <h2 id="qr-stage-title">The replicas at the playhead</h2>
      <p className="qr-sub">
        {`R marks the key’s ${result.n} replicas (its preference list n0..n${result.n - 1})${fallbacks > 0 ? `, F the ${fallbacks} fallback${fallbacks > 1 ? 's' : ''} set apart` : ''}; each card shows the value@version a node stores and the hints it holds. `}
        {`Dots are a coordinator’s fan-out (filled) and the replies (hollow); a late reply arrives after the quorum was reached.`}
        {isLocked ? '' : ' Click a node for its faults, a link to cut it, a client to send one more write or read; drag across to partition.'}
      </p>
      <StageLegend data={stage} style={style} />
      <Stage
        {...wiring}
        data={stage}
        style={style}
        label={`${stage.nodeNames.length} nodes and ${stage.clients.names.length} clients at the playhead${names}`}
        cardSpec={CARD_SPEC}
        positions={positions}
        highlighted={highlight}
        height={isNarrow ? 460 : 330}
      />
    </section>
  );
});

/** The narration: every event as a sentence, following the playhead; a row click seeks there. */
export const QuorumNarration = memo(function QuorumNarration({ result }: { result: QuorumsResult }) {
  return (
    <section className="qr-narration" aria-labelledby="qr-narration-title">
      <h2 id="qr-narration-title">What happened</h2>
      <LabNarration data={result.stage} />
    </section>
  );
});
