/**
 * The quorums lab: one request's quorum as a diagram with its table twin in the scene; below, the
 * checker's verdict on what clients saw, with the client-history timeline that highlights its explanation,
 * the quorum arithmetic of N, W, R, and the read set against the write set over the node row. Selecting an
 * operation in the timeline selects that request everywhere. Everything derived comes from ./select.ts.
 */
import { useCallback, useMemo, useState } from 'react';
import { LabSlot, useLabResult, usePlayhead, useTheme } from '../../../app/hooks';
import { explanationMarks, HistoryTimeline, type HistoryTimelineProps } from '../../../viz/historyTimeline';
import { OverlapDiagram, QuorumDiagram } from '../../../viz/quorumDiagram';
import { vizStyle, type VizStyle } from '../../../viz/shared';
import '../../../viz/viz.css';
import { RequestTable } from './RequestTable';
import type { QuorumsResult } from '../result';
import type { QuorumsScenario } from '../scenario';
import { describeRequest, firstInterestingRequest, KIND_NAMES, overlapView, quorumDiagramData, quorumText, requestView, timelineColumns, verdictText } from './select';
import './panel.css';

export default function Panel() {
  const run = useLabResult<QuorumsResult, QuorumsScenario>();
  const theme = useTheme();
  const style = useMemo(() => vizStyle(theme), [theme]);
  if (!run) return null;
  return <QuorumsView key={run.result.traceHash} result={run.result} timeoutMs={run.scenario.timeoutMs} style={style} />;
}

function QuorumsView({ result, timeoutMs, style }: { result: QuorumsResult; timeoutMs: number; style: VizStyle }) {
  const count = result.requests.kind.length;
  const [index, setIndex] = useState(() => firstInterestingRequest(result));
  const overlap = useMemo(() => overlapView(result, index), [result, index]);
  const history = useMemo(() => timelineColumns(result), [result]);
  const marks = useMemo(() => explanationMarks(result.check.explanation), [result]);
  const describe = useCallback((i: number) => describeRequest(result, i), [result]);
  const isLinearizable = result.check.verdict === 'linearizable';
  const m = result.metrics;
  return (
    <div className="qr-panel">
      <LabSlot name="scene">
        <RequestCard result={result} index={index} onIndex={setIndex} timeoutMs={timeoutMs} style={style} />
      </LabSlot>
      <section className="qr-card" aria-labelledby="qr-verdict-title">
        <h2 id="qr-verdict-title">
          <span className={isLinearizable ? 'qr-ok' : 'qr-bad'}>{isLinearizable ? '✓ ' : '✗ '}</span>
          {`What clients saw: ${result.check.verdict}`}
        </h2>
        <p>{verdictText(result)}</p>
        <p className="qr-sub">{quorumText(result)}</p>
        <dl className="qr-figures">
          <div><dt>ok</dt><dd>{m.ok}</dd></div>
          <div><dt>failed</dt><dd>{m.failed}</dd></div>
          <div><dt>timed out</dt><dd>{m.timeouts}</dd></div>
          <div><dt>stale reads</dt><dd>{m.staleReads}</dd></div>
          <div><dt>read repairs</dt><dd>{m.readRepairs}</dd></div>
          {m.hintsStored > 0 && <div><dt>hints handed over</dt><dd>{`${m.hintsDelivered} of ${m.hintsStored}`}</dd></div>}
        </dl>
        <h3>Client history</h3>
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
          onSelect={setIndex}
          describe={describe}
        />
      </section>
      <section className="qr-card" aria-labelledby="qr-overlap-title">
        <h2 id="qr-overlap-title">W + R &gt; N as the overlap of two sets</h2>
        {'reason' in overlap ? <p>{overlap.reason}</p> : <OverlapDiagram data={overlap.data} style={style} explanation={overlap.explanation} />}
      </section>
    </div>
  );
}

/** One request's quorum, the scene: choose an operation, see whom it asked and what came back. */
function RequestCard(props: { result: QuorumsResult; index: number; onIndex: (i: number) => void; timeoutMs: number; style: VizStyle }) {
  const { result, index, onIndex: setIndex, timeoutMs, style } = props;
  const count = result.requests.kind.length;
  const view = useMemo(() => requestView(result, index), [result, index]);
  const diagram = useMemo(() => quorumDiagramData(result, index, timeoutMs), [result, index, timeoutMs]);
  return (
    <section className="qr-card" aria-labelledby="qr-request-title">
      <h2 id="qr-request-title">One request's quorum</h2>
      <div className="qr-nav" role="group" aria-label="Choose an operation">
        <button type="button" onClick={() => setIndex(Math.max(0, index - 1))} disabled={index <= 0}>
          ← Previous
        </button>
        <label>
          {'Operation '}
          <input
            type="number"
            min={0}
            max={count - 1}
            value={index}
            onChange={(e) => {
              const next = Number(e.currentTarget.value);
              if (Number.isInteger(next) && next >= 0 && next < count) setIndex(next);
            }}
          />
          {` of 0..${count - 1}`}
        </label>
        <button type="button" onClick={() => setIndex(Math.min(count - 1, index + 1))} disabled={index >= count - 1}>
          Next →
        </button>
      </div>
      {view && diagram && (
        <>
          <h3>{view.title}</h3>
          <p className={view.isStale ? 'qr-bad' : undefined}>{view.outcome}</p>
          <div className="qr-request-grid">
            <QuorumDiagram data={diagram} style={style} title={view.title} />
            <RequestTable view={view} />
          </div>
        </>
      )}
    </section>
  );
}

/** The timeline with the playhead: the only part of the Panel that re-renders on every frame while playing. */
function LiveTimeline(props: Omit<HistoryTimelineProps, 'playheadT'>) {
  const t = usePlayhead();
  return <HistoryTimeline {...props} playheadT={t} />;
}
