/**
 * The cluster at the playhead, RaftScope's picture: a card per server (role letter, term, vote, the log's
 * last entries coloured by term, commit index, the election timer draining under it), messages in flight
 * labelled ("RequestVote t3", "AppendEntries ×2", "AppendEntries reply + 12"), the engine's faults in the
 * node and link menus plus RaftScope's "time out now" and "send request", drag across to partition. From
 * a violation's step on, the servers it involves are ringed and their cards show the entries it names.
 * Apart from it (for the page's narration slot): the violation in words and the narration of every event.
 */
import { memo, useCallback, useMemo } from 'react';
import { LabNarration, useLessonHighlight, usePlayheadValue, usePresentation, useSeek, useStageWiring } from '../../../app/hooks';
import type { VizStyle } from '../../../viz/shared';
import { isStageAction, Stage, StageLegend, type CardSpec, type NodeAction, type StageAction } from '../../../viz/stage';
import { labFaultTypes } from '../../faultEvents';
import type { ConsensusResult } from '../result';
import { events, type ConsensusScenario } from '../scenario';
import { ringedServers, settingWords, violationTitle } from './select';

/** The engine's faults this lab accepts that the stage offers (node, link and partition menus). */
const ACTIONS: readonly StageAction[] = labFaultTypes(events).filter(isStageAction);
/** RaftScope's server menu items besides stop and restart: scenario events of this lab. */
const NODE_ACTIONS: readonly NodeAction[] = [
  { type: 'timeout', label: (name) => `Time out ${name} now` },
  { type: 'request', label: (name) => `Send request to ${name}` },
];

function cardSpec(electionMsMax: number): CardSpec {
  return {
    role: 'role',
    fields: [
      { field: 'term', label: 'term' },
      { field: 'vote', label: 'vote' },
      { field: 'log', label: 'log', cells: true },
      { field: 'commit', label: 'commit' },
    ],
    deadline: { field: 'timer', span: electionMsMax, label: 'election timer: time left before this server stands' },
  };
}

export const RaftStage = memo(function RaftStage({ result, scenario, style }: { result: ConsensusResult; scenario: ConsensusScenario; style: VizStyle }) {
  const wiring = useStageWiring(ACTIONS);
  const isLocked = usePresentation().lock;
  const lesson = useLessonHighlight();
  const violation = result.verdict.violation;
  const isPast = usePlayheadValue(useCallback((t: number) => violation !== undefined && t >= violation.tMs, [violation]));
  const ringed = useMemo(() => ringedServers(result, isPast, lesson?.nodes).map((s) => result.stage.nodeNames[s]), [result, isPast, lesson]);
  const spec = useMemo(() => cardSpec(scenario.electionMsMax), [scenario.electionMsMax]);
  const stage = result.stage;
  return (
    <section className="lab-card raft-card lab-stage raft-stage" aria-labelledby="raft-stage-title">
      <h2 id="raft-stage-title">The servers at the playhead</h2>
      <details className="lab-sub raft-sub">
        <summary>How to read a server’s card</summary>
        F follower, P asking for pre-votes, C candidate, L leader; term and the vote it cast in it; log: the last entries, each a box with its term (dashed: not yet committed; … earlier entries); commit: commit index/last index; the bar: the election timer running out (full: the longest timeout).
        {isLocked ? '' : ' A server’s menu (click it, or press Enter on it) crashes, pauses, isolates or times it out, or sends it a client request, at the playhead.'}
      </details>
      {isPast && violation && <p className="lab-bad raft-bad" role="note">{`✗ ${violationTitle(violation)}: the run stopped here; the servers involved are ringed, the entries marked.`}</p>}
      <Stage
        {...wiring}
        data={stage}
        style={style}
        label={`${stage.nodeNames.length} servers at the playhead${ringed.length ? `; ringed: ${ringed.join(', ')}` : ''}`}
        cardSpec={spec}
        nodeActions={NODE_ACTIONS}
        highlighted={ringed}
        height={stage.nodeNames.length > 5 ? 440 : 400}
      />
      <StageLegend data={stage} style={style} />
      <p className="lab-setting raft-setting">{settingWords(scenario)}</p>
    </section>
  );
});

/** The narration slot: a violation (with a button to its step), then every event as a sentence. */
export const RaftNarration = memo(function RaftNarration({ result }: { result: ConsensusResult }) {
  const v = result.verdict.violation;
  const seek = useSeek();
  return (
    <section className="lab-narration raft-narration" aria-labelledby="raft-narration-title">
      <h2 id="raft-narration-title">What happened</h2>
      {v && (
        <p className="lab-violation raft-violation">
          <strong className="lab-bad raft-bad">{`✗ ${violationTitle(v)}. `}</strong>
          {`${v.detail} `}
          <button type="button" onClick={() => seek(v.tMs)}>Go to the violation</button>
        </p>
      )}
      <LabNarration data={result.stage} height={v ? 120 : 168} />
    </section>
  );
});
