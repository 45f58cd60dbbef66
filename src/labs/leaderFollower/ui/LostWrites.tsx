/**
 * The acknowledged writes the surviving log does not hold: the client heard "ok", and the data is gone.
 * Each row can select its operation in the client-history timeline.
 */
import { memo, useMemo } from 'react';
import type { LeaderFollowerResult } from '../result';
import { lostRows } from './select';

/** Rows shown at most (the count above the table is the full one). */
const ROWS_SHOWN_MAX = 25;

export const LostWrites = memo(function LostWrites({ result, onSelect }: { result: LeaderFollowerResult; onSelect: (op: number) => void }) {
  const rows = useMemo(() => lostRows(result), [result]);
  const shown = rows.length > ROWS_SHOWN_MAX ? rows.slice(0, ROWS_SHOWN_MAX) : rows;
  return (
    <section className="lab-card lf-card" aria-labelledby="lf-lost-title">
      <h2 id="lf-lost-title">{`Acknowledged writes lost: ${rows.length}`}</h2>
      {rows.length === 0 ? (
        <p className="lf-sub">Every write a client heard "ok" for is in the log that survives (n{result.survivor}'s).</p>
      ) : (
        <>
          <p className="lf-sub">
            {`The client heard "ok" for each of these, and the log that survives (n${result.survivor}'s) does not hold it.`}
            {shown.length < rows.length ? ` The first ${shown.length} are listed.` : ''}
          </p>
          <div className="lf-scroll" role="region" aria-label="Lost acknowledged writes" tabIndex={0}>
            <table className="lf-table">
              <caption className="visually-hidden">Lost acknowledged writes: who acknowledged each, and why it is gone</caption>
              <thead>
                <tr>
                  <th scope="col">write</th>
                  <th scope="col">acknowledged</th>
                  <th scope="col">why it is gone</th>
                  <th scope="col"><span className="visually-hidden">timeline</span></th>
                </tr>
              </thead>
              <tbody>
                {shown.map((row) => (
                  <tr key={row.op}>
                    <td>{row.what}</td>
                    <td>{row.acknowledged}</td>
                    <td>{row.lost}</td>
                    <td>
                      <button type="button" className="lf-small" onClick={() => onSelect(row.op)} aria-label={`Select op ${row.op} in the client history`}>
                        Select
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
});
