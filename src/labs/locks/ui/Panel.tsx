/**
 * The locks lab: the scene at the playhead (the stage) with its narration, a tab per scene (locks, IDs,
 * total order: one scenario parameter); below, the two designs' figures side by side, the invariants'
 * verdicts, and the rows behind the figures (holds and writes, offending IDs, deliveries per replica).
 */
import { useMemo } from 'react';
import { LabSlot, useEditScenario, useLabResult, useSeek, useTheme } from '../../../app/hooks';
import { vizStyle, type VizStyle } from '../../../viz/shared';
import '../../../viz/viz.css';
import { MODES, type LocksResult, type Mode } from '../result';
import { defaults, type LocksScenario } from '../scenario';
import { LocksNarration, LocksStage } from './LocksStage';
import { compareRows, idFaults, offendingIds, SIDE_NAMES } from './select';
import './panel.css';
import { formatNumber } from '../../../viz/shared/format';

/** Rows a table lists at most (the figures above count them all). */
const ROWS_MAX = 200;
const firstOf = (n: number) => (n > ROWS_MAX ? ` (the first ${ROWS_MAX} of ${formatNumber(n)})` : '');

const MODE_LABELS: Record<Mode, string> = { locks: 'Locks and fencing', ids: 'ID generation', broadcast: 'Total order broadcast' };

export default function Panel() {
  const run = useLabResult<LocksResult, LocksScenario>();
  const theme = useTheme();
  const style = useMemo(() => vizStyle(theme), [theme]);
  if (!run) return null;
  return <LocksView key={run.result.traceHash} result={run.result} scenario={run.scenario} style={style} />;
}

function LocksView({ result, scenario, style }: { result: LocksResult; scenario: LocksScenario; style: VizStyle }) {
  return (
    <div className="lab-panel locks-panel">
      <LabSlot name="scene">
        <ModeTabs mode={result.mode} />
        <LocksStage result={result} scenario={scenario} style={style} />
      </LabSlot>
      <LabSlot name="narration">
        <LocksNarration result={result} />
      </LabSlot>
      <CompareCard result={result} />
      <ChecksCard result={result} />
      {result.locks && <LocksRows result={result} />}
      {result.ids && <IdRows result={result} />}
      {result.broadcast && <Deliveries result={result} />}
    </div>
  );
}

function ModeTabs({ mode }: { mode: Mode }) {
  const edit = useEditScenario<LocksScenario>();
  return (
    <div className="locks-modes" role="group" aria-label="Scene">
      {MODES.map((m) => (
        <button key={m} type="button" aria-pressed={m === mode} onClick={() => m !== mode && edit(`Scene: ${MODE_LABELS[m]}`, (s) => ({ ...defaults, seed: s.seed, mode: m, ...(m === 'broadcast' ? { ratePerSec: 5, durationMs: 2000 } : {}) }), 0)}>
          {MODE_LABELS[m]}
        </button>
      ))}
    </div>
  );
}

