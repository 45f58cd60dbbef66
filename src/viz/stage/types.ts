/**
 * The stage component's contract with a lab (props-level types; the data types are in src/core/stage).
 */

/**
 * The playhead, read transiently: the stage draws on `subscribe` notifications in its own animation frame
 * and never re-renders React per frame. The app builds one from its store (`usePlayheadSource` in
 * src/app/hooks.ts); a test builds one from a variable.
 */
export interface PlayheadSource {
  /** Simulated time now, in the lab's unit. */
  get(): number;
  /** Calls `listener` after every change of the time (or of `isPlaying`); returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
  /** True while playing (narration then summarises instead of reading every step). Default false. */
  isPlaying?(): boolean;
}

/** A playhead source over a plain value, for tests and static pages. */
export function playheadValue(initial = 0): PlayheadSource & { set(t: number, playing?: boolean): void } {
  let t = initial;
  let playing = false;
  const listeners = new Set<() => void>();
  return {
    get: () => t,
    isPlaying: () => playing,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(next, isPlaying = false) {
      t = next;
      playing = isPlaying;
      for (const listener of [...listeners]) listener();
    },
  };
}

/**
 * A scenario event a menu or gesture asks for: `{ type, ...fields }` in the engine's fault vocabulary
 * (src/sim/faults.ts) or the lab's own ('request', 'slow', 'lossy'); `at` is the playhead when the user
 * chose it. The app inserts it into the script at `at` (useStageEvents in src/app/hooks.ts).
 *
 *   { type: 'crash', node: 1, at: 34.1 }         { type: 'partition', groups: '0,1|2,3,4', at: 50 }
 *   { type: 'cut', from: 0, to: 2, at: 12 }       { type: 'clockJump', node: 2, ticks: 10000, at: 8 }
 */
export interface StageEvent {
  type: string;
  at?: number;
  [field: string]: string | number | boolean | undefined;
}

/**
 * The actions a lab supports; the stage offers only these. They are the engine's fault table's types
 * (src/sim/faultTable.ts, so a lab can pass `labFaultTypes(events)` from src/labs/faultEvents.ts) plus
 * 'request', and each produces that table's event shape:
 *
 *   node menu    crash, recover, pause, resume, isolate { node }; clockJump, skew { node, ms }
 *   link menu    cut, healLink { from, to }; slow { from, to, ms }; lossy { from, to, loss }; duplicating { from, to, dup }
 *   the stage    partition { groups } (drag across, or the Partition dialog); heal {} (every link)
 *   a client     request { client, op: 'write' | 'read' } ("Write from c1", "Read from c1")
 */
export const STAGE_ACTIONS = [
  'crash', 'recover', 'pause', 'resume', 'isolate', 'clockJump', 'skew',
  'cut', 'healLink', 'slow', 'lossy', 'duplicating', 'partition', 'heal', 'request',
] as const;
export type StageAction = (typeof STAGE_ACTIONS)[number];

/** True for a type the stage can offer (a lab's fault types filtered through it). */
export function isStageAction<T extends string>(type: T): type is T & StageAction {
  return (STAGE_ACTIONS as readonly string[]).includes(type);
}

/** Amounts the menus insert, in the lab's unit (defaults: clock 10, slow 2 x the median latency, loss 0.5). */
export interface StageAmounts {
  clockMs?: number;
  slowMs?: number;
  loss?: number;
  /** The duplicating link fault's share of messages delivered twice (default 0.5). */
  dup?: number;
}

/** One field of a node card: the card field's name as recorded (`ctx.card(name, value)`), shown as `label`. */
export interface CardFieldSpec {
  field: string;
  /** Short label before the value ('term'); '' for none. */
  label: string;
  /** Formats the value (text as recorded, number when numeric: NaN for texts). Default: as recorded. */
  format?: (text: string, value: number) => string;
  /**
   * Draw the value as cells (a log tail): space-separated tokens, each a box coloured by its leading number
   * (a palette slot: a term), solid when plain, dashed when it ends in '~' (tentative), ringed when it ends
   * in '!' (marked); a token not starting with a digit ('…') is plain text. The accessible name keeps the text.
   */
  cells?: boolean;
  /**
   * Also draw the numeric value as a bar under its text (a queue's depth): full at `max`, on a log scale
   * (log(1 + v) / log(1 + max)) when `scale` is 'log', so 3 waiting still shows beside 600.
   */
  bar?: { max: number; scale?: 'linear' | 'log' };
}

/**
 * What a lab's node cards show. Fixed-size cards, tabular digits; text is rewritten only when a field's
 * change row changes (never per frame).
 */
export interface CardSpec {
  fields: readonly CardFieldSpec[];
  /** Card width in CSS px, for fields wider than the default (by node count: 124, 104, 84; narrower on a phone). */
  width?: number;
  /** The field naming the node's role: its first letter is the card's badge ('leader' -> L); glyphs use it at scale. */
  role?: string;
  /**
   * Badges shown while a field's text matches (e.g. { field: 'conflict', text: 'yes', label: '!' }); with
   * `words` ('hot'), the node's accessible name says them too while the badge shows.
   */
  badges?: readonly { field: string; text: string; label: string; words?: string }[];
  /**
   * A deadline bar (election timer, lease): `field` records the deadline's time in the lab's unit and
   * `span` its full length; the bar shows the fraction left at t.
   */
  deadline?: { field: string; span: number; label: string };
  /**
   * Heat: a numeric field (CPU %) from 0 to `max` gives the card a border and tint, and a glyph at scale
   * its fill, along the heatmap's ramp (lightness grows with heat, so it reads in greyscale). Pair it with
   * a field or badge that says the same in words: colour is never the only cue.
   */
  heat?: { field: string; max: number };
}

/** Fraction of a bar: value over max, linear or log, clamped to [0, 1] (0 for a value that is not a number). */
export function barFraction(value: number, bar: NonNullable<CardFieldSpec['bar']>): number {
  if (!(value > 0) || !(bar.max > 0)) return 0;
  const f = bar.scale === 'log' ? Math.log1p(value) / Math.log1p(bar.max) : value / bar.max;
  return Math.min(1, f);
}

/** Heat level 0..HEAT_LEVELS-1 of a value on [0, max] (0 for a value that is not a number). */
export const HEAT_LEVELS = 5;
export function heatLevel(value: number, max: number): number {
  if (!(value > 0) || !(max > 0)) return 0;
  return Math.min(HEAT_LEVELS - 1, Math.floor((value / max) * HEAT_LEVELS));
}

/**
 * A lab's own node action besides the fault table's (RaftScope's "time out", "request"): the node menu
 * offers `label(name)` while the node is up, inserting `{ type, node }` at the playhead; a label of '' leaves
 * the action out of that node's menu (a server-only action in a lab with clients and servers).
 */
export interface NodeAction {
  type: string;
  label: (node: string) => string;
}

/** A menu item: its accessible name is `label` ('Crash n1'); disabled items are no-ops at t. */
export interface MenuItem {
  label: string;
  event: StageEvent;
  disabled: boolean;
}
