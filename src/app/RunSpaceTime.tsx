/**
 * The space-time diagram of the shown run, right under the first screen of every lab whose result carries a
 * stage (`result.stage`): one lane per node and client, messages as arrows, faults on the lanes, Lamport and
 * vector clocks computed from the trace (src/core/causality), the playhead shared with the stage both ways.
 * Labs do nothing to get it; a lab that draws its own (spec.drawsSpaceTime) keeps this one out. Its clocks are
 * computed once the section comes within a screen of the viewport, so a run nobody scrolls to costs nothing,
 * and it is drawn once its box comes into view: the first draw (10-25 ms of canvas work on a long run) is
 * not part of the page's load, where the section starts at the first screen's bottom edge.
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
  const isNear = useOnceInViewport(section, stage !== undefined, NEAR);
  const isShown = useOnceInViewport(section, stage !== undefined, IN_VIEW);
  if (!stage || spec.drawsSpaceTime) return null;
  return (
    <section ref={section} className="lab-spacetime" aria-labelledby="lab-spacetime-title">
      <h2 id="lab-spacetime-title">Space-time diagram</h2>
      <p className="lab-spacetime-help">
        The same run as the stage, one lane per node and client, time left to right: each arrow is a message
        from its send to its delivery. The line is the stage's playhead; a click here moves it.
      </p>
      {isNear
        ? <SpaceTimeFromStage data={stage} style={style} playhead={playhead} onSeek={seek} label={`${spec.title}: messages between the nodes over time`} exportName={`${spec.id}.shiviz.log`} isShown={isShown} />
        : <div className="lab-spacetime-wait" aria-hidden="true" />}
    </section>
  );
}

/** Within a screen of the viewport. */
const NEAR = '100% 0px';
/** About 100 px of the diagram's box in view (the heading and help above it take ~90 px at 1280-1440 px
 * wide). At 1440x900 the section starts at 718-908 px: the first screen shows at most a blank strip of it. */
const IN_VIEW = '0px 0px -190px 0px';

/** True from the first time the element comes within `rootMargin` of the viewport (at once without IntersectionObserver). */
function useOnceInViewport(ref: RefObject<Element | null>, isMounted: boolean, rootMargin: string): boolean {
  const [hasCome, setCome] = useState(typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const element = ref.current;
    if (hasCome || !element) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) setCome(true);
    }, { rootMargin });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, hasCome, isMounted, rootMargin]);
  return hasCome;
}
