/**
 * The consensus lab: the servers at the playhead (the stage) in the scene and the narration beside it;
 * below, the invariants' verdict (the violation and the Figure 2 alarms before it), who led which term
 * and when, the times without a leader and what clients waited, then the election-time experiment.
 * Everything derived comes from ./select.ts; edits go through the app's hooks.
 */
import { useMemo } from 'react';
import { LabSlot, useLabResult, useSeek, useTheme } from '../../../app/hooks';
import { vizStyle, type VizStyle } from '../../../viz/shared';
import '../../../viz/viz.css';
import type { ConsensusResult } from '../result';
import type { ConsensusScenario } from '../scenario';
import { ExperimentSection } from './ExperimentSection';
import { RaftNarration, RaftStage } from './RaftStage';
import { brokenWords, gapWords, leaderships, verdictTitle } from './select';
import './panel.css';
import { formatNumber } from '../../../viz/shared/format';

export default function Panel() {
  const run = useLabResult<ConsensusResult, ConsensusScenario>();
  const theme = useTheme();
  const style = useMemo(() => vizStyle(theme), [theme]);
  if (!run) return null;
  // Not keyed by the run: a new result updates the view in place. Remounting it per run made the stage and
  // the experiment's chart start again at 0 x 0 (useObservedSize), a second render and layout per result,
  // and dropped the stage's focused server with every edit made from its menu.
  return <ConsensusView result={run.result} scenario={run.scenario} style={style} />;
}

function ConsensusView({ result, scenario, style }: { result: ConsensusResult; scenario: ConsensusScenario; style: VizStyle }) {
  return (
    <div className="lab-panel raft-panel">
      <LabSlot name="scene">
        <RaftStage result={result} scenario={scenario} style={style} />
      </LabSlot>
      <LabSlot name="narration">
        {/* Keyed by the run, as before: each run's narration starts following the playhead again. */}
        <RaftNarration key={result.traceHash} result={result} />
      </LabSlot>
      <VerdictCard result={result} scenario={scenario} />
      <LeadersCard result={result} />
      <ExperimentSection experiment={result.experiment} scenario={scenario} style={style} />
    </div>
  );
}

function VerdictCard({ result, scenario }: { result: ConsensusResult; scenario: ConsensusScenario }) {
  const seek = useSeek();
  const { verdict } = result;
  return (
    <section className="lab-card raft-card" aria-labelledby="raft-verdict-title">
      <h2 id="raft-verdict-title" className={verdict.ok ? undefined : 'lab-bad raft-bad'}>{verdictTitle(result)}</h2>
      <p>{verdict.prose}</p>
      {scenario.broken !== 'none' && <p className="lab-sub raft-sub">{brokenWords(scenario)}</p>}
      {verdict.violation && (
        <p>
          <button type="button" onClick={() => seek(verdict.violation!.tMs)}>{`Go to step ${formatNumber(verdict.violation.step)} (${verdict.violation.tMs.toFixed(3)} ms)`}</button>
        </p>
      )}
      {verdict.alarms.length > 0 && (
        <>
          <h3>Figure 2 rules broken on the way</h3>
          <ul className="raft-list">
            {verdict.alarms.map((a, i) => (
              <li key={i}>
                <button type="button" className="raft-link" onClick={() => seek(a.tMs)}>{`${a.tMs.toFixed(3)} ms`}</button>
                {`: ${a.detail}`}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function LeadersCard({ result }: { result: ConsensusResult }) {
  const seek = useSeek();
  const rows = useMemo(() => leaderships(result), [result]);
  const gaps = useMemo(() => gapWords(result), [result]);
  const m = result.metrics;
  const fixed = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : '–');
  return (
    <section className="lab-card raft-card" aria-labelledby="raft-leaders-title">
      <h2 id="raft-leaders-title">Who led when</h2>
      <dl className="raft-figures">
        <div><dt>leaders</dt><dd>{m.leaders}</dd></div>
        <div><dt>highest term</dt><dd>{m.termMax}</dd></div>
        <div><dt>entries committed</dt><dd>{m.committed}</dd></div>
        <div><dt>commands committed</dt><dd>{`${m.requestsCommitted} of ${m.requests}`}</dd></div>
        <div><dt>commit p50 / p99 (ms)</dt><dd>{`${fixed(m.commitP50Ms)} / ${fixed(m.commitP99Ms)}`}</dd></div>
      </dl>
      {gaps.length > 0 && <ul className="raft-list">{gaps.map((g) => <li key={g}>{g}</li>)}</ul>}
      <div className="raft-scroll" role="region" aria-label="Leaderships" tabIndex={0}>
        <table className="lab-table raft-table">
          <caption>Leaderships: each term’s leader, from its election to its end (crash, step-down or the run’s end)</caption>
          <thead><tr><th scope="col">term</th><th scope="col">leader</th><th scope="col">from (ms)</th><th scope="col">until (ms)</th></tr></thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.term}-${r.server}`}>
                <th scope="row">{r.term}</th>
                <td>{`s${r.server}`}</td>
                <td><button type="button" className="raft-link" aria-label={`Go to ${r.startMs.toFixed(3)} ms, when s${r.server} began leading term ${r.term}`} onClick={() => seek(r.startMs)}>{r.startMs.toFixed(3)}</button></td>
                <td>{r.endMs.toFixed(3)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
