/**
 * The anti-patterns lab: a tab per anti-pattern (one scenario parameter), the scene at the playhead (the
 * broken design and its fix on one stage, fed the same requests) with its narration; below, the two halves'
 * figures side by side, the invariants' verdicts, and the scene's own rows (B's p99 against A's load and the
 * services each database fault took down; each transaction on both sides).
 */
import { useMemo } from 'react';
import { LabSlot, useEditScenario, useLabResult, useSeek, useTheme } from '../../../app/hooks';
import { vizStyle, type VizStyle } from '../../../viz/shared';
import '../../../viz/viz.css';
import { MODES, type AntiResult, type Mode } from '../result';
import { sceneDefaults, type AntiScenario } from '../scenario';
import { AntiNarration, AntiStage } from './AntiStage';
import { CLOCKS_LAB_LINK, MODE_LABELS, SIDE_NAMES } from './select';
import './panel.css';

const ROWS_MAX = 200;
const f1 = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : '–');

export default function Panel() {
  const run = useLabResult<AntiResult, AntiScenario>();
  const theme = useTheme();
  const style = useMemo(() => vizStyle(theme), [theme]);
  if (!run) return null;
  return <AntiView key={run.result.traceHash} result={run.result} scenario={run.scenario} style={style} />;
}

function AntiView({ result, scenario, style }: { result: AntiResult; scenario: AntiScenario; style: VizStyle }) {
  return (
    <div className="lab-panel anti-panel">
      <LabSlot name="scene">
        <ModeTabs mode={result.mode} />
        {result.mode === 'clocks' && <ClocksNote />}
        <AntiStage result={result} scenario={scenario} style={style} />
      </LabSlot>
      <LabSlot name="narration">
        <AntiNarration result={result} />
      </LabSlot>
      <CompareCard result={result} />
      <ChecksCard result={result} />
      {result.loadSweep && <SweepCard result={result} />}
      {result.faults && result.faults.length > 0 && <FaultsCard result={result} />}
      {result.txs && <TxCard result={result} />}
    </div>
  );
}

function ModeTabs({ mode }: { mode: Mode }) {
  const edit = useEditScenario<AntiScenario>();
  return (
    <div className="anti-modes" role="group" aria-label="Anti-pattern">
      {MODES.map((m) => (
        <button key={m} type="button" aria-pressed={m === mode} onClick={() => m !== mode && edit(`Scene: ${MODE_LABELS[m]}`, (s) => sceneDefaults(m, s.seed), 0)}>
          {MODE_LABELS[m]}
        </button>
      ))}
    </div>
  );
}

function ClocksNote() {
  return (
    <p className="lab-sub anti-sub">
      The short version: a skewed clock corrupts data. The clocks lab runs the rest: split brain (a lease judged by wall-clock time with two holders), and clocks with a bound ε and TrueTime&apos;s commit wait, beside Lamport clocks and version vectors:{' '}
      <a href={CLOCKS_LAB_LINK}>open the clocks lab with r1&apos;s clock 100 ms behind</a>.
    </p>
  );
}

