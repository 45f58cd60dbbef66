/**
 * The CAP/PACELC lab: the cluster at the playhead in the scene (one of CP and AP at a time, the cut drawn,
 * faults and cuts from the stage), its narration beside it; below, CP and AP side by side on the same
 * script, and the PACELC presets without the cuts (latency CDFs, stale reads) and under them. Reads the
 * app's state through its hooks, derives everything through ./select.ts, changes things only by editing
 * the scenario.
 */
import { useMemo, useState } from 'react';
import { LabSlot, useLabResult, useLessonHighlight, useTheme } from '../../../app/hooks';
import type { LessonHighlight } from '../../contract';
import { vizStyle } from '../../../viz/shared';
import '../../../viz/viz.css';
import './panel.css';
import { CapCompare } from './CapCompare';
import { CapNarration, CapScene } from './CapStage';
import { PacelcCompare } from './PacelcCompare';
import { CAP_MODES, type CapMode, type CapResult } from '../result';
import type { CapScenario } from '../scenario';

export default function CapPanel() {
  const run = useLabResult<CapResult, CapScenario>();
  const theme = useTheme();
  const style = useMemo(() => vizStyle(theme), [theme]);
  const highlight = useLessonHighlight();
  const [mode, setMode] = useShownMode(highlight);
  if (!run) return null;
  const result = run.result;
  return (
    <>
      <LabSlot name="scene">
        <CapScene result={result} mode={mode} onMode={setMode} style={style} highlighted={highlight?.nodes} />
      </LabSlot>
      <LabSlot name="narration">
        <CapNarration result={result} mode={mode} />
      </LabSlot>
      <div className="cap-panel">
        <CapCompare result={result} style={style} />
        <PacelcCompare result={result} style={style} />
      </div>
    </>
  );
}

/** The run the stage draws: the reader's choice, switched by a lesson step that names a view ('CP', 'AP'). */
function useShownMode(highlight: LessonHighlight | undefined): [CapMode, (mode: CapMode) => void] {
  const [mode, setMode] = useState<CapMode>('CP');
  const [seen, setSeen] = useState(highlight);
  if (highlight !== seen) {
    // Adjusting state while rendering (React's pattern for state derived from a changed input).
    setSeen(highlight);
    const view = CAP_MODES.find((m) => m === highlight?.view);
    if (view) setMode(view);
  }
  return [mode, setMode];
}
