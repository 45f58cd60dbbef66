/**
 * The scene at the playhead: a card per node (role letter; what it holds or stores; the lease's end, drawn
 * as a draining bar; the fencing token), messages in flight labelled ("SET NX PX 1000", "write #11",
 * "rejected"), the engine's faults in each node's menu (pause a client: a GC; jump a lock server's clock),
 * drag across to partition. Beside it (the page's narration slot): what happened, event by event.
 */
import { memo, useMemo } from 'react';
import { LabNarration, useLessonHighlight, useMediaQuery, usePresentation, useStageWiring } from '../../../app/hooks';
import type { VizStyle } from '../../../viz/shared';
import { isStageAction, Stage, StageLegend, type CardSpec, type StageAction } from '../../../viz/stage';
import { labFaultTypes } from '../../faultEvents';
import type { LocksResult, Mode } from '../result';
import { events, type LocksScenario } from '../scenario';
import { clockStepMs, settingWords, stagePositions } from './select';

const ACTIONS: readonly StageAction[] = labFaultTypes(events).filter(isStageAction);

const ms = (_text: string, v: number) => (v > 0 ? `${Math.round(v)} ms` : '–');

/** Below this box width the scene is laid out for a phone. */
const NARROW = '(max-width: 560px)';

function cardSpec(mode: Mode, ttlMs: number, isNarrow: boolean): CardSpec {
  if (mode === 'locks') {
    return {
      role: 'role',
      width: isNarrow ? 100 : 112,
      fields: [
        { field: 'holder', label: 'holds' },
        { field: 'lease', label: 'until', format: ms },
        { field: 'token', label: 'token' },
      ],
      deadline: { field: 'lease', span: ttlMs, label: 'lease: time left before it expires' },
    };
  }
  if (mode === 'ids') return { role: 'role', width: isNarrow ? 104 : 132, fields: [{ field: 'last', label: 'last' }, { field: 'count', label: 'issued' }] };
  return { role: 'role', width: isNarrow ? 104 : 150, fields: [{ field: 'x', label: 'x' }, { field: 'order', label: 'order' }] };
}

const HOW_TO_READ: Record<Mode, string> = {
  locks: 'R a Redlock server (redis), L F C a Raft server (leader, follower, candidate), S a storage node, P a client process. holds: whose lock the server keeps, or the locks a process believes it holds, or a storage node\'s version and last writer; until: when that lease ends (the bar drains to it); token: the fencing token (d1: the lowest token it still accepts; d0 checks none).',
  ids: 'G a Snowflake generator (its last ID, written ms-node-seq, and how many it issued), L F C a Raft server (the last ID its log handed out, and how many), P a client process (the last ID it got).',
  broadcast: 'G a gossip replica, L F C a Raft server: x is the last value delivered, order the last values in the order delivered; P a client process (its last write).',
};

export const LocksStage = memo(function LocksStage({ result, scenario, style }: { result: LocksResult; scenario: LocksScenario; style: VizStyle }) {
  const wiring = useStageWiring(ACTIONS);
  const isLocked = usePresentation().lock;
  const lesson = useLessonHighlight();
  const ringed = useMemo(() => (lesson?.nodes ?? []).filter((n) => result.stage.nodeNames.includes(n)), [lesson, result.stage.nodeNames]);
  const isNarrow = useMediaQuery(NARROW);
  const spec = useMemo(() => cardSpec(result.mode, scenario.ttlMs, isNarrow), [result.mode, scenario.ttlMs, isNarrow]);
  const positions = useMemo(() => stagePositions(result.mode, isNarrow), [result.mode, isNarrow]);
  const amounts = useMemo(() => ({ clockMs: clockStepMs(result.mode, scenario.ttlMs) }), [result.mode, scenario.ttlMs]);
  const stage = result.stage;
  return (
    <section className="lab-card locks-card lab-stage locks-stage" aria-labelledby="locks-stage-title">
      <h2 id="locks-stage-title">{result.mode === 'locks' ? 'Redlock (r0..r4, storage d0) beside a Raft lock service with fencing (s0..s2, storage d1)' : result.mode === 'ids' ? 'Snowflake generators (g0..g2) beside IDs from the Raft log (s0..s2)' : 'Gossip replicas (p0..p2) beside the Raft log (s0..s2)'}</h2>
      <details className="lab-sub locks-sub">
        <summary>How to read a card</summary>
        {HOW_TO_READ[result.mode]}
        {isLocked ? '' : ' A node\'s menu (click it, or press Enter on it) crashes, pauses (a GC pause for a process), isolates it or jumps its clock, at the playhead.'}
      </details>
      <Stage
        {...wiring}
        data={stage}
        style={style}
        label={`${stage.nodeNames.length} nodes at the playhead${ringed.length ? `; ringed: ${ringed.join(', ')}` : ''}`}
        cardSpec={spec}
        highlighted={ringed}
        positions={positions}
        amounts={amounts}
        height={isNarrow ? (result.mode === 'locks' ? 560 : 420) : result.mode === 'locks' ? 376 : 340}
      />
      <StageLegend data={stage} style={style} />
      <p className="lab-setting locks-setting">{settingWords(scenario)}</p>
    </section>
  );
});

export const LocksNarration = memo(function LocksNarration({ result }: { result: LocksResult }) {
  return (
    <section className="lab-narration locks-narration" aria-labelledby="locks-narration-title">
      <h2 id="locks-narration-title">What happened</h2>
      <LabNarration data={result.stage} />
    </section>
  );
});
