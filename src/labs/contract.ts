/**
 * The lab contract (see ../shared/ARCHITECTURE.md). A lab is a folder `src/labs/<id>/`, read top to bottom:
 *   index.ts     its face: exports `spec: LabSpec<S>` (meta, and the lazy loaders of its program, its UI and
 *                its golden links); the registry imports only this;
 *   scenario.ts  pure data: the schema, defaults, limits, presets, migrations;
 *   result.ts    the types and codes of what its program returns (read by both sides);
 *   program/     runs in the worker and in Node: `program/program.ts` exports `program`, scenario -> result,
 *                pure and deterministic (no state kept between runs: the worker calls it for every edit);
 *   ui/          runs on the main thread: `ui/Panel.tsx` default-exports the lab's UI, which reads its run
 *                through `useLabResult` and puts its picture in the page's scene slot (`<LabSlot name="scene">`,
 *                both from src/app/hooks.ts); the page draws the run's chrome, time controls and lesson card;
 *   lesson.ts    the guided steps;
 *   golden.ts    shared links and the trace hash each must replay to (Node and Chromium);
 *   <id>.e2e.ts  its Playwright test against the built app.
 * program/ never imports ui/, ui/ never imports program/, and no lab imports another (src/architecture).
 * Adding a lab = one folder + one line in ./registry.ts.
 *
 * This file holds types (and a few tiny helpers): it is imported by the worker, the app, the CLI and the labs.
 */

import type { ComponentType } from 'react';
import type { StageData } from '../core/stage/types';
import type { ScenarioEvent } from '../sim/scenarioEvent';
import type { BufferBin } from '../sim/bufferBin';

export type { Scalar, ScenarioEvent } from '../sim/scenarioEvent';

/**
 * Every lab's scenario: flat scalar parameters (readable as query parameters), a seed, and a script of
 * events ordered by time (ties keep script order).
 */
export interface BaseScenario {
  seed: number;
  events: ScenarioEvent[];
}

/** A parameter's description: drives validation messages, the readable link codec and the UI's inputs. */
export interface ParamSpec {
  key: string;
  label: string;
  /** 'int' and 'number' carry min/max (inclusive); 'enum' carries options. */
  kind: 'int' | 'number' | 'enum' | 'boolean';
  min?: number;
  max?: number;
  options?: readonly string[];
  unit?: string;
  help: string;
}

/**
 * A text field (an event's partition groups, a lab's lookup key): bounded length, optional whole-match
 * pattern. Kept out of a lab's `params` (whose fields are the flat readable link parameters and the form).
 */
export interface TextFieldSpec {
  key: string;
  label: string;
  kind: 'text';
  /** Longest accepted text, in UTF-16 code units. */
  maxLength: number;
  /** When set, the text must match it entirely; `patternHelp` says in words what it accepts. */
  pattern?: RegExp;
  patternHelp?: string;
  help: string;
}

/** A field of an event type: a parameter's shape, or text. */
export type EventFieldSpec = ParamSpec | TextFieldSpec;

export interface EventSpec {
  type: string;
  label: string;
  help: string;
  fields: readonly EventFieldSpec[];
}

/** A problem found in a scenario: `path` names the field ("vnodes", "events[3].node"), `message` is for people. */
export interface ValidationIssue {
  path: string;
  message: string;
}

export type Validated<S> = { ok: true; value: S } | { ok: false; issues: ValidationIssue[] };

export interface Preset<S> {
  id: string;
  title: string;
  description: string;
  scenario: S;
}

/** The scenario of preset `id` (lessons start from presets); an unknown id is a programming error. */
export function presetScenario<S>(presets: readonly Preset<S>[], id: string): S {
  const found = presets.find((p) => p.id === id);
  if (!found) throw new Error(`invalid preset: ${id}`);
  return found.scenario;
}

