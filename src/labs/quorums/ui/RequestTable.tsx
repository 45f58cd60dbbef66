/** One request's contacts as a table: the quorum diagram's accessible twin (the same rows, in words). */
import type { RequestView } from './select';

export function RequestTable({ view }: { view: RequestView }) {
  return (
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
  );
}
