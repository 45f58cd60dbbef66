/**
 * The election-time experiment (the Raft paper's Figure 16) below the first screen: buttons that ask for
 * it (a scenario edit, so the link carries it), a progress bar while the worker runs its thousands of
 * trials, then the CDFs beside the paper's points and a table whose buttons open a trial as a single run
 * on the stage (an edit to that trial's scenario; Undo comes back to the experiment).
 */
import { useCallback, useMemo } from 'react';
import { useEditScenario, useRunProgress, useScenario } from '../../../app/hooks';
import type { VizStyle } from '../../../viz/shared';
import { EXPERIMENT_TITLES, experimentOptions } from '../experiment';
import type { ExperimentResult } from '../result';
import type { ConsensusScenario } from '../scenario';
import { ElectionCdf } from './ElectionCdf';
import { curveRows, openTrial, type CurveRow } from './select';
import { formatNumber } from '../../../viz/shared/format';

const ms = (v: number | undefined) => (v === undefined ? '–' : Number.isFinite(v) ? v.toFixed(1) : 'over 20 s');

export function ExperimentSection({ experiment, scenario, style }: { experiment: ExperimentResult | undefined; scenario: ConsensusScenario; style: VizStyle }) {
  const edit = useEditScenario<ConsensusScenario>();
  const pending = useScenario<ConsensusScenario>();
  const { isRunning, fraction } = useRunProgress();
  const open = useCallback((range: number, rank: number) => {
    if (!experiment) return;
    const { scenario: trial, crashMs } = openTrial(scenario, experiment, range, rank);
    edit(`open trial ${experiment.curves[range].trialOf[rank]} of ${experiment.curves[range].minMs}-${experiment.curves[range].maxMs} ms`, () => trial, crashMs);
  }, [edit, experiment, scenario]);
  const rows = useMemo(() => (experiment ? curveRows(experiment) : []), [experiment]);
  const ask = (kind: 'scale' | 'randomness') => edit(`run the election-time experiment (${kind})`, (s) => ({ ...s, experiment: kind }));
  const trials = experimentOptions(pending).ranges.reduce((sum, r) => sum + (r.trials ?? pending.trials), 0);
  const isRunningIt = isRunning && pending.experiment !== 'none';
  return (
    <section className="lab-card raft-card" aria-labelledby="raft-exp-title">
      <h2 id="raft-exp-title">How long is a cluster without a leader? (the paper’s Figure 16)</h2>
      <p className="lab-sub raft-sub">
        Each trial starts five servers with a leader, crashes it at a random moment of its heartbeat interval and times how long until every server hears a new leader; two of the four survivors hold logs too short to win.
        The election timeout range decides it: too little randomness and candidates split the votes, round after round. Hops take 2–5 ms, as reproduces the paper’s setup; narrow ranges split votes more often here than in the paper (simulated timers have no jitter), so their tails are heavier.
      </p>
      <div className="raft-exp-ask">
        <button type="button" onClick={() => ask('scale')} disabled={pending.experiment === 'scale'}>{`Run the bottom graph: timeouts scaled (${formatNumber(pending.trials)} trials per range)`}</button>
        <button type="button" onClick={() => ask('randomness')} disabled={pending.experiment === 'randomness'}>{`Run the top graph: 150 ms plus randomness (${formatNumber(pending.trials)} trials per range)`}</button>
      </div>
      {isRunningIt && (
        <p className="raft-exp-progress">
          <label>
            {`Running ${formatNumber(Math.round(Math.min(1, fraction / 0.9) * trials))} of ${formatNumber(trials)} trials… `}
            <progress max={1} value={fraction} />
          </label>
        </p>
      )}
      {experiment && (
        <>
          <h3>{EXPERIMENT_TITLES[experiment.experiment]}</h3>
          <ElectionCdf experiment={experiment} style={style} onOpen={open} />
          <TrialsTable rows={rows} onOpen={open} />
        </>
      )}
      {!experiment && !isRunningIt && <p className="lab-sub raft-sub">The experiment has not run for this scenario: choose a graph above (a few seconds in the background; the link then carries it).</p>}
    </section>
  );
}

function TrialsTable({ rows, onOpen }: { rows: CurveRow[]; onOpen: (range: number, rank: number) => void }) {
  return (
    <div className="raft-scroll" role="region" aria-label="Election times per range, with the paper's" tabIndex={0}>
      <table className="lab-table raft-table">
        <caption>Time without a leader per election timeout range, ms (ours, then the paper’s), and trials to open on the stage</caption>
        <thead>
          <tr>
            <th scope="col">range</th><th scope="col">trials</th><th scope="col">median</th><th scope="col">paper</th>
            <th scope="col">90th pct.</th><th scope="col">paper</th><th scope="col">mean (elected)</th><th scope="col">paper</th>
            <th scope="col">no leader at 20 s</th><th scope="col">open a trial</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.name}>
              <th scope="row">{r.name}</th>
              <td>{formatNumber(r.trials)}</td>
              <td>{ms(r.median)}</td><td>{ms(r.paperMedian)}</td>
              <td>{ms(r.p90)}</td><td>{ms(r.paperP90)}</td>
              <td>{ms(r.mean)}</td><td>{ms(r.paperMean)}</td>
              <td>{r.censored}</td>
              <td className="raft-open">
                {r.medianRank <= r.slowestRank && <button type="button" onClick={() => onOpen(r.range, r.medianRank)}>{`Median trial, ${r.name}`}</button>}
                {r.slowestRank >= 0 && <button type="button" onClick={() => onOpen(r.range, r.slowestRank)}>{`Slowest trial, ${r.name}`}</button>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