export interface LabSpec<S extends BaseScenario = BaseScenario> {
  id: string;
  title: string;
  /** One sentence for the home page. */
  summary: string;
  /** Headings of ../shared/seed/distributed-systems.md this lab teaches. */
  patterns: readonly string[];
  /** Schema version of this lab's scenario; links carry it and old versions migrate up. */
  version: number;
  /** Simulation semantics version: bump when the same scenario would give a different trace. */
  engineVersion: number;
  params: readonly ParamSpec[];
  events: readonly EventSpec[];
  defaults: S;
  presets: readonly Preset<S>[];
  /** Strict validation: unknown keys, wrong types and values over limits are refused with the limit named. */
  validate(input: unknown): Validated<S>;
  /**
   * migrations[n] turns a version-n scenario into a version n+1 one. It receives the *sparse* scenario a
   * link carried (only non-default keys), so a migration that changes a default must write the old default
   * when the key is missing.
   */
  migrations: Readonly<Record<number, (old: Record<string, unknown>) => Record<string, unknown>>>;
  /** Work units the run will cost (refused above the worker's budget before it starts). */
  cost(scenario: S): number;
  /** Simulated time the run covers, in the lab's unit (for the scrubber). */
  horizon(scenario: S): number;
  /** The unit of simulated time, shown on the time controls ("ms", "step"). */
  timeUnit: string;
  /** Loads the program (lazily, so the main thread never pulls simulation code it does not need). */
  loadProgram(): Promise<ProgramModule<S>>;
  /** Loads the UI (lazily: the first page load carries no lab UI). */
  loadUi(): Promise<{ default: ComponentType }>;
  /** Loads the lab's golden links (tests replay each to its trace hash in Node and in Chromium). */
  loadGoldenLinks(): Promise<{ goldenLinks: readonly GoldenLink[] }>;
  /** Loads the lab's guided lesson (its lesson.ts): the app shows it beside the scene in every lab. */
  loadLesson(): Promise<{ lesson: readonly LessonStep<S>[] }>;
  /**
   * True when the lab's Panel draws the run's space-time diagram itself (with the lab's own marks on it,
   * or for another of its runs): the page's default diagram under the first screen (src/app/RunSpaceTime.tsx)
   * then stays out, so the page has one. Default false.
   */
  drawsSpaceTime?: boolean;
}

/**
 * A golden link: a scenario link as users share it, with the trace hash it must replay to, forever. When a
 * lab's schema changes, old links stay and must still decode (through the migration ladder) to the same
 * run; when its engineVersion changes on purpose, add the new hashes beside the old links with the version
 * noted.
 */
export interface GoldenLink {
  /** The fragment (without '#') exactly as the app wrote it. */
  link: string;
  traceHash: string;
  what: string;
}

/**
 * What `loadProgram` resolves to. `program` is declared as a method so that a `LabSpec<MyScenario>` is a
 * `LabSpec<BaseScenario>` (method parameters are compared bivariantly): the registry holds every lab in one
 * array without casts, and the app only ever passes a lab's program the scenarios its own validate() made.
 */
export interface ProgramModule<S extends BaseScenario> {
  program(scenario: S, context: RunContext): LabResult;
  /** For a batch experiment (many independent trials): how a pool of workers shares one run. */
  batch?: BatchProgram<S>;
}

/**
 * A run made of `units(scenario)` independent units (PBS trials), split into ranges computed apart and
 * merged in order. Any split gives the same result to the bit, so a pool of any size (or none: `program`
 * is `merge(s, [part(s, 0, units(s))])`) gives the same trace hash. Parts cross a worker boundary, so they
 * are structured-cloneable data (typed arrays move).
 */
export interface BatchProgram<S extends BaseScenario> {
  units(scenario: S): number;
  /** Fewest units worth a worker of their own (default: the pool's MIN_UNITS_PER_PART, sized for PBS trials). */
  minUnitsPerPart?: number;
  /** Units from..to-1; reports its own progress (0..1 of its range) and work. */
  part(scenario: S, from: number, to: number, context: RunContext): unknown;
  /** The result from parts covering 0..units-1 (given in order). */
  merge(scenario: S, parts: unknown[], context: RunContext): LabResult;
}

/**
 * What a lesson step's text speaks of, for the scene to highlight: nodes by the names the lab gives them
 * ('n2', 'r1'), messages by their id (sender and per-sender sequence, 'n0#42'). Names the scene does not
 * know are ignored.
 */
export interface LessonHighlight {
  nodes?: readonly string[];
  messages?: readonly string[];
  /**
   * Which of the scene's views the step speaks of, for a lab whose scene shows one of several runs at a
   * time (CAP: 'CP' or 'AP'): showing the step switches the scene to it. A view choice, never part of the
   * scenario; labs with one view ignore it.
   */
  view?: string;
}

/** One step of a lab's guided lesson (lesson.ts): one idea in two or three sentences, and its scenario. */
export interface LessonStep<S extends BaseScenario> {
  id: string;
  title: string;
  /** Two or three sentences; plain text (blank lines split paragraphs). */
  text: string;
  /** The scenario the step shows (complete: defaults filled in). */
  scenario: S;
  /**
   * The moment the text speaks of, in the lab's time unit: "Show this step" moves the playhead there once
   * the step's run has arrived. Left out, the playhead starts at 0.
   */
  t?: number;
  /** What the text names, for the scene to highlight while this step's scenario is shown. */
  highlight?: LessonHighlight;
}

