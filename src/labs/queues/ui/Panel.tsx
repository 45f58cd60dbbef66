/**
 * The queues lab: the scene at the playhead (the stage) with its narration, a tab per scene (Kafka log,
 * SQS queues: one scenario parameter); below, lag per partition (Kafka) or queue depths (SQS) over time,
 * the two consumer outputs on the same deliveries, standard beside FIFO, the rebalances and the
 * invariants' verdicts.
 */
import { memo, useMemo } from 'react';
import { LabSlot, useEditScenario, useLabResult, usePlayhead, useSeek, useTheme } from '../../../app/hooks';
import { formatCompact, vizStyle, type VizStyle } from '../../../viz/shared';
import { TimeSeries } from '../../../viz/timeSeries';
import '../../../viz/viz.css';
import { MODES, type Mode, type Outputs, type QueuesResult } from '../result';
import { defaults, type QueuesScenario } from '../scenario';
import { QueuesNarration, QueuesStage } from './QueuesStage';
import { kafkaFigures, lagMatrix, outputRows, queueRows, sqsMatrix, type Row } from './select';
import './panel.css';
import { formatNumber } from '../../../viz/shared/format';

const MODE_LABELS: Record<Mode, string> = { kafka: 'Kafka: a partitioned log', sqs: 'SQS: standard and FIFO queues' };
const formatMs = (t: number) => `${formatCompact(t / 1000)} s`;
const formatCount = (v: number) => formatCompact(v);

export default function Panel() {
  const run = useLabResult<QueuesResult, QueuesScenario>();
  const theme = useTheme();
  const style = useMemo(() => vizStyle(theme), [theme]);
  if (!run) return null;
  return <QueuesView key={run.result.traceHash} result={run.result} scenario={run.scenario} style={style} />;
}

function QueuesView({ result, scenario, style }: { result: QueuesResult; scenario: QueuesScenario; style: VizStyle }) {
  return (
    <div className="lab-panel queues-panel">
      <LabSlot name="scene">
        <ModeTabs mode={result.mode} />
        <QueuesStage result={result} scenario={scenario} style={style} />
      </LabSlot>
      <LabSlot name="narration">
        <QueuesNarration result={result} />
      </LabSlot>
      {result.kafka && <KafkaCharts result={result} style={style} />}
      {result.sqs && <SqsCharts result={result} style={style} />}
      <OutputsCard result={result} />
      {result.sqs && <QueuesCompare result={result} />}
      {result.kafka && <Rebalances result={result} />}
      <ChecksCard result={result} />
    </div>
  );
}

function ModeTabs({ mode }: { mode: Mode }) {
  const edit = useEditScenario<QueuesScenario>();
  return (
    <div className="queues-modes" role="group" aria-label="Scene">
      {MODES.map((m) => (
        <button key={m} type="button" aria-pressed={m === mode} onClick={() => m !== mode && edit(`Scene: ${MODE_LABELS[m]}`, (s) => ({ ...defaults, seed: s.seed, mode: m, ...(m === 'sqs' ? { consumers: 2, messages: 600, keys: 3, durationMs: 240_000 } : {}) }), 0)}>
          {MODE_LABELS[m]}
        </button>
      ))}
    </div>
  );
}

const KafkaCharts = memo(function KafkaCharts({ result, style }: { result: QueuesResult; style: VizStyle }) {
  const k = result.kafka!;
  const seek = useSeek();
  const t = usePlayhead();
  const chart = useMemo(() => lagMatrix(k), [k]);
  const figures = useMemo(() => kafkaFigures(k), [k]);
  return (
    <section className="lab-card queues-card" aria-labelledby="queues-lag-title">
      <h2 id="queues-lag-title">Lag per partition over time</h2>
      <p className="lab-sub queues-sub">{`Records sent to a partition and not yet committed by the group (log end − committed), sampled every ${formatMs(k.sampleMs)}: at most ${formatNumber(chart.peak)}. ${k.logEnd.length > 12 ? 'With many partitions the chart draws a band (their spread) and the busiest partition as a line. ' : ''}Click the chart, or focus it and use ← → and Enter, to move the playhead. A hot key makes one partition hot: see the partitioning lab (#/partitioning).`}</p>
      <TimeSeries matrix={chart.matrix} labels={chart.labels} highlight={chart.highlight} style={style} t={t} onSeek={seek} formatTime={formatMs} formatValue={formatCount} reduce="max" height={190}
        label={`Lag per partition over time, peak ${chart.peak}`} xLabel="simulated time (s)" yLabel="lag (records)" />
      <dl className="queues-figures">
        {figures.map(([label, value]) => (
          <div key={label}><dt>{label}</dt><dd>{value}</dd></div>
        ))}
      </dl>
      <p className="lab-sub queues-sub"><a href="#/partitioning">The partitioning lab</a> shows hot keys and hot partitions, and fixes for them (salting, splitting).</p>
    </section>
  );
});

const SqsCharts = memo(function SqsCharts({ result, style }: { result: QueuesResult; style: VizStyle }) {
  const q = result.sqs!;
  const seek = useSeek();
  const t = usePlayhead();
  const chart = useMemo(() => sqsMatrix(q), [q]);
  return (
    <section className="lab-card queues-card" aria-labelledby="queues-depth-title">
      <h2 id="queues-depth-title">Queue depths over time</h2>
      <p className="lab-sub queues-sub">{`Messages visible and in flight in each queue, and in each DLQ, sampled every ${formatMs(q.sampleMs)}. DLQ depth at the end: d0 ${q.standard.dlq}, d1 ${q.fifo.dlq}.`}</p>
      <TimeSeries matrix={chart.matrix} labels={chart.labels} style={style} t={t} onSeek={seek} formatTime={formatMs} formatValue={formatCount} reduce="max" height={190}
        label="Queue depths over time" xLabel="simulated time (s)" yLabel="messages" />
    </section>
  );
});

