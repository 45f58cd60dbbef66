/**
 * A lab page. The first screen holds what a reader needs together: the scene (the lab's picture, with the
 * run's chrome over it), the time controls right under it, and beside them the lesson card and the
 * narration; below it, the lab's measurements. Parameters wait in a drawer behind the toolbar's button.
 *
 *   wide                                     narrow (390 px)
 *   h1, summary          toolbar             h1, toolbar
 *   +-----------------------+-----------+    scene
 *   | scene                 | lesson    |    time controls
 *   |                       | (side)    |    lesson, side
 *   +-----------------------+ narration |    narration
 *   | time controls         |           |    measurements
 *   +-----------------------+-----------+
 *   space-time diagram (every lab with a stage: RunSpaceTime.tsx)
 *   measurements (the Panel's own children)
 *
 * A Panel fills the scene, side and narration slots through <LabSlot> (labSlots.tsx). In an embed the
 * shell's header and toolbar are gone; the first screen is the same, with an "Open in playground" link.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { LabSpec } from '../labs/contract';
import { ExportImage } from '../viz/shared/ExportImage';
import { ErrorBoundary } from './ErrorBoundary';
import { useReducedMotion } from './hooks';
import { LabPanel } from './LabPanel';
import { LabSlotsProvider, useSlotHosts } from './labSlots';
import { paceCards } from './paceCards';
import { LessonCard } from './LessonCard';
import { ParamsDrawer } from './ParamsDrawer';
import { PresetsMenu } from './PresetsMenu';
import { RunChrome } from './RunChrome';
import { RunFacts } from './RunFacts';
import { RunSpaceTime } from './RunSpaceTime';
import { ShareButton, ShareDialog } from './ShareDialog';
import { fullLink } from './shareLinks';
import { StatusLine } from './StatusLine';
import { TimeControls } from './TimeControls';
import { UndoRedo, useUndoShortcuts } from './UndoRedo';
import { useAppStore, useAppStoreApi } from './useAppStore';
import { useEmbedBridge } from './useEmbedBridge';
import { useShownRunState } from './useLabResult';

export function LabPage({ spec }: { spec: LabSpec }) {
  const presentation = useAppStore((s) => s.presentation);
  const store = useAppStoreApi();
  const hasResult = useAppStore((s) => s.result !== undefined);
  const isTimed = useAppStore((s) => (s.scenario ? spec.horizon(s.scenario) > 0 : false));
  const locked = presentation.lock;
  const showTime = isTimed && presentation.controls;
  const { refs, hosts } = useSlotHosts();

  useUndoShortcuts(!locked);
  useEmbedBridge(spec, presentation.embed);
  useEffect(() => {
    document.title = `${spec.title} · Distributed Systems Playground`;
  }, [spec]);
  useAutoplay(presentation.autoplay && showTime && hasResult);
  const isMeasured = useMeasurementsShown(spec.id, hasResult);
  const measurementsRef = useRef<HTMLElement>(null);
  // Once shown, the measurements' cards are laid out one per frame (paceCards.ts). A layout effect: when the
  // lab changes, the pacer stops inside the commit, before it could show the next lab's cards at once.
  useLayoutEffect(() => {
    if (!isMeasured || !measurementsRef.current) return;
    return paceCards(measurementsRef.current, '.lab-card');
  }, [isMeasured, spec.id]);
  // The space-time section waits for the lab's UI: before it, the first screen is short (its scene slot
  // empty), the section would show high up, get drawn, then jump down when the Panel arrives.
  const [panelFor, setPanelFor] = useState<string | undefined>(undefined);
  const onPanelReady = useCallback(() => setPanelFor(spec.id), [spec.id]);

  const firstScreen = <FirstScreen spec={spec} slotRefs={refs} sceneHost={hosts.scene} showTime={showTime} />;
  const measurements = (
    <>
      <ErrorBoundary key={`${spec.id}-spacetime`} what="the space-time diagram" onLoadDefaults={() => store.getState().openLab(spec.id)}>
        {panelFor === spec.id && <RunSpaceTime spec={spec} />}
      </ErrorBoundary>
      <section ref={measurementsRef} className={isMeasured ? 'lab-measurements' : 'lab-measurements lab-measurements-pending'} aria-label="Measurements">
        <ErrorBoundary key={spec.id} what={`the ${spec.title} panel`} onLoadDefaults={() => store.getState().openLab(spec.id)}>
          <LabPanel spec={spec} onReady={onPanelReady} />
        </ErrorBoundary>
      </section>
    </>
  );

  if (presentation.embed) {
    return (
      <LabSlotsProvider hosts={hosts}>
        <main className="embed" id="main">
          <h1 className="visually-hidden">{spec.title}</h1>
          {firstScreen}
          <div className="embed-footer">
            <OpenInPlayground spec={spec} />
          </div>
          {measurements}
        </main>
      </LabSlotsProvider>
    );
  }

  return (
    <LabSlotsProvider hosts={hosts}>
      <main className="lab" id="main">
        <div className="lab-head">
          <div className="lab-heading">
            <h1>{spec.title}</h1>
            <p className="lab-summary">{spec.summary}</p>
          </div>
          <div className="lab-toolbar">
            <ParamsDrawer spec={spec} disabled={locked} />
            <PresetsMenu spec={spec} disabled={locked} />
            {!locked && <UndoRedo />}
            <ShareButton />
          </div>
        </div>
        {firstScreen}
        {measurements}
        <RunFacts spec={spec} />
        <ShareDialog spec={spec} />
      </main>
    </LabSlotsProvider>
  );
}

/**
 * Whether the lab's measurements are laid out yet. They are rendered with the first result but laid out a
 * frame after the first screen (until then `.lab-measurements-pending`, content-visibility: hidden): on a
 * page load the two together were one 30-45 ms layout task on a 2-core machine (CAP), about half of it the
 * measurements, which sit below the first screen. Once shown for a lab they stay shown.
 */
