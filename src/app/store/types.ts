/**
 * The app store's shape: one bound zustand store made of five slices (scenario, result, playback, lesson,
 * ui).
 * The store never touches the DOM, the worker or the URL directly: those arrive as `StoreDeps`, so the
 * whole state logic runs in Node tests with a fake lab and a fake runner.
 */
import type { BaseScenario, LabResult, LabSpec, LessonHighlight, LessonStep, ValidationIssue } from '../../labs/contract';
import type { Presentation } from '../links';

/** Why a run failed, as data: `kind` for code, `message` for people. */
export interface RunFailure {
  kind: string;
  message: string;
}

/** What a runner reports for one request. `superseded` means a newer request replaced this one. */
export type RunOutcome =
  | { kind: 'done'; result: LabResult }
  | { kind: 'error'; error: RunFailure }
  | { kind: 'superseded' };

/** Runs scenarios somewhere else (the worker in the app, a fake in tests). Only the latest request matters. */
export interface Runner {
  run(labId: string, scenario: BaseScenario, onProgress: (fraction: number) => void): Promise<RunOutcome>;
}

export interface StoreDeps {
  /** Every lab, in home-page order (the registry, handed over by the composition root). */
  labs: readonly LabSpec[];
  runner: Runner;
  /** Writes the scenario's link to the address bar (history.replaceState in the app; a no-op or spy in tests). */
  writeLink(spec: LabSpec, scenario: BaseScenario, presentation: Presentation): void;
}

export interface HistoryEntry {
  /** What the edit did, for people ("add node n6"): shown on the undo/redo buttons' titles. */
  label: string;
  scenario: BaseScenario;
}

export type EditOutcome = { ok: true } | { ok: false; issues: ValidationIssue[] };

/** An event to insert at the playhead: the event's type and fields, without `t`. */
export interface EventDraft {
  type: string;
  [field: string]: number | string | boolean;
}

export interface InsertOptions {
  /** The undo entry's label. Default "insert <type> at <t>". */
  label?: string;
  /**
   * The scripted time, when the Panel shows a rounded playhead on its buttons ("Crash n3 at 1.23 s") and
   * scripts that time. Default: the playhead.
   */
  t?: number;
}

export interface ScenarioSlice {
  /** Every lab, in home-page order (StoreDeps.labs). */
  labs: readonly LabSpec[];
  /** The lab with this id, if there is one. */
  findLab(id: string): LabSpec | undefined;
  labId: string | undefined;
  scenario: BaseScenario | undefined;
  undoStack: HistoryEntry[];
  redoStack: HistoryEntry[];
  /** Shows a lab with a scenario already validated (a decoded link) or, without one, the lab's defaults. */
  openLab(labId: string, scenario?: BaseScenario): void;
  closeLab(): void;
  /**
   * The one way to change a scenario: validate, push undo, update the link, re-run. With `seekTo`, the
   * playhead moves there when this edit's run arrives (clamped to it; dropped if a newer edit supersedes it).
   */
  editScenario(label: string, edit: (scenario: BaseScenario) => BaseScenario, seekTo?: number): EditOutcome;
  /**
   * The one way to add an event at the playhead (every Panel's buttons, the stage's menus): inserts it at
   * t, after the events already at or before t (what was shown stays as it was), validated and undoable.
   */
  insertEvent(event: EventDraft, options?: InsertOptions): EditOutcome;
  undo(): void;
  redo(): void;
}

export type RunState = 'idle' | 'running' | 'error';

export interface ResultSlice {
  runState: RunState;
  progress: number;
  /** The latest completed result for this lab (the previous scenario's while a re-run is under way). */
  result: LabResult | undefined;
  /** The scenario `result` was computed from. */
  resultScenario: BaseScenario | undefined;
  runError: RunFailure | undefined;
  /** Increments per request; a reply for an older number is stale and ignored. */
  runSeq: number;
  /** Where to put the playhead when run `seq` arrives (an edit's seekTo, a lesson step's t). */
  pendingSeek: { seq: number; t: number } | undefined;
  /** Runs the current scenario; called by every scenario change. */
  startRun(): Promise<void>;
}

export interface PlaybackSlice {
  /** Simulated time of the playhead, in the lab's time unit. */
  t: number;
  playing: boolean;
  /** Playback speed multiplier (1 plays the whole horizon in PLAY_SECONDS_AT_1X seconds). */
  speed: number;
  setTime(t: number): void;
  play(): void;
  pause(): void;
  togglePlay(): void;
  setSpeed(speed: number): void;
  /** Pauses and moves to the next stop (stepStops.ts: the next mark, never 0 -> end). */
  stepNext(): void;
  /** Pauses and moves to the previous stop. */
  stepPrev(): void;
  /** Playing with reduced motion: one stop forward per tick, pausing at the end. */
  advanceStep(): void;
  /** Advances the playhead by `wallMs` of playing (continuous); stops at the end. */
  advance(wallMs: number): void;
}

export interface LessonSlice {
  /** The lesson step last applied, with the scenario it made: its highlight holds while that scenario is shown. */
  lessonFocus: { stepId: string; scenario: BaseScenario; highlight?: LessonHighlight } | undefined;
  /**
   * "Show this step": loads step `index` of the lab's lesson as one undoable edit, pauses, and moves the
   * playhead to the step's t (or 0) when its run arrives.
   */
  applyLessonStep(index: number, step: LessonStep<BaseScenario>): EditOutcome;
}

export type BannerTone = 'info' | 'warning' | 'error';

export interface Banner {
  id: number;
  tone: BannerTone;
  message: string;
  /** Text the banner offers to copy (a bad link, so nothing is lost). */
  copyText?: string;
  copyLabel?: string;
}

export type ThemeChoice = 'auto' | 'light' | 'dark';

/** The site's pages besides home and the labs, by their path (`#/tour`). */
export const SITE_PAGES = ['tour', 'check'] as const;
export type SitePage = (typeof SITE_PAGES)[number];

export interface UiSlice {
  banners: Banner[];
  shareOpen: boolean;
  presentation: Presentation;
  /** The user's theme choice; 'auto' follows the OS (presentation.theme overrides it in embeds). */
  themeChoice: ThemeChoice;
  /** One sentence for the aria-live status line. */
  announcement: string;
  /** A page that is not a lab (`#/tour`), shown while no lab is open; undefined shows home. */
  page: SitePage | undefined;
  setPage(page: SitePage | undefined): void;
  pushBanner(banner: Omit<Banner, 'id'>): number;
  dismissBanner(id: number): void;
  setShareOpen(open: boolean): void;
  setPresentation(presentation: Presentation): void;
  setThemeChoice(choice: ThemeChoice): void;
  announce(message: string): void;
}

export type AppState = ScenarioSlice & ResultSlice & PlaybackSlice & LessonSlice & UiSlice;
