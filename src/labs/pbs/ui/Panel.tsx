/**
 * The PBS lab's UI: the consistency-against-time plot in the scene, with the playhead as t ms after commit
 * (play sweeps it along the curves); below, the per-configuration table (its "at the playhead" column
 * follows t) and WARS in words. It reads narrow values through the app's hooks, derives everything through
 * ./select.ts, and changes things only by editing the scenario (the parameter form is the app's).
 */
import { useCallback, useMemo } from 'react';
import { LabSlot, useLabResult, usePlayheadValue, useTheme } from '../../../app/hooks';
import { vizStyle, type VizStyle } from '../../../viz/shared';
import '../../../viz/viz.css';
import './panel.css';
import { CdfChart } from './CdfChart';
import { ConfigTable } from './ConfigTable';
import type { PbsResult } from '../result';
import type { PbsScenario } from '../scenario';
import { gridIndexAt } from './select';
import { WarsModel } from './WarsModel';

export default function PbsPanel() {
  const run = useLabResult<PbsResult, PbsScenario>();
  const theme = useTheme();
  const style = useMemo(() => vizStyle(theme), [theme]);
  if (!run) return null;
  return <PbsView result={run.result} scenario={run.scenario} style={style} />;
}

function PbsView({ result, scenario, style }: { result: PbsResult; scenario: PbsScenario; style: VizStyle }) {
  // The grid point, not t: while playing, the view re-renders when the cursor moves to the next point.
  const gridIndex = usePlayheadValue(useCallback((t: number) => gridIndexAt(result.tMs, t), [result]));
  return (
    <>
      <LabSlot name="scene">
        <CdfChart result={result} style={style} gridIndex={gridIndex} />
      </LabSlot>
      <div className="pbs-grid">
        <div className="pbs-area-table">
          <ConfigTable result={result} tMaxMs={scenario.tMaxMs} gridIndex={gridIndex} />
        </div>
        <div className="pbs-area-wars">
          <WarsModel scenario={scenario} />
        </div>
      </div>
    </>
  );
}
