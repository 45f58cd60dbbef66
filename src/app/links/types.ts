/**
 * Types of the scenario link codec. A link is the location fragment without '#':
 *
 *   /<lab>?v=1&s=<schema>&e=<engine>&<param>=<value>...&<presentation flags>   (readable: no event script)
 *   /<lab>?v=1&z=<deflate-raw + base64url of canonical JSON>&<presentation flags>  (compressed)
 *
 * Presentation flags (embed, panel, theme, autoplay, motion, lock, controls) live in the same query but are
 * never part of the scenario: they change how the page shows a lab, not what the simulation does.
 */
import type { BaseScenario, LabSpec } from '../../labs/contract';

/** How the page presents a lab. Parsed from the link's query; unknown or invalid values give the default. */
export interface Presentation {
  /** `embed=1`: hide the shell and show one lab (or one panel). Default false. */
  embed: boolean;
  /** `panel=<name>`: show only this panel of the lab (a lowercase name, 1..32 of [a-z0-9-]). Default null. */
  panel: string | null;
  /** `theme=light|dark|auto`. Default 'auto' (follow the system). */
  theme: 'light' | 'dark' | 'auto';
  /** `autoplay=1`: start playing the result on load. Default false (WCAG 2.2.2: no autoplay in embeds). */
  autoplay: boolean;
  /** `motion=reduce`: step instead of tweening, whatever the system says. Default 'auto'. */
  motion: 'auto' | 'reduce';
  /** `lock=1`: the scenario cannot be edited. Default false. */
  lock: boolean;
  /** `controls=0`: hide the time controls. Default true. */
  controls: boolean;
  /**
   * `lesson=3`: open the guided lesson at step 3 (1-based) and show it (its scenario and its moment), as a
   * tour or a course page links a step. Default null.
   */
  lesson: number | null;
}

/** The decoding step that refused a link, in pipeline order. */
export type DecodeStep =
  | 'length' // the whole fragment is over the encoded cap (8 KB)
  | 'route' // the fragment is not `/<lab>?<query>`
  | 'lab' // no lab has this id
  | 'codec' // the codec version `v` (or `s`/`e`) is missing, malformed or newer than this app
  | 'params' // a readable parameter is malformed, repeated, or not of its kind
  | 'base64url' // `z` is not base64url
  | 'inflate' // `z` is not deflate-raw data, or inflates past the output cap (64 KB)
  | 'json' // the inflated text is not JSON of the expected envelope
  | 'migrate' // the schema version is newer than this app, or a migration step is missing or failed
  | 'schema' // strict schema: unknown keys, own `__proto__`, wrong types
  | 'bounds'; // the lab's validate(): values over limits

export type DecodeResult =
  | {
      ok: true;
      lab: LabSpec;
      /** The full scenario (defaults filled in), valid for `lab`. */
      scenario: BaseScenario;
      presentation: Presentation;
      /** The link's schema version when it was older than the lab's and was migrated up. */
      migratedFrom?: number;
      /**
       * The link's engine version when it differs from the lab's: the scenario is the same, but the run may
       * differ from what the link's author saw. The app should say so (never substitute silently).
       */
      engineFrom?: number;
    }
  | {
      ok: false;
      /** Set when the lab is known: the app loads its defaults and shows `message`. */
      lab?: LabSpec;
      step: DecodeStep;
      /** For people: names the step and what was wrong, with the limit ("limits: vnodes is 5000; ..."). */
      message: string;
      /** The fragment as given, so the user can copy it (nothing lost). */
      original: string;
      presentation: Presentation;
    };

/** Where the location hash points: '' or '#/' is home; anything else is a lab link to decode. */
export type Route = { kind: 'home' } | { kind: 'page'; page: 'tour' | 'check' } | { kind: 'lab'; fragment: string };
