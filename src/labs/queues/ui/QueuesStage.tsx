/**
 * The scene at the playhead: the producer w0, the partitions p0.. (Kafka) or the queues q0 (standard), q1
 * (FIFO) and their DLQs d0, d1 (SQS), and the consumers c0..; batches as dots (produce, fetch, commit;
 * send, receive, delete, to DLQ). A consumer's menu crashes, restarts, starts (join) or slows it at the
 * playhead. Beside it (the page's narration slot): what happened, event by event.
 */
import { memo, useMemo } from 'react';
import { LabNarration, useLessonHighlight, useMediaQuery, usePresentation, useStageWiring } from '../../../app/hooks';
import type { VizStyle } from '../../../viz/shared';
import { Stage, StageLegend, type CardSpec, type NodeAction, type StageAction } from '../../../viz/stage';
import type { QueuesResult } from '../result';
import { SLOWDOWN_DEFAULT, type QueuesScenario } from '../scenario';
import { stagePositions } from './select';

const ACTIONS: readonly StageAction[] = ['crash', 'recover'];
const NODE_ACTIONS: readonly NodeAction[] = [
  { type: 'join', label: (name) => `Start ${name} (join the group)` },
  { type: 'slowdown', label: (name) => `Slow ${name} ×${SLOWDOWN_DEFAULT}` },
];

const NARROW = '(max-width: 560px)';

function cardSpec(result: QueuesResult, s: QueuesScenario, isNarrow: boolean): CardSpec {
  const isKafka = result.mode === 'kafka';
  const max = isKafka ? Math.max(10, s.batchMax * 4) : Math.max(10, Math.ceil(s.messages / 20));
  return {
    role: 'role',
    width: isNarrow ? 104 : 136,
    fields: [
      { field: 'l1', label: '' },
      { field: 'l2', label: '' },
      { field: 'n', label: isKafka ? 'lag' : 'depth', bar: { max, scale: 'log' } },
    ],
  };
}

const HOW_TO_READ = {
  kafka: 'P the producer w0 (records sent); B a partition on broker b0..b2: its owner in the group, its log end offset ("end") and the group\'s committed offset ("com."), and its lag (end − committed) as a bar; a consumer (C working, I idle, R rebalancing, J joining, D dead, S spare): the partitions it owns, the batch it is processing (partition and offsets), and the lag of what it owns; G the second group\'s member a0 (when there is one), which owns every partition: the partitions show its committed offset as "g2".',
  sqs: 'P the producer w0; S the standard queue q0 and F the FIFO queue q1: messages visible and in flight, their sum as a bar; D a dead-letter queue (d0 behind q0, d1 behind q1); a consumer polls both queues: the message it holds from each (#: its receive count) and how many it holds.',
} as const;

export const QueuesStage = memo(function QueuesStage({ result, scenario, style }: { result: QueuesResult; scenario: QueuesScenario; style: VizStyle }) {
  const stage = result.stage;
  const wiring = useStageWiring(ACTIONS, stage.ticksPerUnit);
  const isLocked = usePresentation().lock;
  const lesson = useLessonHighlight();
  const ringed = useMemo(() => (lesson?.nodes ?? []).filter((n) => stage.nodeNames.includes(n)), [lesson, stage.nodeNames]);
  const isNarrow = useMediaQuery(NARROW);
  const spec = useMemo(() => cardSpec(result, scenario, isNarrow), [result, scenario, isNarrow]);
  const positions = useMemo(() => stagePositions(result, isNarrow), [result, isNarrow]);
  const inert = useMemo(() => stage.nodeNames.flatMap((n, i) => (n.startsWith('c') ? [] : [i])), [stage.nodeNames]);
  const isKafka = result.mode === 'kafka';
  const many = stage.nodeNames.length > 30;
  return (
    <section className="lab-card queues-card lab-stage queues-stage" aria-labelledby="queues-stage-title">
      <h2 id="queues-stage-title">
        {isKafka
          ? `A topic of ${scenario.partitions} partition${scenario.partitions === 1 ? '' : 's'} (p0..) and one consumer group (c0..), ${scenario.assignor} rebalancing, commit ${scenario.commit} processing`
          : 'A standard queue (q0) beside a FIFO queue (q1), each with a dead-letter queue; consumers c0.. poll both'}
      </h2>
      <details className="lab-sub queues-sub">
        <summary>How to read a card</summary>
        {HOW_TO_READ[result.mode]}
        {isLocked ? '' : ' A consumer\'s menu (click it, or press Enter on it) crashes, restarts, starts or slows it at the playhead.'}
        {many ? ' At this size the partitions are drawn as glyphs and dots are a sample; the lag chart below shows every partition.' : ''}
      </details>
      <Stage
        {...wiring}
        data={stage}
        style={style}
        label={`${stage.nodeNames.length} nodes at the playhead${ringed.length ? `; ringed: ${ringed.join(', ')}` : ''}`}
        cardSpec={spec}
        nodeActions={NODE_ACTIONS}
        inertNodes={inert}
        highlighted={ringed}
        positions={positions}
        height={isNarrow ? narrowHeight(stage.nodeNames.length, result.mode) : many ? 480 : 400}
      />
      <StageLegend data={stage} style={style} />
    </section>
  );
});

/** A phone's stage: about 100 px per row of three cards (glyph rows at scale are shorter). */
function narrowHeight(nodes: number, mode: QueuesResult['mode']): number {
  const rows = mode === 'sqs' ? 3 + Math.ceil((nodes - 5) / 3) : nodes > 40 ? 12 + Math.ceil(18 / 3) : 1 + Math.ceil((nodes - 1) / 3);
  return Math.min(900, 110 * rows);
}

export const QueuesNarration = memo(function QueuesNarration({ result }: { result: QueuesResult }) {
  return (
    <section className="lab-narration queues-narration" aria-labelledby="queues-narration-title">
      <h2 id="queues-narration-title">What happened</h2>
      <LabNarration data={result.stage} />
    </section>
  );
});