function CompareCard({ result }: { result: AntiResult }) {
  const [left, right] = SIDE_NAMES[result.mode];
  return (
    <section className="lab-card" aria-labelledby="anti-compare-title">
      <h2 id="anti-compare-title">Broken beside fixed, over the whole run</h2>
      <div className="anti-scroll" role="region" aria-label="Broken beside fixed" tabIndex={0}>
        <table className="lab-table anti-table">
          <caption>{`${left} beside ${right}`}</caption>
          <thead><tr><th scope="col">measure</th><th scope="col">broken</th><th scope="col">fixed</th></tr></thead>
          <tbody>
            {result.compare.map((r) => (
              <tr key={r.label}><th scope="row">{r.label}</th><td>{r.broken}</td><td>{r.fixed}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function ChecksCard({ result }: { result: AntiResult }) {
  const seek = useSeek();
  const broken = result.checks.filter((c) => !c.ok).length;
  return (
    <section className="lab-card" aria-labelledby="anti-checks-title">
      <h2 id="anti-checks-title" className={broken ? 'lab-bad anti-bad' : undefined}>{broken ? `✗ ${broken} invariant${broken > 1 ? 's' : ''} broke` : `✓ The scene's ${result.checks.length} invariants held`}</h2>
      <ul className="anti-list">
        {result.checks.map((c) => (
          <li key={c.id}>
            <span className={c.ok ? 'anti-ok' : 'lab-bad anti-bad'}>{c.ok ? '✓ ' : '✗ '}</span>
            {`${c.name} (${c.detail})`}
            {!c.ok && Number.isFinite(c.tMs) && <> <button type="button" className="anti-link" onClick={() => seek(c.tMs)}>{`Go to ${c.tMs.toFixed(3)} ms`}</button></>}
          </li>
        ))}
      </ul>
    </section>
  );
}

function SweepCard({ result }: { result: AntiResult }) {
  return (
    <section className="lab-card" aria-labelledby="anti-sweep-title">
      <h2 id="anti-sweep-title">B&apos;s p99 against A&apos;s load</h2>
      <div className="anti-scroll" role="region" aria-label="B's p99 against A's load" tabIndex={0}>
        <table className="lab-table anti-table">
          <caption>The same scene without faults (at most 2 s) at each load of A; B&apos;s load and everything else as set</caption>
          <thead><tr><th scope="col">A&apos;s load (/s)</th><th scope="col">B&apos;s p99, shared database (ms)</th><th scope="col">B&apos;s p99, own store (ms)</th></tr></thead>
          <tbody>
            {result.loadSweep!.map((p) => (
              <tr key={p.aRatePerSec}><th scope="row">{p.aRatePerSec}</th><td>{f1(p.bP99Broken)}</td><td>{f1(p.bP99Fixed)}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function FaultsCard({ result }: { result: AntiResult }) {
  const seek = useSeek();
  return (
    <section className="lab-card" aria-labelledby="anti-faults-title">
      <h2 id="anti-faults-title">Services down per database fault</h2>
      <ul className="anti-list">
        {result.faults!.map((f, i) => (
          <li key={i}>
            <button type="button" className="anti-link" onClick={() => seek(f.fromMs)}>{`${f.fromMs} ms`}</button>
            {`: ${f.node} down until ${f.toMs} ms: ${f.down.length === 0 ? 'no service down' : `${f.down.length} service${f.down.length > 1 ? 's' : ''} down (${f.down.join(', ')})`}, failing at least half their requests`}
          </li>
        ))}
      </ul>
    </section>
  );
}

function TxCard({ result }: { result: AntiResult }) {
  const seek = useSeek();
  const rows = result.txs!;
  const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : '–');
  return (
    <section className="lab-card" aria-labelledby="anti-tx-title">
      <h2 id="anti-tx-title">Each transfer on both sides</h2>
      <div className="anti-scroll" role="region" aria-label="Transfers" tabIndex={0}>
        <table className="lab-table anti-table">
          <caption>{`Transfers: 2PC's verdict and when every participant applied it; the saga's committed steps and compensations${rows.length > ROWS_MAX ? ` (the first ${ROWS_MAX} of ${rows.length})` : ''}`}</caption>
          <thead><tr><th scope="col">transfer</th><th scope="col">begun (ms)</th><th scope="col">2PC verdict</th><th scope="col">logged (ms)</th><th scope="col">applied everywhere (ms)</th><th scope="col">saga steps</th><th scope="col">saga outcome</th><th scope="col">saga ended (ms)</th></tr></thead>
          <tbody>
            {rows.slice(0, ROWS_MAX).map((t) => (
              <tr key={t.tx}>
                <th scope="row">{`T${t.tx}`}</th>
                <td><button type="button" className="anti-link" aria-label={`Go to ${t.beginMs.toFixed(3)} ms, T${t.tx} begins`} onClick={() => seek(t.beginMs)}>{t.beginMs.toFixed(3)}</button></td>
                <td>{t.decision === 'none' ? 'none' : t.decision.toUpperCase()}</td>
                <td>{ms(t.decidedMs)}</td>
                <td>{ms(t.appliedMs)}</td>
                <td>{t.sagaSteps || '–'}</td>
                <td>{t.sagaOutcome}</td>
                <td>{ms(t.sagaEndMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