function CompareCard({ result }: { result: LocksResult }) {
  const rows = compareRows(result);
  const [left, right] = SIDE_NAMES[result.mode];
  return (
    <section className="lab-card locks-card" aria-labelledby="locks-compare-title">
      <h2 id="locks-compare-title">Side by side, over the whole run</h2>
      <div className="locks-scroll" role="region" aria-label="Side by side" tabIndex={0}>
        <table className="lab-table locks-table">
          <caption>{`${left} beside ${right}`}</caption>
          <thead><tr><th scope="col">measure</th><th scope="col">{left}</th><th scope="col">{right}</th></tr></thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.label}><th scope="row">{r.label}</th><td>{r.left}</td><td>{r.right}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function ChecksCard({ result }: { result: LocksResult }) {
  const seek = useSeek();
  const broken = result.checks.filter((c) => !c.ok).length;
  return (
    <section className="lab-card locks-card" aria-labelledby="locks-checks-title">
      <h2 id="locks-checks-title" className={broken ? 'lab-bad locks-bad' : undefined}>{broken ? `✗ ${broken} invariant${broken > 1 ? 's' : ''} broke` : `✓ The ${result.checks.length} invariants of the consensus side held`}</h2>
      <ul className="locks-list">
        {result.checks.map((c) => (
          <li key={c.id}>
            <span className={c.ok ? 'locks-ok' : 'lab-bad locks-bad'}>{c.ok ? '✓ ' : '✗ '}</span>
            {`${c.name} (${c.detail})`}
            {!c.ok && Number.isFinite(c.tMs) && <> <button type="button" className="locks-link" onClick={() => seek(c.tMs)}>{`Go to ${c.tMs.toFixed(3)} ms`}</button></>}
          </li>
        ))}
      </ul>
    </section>
  );
}

function LocksRows({ result }: { result: LocksResult }) {
  const seek = useSeek();
  const o = result.locks!;
  const go = (t: number, what: string) => <button type="button" className="locks-link" aria-label={`Go to ${t.toFixed(3)} ms, ${what}`} onClick={() => seek(t)}>{t.toFixed(3)}</button>;
  return (
    <section className="lab-card locks-card" aria-labelledby="locks-rows-title">
      <h2 id="locks-rows-title">Holds and writes</h2>
      <div className="locks-scroll" role="region" aria-label="Holds" tabIndex={0}>
        <table className="lab-table locks-table">
          <caption>{`Holds: when each client got a lock and when it let go (it believes it holds the lock in between)${firstOf(o.holds.length)}`}</caption>
          <thead><tr><th scope="col">side</th><th scope="col">client</th><th scope="col">granted (ms)</th><th scope="col">released (ms)</th><th scope="col">token or value</th><th scope="col">yes votes</th></tr></thead>
          <tbody>
            {o.holds.slice(0, ROWS_MAX).map((h, i) => (
              <tr key={i}>
                <th scope="row">{h.side === 'redlock' ? 'Redlock' : 'Raft'}</th>
                <td>{`c${h.client}`}</td>
                <td>{go(h.grantMs, `c${h.client} gets the ${h.side} lock`)}</td>
                <td>{Number.isNaN(h.releaseMs) ? 'still held' : h.releaseMs.toFixed(3)}</td>
                <td>{h.side === 'raft' ? `token ${h.token}` : `value ${h.token}`}</td>
                <td>{h.side === 'redlock' ? `${h.votes} of 5` : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="locks-scroll" role="region" aria-label="Writes" tabIndex={0}>
        <table className="lab-table locks-table">
          <caption>{`Writes: what each storage node did with each write${firstOf(o.writes.length)}`}</caption>
          <thead><tr><th scope="col">storage</th><th scope="col">client</th><th scope="col">arrived (ms)</th><th scope="col">token</th><th scope="col">made from</th><th scope="col">storage at</th><th scope="col">outcome</th></tr></thead>
          <tbody>
            {o.writes.slice(0, ROWS_MAX).map((w, i) => (
              <tr key={i}>
                <th scope="row">{w.side === 'redlock' ? 'd0' : 'd1'}</th>
                <td>{`c${w.client}`}</td>
                <td>{go(w.tMs, `c${w.client}'s write reaches ${w.side === 'redlock' ? 'd0' : 'd1'}`)}</td>
                <td>{w.side === 'raft' ? w.token : '–'}</td>
                <td>{`v${w.baseVersion}`}</td>
                <td>{`v${w.currentVersion}`}</td>
                <td className={w.outcome === 'accepted' ? undefined : 'lab-bad locks-bad'}>{w.outcome === 'lost-update' ? 'accepted: an update is lost' : w.outcome}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function IdRows({ result }: { result: LocksResult }) {
  const seek = useSeek();
  const sides = [['snowflake', 'Snowflake'], ['raft', 'Raft log']] as const;
  return (
    <section className="lab-card locks-card" aria-labelledby="locks-ids-title">
      <h2 id="locks-ids-title">Offending IDs (the first 20 per side)</h2>
      {sides.map(([side, name]) => {
        const rows = offendingIds(result, side);
        return (
          <div key={side}>
            <h3>{`${name}: ${rows.length === 0 ? 'none' : `${rows.length}${rows.length === 20 ? '+' : ''}`}`}</h3>
            {rows.length > 0 && (
              <ul className="locks-list">
                {rows.map((r, i) => (
                  <li key={i}>
                    <button type="button" className="locks-link" onClick={() => seek(r.replyMs)}>{`${r.replyMs.toFixed(3)} ms`}</button>
                    {`: ${r.text} to c${r.client} from ${side === 'snowflake' ? result.stage.nodeNames[r.node] : 'the log'} (${idFaults(r)})`}
                  </li>
                ))}
              </ul>
            )}
          </div>
        );
      })}
    </section>
  );
}

function Deliveries({ result }: { result: LocksResult }) {
  const o = result.broadcast!;
  const name = (node: number) => result.stage.nodeNames[node];
  return (
    <section className="lab-card locks-card" aria-labelledby="locks-deliveries-title">
      <h2 id="locks-deliveries-title">Deliveries per replica</h2>
      <div className="locks-scroll" role="region" aria-label="Deliveries" tabIndex={0}>
        <table className="lab-table locks-table">
          <caption>What each replica delivered, in its order; pairs out of order are counted against the side’s first replica</caption>
          <thead><tr><th scope="col">replica</th><th scope="col">delivered</th><th scope="col">final x</th><th scope="col">pairs out of order</th><th scope="col">order delivered</th></tr></thead>
          <tbody>
            {o.replicas.map((r) => (
              <tr key={r.node}>
                <th scope="row">{name(r.node)}</th>
                <td>{r.values.length}</td>
                <td>{Number.isNaN(r.finalX) ? '–' : r.finalX}</td>
                <td className={r.inversions > 0 ? 'lab-bad locks-bad' : undefined}>{r.inversions}</td>
                <td>{r.values.length > ROWS_MAX ? `${r.values.slice(0, ROWS_MAX).join(' ')} …` : r.values.join(' ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
