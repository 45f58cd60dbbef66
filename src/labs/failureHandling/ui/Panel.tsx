/**
 * The failure-handling lab: in the scene, the strategy tabs and the callers and servers on the stage;
 * below, the strategy's headline metric, the strategy beside none on the same seed and script, the time
 * series (p50/p99 latency, goodput vs throughput vs attempts sent, error and rejection rates, queues,
 * each caller's breaker state) and the invariants checked on the run. Everything derives in ./select.ts.
 */
import { memo, useMemo } from 'react';
import { LabSlot, useLabResult, usePlayhead, useSeek, useTheme } from '../../../app/hooks';
import { formatCompact, vizStyle, type VizStyle } from '../../../viz/shared';
import { TimeSeries } from '../../../viz/timeSeries';
import '../../../viz/viz.css';
import type { FailureResult } from '../result';
import { nodeNamesOf, STRATEGY_LABELS, type FailureScenario } from '../scenario';
import { FailureNarration, FailureStage, LEADER_LINK, StrategyTabs } from './FailureStage';
import { BREAKER_LEVEL_WORDS, breakerChart, chartOf, compareRows, headline, markersOf, scriptText, type ChartId } from './select';
import './panel.css';

export default function FailurePanel() {
  const run = useLabResult<FailureResult, FailureScenario>();
  const theme = useTheme();
  const style = useMemo(() => vizStyle(theme), [theme]);
  if (!run) return null;
  // Not keyed by the run: a new result updates the view in place. Remounting it per run made the stage and
  // every chart start again at 0 x 0 (useObservedSize), a second render and layout per result, and dropped
  // the stage's focused node with every edit made from its menu.
  return <FailureView result={run.result} scenario={run.scenario} style={style} />;
}

function FailureView({ result, scenario, style }: { result: FailureResult; scenario: FailureScenario; style: VizStyle }) {
  return (
    <div className="fh-panel">
      <LabSlot name="scene">
        <StrategyTabs scenario={scenario} />
        <FailureStage result={result} scenario={scenario} style={style} />
      </LabSlot>
      <LabSlot name="narration">
        {/* Keyed by the run, as before: each run's narration starts following the playhead again. */}
        <FailureNarration key={result.traceHash} result={result} />
      </LabSlot>
      <HeadlineCard result={result} scenario={scenario} />
      <Charts result={result} scenario={scenario} style={style} />
      <ChecksCard result={result} />
    </div>
  );
}

function HeadlineCard({ result, scenario }: { result: FailureResult; scenario: FailureScenario }) {
  const rows = compareRows(result);
  const names = nodeNamesOf(scenario);
  const script = scriptText(scenario, names);
  const name = STRATEGY_LABELS[result.strategy];
  return (
    <section className="lab-card fh-card" aria-labelledby="fh-head-title">
      <h2 id="fh-head-title">{`${name}: what it bought`}</h2>
      <p data-testid="fh-headline">{headline(result)}</p>
      <p className="fh-sub">{script === '' ? 'No faults in the script: click a server on the stage to crash or slow it.' : `Script: ${script}.`}</p>
      {result.strategy === 'none' && <p className="fh-sub">No strategy here: pick one above to run it on the same workload beside this baseline.</p>}
      <div className="fh-scroll" role="region" aria-label="The strategy beside none" tabIndex={0}>
        <table className="fh-table" data-testid="fh-compare">
          <caption className="viz-visually-hidden">{`${name} beside no strategy, same seed and script`}</caption>
          <thead>
            <tr>
              <th scope="col">over the whole run</th>
              <th scope="col">{name}</th>
              <th scope="col">{result.baseline ? 'none (naive retries)' : 'none: not run'}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.label}>
                <th scope="row">{r.label}</th>
                <td>{r.run}</td>
                <td>{r.base}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="fh-sub">
        Leader failure is the consensus lab&apos;s: <a href={LEADER_LINK}>elect a new leader and replay uncommitted entries</a>.
      </p>
    </section>
  );
}

const formatMs = (t: number) => `${formatCompact(t)} ms`;
const formatS = (t: number) => formatCompact(t / 1000);
const formatBreaker = (v: number) => BREAKER_LEVEL_WORDS[Math.round(v)] ?? formatCompact(v);

const CHARTS: readonly { id: ChartId; title: string; y: string }[] = [
  { id: 'latency', title: 'Latency of answered requests: p50 and p99', y: 'latency (ms)' },
  { id: 'goodput', title: 'Goodput, throughput and attempts sent', y: 'per second' },
  { id: 'errors', title: 'Errors and fast rejections', y: '% of requests ending' },
  { id: 'queues', title: 'Queues', y: 'requests waiting' },
];

const Charts = memo(function Charts({ result, scenario, style }: { result: FailureResult; scenario: FailureScenario; style: VizStyle }) {
  const t = usePlayhead();
  const seek = useSeek();
  const markers = useMemo(() => markersOf(scenario.events, nodeNamesOf(scenario)), [scenario]);
  const charts = useMemo(() => CHARTS.map((c) => ({ ...c, ...chartOf(result, c.id) })), [result]);
  const breakers = useMemo(() => (result.strategy === 'breaker' ? breakerChart(result) : undefined), [result]);
  return (
    <section className="lab-card fh-card" aria-labelledby="fh-charts-title">
      <h2 id="fh-charts-title">Over time{result.baseline ? ', beside none on the same seed' : ''}</h2>
      <p className="fh-sub">Click a chart, or focus it and use ← → and Enter, to move the playhead. Goodput: answered with data within {scenario.deadlineMs} ms; throughput: work the servers finished, wanted or not.</p>
      <div className="fh-charts">
        {charts.map((c) => (
          <div key={c.id} className="fh-chart">
            <h3>{c.title}</h3>
            <TimeSeries
              matrix={c.matrix}
              labels={c.labels}
              markers={markers}
              style={style}
              t={t}
              onSeek={seek}
              formatTime={formatMs}
              formatTimeTick={formatS}
              reduce="max"
              height={190}
              label={`${c.title} over time: ${c.labels.join(', ')}`}
              xLabel="simulated time (s)"
              yLabel={c.y}
            />
          </div>
        ))}
        {breakers && (
          <div className="fh-chart">
            <h3>Breaker state per caller</h3>
            <TimeSeries
              matrix={breakers.matrix}
              labels={breakers.labels}
              markers={markers}
              style={style}
              t={t}
              onSeek={seek}
              formatTime={formatMs}
              formatTimeTick={formatS}
              formatValue={formatBreaker}
              yMax={2}
              reduce="max"
              height={150}
              label={`Each caller's breaker over time (0 closed, 1 half-open, 2 open); ${result.run.totals.breakerOpens} openings`}
              xLabel="simulated time (s)"
              yLabel="breaker"
            />
          </div>
        )}
      </div>
    </section>
  );
});

function ChecksCard({ result }: { result: FailureResult }) {
  return (
    <section className="lab-card fh-card" aria-labelledby="fh-checks-title">
      <h2 id="fh-checks-title">Invariants, checked on this run</h2>
      <ul className="fh-checks" data-testid="fh-checks">
        {result.checks.map((c) => (
          <li key={c.name} className={c.ok ? 'fh-ok' : 'fh-bad'}>
            <strong>{`${c.ok ? '✓' : '✗'} ${c.name}`}</strong>
            {`: ${c.detail}`}
          </li>
        ))}
      </ul>
      {result.stoppedAtLimit && <p className="fh-bad">{`The run stopped at a limit: ${result.stoppedAtLimit}.`}</p>}
    </section>
  );
}
