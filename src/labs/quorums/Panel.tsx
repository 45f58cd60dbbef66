/**
 * The quorums lab: the checker's verdict on what clients saw, the quorum arithmetic of N, W, R, and one
 * request's quorum at a time as a table (who was asked, who answered in time, what each returned, which
 * replies counted, which replicas were behind). The graphical quorum diagram comes next; this table is its
 * accessible twin and shows the same data.
 */
import { useMemo, useState } from 'react';
import { useResult, useRunStatus } from '../../app/hooks';
import type { QuorumsResult } from './result';
import { firstInterestingRequest, quorumText, requestView, verdictText } from './select';
import './panel.css';

export default function Panel() {
  const result = useResult<QuorumsResult>();
  const status = useRunStatus();
  if (!result || result.lab !== 'quorums') {
    return <p className="qr-waiting">{status.state === 'error' ? status.message : 'Running the simulation…'}</p>;
  }
  return <QuorumsView key={result.traceHash} result={result} />;
}

function QuorumsView({ result }: { result: QuorumsResult }) {
  const count = result.requests.kind.length;
  const [index, setIndex] = useState(() => firstInterestingRequest(result));
  const view = useMemo(() => requestView(result, index), [result, index]);
  const isLinearizable = result.check.verdict === 'linearizable';
  const m = result.metrics;
  return (
    <div className="qr-panel">
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
        </dl>
      </section>
      <section className="qr-card" aria-labelledby="qr-request-title">
        <h2 id="qr-request-title">One request's quorum</h2>
        <div className="qr-nav" role="group" aria-label="Choose a request">
          <button type="button" onClick={() => setIndex(Math.max(0, index - 1))} disabled={index <= 0}>
            ← Previous
          </button>
          <label>
            {'Request '}
            <input
              type="number"
              min={1}
              max={count}
              value={index + 1}
              onChange={(e) => {
                const next = Number(e.currentTarget.value) - 1;
                if (Number.isInteger(next) && next >= 0 && next < count) setIndex(next);
              }}
            />
            {` of ${count}`}
          </label>
          <button type="button" onClick={() => setIndex(Math.min(count - 1, index + 1))} disabled={index >= count - 1}>
            Next →
          </button>
        </div>
        {view && (
          <>
            <h3>{view.title}</h3>
            <p className={view.isStale ? 'qr-bad' : undefined}>{view.outcome}</p>
            <div className="qr-scroll" role="region" aria-label="Replicas contacted" tabIndex={0}>
              <table className="qr-table">
                <caption className="visually-hidden">{`Replicas contacted for ${view.title}`}</caption>
                <thead>
                  <tr>
                    <th scope="col">node</th>
                    <th scope="col">phase</th>
                    <th scope="col">sent (ms)</th>
                    <th scope="col">reply (ms)</th>
                    <th scope="col">returned</th>
                    <th scope="col">counted</th>
                  </tr>
                </thead>
                <tbody>
                  {view.rows.map((row, i) => (
                    <tr key={i}>
                      <td>{row.standsInFor ? `${row.node} (for ${row.standsInFor})` : row.node}</td>
                      <td>{row.phase}</td>
                      <td className="qr-num">{row.sentMs.toFixed(2)}</td>
                      <td className="qr-num">{row.replyMs === null ? '—' : row.replyMs.toFixed(2)}</td>
                      <td>{row.isBehind ? `${row.returned} · behind` : row.returned}</td>
                      <td>{row.isCounted ? 'yes' : 'no'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
    </div>
  );
}