function Table({ caption, head, rows }: { caption: string; head: [string, string]; rows: Row[] }) {
  return (
    <div className="queues-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="lab-table queues-table">
        <caption>{caption}</caption>
        <thead><tr><th scope="col">measure</th><th scope="col">{head[0]}</th><th scope="col">{head[1]}</th></tr></thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label} className={r.isKey ? 'queues-key' : undefined}><th scope="row">{r.label}</th><td>{r.left}</td><td>{r.right}</td></tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function OutputsCard({ result }: { result: QueuesResult }) {
  const k = result.kafka;
  const sides: [string, Outputs][] = k
    ? [['the group', k.outputs], ...(k.second ? [['the second group g2 (a0), on the same records', k.second.outputs] as [string, Outputs]] : [])]
    : [['standard queue q0', result.sqs!.standard.outputs], ['FIFO queue q1', result.sqs!.fifo.outputs]];
  return (
    <section className="lab-card queues-card" aria-labelledby="queues-outputs-title">
      <h2 id="queues-outputs-title">At-least-once delivery: a plain consumer beside an idempotent one</h2>
      <p className="lab-sub queues-sub">Both outputs are fed the same processings. The plain one writes a row each time its handler runs; the idempotent one remembers message ids and skips one it has applied. Exactly-once effects come from this idempotence (or from storing the offset atomically with the output, as Kafka transactions do inside Kafka), not from the delivery, which stays at-least-once.</p>
      {sides.map(([name, o]) => (
        <Table key={name} caption={`Outputs of ${name}: ${formatNumber(o.distinct)} distinct messages processed`} head={['plain', 'idempotent (dedup by id)']} rows={outputRows(o)} />
      ))}
    </section>
  );
}

function QueuesCompare({ result }: { result: QueuesResult }) {
  return (
    <section className="lab-card queues-card" aria-labelledby="queues-compare-title">
      <h2 id="queues-compare-title">Standard beside FIFO, on the same sends and the same consumers</h2>
      <Table caption="Standard queue q0 beside FIFO queue q1 over the whole run" head={['standard q0', 'FIFO q1']} rows={queueRows(result.sqs!)} />
      <p className="lab-sub queues-sub">{`Receive counts of messages deleted or moved to the DLQ (1, 2, …, 10 or more): standard ${histogram(result.sqs!.standard.receiveHistogram)}; FIFO ${histogram(result.sqs!.fifo.receiveHistogram)}.`}</p>
    </section>
  );
}

function histogram(h: readonly number[]): string {
  return h.slice(1).map((v, i) => `${i + 1}${i === 9 ? '+' : ''}: ${v}`).filter((x) => !x.endsWith(': 0')).join(', ') || 'none';
}

function Rebalances({ result }: { result: QueuesResult }) {
  const seek = useSeek();
  const k = result.kafka!;
  return (
    <section className="lab-card queues-card" aria-labelledby="queues-rebalances-title">
      <h2 id="queues-rebalances-title">Rebalances</h2>
      <div className="queues-scroll" role="region" aria-label="Rebalances" tabIndex={0}>
        <table className="lab-table queues-table">
          <caption>{`Each rebalance: what set it off, how long it ran, partitions paused and moved (${k.rebalances.length})`}</caption>
          <thead><tr><th scope="col">start (s)</th><th scope="col">why</th><th scope="col">took</th><th scope="col">generation</th><th scope="col">paused</th><th scope="col">moved</th></tr></thead>
          <tbody>
            {k.rebalances.slice(0, 100).map((r, i) => (
              <tr key={i}>
                <th scope="row"><button type="button" className="queues-link" onClick={() => seek(r.startMs)} aria-label={`Go to ${formatMs(r.startMs)}: ${r.reason}`}>{(r.startMs / 1000).toFixed(3)}</button></th>
                <td>{r.reason}</td>
                <td>{Number.isNaN(r.endMs) ? 'still running' : `${formatNumber((r.endMs - r.startMs))} ms`}</td>
                <td>{r.generation}</td>
                <td>{r.paused}</td>
                <td>{r.moved}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function ChecksCard({ result }: { result: QueuesResult }) {
  const seek = useSeek();
  const broken = result.checks.filter((c) => !c.ok).length;
  return (
    <section className="lab-card queues-card" aria-labelledby="queues-checks-title">
      <h2 id="queues-checks-title" className={broken ? 'lab-bad queues-bad' : undefined}>{broken ? `✗ ${broken} invariant${broken > 1 ? 's' : ''} broke` : `✓ The ${result.checks.length} invariants held`}</h2>
      <ul className="queues-list">
        {result.checks.map((c) => (
          <li key={c.id}>
            <span className={c.ok ? 'queues-ok' : 'lab-bad queues-bad'}>{c.ok ? '✓ ' : '✗ '}</span>
            {`${c.name} (${c.detail})`}
            {!c.ok && Number.isFinite(c.tMs) && <> <button type="button" className="queues-link" onClick={() => seek(c.tMs)}>{`Go to ${formatMs(c.tMs)}`}</button></>}
          </li>
        ))}
      </ul>
    </section>
  );
}
