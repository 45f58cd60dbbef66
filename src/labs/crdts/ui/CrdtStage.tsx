/**
 * The replicas at the playhead for one view at a time: each card shows that type's state (counts, tags
 * and tombstones, added and removed, stamps), gossip messages cross as dots (a dot the cut blocks falls at
 * it), anomalies flag a card as they arise; the consensus log's run is one more view. Fault menus and drag
 * to partition insert scenario events at the playhead. All views ran on the same updates and gossip, so
 * the switch only chooses what is drawn (no edit, no re-run, the playhead stays). Beside it (the page's
 * narration slot), the shown view's events as sentences, its anomalies among them.
 */
import { memo, useCallback, useMemo } from 'react';
import { LabNarration, useMediaQuery, usePlayheadValue, useStageWiring } from '../../../app/hooks';
import type { VizStyle } from '../../../viz/shared';
import { isStageAction, Stage, StageLegend, type StageAction } from '../../../viz/stage';
import { labFaultTypes } from '../../faultEvents';
import type { CrdtsResult } from '../result';
import { events, type CrdtsEvent } from '../scenario';
import { cardSpec } from './cards';
import { stageOf } from './stageOf';
import { agreementText, scriptText, stageViews } from './select';

/** The faults this lab's scenario accepts (its event specs, from the engine's fault table) that the stage offers. */
const ACTIONS: readonly StageAction[] = labFaultTypes(events).filter(isStageAction);

interface SceneProps {
  result: CrdtsResult;
  script: readonly CrdtsEvent[];
  elements: number;
  view: string;
  onView(view: string): void;
  style: VizStyle;
  highlighted?: readonly string[];
}

export const CrdtScene = memo(function CrdtScene(props: SceneProps) {
  const { result, view, style, highlighted } = props;
  const wiring = useStageWiring(ACTIONS, result.stage.ticksPerUnit);
  const isNarrow = useMediaQuery('(max-width: 520px)');
  const views = useMemo(() => stageViews(result), [result]);
  const shown = views.find((v) => v.key === view) ?? views[0];
  const data = stageOf(result, shown.key);
  const spec = useMemo(() => cardSpec(shown.key, props.elements, result.replicas), [shown.key, props.elements, result.replicas]);
  const named = highlighted?.length ? ` The lesson points at ${highlighted.join(', ')}.` : '';
  const lines = spec.fields.length;
  return (
    <section className="crdt-scene" aria-labelledby="crdt-stage-title">
      <div className="crdt-scene-head">
        <h2 id="crdt-stage-title">{`Replicas at the playhead: ${shown.title}`}</h2>
        <div className="crdt-toggle" role="group" aria-label="Type drawn on the stage">
          {views.map((v) => (
            <button key={v.key} type="button" aria-pressed={v.key === shown.key} onClick={() => props.onView(v.key)}>
              {v.title}
            </button>
          ))}
        </div>
      </div>
      <p className="crdt-note">{scriptText(props.script)}</p>
      <AgreementLine result={result} view={shown.key} />
      <Stage
        {...wiring}
        data={data}
        style={style}
        label={`${shown.title}: ${result.replicas} replicas at the playhead.${named}`}
        cardSpec={spec}
        highlighted={highlighted}
        height={isNarrow ? 360 + lines * 50 : Math.max(300, 210 + lines * 26)}
      />
      <StageLegend data={data} style={style} />
      <p className="crdt-note">
        {shown.key === 'log'
          ? 'Each card: entries in the replica\'s copy of the log and how many it knows committed. n0 leads: an increment is answered once a majority stored it.'
          : 'Each card: the value a client reads, then the state behind it; ! marks a fresh anomaly. Dots: whole states gossiped (labelled with the CRDT\'s value), increments (+k) and acks.'}
      </p>
    </section>
  );
});

/** "Now the 5 replicas hold 3 different states." for the shown view (re-renders only when that changes). */
function AgreementLine({ result, view }: { result: CrdtsResult; view: string }) {
  const v = result.views.find((x) => x.key === view);
  const text = usePlayheadValue(useCallback((t: number) => (v ? agreementText(result, v, t) : ''), [result, v]));
  if (!v) return <p className="crdt-note">The same updates as increments, kept by a consensus log: n0 orders them, a majority must store each.</p>;
  return <p className="crdt-agree" aria-live="off">{text}</p>;
}

/** The shown view's events as sentences, following the playhead; a row click seeks there. */
export const CrdtNarration = memo(function CrdtNarration({ result, view }: { result: CrdtsResult; view: string }) {
  const data = stageOf(result, view);
  return (
    <section className="crdt-narration" aria-labelledby="crdt-narration-title">
      <h2 id="crdt-narration-title">What happened</h2>
      <LabNarration data={data} />
    </section>
  );
});
