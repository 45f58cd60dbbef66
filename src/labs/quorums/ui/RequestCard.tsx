/**
 * The request at the playhead: its quorum diagram (whom the coordinator asked, who answered in time, what
 * came back, the playhead across it) and its table twin. It follows the playhead; choosing an operation
 * (here, or in the client history) moves the playhead to its call and keeps it shown while it is in flight.
 */
import { memo, useMemo } from 'react';
import { usePlayheadSource } from '../../../app/hooks';
import { QuorumDiagram } from '../../../viz/quorumDiagram';
import type { VizStyle } from '../../../viz/shared';
import type { QuorumsResult } from '../result';
import { RequestTable } from './RequestTable';
import { quorumDiagramData, requestView } from './select';

export interface RequestCardProps {
  result: QuorumsResult;
  /** The request shown (the one at the playhead, or the one chosen). */
  index: number;
  onSelect(index: number): void;
  timeoutMs: number;
  style: VizStyle;
}

export const RequestCard = memo(function RequestCard({ result, index, onSelect, timeoutMs, style }: RequestCardProps) {
  const playhead = usePlayheadSource();
  const count = result.requests.kind.length;
  const view = useMemo(() => requestView(result, index), [result, index]);
  const diagram = useMemo(() => quorumDiagramData(result, index, timeoutMs), [result, index, timeoutMs]);
  return (
    <section className="lab-card qr-card" aria-labelledby="qr-request-title">
      <h2 id="qr-request-title">The request at the playhead</h2>
      <p className="qr-sub">It follows the playhead: of the requests in flight, the one called or answered last (while playing, each stays until it ends). Choose another here or in the client history and the playhead moves to its call.</p>
      <div className="qr-nav" role="group" aria-label="Choose an operation">
        <button type="button" onClick={() => onSelect(Math.max(0, index - 1))} disabled={index <= 0}>
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
              if (Number.isInteger(next) && next >= 0 && next < count) onSelect(next);
            }}
          />
          {` of 0..${count - 1}`}
        </label>
        <button type="button" onClick={() => onSelect(Math.min(count - 1, index + 1))} disabled={index >= count - 1}>
          Next →
        </button>
      </div>
      {view && diagram && (
        <>
          <h3>{view.title}</h3>
          <p className={view.isStale ? 'qr-bad' : undefined}>{view.outcome}</p>
          <div className="qr-request-grid">
            <QuorumDiagram data={diagram} style={style} title={view.title} playhead={playhead} />
            <RequestTable view={view} />
          </div>
        </>
      )}
    </section>
  );
});
