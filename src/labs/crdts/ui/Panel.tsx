/**
 * The CRDTs lab: the replicas at the playhead in the scene (one view at a time: the CRDT, its foils, or
 * the consensus log), its narration beside it; below, convergence per view, the anomalies the foils show,
 * the CRDT against the consensus log (availability and latency under the same cut), and for counters the
 * idempotent merge against adding what arrives under duplicates. Derives everything through ./select.ts,
 * changes things only by editing the scenario (the stage's menus).
 */
import { useMemo, useState } from 'react';
import { LabSlot, useLabResult, useLessonHighlight, usePlayhead, useSeek, useTheme } from '../../../app/hooks';
import type { LessonHighlight } from '../../contract';
import { CompareTable } from '../../../viz/compareTable';
import { DataTable, formatCompact, vizStyle, type VizStyle } from '../../../viz/shared';
import { TimeSeries } from '../../../viz/timeSeries';
import '../../../viz/viz.css';
import './panel.css';
import { CrdtNarration, CrdtScene } from './CrdtStage';
import type { CrdtsResult } from '../result';
import type { CrdtsScenario } from '../scenario';
import {
  agreementChart, anomalyRows, AVAILABILITY_COLUMNS, availabilityRows, availabilityText, CONVERGENCE_COLUMNS, convergenceRows, convergenceText, DUPLICATE_COLUMNS, duplicateRows, duplicateText, gossipText, msText,
} from './select';

const ANOMALY_ROWS = 12;

export default function CrdtsPanel() {
  const run = useLabResult<CrdtsResult, CrdtsScenario>();
  const theme = useTheme();
  const style = useMemo(() => vizStyle(theme), [theme]);
  const highlight = useLessonHighlight();
  const [view, setView] = useShownView(highlight);
  if (!run) return null;
  const { result, scenario } = run;
  return (
    <>
      <LabSlot name="scene">
        <CrdtScene result={result} script={scenario.events} elements={scenario.elements} view={view ?? result.views[0].key} onView={setView} style={style} highlighted={highlight?.nodes} />
      </LabSlot>
      <LabSlot name="narration">
        <CrdtNarration result={result} view={view ?? result.views[0].key} />
      </LabSlot>
      <div className="crdt-panel">
        <Convergence result={result} scenario={scenario} style={style} />
        <Anomalies result={result} />
        <section className="lab-card crdt-card" aria-labelledby="crdt-consensus-heading">
          <h2 id="crdt-consensus-heading">When you don't need consensus</h2>
          <p>{availabilityText(result)}</p>
          <CompareTable caption="The same updates, as increments, kept two ways under the same faults" columns={AVAILABILITY_COLUMNS} rows={availabilityRows(result)} />
        </section>
        <Duplicates result={result} />
      </div>
    </>
  );
}

const formatMs = (t: number) => `${formatCompact(t)} ms`;

function Convergence({ result, scenario, style }: { result: CrdtsResult; scenario: CrdtsScenario; style: VizStyle }) {
  const t = usePlayhead();
  const seek = useSeek();
  const chart = useMemo(() => agreementChart(result, scenario.events), [result, scenario.events]);
  return (
    <section className="lab-card crdt-card" aria-labelledby="crdt-convergence-heading">
      <h2 id="crdt-convergence-heading">Convergence</h2>
      {result.views.map((v) => <p key={v.key}>{convergenceText(result, v)}</p>)}
      <p className="crdt-note">{gossipText(result)}</p>
      <TimeSeries
        matrix={chart.matrix}
        labels={chart.labels}
        markers={chart.markers}
        style={style}
        t={t}
        onSeek={seek}
        formatTime={formatMs}
        reduce="max"
        height={170}
        label={`Different states among the ${result.replicas} replicas over time, per type: 1 means they agree`}
        xLabel="simulated time (ms)"
        yLabel="different states"
      />
      <DataTable caption="Each type at the end of the run" columns={CONVERGENCE_COLUMNS} rows={convergenceRows(result)} isVisible />
    </section>
  );
}

function Anomalies({ result }: { result: CrdtsResult }) {
  const seek = useSeek();
  const [isAll, setAll] = useState(false);
  const rows = useMemo(() => anomalyRows(result), [result]);
  const shown = isAll ? rows : rows.slice(0, ANOMALY_ROWS);
  return (
    <section className="lab-card crdt-card" aria-labelledby="crdt-anomalies-heading">
      <h2 id="crdt-anomalies-heading">{`Anomalies (${rows.length})`}</h2>
      <p className="crdt-note">Where a replica started to read what the updates it had seen forbid (src/core/crdt's detectors, replaying the run's updates, sends and deliveries beside the specification). A CRDT that means what the updates meant shows none.</p>
      {rows.length === 0 ? <p>None in this run.</p> : (
        <div className="crdt-scroll" role="region" aria-label="Anomalies in time order" tabIndex={0}>
          <table className="crdt-table">
            <caption className="viz-visually-hidden">Anomalies in time order: when, which type, what</caption>
            <thead><tr><th scope="col">at (ms)</th><th scope="col">type</th><th scope="col">what</th><th scope="col">stage</th></tr></thead>
            <tbody>
              {shown.map((row, i) => (
                <tr key={i}>
                  <td>{msText(row.tMs)}</td>
                  <td>{row.view}</td>
                  <td>{row.text}</td>
                  <td><button type="button" className="crdt-pick" aria-label={`Show ${msText(row.tMs)} ms on the stage`} onClick={() => seek(row.tMs)}>show</button></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {rows.length > ANOMALY_ROWS && (
        <button type="button" className="crdt-more" aria-expanded={isAll} onClick={() => setAll(!isAll)}>{isAll ? `Show the first ${ANOMALY_ROWS}` : `Show all ${rows.length}`}</button>
      )}
    </section>
  );
}

function Duplicates({ result }: { result: CrdtsResult }) {
  const rows = duplicateRows(result);
  if (!rows) return null;
  return (
    <section className="lab-card crdt-card" aria-labelledby="crdt-dup-heading">
      <h2 id="crdt-dup-heading">Duplicates: idempotent against not</h2>
      <p>{duplicateText(result)}</p>
      <p className="crdt-note">Merging a state twice changes nothing (max is idempotent); adding the same increments twice counts them twice. At-least-once delivery (a copy, or a resend whose ack was late or lost) needs the first.</p>
      <DataTable caption="What each replica reads at the end" columns={DUPLICATE_COLUMNS} rows={rows} isVisible />
    </section>
  );
}

/** The view the stage draws: the reader's choice, switched by a lesson step that names a view ('naive', 'log'). */
function useShownView(highlight: LessonHighlight | undefined): [string | undefined, (view: string) => void] {
  const [view, setView] = useState<string | undefined>(undefined);
  const [seen, setSeen] = useState(highlight);
  if (highlight !== seen) {
    setSeen(highlight);
    if (highlight?.view) setView(highlight.view);
  }
  return [view, setView];
}
