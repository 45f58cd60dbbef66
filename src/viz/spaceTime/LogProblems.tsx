/**
 * A log's problems as a list, one line each ("line 12: the clock … is not the merge of its parents'
 * clocks; …"), or the reason the whole log was refused. Text only: a message may quote the log.
 */
import type { ShiVizImport } from '../../core/causality/shiviz/importLog';
import { formatNumber } from '../shared/format';

export function LogProblems({ imported }: { imported: ShiVizImport }) {
  if (imported.refused) {
    return (
      <p className="spacetime-limit" role="alert" data-log-refused="">
        The log was refused: {imported.refused.line > 0 ? `line ${imported.refused.line}: ` : ''}{imported.refused.message}.
      </p>
    );
  }
  if (imported.problemCount === 0) return <p className="spacetime-help" role="status">The log follows ShiViz's rules.</p>;
  const more = imported.problemCount - imported.problems.length;
  return (
    <div className="spacetime-problems" role="alert">
      <p>
        {imported.problemCount} problem{imported.problemCount === 1 ? '' : 's'} in the log (by ShiViz's rules); the events that parse are drawn.
      </p>
      <ol>
        {imported.problems.map((p, i) => <li key={i} data-line={p.line}>{p.line > 0 ? `line ${p.line}: ` : ''}{p.message}</li>)}
      </ol>
      {more > 0 && <p>… and {formatNumber(more)} more.</p>}
    </div>
  );
}
