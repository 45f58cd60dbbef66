/**
 * The leader-follower lab: the cluster at the playhead (the stage) in the scene and its narration beside
 * it; below, who led when (split brain shaded), the checker's verdict on what clients saw (with the
 * client-history timeline outlining its explanation), the three replication modes side by side on the same
 * scenario, replication lag per node and the acknowledged writes that were lost. Everything derived comes
 * from ./select.ts; edits go through the app's hooks.
 */
import { useCallback, useMemo, useState } from 'react';
import { LabSlot, useLabResult, useLessonHighlight, usePlayhead, useSeek, useTheme } from '../../../app/hooks';
import { CompareTable } from '../../../viz/compareTable';
import { explanationMarks, HistoryTimeline } from '../../../viz/historyTimeline';
import { vizStyle, type VizStyle } from '../../../viz/shared';
import '../../../viz/viz.css';
import { LagCharts } from './LagCharts';
import { LostWrites } from './LostWrites';
import type { LeaderFollowerResult } from '../result';
import { RoleTimeline } from './RoleTimeline';
import { ClusterNarration, ClusterStage } from './ClusterStage';
import type { LeaderFollowerScenario } from '../scenario';
import { compareTable, describeRequest, fencingText, firstInteresting, KIND_NAMES, leaseWarning, promotionText, settingText, splitBrainText, stepDownText, timelineColumns, verdictText } from './select';
import './panel.css';

export default function Panel() {
  const run = useLabResult<LeaderFollowerResult, LeaderFollowerScenario>();
  const theme = useTheme();
  const style = useMemo(() => vizStyle(theme), [theme]);
  if (!run) return null;
  // Not keyed by the run: a new result updates the view in place. Remounting it per run made every chart
  // and the stage start again at 0 x 0 (useObservedSize), so each result took a second render and layout
  // once the ResizeObservers reported, and its cards were laid out twice in the frame that showed them.
  return <LeaderFollowerView result={run.result} style={style} warning={leaseWarning(run.scenario)} />;
}

function LeaderFollowerView(props: { result: LeaderFollowerResult; style: VizStyle; warning: string }) {
  const { result, style, warning } = props;
  const t = usePlayhead();
  const seek = useSeek();
  const [selected, setSelected] = useSelection(result);
  const history = useMemo(() => timelineColumns(result), [result]);
  const marks = useMemo(() => explanationMarks(result.check.explanation), [result]);
  const describe = useCallback((i: number) => describeRequest(result, i), [result]);
  const compare = useMemo(() => compareTable(result), [result]);
  const isLinearizable = result.check.verdict === 'linearizable';
  const m = result.metrics;
  const count = result.requests.kind.length;
  return (
    <div className="lf-panel">
      <LabSlot name="scene">
        <ClusterStage result={result} style={style} />
      </LabSlot>
      <LabSlot name="narration">
        {/* Keyed by the run, as before: each run's narration starts following the playhead again (no size observed). */}
        <ClusterNarration key={result.traceHash} result={result} />
      </LabSlot>
      <RolesCard result={result} style={style} t={t} onSeek={seek} />
      <section className="lab-card lf-card" aria-labelledby="lf-verdict-title">
        <h2 id="lf-verdict-title">
          <span className={isLinearizable ? 'lf-ok' : 'lf-bad'}>{isLinearizable ? '✓ ' : '✗ '}</span>
          {`What clients saw: ${result.check.verdict}`}
        </h2>
        <p>{verdictText(result)}</p>
        <p className="lf-sub">{settingText(result)}</p>
        {warning && <p className="lf-bad" role="note">{warning}</p>}
        <dl className="lf-figures">
          <div><dt>ok</dt><dd>{m.ok}</dd></div>
          <div><dt>failed</dt><dd>{m.failed}</dd></div>
          <div><dt>timed out</dt><dd>{m.timeouts}</dd></div>
          <div><dt>stale reads</dt><dd>{m.staleReads}</dd></div>
          <div><dt>acknowledged writes lost</dt><dd>{m.lostAckedWrites}</dd></div>
          <div><dt>split brain (ms)</dt><dd>{m.splitBrainMs.toFixed(1)}</dd></div>
          <div><dt>write p50 / p99 (ms)</dt><dd>{`${fixed(m.writeP50Ms)} / ${fixed(m.writeP99Ms)}`}</dd></div>
        </dl>
        <h3>Client history</h3>
        <HistoryTimeline
          history={history}
          kindNames={KIND_NAMES}
          style={style}
          label={`Client history: ${count} operations, one lane per client process${marks.highlights.length ? '; the checker’s explanation is outlined' : ''}`}
          timeLabel="simulated time (ms)"
          processLabel={(p) => `c${p}`}
          highlights={marks.highlights}
          prefix={result.check.explanation ? marks.prefix : undefined}
          selected={selected}
          onSelect={setSelected}
          describe={describe}
        />
      </section>
      <section className="lab-card lf-card" aria-labelledby="lf-modes-title">
        <h2 id="lf-modes-title">Sync, semi-sync and async on this scenario</h2>
        <p className="lf-sub">The same scenario (seed, clients, faults) run in each replication mode; the column in use is marked.</p>
        <CompareTable caption="Replication modes compared on this scenario" columns={compare.columns} rows={compare.rows} rowHeader="measure" currentColumn={compare.current} />
      </section>
      <LagCharts result={result} style={style} t={t} onSeek={seek} />
      <LostWrites result={result} onSelect={setSelected} />
    </div>
  );
}

