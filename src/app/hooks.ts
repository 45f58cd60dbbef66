/**
 * What lab Panels use of the app: the only way a Panel reads the app's state, edits its scenario or places
 * its parts on the page. Each hook selects the narrowest value, so a Panel re-renders only when what it
 * reads changes.
 *
 * A Panel's shape (the Panel shell):
 *
 *   const run = useLabResult<MyResult, MyScenario>();   // undefined until a run of this lab is shown
 *   return (
 *     <>
 *       <LabSlot name="scene">{run && <MyPicture result={run.result} />}</LabSlot>
 *       {run && <MyTables result={run.result} />}       // the measurements, below the first screen
 *     </>
 *   );
 *
 * The page draws the rest once for every lab: the waiting / running / error / stale-result chrome over the
 * scene, the time controls under it, the lesson card and the narration beside it, the parameters drawer.
 */
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { useStore } from 'zustand';
import type { BaseScenario, LessonHighlight, LessonStep } from '../labs/contract';
import type { Presentation } from './links';
import { useAppStoreApi } from './useAppStore';
import type { AppState, EventDraft, InsertOptions } from './store/types';
import type { PlayheadSource, StageAction, StageEvent } from '../viz/stage/types';

export { LabSlot, type LabSlotName } from './labSlots';
export { LabNarration, type LabNarrationProps } from './LabNarration';
export { useLabResult, type LabRun } from './useLabResult';
export { useIsResultPending } from './useLabResult';

function useApp<T>(selector: (state: AppState) => T): T {
  return useStore(useAppStoreApi(), selector);
}

/** The current scenario (validated). Only meaningful inside a lab page. */
export function useScenario<S>(): S {
  return useApp((s) => s.scenario) as S;
}

/** The playhead: simulated time t in the lab's unit. Re-renders on every tick while playing. */
export function usePlayhead(): number {
  return useApp((s) => s.t);
}

/**
 * A value derived from the playhead, e.g. the index of the frame shown at t: the caller re-renders only
 * when the derived value changes, not on every animation frame while playing. `select` should be
 * memoized (useCallback) on what it reads besides t.
 */
export function usePlayheadValue<T>(select: (t: number) => T): T {
  return useApp(useCallback((s: AppState) => select(s.t), [select]));
}

/**
 * The run going on now, for a Panel that shows its own progress bar (a long measurement): whether a run
 * is going and how far it got (0..1). Re-renders at the worker's progress rate while running.
 */
export function useRunProgress(): { isRunning: boolean; fraction: number } {
  const isRunning = useApp((s) => s.runState === 'running');
  const fraction = useApp((s) => s.progress);
  return useMemo(() => ({ isRunning, fraction }), [isRunning, fraction]);
}

/** Moves the playhead to simulated time t (clamped to the result's span by the store). */
export function useSeek(): (t: number) => void {
  return useApp((s) => s.setTime);
}

/**
 * Edits the scenario: `edit` gets a copy and returns the new scenario; the app validates it, pushes undo
 * under `label`, updates the link and re-runs. An invalid edit is refused with a banner naming the limit.
 * With `seekTo`, the playhead moves there once this edit's run has arrived (a node added at step 3).
 */
export function useEditScenario<S>(): (label: string, edit: (s: S) => S, seekTo?: number) => void {
  const store = useAppStoreApi();
  return useCallback(
    (label: string, edit: (s: S) => S, seekTo?: number) => {
      if (isLocked(store.getState())) return;
      const outcome = store.getState().editScenario(label, edit as unknown as (s: BaseScenario) => BaseScenario, seekTo);
      if (!outcome.ok) refuse(store.getState(), outcome.issues);
    },
    [store],
  );
}

/**
 * "Show this step" of a lesson card: loads step `index`'s scenario as one undoable edit named after the
 * step, pauses, moves the playhead to the step's t once its run has arrived, then runs `afterApply` (the
 * page brings the scene into view).
 */
export function useApplyLesson<S extends BaseScenario>(steps: readonly LessonStep<S>[], afterApply?: () => void): (index: number) => void {
  const store = useAppStoreApi();
  return useCallback(
    (index: number) => {
      const step = steps[index];
      if (!step || isLocked(store.getState())) return;
      const outcome = store.getState().applyLessonStep(index, step as unknown as LessonStep<BaseScenario>);
      if (!outcome.ok) return refuse(store.getState(), outcome.issues);
      afterApply?.();
    },
    [store, steps, afterApply],
  );
}

/**
 * What the applied lesson step's text speaks of (nodes, messages), while the shown result is that step's
 * run: the scene highlights it. Undefined otherwise.
 */
export function useLessonHighlight(): LessonHighlight | undefined {
  return useApp((s) => (s.lessonFocus && s.lessonFocus.scenario === s.resultScenario ? s.lessonFocus.highlight : undefined));
}

/**
 * Inserts an event into the script at the playhead (what-if branching), after the events already at that
 * time; undoable. `options.label` names the undo entry, `options.t` scripts the rounded playhead a Panel
 * shows instead of the exact one. An invalid event is refused with a banner naming the limit.
 */
export function useInsertEvent(): (event: EventDraft, options?: InsertOptions) => void {
  const store = useAppStoreApi();
  return useCallback(
    (event: EventDraft, options?: InsertOptions) => {
      if (isLocked(store.getState())) return;
      const outcome = store.getState().insertEvent(event, options);
      if (!outcome.ok) refuse(store.getState(), outcome.issues);
    },
    [store],
  );
}

/**
 * The playhead as a transient source for renderers that draw per animation frame (the stage, the
 * narration): they subscribe and read `get()` in their own frame, so the Panel never re-renders per frame.
 */
