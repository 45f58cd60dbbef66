/**
 * The quorums lab: the replicas at the playhead (the stage: each request's fan-out, replies, late replies,
 * read repair and hinted handoff as messages) in the scene and its narration beside it; below, the request
 * at the playhead as a quorum diagram with its table twin, the checker's verdict on what clients saw with
 * the client-history timeline (its explanation outlined), and the read set against the write set.
 * Choosing an operation (the timeline, the request card) moves the playhead to it. Everything derived
 * comes from ./select.ts and ./playhead.ts; edits go through the app's hooks.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import { LabSlot, useLabResult, usePlayhead, usePlayheadSource, useSeek, useTheme } from '../../../app/hooks';
import { explanationMarks, HistoryTimeline, type HistoryTimelineProps } from '../../../viz/historyTimeline';
import { OverlapDiagram } from '../../../viz/quorumDiagram';
import { vizStyle, type VizStyle } from '../../../viz/shared';
import '../../../viz/viz.css';
import type { QuorumsResult } from '../result';
import type { QuorumsScenario } from '../scenario';
import { followRequest, laneNote, requestEnds } from './playhead';
import { QuorumNarration, QuorumStage } from './QuorumStage';
import { useSampledPlayhead } from './useSampledPlayhead';
import { RequestCard } from './RequestCard';
import { describeRequest, KIND_NAMES, overlapView, quorumText, timelineColumns, verdictText } from './select';
import './panel.css';

export default function Panel() {
  const run = useLabResult<QuorumsResult, QuorumsScenario>();
  const theme = useTheme();
  const style = useMemo(() => vizStyle(theme), [theme]);
  if (!run) return null;
  return <QuorumsView key={run.result.traceHash} result={run.result} scenario={run.scenario} style={style} />;
}

function QuorumsView({ result, scenario, style }: { result: QuorumsResult; scenario: QuorumsScenario; style: VizStyle }) {
  const seek = useSeek();
  const ends = useMemo(() => requestEnds(result, scenario.timeoutMs), [result, scenario.timeoutMs]);
  const playhead = usePlayheadSource();
  const [pinned, setPinned] = useState(-1);
  /** What the selector last returned: while playing, a request stays shown until it ends (followRequest). */
  const last = useRef({ shown: -1, shownT: 0 });
  const shownAt = useCallback(
    (t: number) => {
      const shown = followRequest(result.requests, ends, t, { ...last.current, pinned, isPlaying: playhead.isPlaying?.() ?? false });
      last.current = { shown, shownT: t };
      return shown;
    },
    [result, ends, pinned, playhead],
  );
  const index = useSampledPlayhead(playhead, shownAt);
  const select = useCallback(
    (i: number) => {
      setPinned(i);
      seek(result.requests.callMs[i]);
    },
    [result, seek],
  );
  const overlap = useMemo(() => overlapView(result, index), [result, index]);
  return (
    <div className="qr-panel">
      <LabSlot name="scene">
        <QuorumStage result={result} style={style} />
      </LabSlot>
      <LabSlot name="narration">
        <QuorumNarration result={result} />
      </LabSlot>
      <RequestCard result={result} index={index} onSelect={select} timeoutMs={scenario.timeoutMs} style={style} />
      <VerdictCard result={result} clients={scenario.clients} index={index} onSelect={select} style={style} />
      <section className="lab-card qr-card" aria-labelledby="qr-overlap-title">
        <h2 id="qr-overlap-title">W + R &gt; N as the overlap of two sets</h2>
        {'reason' in overlap ? <p>{overlap.reason}</p> : <OverlapDiagram data={overlap.data} style={style} explanation={overlap.explanation} />}
      </section>
    </div>
  );
}

/** The checker's verdict, the quorum arithmetic, the figures and the client history (why it has more lanes than clients). */
function VerdictCard(props: { result: QuorumsResult; clients: number; index: number; onSelect: (i: number) => void; style: VizStyle }) {
  const { result, clients, index, onSelect, style } = props;
  const history = useMemo(() => timelineColumns(result), [result]);
  const marks = useMemo(() => explanationMarks(result.check.explanation), [result]);
  const describe = useCallback((i: number) => describeRequest(result, i), [result]);
  const lanes = useMemo(() => laneNote(result.requests.process, clients), [result, clients]);
  const isLinearizable = result.check.verdict === 'linearizable';
  const m = result.metrics;
  const count = result.requests.kind.length;
  return (
    <section className="lab-card qr-card" aria-labelledby="qr-verdict-title">
      <h2 id="qr-verdict-title">
        <span className={isLinearizable ? 'qr-ok' : 'qr-bad'}>{isLinearizable ? '✓ ' : '✗ '}</span>
        {`What clients saw: ${result.check.verdict}`}
      </h2>
      <p>{verdictText(result)}</p>
      <p className="qr-sub">{quorumText(result)}</p>
      <dl className="qr-figures">
        <div><dt>reads</dt><dd>{m.reads}</dd></div>
        <div><dt>writes</dt><dd>{m.writes}</dd></div>
        <div><dt>ok</dt><dd>{m.ok}</dd></div>
        <div><dt>failed</dt><dd>{m.failed}</dd></div>
        <div><dt>timed out</dt><dd>{m.timeouts}</dd></div>
        <div><dt>stale reads</dt><dd>{m.staleReads}</dd></div>
        <div><dt>read repairs</dt><dd>{m.readRepairs}</dd></div>
        {m.hintsStored > 0 && <div><dt>hints handed over</dt><dd>{`${m.hintsDelivered} of ${m.hintsStored}`}</dd></div>}
      </dl>
      <h3>Client history</h3>
      {lanes && <p className="qr-sub" data-testid="lane-note">{lanes}</p>}
      <LiveTimeline
        history={history}
        kindNames={KIND_NAMES}
        style={style}
        label={`Client history: ${count} operations, one lane per client process${marks.highlights.length ? '; the checker’s explanation is outlined' : ''}`}
        timeLabel="simulated time (ms)"
        processLabel={(p) => `c${p}`}
        highlights={marks.highlights}
        prefix={result.check.explanation ? marks.prefix : undefined}
        selected={index}
        onSelect={onSelect}
        describe={describe}
      />
    </section>
  );
}

/** The timeline with the playhead: the only part of the Panel that re-renders on every frame while playing. */
function LiveTimeline(props: Omit<HistoryTimelineProps, 'playheadT'>) {
  const t = usePlayhead();
  return <HistoryTimeline {...props} playheadT={t} />;
}
