/**
 * The multi-leader lab: the regions at the playhead (the stage) in the scene and its narration beside it;
 * below, the writes not yet applied per region over time, the two resolutions side by side on the same
 * workload (conflicts, lost updates, siblings, convergence, latency), the checker's verdict on what
 * clients saw, the conflicts and the lost updates as tables, and what each region holds at the end.
 * Everything is derived by ./select.ts; edits go through the app's hooks (the stage's fault menus).
 */
import { useCallback, useMemo, useState } from 'react';
import { LabSlot, useLabResult, usePlayhead, useSeek, useTheme } from '../../../app/hooks';
import { CompareTable } from '../../../viz/compareTable';
import { explanationMarks, HistoryTimeline } from '../../../viz/historyTimeline';
import { DataTable, vizStyle } from '../../../viz/shared';
import '../../../viz/viz.css';
import './panel.css';
import { LagChart } from './LagChart';
import { RegionsNarration, RegionsStage } from './RegionsStage';
import type { MultiLeaderResult } from '../result';
import type { MultiLeaderScenario } from '../scenario';
import {
  compareRows, conflictRows, describeOp, finalRows, KIND_NAMES, latencyText, lostRows, processLabel, RESOLUTION_TITLES, timelineColumns, verdictLead, verdictTexts,
} from './select';

const ROWS_SHORT = 12;
const ROWS_LONG = 200;

export default function MultiLeaderPanel() {
  const run = useLabResult<MultiLeaderResult, MultiLeaderScenario>();
  if (!run) return null;
  return <MultiLeaderView key={run.result.traceHash} result={run.result} scenario={run.scenario} />;
}

