/**
 * The space-time diagram of the shown run, right under the first screen of every lab whose result carries a
 * stage (`result.stage`): one lane per node and client, messages as arrows, faults on the lanes, Lamport and
 * vector clocks computed from the trace (src/core/causality), the playhead shared with the stage both ways.
 * Labs do nothing to get it; a lab that draws its own (spec.drawsSpaceTime) keeps this one out. Its clocks are computed once the section comes near the viewport, so a run
 * nobody scrolls to costs nothing.
 */
import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { LabSpec } from '../labs/contract';
import { vizStyle } from '../viz/shared/palette';
import { SpaceTimeFromStage } from '../viz/spaceTime';
import { usePlayheadSource, useSeek, useTheme } from './hooks';
import { useLabResult } from './useLabResult';

export function RunSpaceTime({ spec }: { spec: LabSpec }) {
  const run = useLabResult();
  const stage = run?.result.stage;
  const theme = useTheme();
  const style = useMemo(() => vizStyle(theme), [theme]);
  const playhead = usePlayheadSource();
  const seek = useSeek();
  const section = useRef<HTMLElement>(null);
  const isNear = useOnceNearViewport(section, stage !== undefined);
  if (!stage || spec.drawsSpaceTime) return null;
  return (
    <section ref={section} className="lab-spacetime" aria-labelledby="lab-spacetime-title">
      <h2 id="lab-spacetime-title">Space-time diagram</h2>
      <p className="lab-spacetime-help">
        The same run as the stage, one lane per node and client, time left to right: each arrow is a message
        from its send to its delivery. The line is the stage's playhead; a click here moves it.
      </p>
      {isNear
        ? <SpaceTimeFromStage data={stage} style={style} playhead={playhead} onSeek={seek} label={`${spec.title}: messages between the nodes over time`} exportName={`${spec.id}.shiviz.log`} />
        : <div className="lab-spacetime-wait" aria-hidden="true" />}
    </section>
  );
}

/** True from the first time the element comes within a screen of the viewport (at once without IntersectionObserver). */
function useOnceNearViewport(ref: RefObject<Element | null>, isMounted: boolean): boolean {
  const [isNear, setNear] = useState(typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const element = ref.current;
    if (isNear || !element) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) setNear(true);
    }, { rootMargin: '100% 0px' });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, isNear, isMounted]);
  return isNear;
}
