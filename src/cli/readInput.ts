/**
 * The CLI's input: a link (full URL, `#/…` or `/…` fragment) or a JSON file, turned into a validated scenario
 * by the same pipeline the app uses, so a link the CLI accepts is a link the app accepts.
 */
import { parseStrictJson } from '../app/links/strictJson';
import type { BaseScenario, LabSpec } from '../labs/contract';
import { decodeLink } from '../app/links';
import { checkScenario, errorText } from '../app/links/checkScenario';
import { INFLATED_BYTES_MAX } from '../app/links/limits';
import { readTextFile } from './io';
import { STEP_NAMES } from '../app/links/stepNames';
import { isPlainRecord } from '../app/links/strictSchema';

export type Input =
  | { ok: true; lab: LabSpec; scenario: BaseScenario; notes: string[] }
  | { ok: false; message: string };

/** Reads at most `bytesMax` + 1 bytes of a file (so a huge file is refused without reading it all). */
export type ReadFile = (path: string, bytesMax: number) => string;

/**
 * What the argument is: an http(s) URL or a fragment starting with '#' is a link; a path ending in .json is a
 * file; any other argument starting with '/' is a link fragment; anything else is a file path.
 */
export function inputKind(argument: string): 'url' | 'fragment' | 'file' {
  if (/^https?:\/\//i.test(argument)) return 'url';
  if (argument.startsWith('#')) return 'fragment';
  if (/\.json$/i.test(argument)) return 'file';
  return argument.startsWith('/') ? 'fragment' : 'file';
}

export function readInput(argument: string, labs: readonly LabSpec[], readFile: ReadFile): Input {
  const kind = inputKind(argument);
  if (kind === 'file') return readScenarioFile(argument, labs, readFile);
  let fragment = argument;
  if (kind === 'url') {
    const hash = argument.indexOf('#');
    if (hash === -1) return { ok: false, message: `the URL has no "#/<lab>?…" part: ${argument}` };
    fragment = argument.slice(hash + 1);
  }
  const result = decodeLink(fragment, labs);
  if (!result.ok) return { ok: false, message: `bad link: ${result.message}` };
  return { ok: true, lab: result.lab, scenario: result.scenario, notes: migrationNotes(result.lab, result.migratedFrom, result.engineFrom) };
}

/** A JSON file `{ "lab": "<id>", "scenario": {...}, "version"?: <schema> }`; version defaults to the lab's. */
function readScenarioFile(path: string, labs: readonly LabSpec[], readFile: ReadFile): Input {
  const read = readTextFile({ readFile }, path, INFLATED_BYTES_MAX, 'bad file');
  if (!read.ok) return { ok: false, message: read.message };
  const text = read.text;
  const fail = (detail: string): Input => ({ ok: false, message: `bad file ${path}: ${detail}` });
  let data: unknown;
  try {
    data = parseStrictJson(text);
  } catch (error) {
    return fail(`${STEP_NAMES.json}: not JSON (${errorText(error)})`);
  }
  const shape = 'expected {"lab": "<id>", "scenario": {…}} with an optional "version"';
  if (!isPlainRecord(data)) return fail(`${STEP_NAMES.json}: ${shape}`);
  const unknown = Object.keys(data).filter((key) => !['lab', 'scenario', 'version'].includes(key));
  if (Object.hasOwn(data, '__proto__')) unknown.push('__proto__');
  if (unknown.length > 0) return fail(`${STEP_NAMES.json}: unknown keys ${unknown.map((k) => JSON.stringify(k)).join(', ')}; ${shape}`);
  const lab = labs.find((candidate) => candidate.id === data.lab);
  if (!lab) {
    const known = labs.length > 0 ? `known labs: ${labs.map((l) => l.id).join(', ')}` : 'this app has no labs';
    return fail(`${STEP_NAMES.lab}: there is no lab ${JSON.stringify(data.lab)} (${known})`);
  }
  if (!Object.hasOwn(data, 'scenario')) return fail(`${STEP_NAMES.json}: no "scenario"; ${shape}`);
  const version = data.version ?? lab.version;
  if (!Number.isSafeInteger(version) || (version as number) < 1) {
    return fail(`${STEP_NAMES.codec}: version should be a positive integer, got ${JSON.stringify(version)}`);
  }
  const checked = checkScenario(lab, data.scenario, version as number);
  if (!checked.ok) return fail(`${STEP_NAMES[checked.step]}: ${checked.detail}`);
  return { ok: true, lab, scenario: checked.scenario, notes: migrationNotes(lab, checked.migratedFrom, undefined) };
}

function migrationNotes(lab: LabSpec, migratedFrom: number | undefined, engineFrom: number | undefined): string[] {
  const notes: string[] = [];
  if (migratedFrom !== undefined) notes.push(`note: migrated from schema ${migratedFrom} to ${lab.version}`);
  if (engineFrom !== undefined) {
    notes.push(`note: the link was made with engine ${engineFrom}; this is engine ${lab.engineVersion}, so the trace may differ from its author's`);
  }
  return notes;
}
