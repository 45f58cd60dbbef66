/**
 * What the diagram says in words beside the canvas: the legend (shapes and colours), and for a compared
 * pair the two clocks, entry by entry, with the entries that decide marked. All text nodes: names and
 * texts from a log are never markup.
 */
import { eventName } from '../../core/causality/prose';
import type { Comparison } from '../../core/causality/query';
import type { CausalRun } from '../../core/causality/types';
import type { VizStyle } from '../shared/palette';

export function SpaceTimeLegend({ style }: { style: VizStyle }) {
  return (
    <ul className="spacetime-legend" aria-label="Legend">
      <li><span aria-hidden="true" style={{ color: style.accent }}>■</span> causal past of a</li>
      <li><span aria-hidden="true" style={{ color: style.foreground }}>◆</span> causal future of a</li>
      <li><span aria-hidden="true" style={{ color: style.muted }}>○</span> concurrent with a</li>
      <li><span aria-hidden="true">✕</span> crash or lost message</li>
      <li><span aria-hidden="true">‖</span> pause</li>
      <li><span aria-hidden="true">┆</span> partition: lanes tinted by side from the dashed line</li>
    </ul>
  );
}

const VERDICT = { same: 'the same event', before: 'a happened before b', after: 'b happened before a', concurrent: 'concurrent' } as const;

export function ComparisonCaption({ run, comparison }: { run: CausalRun; comparison: Comparison | undefined }) {
  if (!comparison) return null;
  const g = run.graph;
  const lanes: number[] = [];
  for (let l = 0; l < g.lanes.length; l++) if (comparison.clockA[l] > 0 || comparison.clockB[l] > 0) lanes.push(l);
  const shown = lanes.slice(0, 24);
  return (
    <figure className="spacetime-compare" data-relation={comparison.relation}>
      <figcaption>
        <strong>{VERDICT[comparison.relation]}</strong>: a = {eventName(g, comparison.a)}, b = {eventName(g, comparison.b)}
      </figcaption>
      <table>
        <thead>
          <tr><th scope="col">clock</th>{shown.map((l) => <th key={l} scope="col">{g.lanes[l]}</th>)}</tr>
        </thead>
        <tbody>
          {(['a', 'b'] as const).map((which) => {
            const clock = which === 'a' ? comparison.clockA : comparison.clockB;
            return (
              <tr key={which}>
                <th scope="row">{which}</th>
                {shown.map((l) => <td key={l} className={comparison.lanes.includes(l) ? 'is-decisive' : undefined}>{clock[l]}</td>)}
              </tr>
            );
          })}
        </tbody>
      </table>
      {lanes.length > shown.length && <p>{lanes.length - shown.length} more lanes not shown.</p>}
    </figure>
  );
}
