/**
 * The clocks lab: the replicas at the playhead (the stage) in the scene and its narration beside it;
 * below, the space-time diagram of the same run (synced to the playhead both ways, the writes wall-clock
 * LWW lost pinned on it, a click on an event lights its causal past and future), the stores and the two
 * runs side by side, every write with its stamps and fate, the lease's holdings, commit wait's cost, the
 * invariants' verdict, and a ShiViz log import drawn in the same diagram.
 * Everything is derived by ./select.ts; edits go through the app's hooks (the stage's fault menus).
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { CausalRun } from '../../../core/causality/types';
import { LabSlot, useLabResult, useLessonHighlight, usePlayheadSource, useSeek, useTheme } from '../../../app/hooks';
import { CompareTable } from '../../../viz/compareTable';
import { DataTable, vizStyle, type VizStyle } from '../../../viz/shared';
import { LogImport, SpaceTimeFromStage } from '../../../viz/spaceTime';
import '../../../viz/viz.css';
import './panel.css';
import { RUN_TITLES, type VectorClocksResult } from '../result';
import type { VectorClocksScenario } from '../scenario';
import { ReplicasNarration, ReplicasStage } from './ReplicasStage';
import {
  COMPARE_COLUMNS, commitWaitText, compareRows, eventWords, FINAL_COLUMNS, finalRows, leaseRows, leaseText, lostPins, lostText, runOfView, scriptText, violationTexts, WRITE_COLUMNS, writeRows,
} from './select';

export default function VectorClocksPanel() {
  const run = useLabResult<VectorClocksResult, VectorClocksScenario>();
  if (!run) return null;
  return <VectorClocksView key={run.result.traceHash} result={run.result} scenario={run.scenario} />;
}

function VectorClocksView({ result, scenario }: { result: VectorClocksResult; scenario: VectorClocksScenario }) {
  const theme = useTheme();
  const style = useMemo(() => vizStyle(theme), [theme]);
  // Whose stage, diagram and tables: 0 clocks trusted, 1 commit wait.
  const [shown, setShown] = useState(0);
  // A lesson step that speaks of one run (commit wait) switches the page to it.
  const view = runOfView(useLessonHighlight()?.view);
  useEffect(() => {
    if (view >= 0) setShown(view);
  }, [view]);
  const script = scriptText(scenario.events);
  const run = result.runs[shown];
  const rows = useMemo(() => compareRows(result), [result]);
  const verdicts = useMemo(() => violationTexts(result), [result]);
  return (
    <div className="vc-panel">
      <LabSlot name="scene">
        <ReplicasStage result={result} style={style} shown={shown} onShow={setShown} />
      </LabSlot>
      <LabSlot name="narration">
        <ReplicasNarration result={result} shown={shown} />
      </LabSlot>
      <DiagramCard result={result} shown={shown} style={style} />
      <section className="lab-card vc-card" aria-labelledby="vc-compare-heading">
        <h2 id="vc-compare-heading">Which write wins: four clocks, and commit wait</h2>
        <p>{lostText(result.runs[0])}</p>
        {script && <p>{script}</p>}
        <div className="vc-scroll" role="region" aria-label="Stores compared, scrollable" tabIndex={0}>
          <CompareTable caption="The same writes resolved by four stores trusting the clocks, and by last-writer-wins with commit wait" columns={COMPARE_COLUMNS} rows={rows} />
        </div>
        <div className="vc-scroll" role="region" aria-label="Final values, scrollable" tabIndex={0}>
          <DataTable caption={`What each replica holds for x at the end (${RUN_TITLES[shown]})`} columns={FINAL_COLUMNS} rows={finalRows(run)} isVisible />
        </div>
        <p className="vc-sub">Version vectors keep concurrent writes as siblings; an application merge (here a union, as a shopping cart would) then joins them into one value, losing none. Lamport and HLC stamps never let an earlier write beat a later one, but concurrent writes still need a rule, and last-writer-wins drops one of them.</p>
      </section>
      <section className="lab-card vc-card" aria-labelledby="vc-writes-heading">
        <h2 id="vc-writes-heading">{`Every write (${RUN_TITLES[shown]})`}</h2>
        <div className="vc-scroll" role="region" aria-label="Every write, scrollable" tabIndex={0}>
          <DataTable caption={`Writes of x with their stamps and what each store did with them (${RUN_TITLES[shown]})`} columns={WRITE_COLUMNS} rows={writeRows(run)} isVisible />
        </div>
      </section>
      <section className="lab-card vc-card" aria-labelledby="vc-wait-heading">
        <h2 id="vc-wait-heading">Commit wait and the lease</h2>
        <p>{commitWaitText(result)}</p>
        <p>{leaseText(result)}</p>
        <DataTable caption={`The lease's holdings in true time (${RUN_TITLES[shown]})`} columns={['holder', 'from (ms)', 'to (ms)', 'overlaps another']} rows={leaseRows(run)} isVisible />
      </section>
      <section className="lab-card vc-card" aria-labelledby="vc-checks-heading">
        <h2 id="vc-checks-heading">Invariants</h2>
        <p className="vc-sub">Checked on every event: a receive's version vector covers the write it received; Lamport and HLC stamps grow along every message; HLC never goes backwards, never falls behind its physical clock, and stays within the clocks' largest offset of it. Checked after the run: with commit wait, while every clock is within ±ε, a write committed before another starts has the smaller stamp and no two replicas hold the lease at once.</p>
        {verdicts.map((text) => <p key={text}>{text}</p>)}
      </section>
      <section className="lab-card vc-card" aria-labelledby="vc-import-heading">
        <h2 id="vc-import-heading" className="viz-visually-hidden">Real logs</h2>
        <LogImport style={style} />
      </section>
    </div>
  );
}

/** The run's space-time diagram, synced to the playhead, with the writes LWW lost pinned on it. */
function DiagramCard({ result, shown, style }: { result: VectorClocksResult; shown: number; style: VizStyle }) {
  const playhead = usePlayheadSource();
  const seek = useSeek();
  const run = result.runs[shown];
  const pins = useMemo(() => lostPins(run), [run]);
  const detail = useCallback((e: number, causal: CausalRun) => eventWords(run, result.replicas, causal, e), [run, result.replicas]);
  return (
    <section className="lab-card vc-card" aria-labelledby="vc-diagram-heading">
      <h2 id="vc-diagram-heading">{`Space-time diagram (${RUN_TITLES[shown]})`}</h2>
      <p className="vc-sub">One lane per replica, time left to right, each replication and lease message an arrow. A local event is a write committing; ✕ marks a write wall-clock last-writer-wins lost, or a moment a second replica took the lease while another still held it. Click an event to light its causal past and future, Shift+click a second one to ask which happened first.</p>
      <SpaceTimeFromStage data={run.stage!} style={style} label={`Messages between the replicas over time (${RUN_TITLES[shown]})`} playhead={playhead} onSeek={seek} height={200} exportName="clocks.shiviz.log" pins={pins} eventDetail={detail} />
    </section>
  );
}