function MultiLeaderView({ result, scenario }: { result: MultiLeaderResult; scenario: MultiLeaderScenario }) {
  const theme = useTheme();
  const style = useMemo(() => vizStyle(theme), [theme]);
  const rows = useMemo(() => compareRows(result), [result]);
  const [isAllConflicts, setAllConflicts] = useState(false);
  const [isAllLost, setAllLost] = useState(false);
  const conflicts = useMemo(() => conflictRows(result, isAllConflicts ? ROWS_LONG : ROWS_SHORT), [result, isAllConflicts]);
  const lost = useMemo(() => lostRows(result, isAllLost ? ROWS_LONG : ROWS_SHORT), [result, isAllLost]);
  const keys = Array.from({ length: result.keys }, (_, k) => `k${k}`);
  // One selected operation for the timeline; the tables' "show" buttons set it and bring the timeline into view.
  const [selected, setSelected] = useState(-1);
  // Whose cards, conflicts and narration the stage shows: 0 last-writer-wins, 1 siblings.
  const [shown, setShown] = useState(0);
  const show = useCallback((op: number) => {
    setSelected(op);
    document.getElementById('ml-verdict-heading')?.scrollIntoView({ block: 'start' });
  }, []);
  return (
    <div className="ml-panel">
      <LabSlot name="scene">
        <RegionsStage result={result} style={style} shown={shown} onShow={setShown} />
      </LabSlot>
      <LabSlot name="narration">
        <RegionsNarration result={result} shown={shown} />
      </LabSlot>
      <LagCard result={result} scenario={scenario} style={style} />
      <section className="lab-card ml-card" aria-labelledby="ml-compare-heading">
        <h2 id="ml-compare-heading">Last-writer-wins against siblings</h2>
        <p>{latencyText(result)}</p>
        <CompareTable caption="The same workload and faults, conflicts resolved two ways" columns={RESOLUTION_TITLES} rows={rows} />
      </section>
      <VerdictCard result={result} style={style} selected={selected} onSelect={setSelected} />
      <section className="lab-card ml-card" aria-labelledby="ml-conflicts-heading">
        <h2 id="ml-conflicts-heading">{`Conflicts (${conflicts.total})`}</h2>
        <p className="ml-sub">Pairs of writes to one key whose clients had not seen each other, where a leader met them (siblings run). Each write is named by its value, its dot (r1#3: the third write through region 1's leader) and the version vector its client had read (saw [2,1]: region 0's writes up to #2, region 1's up to #1). In each pair, neither vector covers the other write's dot.</p>
        <RowsTable
          caption="Conflicts: the two concurrent writes, what LWW keeps, and what became of each in the siblings run"
          head={['key', 'met at (ms)', 'at region', 'concurrent writes', 'LWW keeps', 'with siblings']}
          rows={conflicts.rows.map((r) => [r.key, r.tMs.toFixed(1), String(r.region), r.writes, r.lwwKeeps, r.siblings])}
          total={conflicts.total}
          isAll={isAllConflicts}
          onToggle={() => setAllConflicts(!isAllConflicts)}
          pick={{ label: (i) => `Show write ${conflicts.rows[i].a + 1} on the timeline`, onPick: (i) => show(conflicts.rows[i].a) }}
        />
      </section>
      <section className="lab-card ml-card" aria-labelledby="ml-lost-heading">
        <h2 id="ml-lost-heading">{`Updates lost by last-writer-wins (${lost.total})`}</h2>
        <p className="ml-sub">Each was acknowledged to its client and is gone, and no write that survives had read it. "Lost to" is the write whose higher timestamp dropped it, or dropped the later writes that had read it; "clock skew" marks a line dropped for a write it had read, which only a clock behind can do.</p>
        <RowsTable
          caption="Lost updates: the write, when it was acknowledged, and the write it lost to"
          head={['write', 'key', 'region', 'acknowledged (ms)', 'lost to', 'dropped with', 'clock skew']}
          rows={lost.rows.map((r) => [String(r.value), r.key, String(r.region), r.ackMs.toFixed(1), r.lostTo, r.hops === 0 ? '—' : `${r.hops} later write${r.hops === 1 ? '' : 's'} that had read it`, r.isSkew ? 'yes' : 'no'])}
          total={lost.total}
          isAll={isAllLost}
          onToggle={() => setAllLost(!isAllLost)}
          pick={{ label: (i) => `Show write ${lost.rows[i].value} on the timeline`, onPick: (i) => show(lost.rows[i].value - 1) }}
        />
      </section>
      <section className="lab-card ml-card" aria-labelledby="ml-final-heading">
        <h2 id="ml-final-heading">What each region holds at the end</h2>
        <DataTable caption="Values per key after the run; siblings with their dots and what their clients had read" columns={['region', 'resolution', ...keys]} rows={finalRows(result)} isVisible />
      </section>
    </div>
  );
}

/** The lag chart at the playhead (re-renders with it). */
function LagCard({ result, scenario, style }: { result: MultiLeaderResult; scenario: MultiLeaderScenario; style: ReturnType<typeof vizStyle> }) {
  const t = usePlayhead();
  const seek = useSeek();
  return <LagChart result={result} scenario={scenario} style={style} t={t} onSeek={seek} />;
}

/** The checker's verdicts, and the client history with one run's explanation drawn on it. */
function VerdictCard(props: { result: MultiLeaderResult; style: ReturnType<typeof vizStyle>; selected: number; onSelect: (op: number) => void }) {
  const { result, style, selected, onSelect } = props;
  const [shown, setShown] = useState(0);
  const verdicts = useMemo(() => verdictTexts(result), [result]);
  const run = result.runs[shown];
  const history = useMemo(() => timelineColumns(run), [run]);
  const marks = useMemo(() => explanationMarks(run.check.explanation), [run]);
  const describe = useCallback((i: number) => describeOp(run, i), [run]);
  const lane = useCallback((p: number) => processLabel(run, p), [run]);
  return (
    <section className="lab-card ml-card" aria-labelledby="ml-verdict-heading">
      <h2 id="ml-verdict-heading">What clients saw</h2>
      <p>{verdictLead(result)}</p>
      {verdicts.map((text, r) => (
        <p key={r}>
          <strong>{`${RESOLUTION_TITLES[r]}: ${result.runs[r].check.verdict}. `}</strong>
          {text}
        </p>
      ))}
      <p className="ml-sub">A read that returns siblings shows them as "a|b": no single register ever held both.</p>
      <fieldset className="ml-choice">
        <legend>Explanation drawn on the timeline</legend>
        {RESOLUTION_TITLES.map((title, r) => (
          <label key={r}>
            <input type="radio" name="ml-explained" checked={shown === r} onChange={() => setShown(r)} />
            {` ${title}`}
          </label>
        ))}
      </fieldset>
      <HistoryTimeline
        history={history}
        kindNames={KIND_NAMES}
        style={style}
        label={`Client history: ${run.ops.kind.length} operations, one lane per client process${marks.highlights.length ? '; the checker’s explanation is outlined' : ''}`}
        timeLabel="simulated time (ms)"
        processLabel={lane}
        highlights={marks.highlights}
        prefix={run.check.explanation ? marks.prefix : undefined}
        selected={selected}
        onSelect={onSelect}
        describe={describe}
      />
    </section>
  );
}

interface RowsTableProps {
  caption: string;
  head: string[];
  rows: string[][];
  total: number;
  isAll: boolean;
  onToggle: () => void;
  /** A last column with a button per row that selects the row's operation on the timeline. */
  pick: { label: (row: number) => string; onPick: (row: number) => void };
}

function RowsTable(props: RowsTableProps) {
  if (props.total === 0) return <p>None in this run.</p>;
  return (
    <>
      <div className="ml-scroll" role="region" aria-label={props.caption} tabIndex={0}>
        <table className="ml-table">
          <caption className="viz-visually-hidden">{props.caption}</caption>
          <thead>
            <tr>
              {props.head.map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
              <th scope="col">timeline</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((row, i) => (
              <tr key={i}>
                {row.map((cell, j) => (
                  <td key={j}>{cell}</td>
                ))}
                <td>
                  <button type="button" className="ml-pick" aria-label={props.pick.label(i)} onClick={() => props.pick.onPick(i)}>
                    show
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {props.total > ROWS_SHORT && (
        <button type="button" className="ml-more" onClick={props.onToggle} aria-expanded={props.isAll}>
          {props.isAll ? `Show the first ${ROWS_SHORT}` : `Show ${Math.min(props.total, ROWS_LONG) - ROWS_SHORT} more`}
        </button>
      )}
    </>
  );
}
