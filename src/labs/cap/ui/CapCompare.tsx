/** CP and AP side by side on the same script: what each side was served, the checker's verdict, availability over time. */
import { useCallback, useMemo } from 'react';
import { usePlayheadValue } from '../../../app/hooks';
import { LineChart } from '../../../viz/lineChart';
import type { VizStyle } from '../../../viz/shared';
import type { CapResult, RunSummary } from '../result';
import { availabilitySeries, capChartEnd, cutFigures, cutHeadline, cutsText, settingsText, verdictLine } from './select';

const MODE_NOTES: Record<string, string> = {
  CP: 'Strict majority quorums: a request needs replies from a majority of all nodes, so only a side holding one can answer.',
  AP: 'One reply is enough: each side reads and writes the copies it can reach, so the two sides drift apart during the cut.',
};

export function CapCompare(props: { result: CapResult; style: VizStyle }) {
  const { result } = props;
  // Both charts end where the shorter run ends (at least at the last heal), so their time axes match.
  const untilMs = capChartEnd(result);
  return (
    <section className="lab-card cap-card" aria-labelledby="cap-cap-title">
      <h2 id="cap-cap-title">CAP: CP and AP on the same script</h2>
      <p className="cap-note">{`Cuts: ${cutsText(result)}. A request's side is its coordinator's group when the client asked: the majority side holds more than half the nodes.`}</p>
      <div className="cap-columns">
        {result.cap.map((r) => (
          <ModeColumn key={r.mode} run={r} result={result} untilMs={untilMs} style={props.style} />
        ))}
      </div>
      <p className="cap-note">
        Stale reads: reads that certainly missed a write completed before they began. Lost writes: acknowledged writes the version
        order places before a write that was already acknowledged when they began, so the newer value loses wherever the copies meet.
      </p>
    </section>
  );
}

function ModeColumn(props: { run: RunSummary; result: CapResult; untilMs: number; style: VizStyle }) {
  const { run, result, untilMs } = props;
  const series = useMemo(() => availabilitySeries(run, result.binMs, untilMs), [run, result.binMs, untilMs]);
  // The playhead, as the centre of its bin (the chart marks an x it draws a point at); re-renders per bin only.
  const binMs = result.binMs;
  const markX = usePlayheadValue(useCallback((t: number) => (Math.floor(Math.min(t, untilMs - 1e-9) / binMs) + 0.5) * binMs, [binMs, untilMs]));
  const isOk = run.verdict === 'linearizable';
  return (
    <div className="cap-column">
      <h3>{run.mode}</h3>
      <p className="cap-note">{`${settingsText(run)}. ${MODE_NOTES[run.mode] ?? ''}`}</p>
      <p className="cap-headline">{cutHeadline(run)}</p>
      <dl className="cap-figures">
        {cutFigures(run).map((f) => (
          <div key={f.label}>
            <dt>{f.label}</dt>
            <dd>{f.value}</dd>
          </div>
        ))}
      </dl>
      <p>
        {'Checker: '}
        <strong className={isOk ? 'cap-ok' : 'cap-bad'}>{verdictLine(run)}</strong>
      </p>
      <details className="cap-details">
        <summary>Why</summary>
        <p>{run.verdictProse}</p>
      </details>
      <LineChart
        series={series}
        xScale="linear"
        yMax={100}
        style={props.style}
        height={180}
        xLabel="ms (requests by the time they were asked)"
        yLabel="served, %"
        markX={markX}
        label={`${run.mode}: percentage of requests served per side over time; cuts: ${cutsText(result)}`}
        caption={`Requests coordinated on each side, binned every ${result.binMs} ms by when they were asked, up to ${Math.round(untilMs)} ms (while nothing is cut, the whole cluster is the majority side).`}
      />
    </div>
  );
}