export function usePlayheadSource(): PlayheadSource {
  const store = useAppStoreApi();
  return useMemo(() => ({
    get: () => store.getState().t,
    isPlaying: () => store.getState().playing,
    subscribe: (listener: () => void) => store.subscribe((s, prev) => {
      if (s.t !== prev.t || s.playing !== prev.playing) listener();
    }),
  }), [store]);
}

/**
 * What the stage's menus and gestures ask for ({ type, at?, ...fields }), inserted into the script at `at`
 * (the playhead when the user chose it; else the playhead now) as one undoable edit. The lab's validation
 * still decides: an event it does not know is refused with a banner.
 */
export function useStageEvents(): (event: StageEvent) => void {
  const insert = useInsertEvent();
  return useCallback(
    (event: StageEvent) => {
      const { at, ...fields } = event;
      const draft = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as EventDraft;
      insert(draft, at !== undefined && Number.isFinite(at) ? { t: at } : undefined);
    },
    [insert],
  );
}

/**
 * useStageEvents for a stage whose engine ticks `ticksPerUnit` times per unit of the lab's time: a fault
 * lands on the playhead rounded up to a tick (the engine rounds a script's times to ticks), at or just
 * after what is shown, and the playhead moves onto it, so the picture shows the fault as soon as the
 * re-run arrives.
 */
export function useStageEventsOnTick(ticksPerUnit: number): (event: StageEvent) => void {
  const insert = useStageEvents();
  const seek = useSeek();
  return useCallback((event: StageEvent) => {
    if (event.at === undefined) return insert(event);
    const at = Math.ceil(event.at * ticksPerUnit - 1e-6) / ticksPerUnit;
    insert({ ...event, at });
    seek(at);
  }, [insert, seek, ticksPerUnit]);
}

/** What a lab's <Stage> takes from the page; spread it into the stage's props. */
export interface StageWiring {
  playhead: PlayheadSource;
  onEvent: (event: StageEvent) => void;
  reducedMotion: boolean;
  /** The menu actions the stage offers: the lab's, or none while a presentation locks the page. */
  actions: readonly StageAction[];
}

const NO_ACTIONS: readonly StageAction[] = [];

/**
 * The page's side of a lab's stage: the playhead, the handler of its menus and gestures (inserting at the
 * playhead, or rounded up to the engine's tick when `ticksPerUnit` is given: useStageEventsOnTick), reduced
 * motion, and `actions` unless the page is locked.
 */
export function useStageWiring(actions: readonly StageAction[], ticksPerUnit?: number): StageWiring {
  const playhead = usePlayheadSource();
  const atPlayhead = useStageEvents();
  const onTick = useStageEventsOnTick(ticksPerUnit ?? 1);
  const reducedMotion = useReducedMotion();
  const isLocked = usePresentation().lock;
  return { playhead, onEvent: ticksPerUnit === undefined ? atPlayhead : onTick, reducedMotion, actions: isLocked ? NO_ACTIONS : actions };
}

/** How the lab is shown: embed, panel, theme, autoplay, motion, lock, controls. */
export function usePresentation(): Presentation {
  return useApp((s) => s.presentation);
}

/** The theme in effect: the presentation's or user's choice, else the OS preference. */
export function useTheme(): 'light' | 'dark' {
  const osDark = useMediaQuery('(prefers-color-scheme: dark)');
  const forced = useApp((s) => s.presentation.theme);
  const choice = useApp((s) => s.themeChoice);
  if (forced === 'light' || forced === 'dark') return forced;
  if (choice !== 'auto') return choice;
  return osDark ? 'dark' : 'light';
}

/** True when motion should step instead of tween: the OS asks for it, or the link says motion=reduce. */
export function useReducedMotion(): boolean {
  const osReduce = useMediaQuery('(prefers-reduced-motion: reduce)');
  const motion = useApp((s) => s.presentation.motion);
  return osReduce || motion === 'reduce';
}

/** A query's list and its answer, kept current by the list's own change events. */
interface MediaAnswer {
  readonly list: MediaQueryList;
  matches: boolean;
}

const mediaAnswers = new Map<string, MediaAnswer>();

/**
 * One MediaQueryList per query and its answer as last reported: reading it on every render (every frame
 * while playing) reads a field. MediaQueryList.matches brings the page's style and layout up to date
 * first, so reading it during a render right after a commit forced a layout (~7 ms in the consistent-
 * hashing page's result render, CPU profile).
 */
function mediaAnswer(query: string): MediaAnswer | undefined {
  if (typeof matchMedia !== 'function') return undefined;
  let answer = mediaAnswers.get(query);
  if (!answer) {
    const list = matchMedia(query);
    const made: MediaAnswer = { list, matches: list.matches };
    // Registered before any subscriber's listener, so it has updated the answer when they read it.
    list.addEventListener('change', (event) => {
      made.matches = event.matches;
    });
    mediaAnswers.set(query, made);
    answer = made;
  }
  return answer;
}

/** A media query's current answer, live. False where matchMedia does not exist (Node, old browsers). */
export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const list = mediaAnswer(query)?.list;
      if (!list) return () => {};
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    [query],
  );
  const read = () => mediaAnswer(query)?.matches ?? false;
  return useSyncExternalStore(subscribe, read, () => false);
}

/** A locked embed (`lock=1`) shows its scenario but accepts no edits; the user is told once per attempt. */
function isLocked(state: AppState): boolean {
  if (!state.presentation.lock) return false;
  state.announce('This embedded lab is locked: open it in the playground to edit it.');
  return true;
}

function refuse(state: AppState, issues: readonly { path: string; message: string }[]): void {
  const message = issues.map((issue) => issue.message).join('; ');
  state.pushBanner({ tone: 'warning', message: `Not applied: ${message}` });
  state.announce(`Not applied: ${message}`);
}