/** Who led when: leaderships, step-downs, split brain and the role timeline at the playhead. */
function RolesCard({ result, style, t, onSeek }: { result: LeaderFollowerResult; style: VizStyle; t: number; onSeek: (t: number) => void }) {
  const highlight = useLessonHighlight();
  return (
    <section className="lab-card lf-card" aria-labelledby="lf-roles-title">
      <h2 id="lf-roles-title">Who led when</h2>
      <p className={result.invariants.splitBrainMs > 0 ? 'lf-bad' : undefined}>{splitBrainText(result)}</p>
      <p className="lf-sub">{fencingText(result.fencing)}</p>
      <dl className="lf-figures">
        <div><dt>leaders in one epoch (most)</dt><dd>{result.invariants.leadersPerEpochMax}</dd></div>
        <div><dt>two serving at once (ms)</dt><dd>{result.invariants.splitBrainMs.toFixed(1)}</dd></div>
        <div><dt>writes taken by a deposed leader</dt><dd>{result.invariants.deposedWrites}</dd></div>
        <div><dt>log entries diverging at the end</dt><dd>{result.invariants.divergentEntries}</dd></div>
      </dl>
      {(result.promotions.length > 0 || result.stepDowns.length > 0) && (
        <ul className="lf-events">
          {[...result.promotions.map((p) => ({ t: p.tMs, text: promotionText(p) })), ...result.stepDowns.map((s) => ({ t: s.tMs, text: stepDownText(s) }))]
            .sort((a, b) => a.t - b.t)
            .map((e, i) => <li key={i}>{e.text}</li>)}
        </ul>
      )}
      <RoleTimeline result={result} style={style} t={t} onSeek={onSeek} highlighted={highlight?.nodes} />
    </section>
  );
}

/** The operation selected in the client history: each new run starts at its first interesting one. */
function useSelection(result: LeaderFollowerResult): [number, (op: number) => void] {
  const [selected, setSelected] = useState(() => firstInteresting(result));
  const [seen, setSeen] = useState(result.traceHash);
  if (seen !== result.traceHash) {
    // Adjusting state while rendering (React's pattern for state derived from a changed input).
    setSeen(result.traceHash);
    setSelected(firstInteresting(result));
  }
  return [selected, setSelected];
}

function fixed(value: number): string {
  return Number.isFinite(value) ? value.toFixed(1) : '–';
}