function useMeasurementsShown(labId: string, hasResult: boolean): boolean {
  const [shownFor, setShownFor] = useState<string | undefined>(undefined);
  const isShown = shownFor === labId;
  useEffect(() => {
    if (isShown || !hasResult) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The next frame lays out the first screen; the task after it shows the measurements.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setShownFor(labId), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [labId, hasResult, isShown]);
  return isShown;
}

type SlotRefs = ReturnType<typeof useSlotHosts>['refs'];

/** The scene (chrome and slot) with the time controls and the status line, and the side column. */
function FirstScreen({ spec, slotRefs, sceneHost, showTime }: { spec: LabSpec; slotRefs: SlotRefs; sceneHost: HTMLElement | undefined; showTime: boolean }) {
  const scene = useRef<HTMLElement>(null);
  const picture = useMemo(() => ({ current: sceneHost ?? null }), [sceneHost]);
  const isReduced = useReducedMotion();
  const isBusy = useShownRunState() === 'running';
  const showScene = useCallback(() => revealScene(scene.current, isReduced), [isReduced]);
  return (
    <div className="lab-first">
      <div className="lab-stage-column">
        <section ref={scene} className="lab-scene" aria-label={`${spec.title}: simulation`} aria-busy={isBusy}>
          <RunChrome />
          <div ref={slotRefs.scene} className="lab-slot-place" />
        </section>
        {showTime && <TimeControls />}
        <div className="lab-status-row">
          <StatusLine />
          <ExportImage target={picture} fileName={`${spec.id}-scene`} what="the picture" />
        </div>
      </div>
      <div className="lab-side">
        <LessonCard spec={spec} onApplied={showScene} />
        <div ref={slotRefs.side} className="lab-slot-place" />
        <div ref={slotRefs.narration} className="lab-slot-place" />
      </div>
    </div>
  );
}

/** Scrolls the scene into view unless it already is (a jump, not a glide, under reduced motion). */
function revealScene(scene: HTMLElement | null, isReduced: boolean): void {
  if (!scene) return;
  const box = scene.getBoundingClientRect();
  if (box.top >= 0 && box.bottom <= window.innerHeight) return;
  scene.scrollIntoView({ block: 'start', behavior: isReduced ? 'auto' : 'smooth' });
}

function OpenInPlayground({ spec }: { spec: LabSpec }) {
  const scenario = useAppStore((s) => s.scenario);
  if (!scenario) return null;
  return (
    <a className="open-in-playground" href={fullLink(spec, scenario)} target="_blank" rel="noopener">
      Open in playground<span className="visually-hidden"> (opens in a new tab)</span> ↗
    </a>
  );
}

/** Starts playing once when the link asks for autoplay (never by default: WCAG 2.2.2). */
function useAutoplay(shouldStart: boolean): void {
  const store = useAppStoreApi();
  useEffect(() => {
    if (shouldStart) store.getState().play();
  }, [shouldStart, store]);
}
