/**
 * The cluster at the playhead: the router sending requests (dots) to the node that owns each key (through
 * the directory when the strategy has one), each node's card with its queue (a bar) and CPU, the hot node
 * glowing in the heatmap's colours and badged HOT; a click on a node (or Enter on a focused one) crashes or
 * recovers it at the playhead. Apart from it (for the page's narration slot) every send and fault in words.
 * Memoized: the stage and the narration read the playhead themselves, never through a React render.
 */
import { memo, useMemo } from 'react';
import { LabNarration, useLessonHighlight, useMediaQuery, usePresentation, useStageWiring } from '../../../app/hooks';
import type { VizStyle } from '../../../viz/shared';
import { isStageAction, Stage, StageLegend, type CardSpec, type StageAction } from '../../../viz/stage';
import { labFaultTypes } from '../../faultEvents';
import type { PartitioningResult } from '../result';
import { events } from '../scenario';
import { formatMs, nodeName, STRATEGY_NAMES } from './select';
import { RING_NODES, stageLayout } from './stageLayout';
import { formatNumber } from '../../../viz/shared/format';

/** Crash and recover: the faults this lab's scenario accepts, as the stage offers them. */
const ACTIONS: readonly StageAction[] = labFaultTypes(events).filter(isStageAction);

function cardSpec(queuePeak: number): CardSpec {
  return {
    fields: [
      { field: 'waiting', label: 'waiting', bar: { max: Math.max(1, queuePeak), scale: 'log' } },
      { field: 'cpu', label: 'cpu', format: (_, value) => (Number.isFinite(value) ? `${value}%` : '–') },
    ],
    badges: [{ field: 'hot', text: 'hot', label: 'HOT', words: 'hot' }],
    heat: { field: 'cpu', max: 100 },
  };
}

export const NodeStage = memo(function NodeStage({ result, style }: { result: PartitioningResult; style: VizStyle }) {
  // A fault lands on the engine's tick at or after the playhead (links stay short), and the playhead follows.
  const wiring = useStageWiring(ACTIONS, result.stage.ticksPerUnit);
  const isLocked = usePresentation().lock;
  const highlight = useLessonHighlight();
  const { stage, stageInfo } = result;
  const n = result.nodeCount;
  // On a narrow screen the ring of cards becomes two columns, and taller, or the cards would overlap.
  const isNarrow = useMediaQuery('(max-width: 40rem)');
  const layout = useMemo(() => stageLayout(n, result.directoryNode >= 0, isNarrow), [n, result.directoryNode, isNarrow]);
  const spec = useMemo(() => cardSpec(stageInfo.queuePeak), [stageInfo.queuePeak]);
  const router = stage.nodeNames.length - 1;
  const inert = useMemo(() => [router], [router]);
  const via = result.directoryNode >= 0 ? ' through the directory' : '';
  const named = highlight?.nodes?.length ? ` The lesson points at ${highlight.nodes.join(', ')}.` : '';
  return (
    <section className="lab-card pt-card pt-stage" aria-labelledby="pt-stage-title">
      <h2 id="pt-stage-title">{`Requests at the playhead: ${formatNumber(n)} nodes, keys placed by ${STRATEGY_NAMES[result.strategy]}`}</h2>
      <p className="pt-sub">
        {`The router sends each request (a dot) to the node owning its key${via}; replies come back. A card shows the requests waiting (bar) and its CPU over the last ${formatMs(result.buckets.widthMs)}, coloured by heat; HOT marks the node the detector flags. `}
        {hotSentence(result)}
        {sampleNote(result)}
        {isLocked ? '' : ' Click a node (or Enter on it) to crash or recover it at the playhead.'}
      </p>
      <StageLegend data={stage} style={style} kinds={stageInfo.kinds} />
      <Stage
        {...wiring}
        data={stage}
        style={style}
        label={`${formatNumber(n)} nodes${via.replace(' through', ',')} and the router at the playhead.${named}`}
        cardSpec={spec}
        positions={layout.positions}
        regions={layout.regions}
        inertNodes={inert}
        highlighted={highlight?.nodes}
        height={n <= RING_NODES ? (isNarrow ? 420 : 360) : undefined}
      />
    </section>
  );
});

function hotSentence(result: PartitioningResult): string {
  const first = [...result.detections].sort((a, b) => a.t - b.t)[0];
  if (!first) return 'No node is flagged hot in this run.';
  return `${nodeName(result, first.node)} is flagged hot from ${formatMs(first.t)}.`;
}

function sampleNote(result: PartitioningResult): string {
  const { sampleEvery, depthGapMs } = result.stageInfo;
  const parts: string[] = [];
  if (sampleEvery > 1) parts.push(`one request in ${sampleEvery} is drawn`);
  if (depthGapMs > 0) parts.push(`queue depths are read every ${formatMs(depthGapMs)}`);
  return parts.length > 0 ? ` At this size ${parts.join(' and ')}.` : '';
}

/** The narration: every send, loss and fault as a sentence, following the playhead; a row click seeks there. */
export const NodeNarration = memo(function NodeNarration({ result }: { result: PartitioningResult }) {
  return (
    <section className="pt-narration" aria-labelledby="pt-narration-title">
      <h2 id="pt-narration-title">What happened</h2>
      <LabNarration data={result.stage} label="What happened, request by request" />
    </section>
  );
});
