/**
 * The scene at the playhead: a card per node, messages in flight labelled ("PREPARE T4", "vote YES",
 * "row 3?"), the engine's faults in each node's menu (crash the shared database, the coordinator; isolate
 * the downstream), drag across to partition. Beside it (the page's narration slot): what happened.
 */
import { memo, useMemo } from 'react';
import { useLessonHighlight, useMediaQuery, usePlayheadSource, usePresentation, useReducedMotion, useSeek, useStageEvents } from '../../../app/hooks';
import { Narration } from '../../../viz/narration';
import type { VizStyle } from '../../../viz/shared';
import { isStageAction, Stage, StageLegend, type CardSpec, type StageAction } from '../../../viz/stage';
import { labFaultTypes } from '../../faultEvents';
import type { AntiResult, Mode } from '../result';
import { events, type AntiScenario } from '../scenario';
import { HOW_TO_READ, settingWords, stagePositions, stageTitle } from './select';

const ACTIONS: readonly StageAction[] = labFaultTypes(events).filter(isStageAction);
const NARROW = '(max-width: 560px)';
const plain = (label: string) => ({ field: label, label: '' });

function cardSpec(mode: Mode, s: AntiScenario, isNarrow: boolean): CardSpec {
  const width = isNarrow ? 100 : 132;
  switch (mode) {
    case 'shared-db':
      return { role: 'role', width, fields: [plain('busy'), { field: 'queue', label: '', format: (t, v) => (Number.isNaN(v) ? t : `line ${v}`), bar: { max: 50, scale: 'log' } }, plain('data')] };
    case '2pc':
      return {
        role: 'role', width,
        fields: [plain('state'), plain('lock'), { field: 'waiting', label: '', format: (t, v) => (Number.isNaN(v) ? t : `${v} waiting`) }],
        badges: [{ field: 'locked', text: 'yes', label: 'locked', words: 'row locked' }],
      };
    case 'clocks':
      return { role: 'role', width: isNarrow ? 110 : 140, fields: [plain('a'), plain('b')] };
    case 'partition':
      return {
        role: 'role', width,
        fields: [{ field: 'threads', label: '', format: (t, v) => (Number.isNaN(v) ? t : `threads ${v}/${s.threads}`), bar: { max: s.threads } }, { field: 'queue', label: '', format: (t, v) => (Number.isNaN(v) ? t : `line ${v}`) }, plain('breaker')],
        heat: { field: 'threads', max: s.threads },
      };
    case 'locality':
      return { role: 'role', width, fields: [plain('region'), plain('last')] };
  }
}

export const AntiStage = memo(function AntiStage({ result, scenario, style }: { result: AntiResult; scenario: AntiScenario; style: VizStyle }) {
  const playhead = usePlayheadSource();
  const onEvent = useStageEvents();
  const reduced = useReducedMotion();
  const isLocked = usePresentation().lock;
  const lesson = useLessonHighlight();
  const ringed = useMemo(() => (lesson?.nodes ?? []).filter((n) => result.stage.nodeNames.includes(n)), [lesson, result.stage.nodeNames]);
  const isNarrow = useMediaQuery(NARROW);
  const spec = useMemo(() => cardSpec(result.mode, scenario, isNarrow), [result.mode, scenario, isNarrow]);
  const positions = useMemo(() => stagePositions(result.mode, isNarrow), [result.mode, isNarrow]);
  const stage = result.stage;
  return (
    <section className="lab-card lab-stage anti-stage" aria-labelledby="anti-stage-title">
      <h2 id="anti-stage-title">{stageTitle(result.mode, isNarrow)}</h2>
      <details className="lab-sub anti-sub">
        <summary>How to read a card</summary>
        {HOW_TO_READ[result.mode]}
        {isLocked ? '' : ' A node\'s menu (click it, or press Enter on it) crashes, pauses or isolates it, or moves its clock, at the playhead.'}
      </details>
      <Stage
        data={stage}
        playhead={playhead}
        style={style}
        label={`${stage.nodeNames.length} nodes at the playhead${ringed.length ? `; ringed: ${ringed.join(', ')}` : ''}`}
        cardSpec={spec}
        actions={isLocked ? [] : ACTIONS}
        onEvent={onEvent}
        reducedMotion={reduced}
        highlighted={ringed}
        positions={positions}
        height={isNarrow ? 580 : 340}
      />
      <StageLegend data={stage} style={style} />
      <p className="lab-setting anti-setting">{settingWords(scenario)}</p>
    </section>
  );
});

export const AntiNarration = memo(function AntiNarration({ result }: { result: AntiResult }) {
  const playhead = usePlayheadSource();
  const seek = useSeek();
  return (
    <section className="lab-narration anti-narration" aria-labelledby="anti-narration-title">
      <h2 id="anti-narration-title">What happened</h2>
      <Narration data={result.stage} playhead={playhead} onSeek={seek} label="What happened, event by event" height={168} />
    </section>
  );
});