/** What every lab's program returns; the rest of the result is the lab's own. */
export interface LabResult {
  /** The id of the lab that computed it (LabSpec.id): the app hands a Panel only its own lab's results. */
  lab: string;
  /** Hex hash of the run's trace: the same scenario gives the same hash in Node and in Chromium. */
  traceHash: string;
  /** The figures the lab shows, by name (printed by the CLI, which leaves out any without data: NaN or infinite). */
  metrics: Record<string, number>;
  /** Simulated time the run reached. */
  endTime: number;
  /** Times worth stepping to (events, state changes), ascending: the time controls' "step" targets. */
  marks: Float64Array;
  /** Set when the run hit a scenario limit or the work budget before its horizon. */
  stoppedAtLimit?: string;
  /** What the stage draws (nodes, messages in flight, faults), for labs that show one. */
  stage?: StageData;
  /**
   * The run's client histories, for labs that record and check them: the page offers each as the JSON that
   * `npm run check` reads back. A lab that runs one workload several ways (LWW and siblings, CP and AP)
   * names each.
   */
  clientHistories?: readonly ClientHistory[];
}

/** One client history: the checker's model of the object the clients used, and their operations. */
export interface ClientHistory {
  /** Which run it is, when a result carries several ("LWW", "CP"). */
  name?: string;
  model: 'register' | 'kv';
  /** Its operations, packed for the message to the page (./clientHistory.ts). */
  operations: PackedOperations;
}

/** Client operations as columns (ClientHistoryOp's fields, status as its index in pending, ok, fail,
 * timeout) and their inputs and outputs as one JSON text: `[[input, output], ...]` (`[input]` when the
 * output is undefined). */
export interface PackedOperations {
  count: number;
  process: Float64Array;
  call: Float64Array;
  ret: Float64Array;
  status: Uint8Array;
  values: string;
}

/** One client operation as a result carries it (call and ret in the lab's time unit; ret Infinity when unknown). */
export interface ClientHistoryOp {
  process: number;
  input: unknown;
  output: unknown;
  call: number;
  ret: number;
  status: 'pending' | 'ok' | 'fail' | 'timeout';
}

/** What the host gives a program: progress reports, a work budget and (in the worker) a cache. */
export interface RunContext {
  /** Reports progress in [0, 1]; the host forwards it to the UI at most every few ms. */
  progress(fraction: number): void;
  /** Counts `units` of work; throws BudgetExceeded when the run's budget is spent. */
  work(units: number): void;
  /**
   * Pieces earlier runs computed, kept by the host between runs (the worker's; absent in Node's one-shot
   * runs). A program stays a pure function of its scenario: it caches only what a key fully determines, never
   * mutates what it got from the cache, and charges work() the same with the cache warm or cold.
   */
  cache?: RunCache;
}

/**
 * A bounded store of immutable pieces, keyed by the inputs that produced each one (a string naming the lab,
 * the piece and every input: 'consistent-hashing/keys/seed=1/keys=1000000'). The host may drop any entry at
 * any time; typed arrays a cached piece holds are copied, not moved, when a result carries them.
 */
export interface RunCache {
  get<T>(key: string): T | undefined;
  /** Stores `value` under `key`; `bytes` is its size for the bound (typed arrays' byteLength, roughly). */
  set(key: string, value: unknown, bytes: number): void;
  /**
   * Spare working memory beside the pieces (src/sim/bufferBin.ts): a run takes its large scratch columns
   * from it and gives them back when done, so the next run of the same shape touches no fresh memory.
   */
  readonly bin?: BufferBin;
}

/** `cache.get(key)`, else `compute()` stored under key (no cache: just `compute()`). */
export function cached<T>(cache: RunCache | undefined, key: string, compute: () => T, bytes: (value: T) => number): T {
  if (!cache) return compute();
  const known = cache.get<T>(key);
  if (known !== undefined) return known;
  const value = compute();
  cache.set(key, value, bytes(value));
  return value;
}

export type LabProgram<S extends BaseScenario, R extends LabResult> = (scenario: S, context: RunContext) => R;

export class BudgetExceeded extends Error {
  constructor(readonly budget: number) {
    super(`the run exceeded its work budget of ${budget.toLocaleString('en-US')} units`);
    this.name = 'BudgetExceeded';
  }
}

/** A context for tests and the CLI: no progress, a budget. */
export function plainContext(budget = Number.POSITIVE_INFINITY): RunContext {
  let spent = 0;
  return {
    progress() {},
    work(units) {
      spent += units;
      if (spent > budget) throw new BudgetExceeded(budget);
    },
  };
}
