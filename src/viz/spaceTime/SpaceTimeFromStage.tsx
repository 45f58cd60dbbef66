/**
 * The space-time diagram of a lab's run, straight from its StageData (the same `result.stage` the Stage
 * draws): the causal graph and its clocks are built in slices on the main thread (never a long task), then
 * drawn by <SpaceTime> with the stage's playhead. While building it shows how far it got.
 *
 *   <SpaceTimeFromStage data={result.stage} playhead={usePlayheadSource()} onSeek={useSeek()} style={style}
 *     label="Messages between the nodes over time" />
 */
import { useCallback, useRef } from 'react';
import { causalRunFromStageJob } from '../../core/causality/fromStage';
import type { CausalRun } from '../../core/causality/types';
import type { StageData } from '../../core/stage/types';
import type { VizStyle } from '../shared/palette';
import type { PlayheadSource } from '../stage/types';
import type { SpaceTimePins } from './draw';
import { ExportImage } from '../shared/ExportImage';
import { ExportButton } from './ExportButton';
import { SpaceTime } from './SpaceTime';
import { useJob } from './useJob';

export interface SpaceTimeFromStageProps {
  data: StageData;
  style: VizStyle;
  label: string;
  playhead?: PlayheadSource;
  onSeek?: (t: number) => void;
  height?: number;
  /** The exported file's name (default "run.shiviz.log"); no export button when false. */
  exportName?: string | false;
  /** More words about an event (by its index in the causal graph, whose `source` is the stage event row). */
  eventDetail?: (e: number, run: CausalRun) => string;
  /** Events the lab points at (see SpaceTime). */
  pins?: SpaceTimePins;
  /** False holds the drawing until it turns true (see SpaceTime); the clocks are built meanwhile. */
  isShown?: boolean;
}

export function SpaceTimeFromStage(props: SpaceTimeFromStageProps) {
  const { data } = props;
  const make = useCallback(() => causalRunFromStageJob(data), [data]);
  const state = useJob(make);
  // A new run keeps the last diagram on screen until its own is ready (no blank flash on every edit).
  const last = useRef<CausalRun | undefined>(undefined);
  const picture = useRef<HTMLDivElement>(null);
  if (state.status === 'done') last.current = state.value;
  const { eventDetail } = props;
  const shown = last.current;
  const detail = useCallback((e: number) => (shown && eventDetail ? eventDetail(e, shown) : ''), [shown, eventDetail]);
  if (state.status === 'error') return <p className="spacetime-limit" role="alert">The space-time diagram cannot be drawn: {state.message}.</p>;
  const run = last.current;
  const percent = state.status === 'running' ? Math.round(state.progress * 100) : 0;
  return (
    <div className="spacetime-stage">
      {state.status !== 'done' && (
        <p className="spacetime-help" data-spacetime-building="" role="status">
          Computing Lamport and vector clocks… <progress max={100} value={percent} aria-label="Clocks computed">{percent}%</progress>
        </p>
      )}
      {run && <div ref={picture}><SpaceTime run={run} style={props.style} label={props.label} playhead={props.playhead} onSeek={props.onSeek} height={props.height} eventDetail={eventDetail ? detail : undefined} pins={props.pins} isShown={props.isShown} /></div>}
      {run && props.exportName !== false && <ExportButton run={run} fileName={props.exportName ?? 'run.shiviz.log'} />}
      {run && <ExportImage target={picture} fileName={(props.exportName || 'run').replace(/\.shiviz\.log$/, '') + '-spacetime'} what="the space-time diagram" />}
    </div>
  );
}
