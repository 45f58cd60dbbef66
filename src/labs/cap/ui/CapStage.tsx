/**
 * The cluster at the playhead, for one of the two CAP runs at a time: nodes with their copy of the register
 * (value@counter) and the last answer each gave its clients, the cut drawn as it stands at t, requests'
 * messages as dots (a dot the cut blocks falls at it), crash / recover / pause / resume / isolate menus and
 * drag-to-partition inserting scenario events at the playhead. CP and AP ran the same scenario, so the
 * toggle only chooses which run is drawn (a view choice: no edit, no re-run, the playhead stays). Beside
 * it (the page's narration slot), the shown run's events as sentences.
 *
 * Why one stage and a toggle rather than two stages side by side: at 1440 x 900 the scene column is about
 * 900 px wide, so two stages would get about 440 px each, where nine cards on a ring overlap and the dots'
 * labels do not fit; the narration can follow one run only; and flipping CP/AP in place at the same t shows
 * the one difference (the minority side refused, or served and drifting) where the eye already is.
 */
import { memo, useMemo } from 'react';
import { LabNarration, useStageWiring } from '../../../app/hooks';
import type { VizStyle } from '../../../viz/shared';
import { isStageAction, Stage, StageLegend, type CardSpec, type StageAction } from '../../../viz/stage';
import { labFaultTypes } from '../../faultEvents';
import { CAP_MODES, type CapMode, type CapResult } from '../result';
import { events } from '../scenario';
import { minorityLine } from './select';
import { capWords } from './words';

const CARD_SPEC: CardSpec = {
  fields: [
    { field: 'copy', label: 'copy' },
    { field: 'last', label: '' },
  ],
};

/** The faults this lab's scenario accepts (its event specs, from the engine's fault table) that the stage offers. */
const ACTIONS: readonly StageAction[] = [...labFaultTypes(events).filter(isStageAction), 'request'];

export const CapScene = memo(function CapScene(props: { result: CapResult; mode: CapMode; onMode(mode: CapMode): void; style: VizStyle; highlighted?: readonly string[] }) {
  const { result, mode, style, highlighted } = props;
  const wiring = useStageWiring(ACTIONS, result.stages[0].stage.ticksPerUnit);
  const shown = result.stages.find((s) => s.mode === mode) ?? result.stages[0];
  const named = highlighted?.length ? ` The lesson points at ${highlighted.join(', ')}.` : '';
  return (
    <section className="cap-scene" aria-labelledby="cap-stage-title">
      <div className="cap-scene-head">
        <h2 id="cap-stage-title">{`The cluster at the playhead: ${mode}`}</h2>
        <div className="cap-toggle" role="group" aria-label="Store drawn on the stage">
          {CAP_MODES.map((m) => (
            <button key={m} type="button" aria-pressed={m === mode} onClick={() => props.onMode(m)}>
              {m === 'CP' ? 'CP: majority quorums' : 'AP: any one copy'}
            </button>
          ))}
        </div>
      </div>
      <p className="cap-note">{minorityLine(result)}</p>
      <StageLegend data={shown.stage} style={style} />
      <Stage
        {...wiring}
        data={shown.stage}
        style={style}
        label={`${mode}: ${shown.stage.nodeNames.length} nodes and ${shown.stage.clients.names.length} clients at the playhead.${named}`}
        cardSpec={CARD_SPEC}
        highlighted={highlighted}
        height={320}
      />
      <p className="cap-note">Each card: the node's copy of the register (value@counter) and the last answer it gave a client (✓ served, ✗ refused).</p>
    </section>
  );
});

/** The shown run's events as sentences, following the playhead; a row click seeks there. */
export const CapNarration = memo(function CapNarration({ result, mode }: { result: CapResult; mode: CapMode }) {
  const shown = result.stages.find((s) => s.mode === mode) ?? result.stages[0];
  const words = useMemo(() => capWords(shown), [shown]);
  return (
    <section className="cap-narration" aria-labelledby="cap-narration-title">
      <h2 id="cap-narration-title">{`What happened (${mode})`}</h2>
      <LabNarration data={shown.stage} words={words} label={`What happened in the ${mode} run, event by event`} />
    </section>
  );
});
