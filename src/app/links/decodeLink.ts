import type { LabSpec } from '../../labs/contract';
import { decodeBase64url } from './base64url';
import { checkScenario, errorText } from './checkScenario';
import { inflateRawCapped } from './deflate';
import { CODEC_VERSION, INFLATED_BYTES_MAX, LINK_CHARS_MAX, formatCount } from './limits';
import { PRESENTATION_KEYS, defaultPresentation, parsePresentation } from './presentation';
import { parseQuery, quote } from './query';
import { CODEC_KEYS, kindOf, parseReadableValue } from './readable';
import { STEP_NAMES } from './stepNames';
import { parseStrictJson } from './strictJson';
import { isPlainRecord } from './strictSchema';
import type { DecodeResult, DecodeStep, Presentation } from './types';

type Failure = Extract<DecodeResult, { ok: false }>;
type Fail = (step: DecodeStep, detail: string) => Failure;

/**
 * Decodes a link (the fragment, with or without its '#'). Never throws: every refusal names its step, keeps
 * the original text and, when the lab is known, the lab (the app loads its defaults and shows the message).
 *
 * Pipeline: length cap -> route and lab -> codec version -> (readable parameters | base64url -> inflate with
 * an output cap -> JSON) -> migrate -> strict schema -> semantic bounds. Presentation flags are read from the
 * same query; they never make a link fail.
 */
export function decodeLink(fragment: string, labs: readonly LabSpec[]): DecodeResult {
  const original = String(fragment);
  let presentation: Presentation = { ...defaultPresentation };
  let lab: LabSpec | undefined;
  let step: DecodeStep = 'length';
  const fail: Fail = (failedStep, detail) => ({
    ok: false,
    ...(lab ? { lab } : {}),
    step: failedStep,
    message: `${STEP_NAMES[failedStep]}: ${detail}`,
    original,
    presentation,
  });
  try {
    const body = original.startsWith('#') ? original.slice(1) : original;
    const mark = body.indexOf('?');
    const path = mark === -1 ? body : body.slice(0, mark);
    if (original.length > LINK_CHARS_MAX) {
      // Only the path is read (a lab id is short): the page then opens that lab's defaults, not home.
      lab = /^\/[^/]{1,64}\/?$/.test(path) ? labs.find((candidate) => candidate.id === path.replace(/^\/|\/$/g, '')) : undefined;
      return fail('length', `the link is ${formatCount(original.length)} characters; the limit is ${formatCount(LINK_CHARS_MAX)}`);
    }
    step = 'route';
    const query = parseQuery(mark === -1 ? '' : body.slice(mark + 1));
    if (query.ok) presentation = parsePresentation(query.values);
    if (!/^\/[^/]+\/?$/.test(path)) return fail('route', `expected "/<lab>?…", got ${quote(body)}`);
    step = 'lab';
    const id = path.replace(/^\/|\/$/g, '');
    lab = labs.find((candidate) => candidate.id === id);
    if (!lab) {
      const known = labs.length > 0 ? `known labs: ${labs.map((l) => l.id).join(', ')}` : 'this app has no labs';
      return fail('lab', `there is no lab ${quote(id)} (${known})`);
    }
    step = 'params';
    if (!query.ok) return fail('params', query.reason);
    return decodeQuery(lab, query.values, presentation, fail, (next) => (step = next));
  } catch (error) {
    return fail(step, `unexpected error: ${errorText(error)}`);
  }
}

function decodeQuery(
  lab: LabSpec,
  values: ReadonlyMap<string, string>,
  presentation: Presentation,
  fail: Fail,
  enter: (step: DecodeStep) => void,
): DecodeResult {
  enter('codec');
  const codec = maybeVersion(values, 'v', 1);
  if (typeof codec === 'string') return fail('codec', codec);
  if (codec > CODEC_VERSION) {
    return fail('codec', `this link was made by a newer version (codec ${codec}; this app reads up to ${CODEC_VERSION})`);
  }
  const scenarioKeys = [...values.keys()].filter((key) => !CODEC_KEYS.has(key) && !PRESENTATION_KEYS.has(key));
  const payload = values.has('z') ? decodeCompressed(values, scenarioKeys, fail, enter) : decodeReadable(lab, values, scenarioKeys, fail);
  if (!payload.ok) return payload;
  enter('migrate');
  const checked = checkScenario(lab, payload.sparse, payload.schema);
  if (!checked.ok) return fail(checked.step, checked.detail);
  return {
    ok: true,
    lab,
    scenario: checked.scenario,
    presentation,
    ...(checked.migratedFrom !== undefined ? { migratedFrom: checked.migratedFrom } : {}),
    ...(payload.engine !== lab.engineVersion ? { engineFrom: payload.engine } : {}),
  };
}

type Payload = { ok: true; sparse: unknown; schema: number; engine: number } | Failure;

/**
 * A readable link. Without `s` the link is schema 1 (the first), so a hand-written link keeps one meaning
 * forever; a bare `/<lab>` with no scenario keys at all is plain navigation and opens the lab's defaults.
 */
function decodeReadable(lab: LabSpec, values: ReadonlyMap<string, string>, keys: string[], fail: Fail): Payload {
  const isBare = keys.length === 0 && !values.has('s') && !values.has('e');
  const schema = maybeVersion(values, 's', isBare ? lab.version : 1);
  if (typeof schema === 'string') return fail('codec', schema);
  const engine = maybeVersion(values, 'e', isBare ? lab.engineVersion : 1);
  if (typeof engine === 'string') return fail('codec', engine);
  const sparse: Record<string, unknown> = {};
  for (const key of keys.sort()) {
    if (key === '__proto__') return fail('schema', '__proto__ is never allowed in a scenario');
    // Kinds are the current schema's; an older link's values are guessed and checked after migration.
    const parsed = parseReadableValue(schema === lab.version ? kindOf(lab, key) : 'guess', key, values.get(key)!);
    if (!parsed.ok) return fail('params', parsed.reason);
    sparse[key] = parsed.value;
  }
  return { ok: true, sparse, schema, engine };
}

function decodeCompressed(
  values: ReadonlyMap<string, string>,
  keys: string[],
  fail: Fail,
  enter: (step: DecodeStep) => void,
): Payload {
  const extra = [...keys, ...['s', 'e'].filter((key) => values.has(key))];
  if (extra.length > 0) {
    return fail('params', `a compressed link carries its whole scenario in z; unexpected ${extra.map(quote).join(', ')}`);
  }
  enter('base64url');
  const decoded = decodeBase64url(values.get('z')!);
  if (!decoded.ok) return fail('base64url', `z is not base64url: ${decoded.reason}`);
  enter('inflate');
  const inflated = inflateRawCapped(decoded.bytes, INFLATED_BYTES_MAX);
  if (!inflated.ok) {
    return inflated.reason === 'over-cap'
      ? fail('inflate', `z inflates past ${formatCount(INFLATED_BYTES_MAX)} bytes (the limit); the link is damaged or hostile`)
      : fail('inflate', `z is not deflate-raw data (${inflated.detail})`);
  }
  enter('json');
  let envelope: unknown;
  try {
    envelope = parseStrictJson(new TextDecoder('utf-8', { fatal: true }).decode(inflated.bytes));
  } catch (error) {
    return fail('json', `z does not hold JSON (${errorText(error)})`);
  }
  if (!isPlainRecord(envelope)) return fail('json', 'z must hold an object {"e", "s", "scenario"}');
  const unknown = Object.keys(envelope).filter((key) => !['e', 's', 'scenario'].includes(key));
  if (Object.hasOwn(envelope, '__proto__')) unknown.push('__proto__');
  if (unknown.length > 0) return fail('json', `z holds unknown keys ${unknown.map(quote).join(', ')} (expected e, s, scenario)`);
  const { e: engine, s: schema, scenario } = envelope;
  if (!isVersion(schema)) return fail('json', `z's schema version s should be a positive integer, got ${quote(String(schema))}`);
  if (!isVersion(engine)) return fail('json', `z's engine version e should be a positive integer, got ${quote(String(engine))}`);
  if (!Object.hasOwn(envelope, 'scenario')) return fail('json', 'z holds no "scenario"');
  return { ok: true, sparse: scenario, schema, engine };
}

function isVersion(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 1;
}

/** A version query value: its number, the fallback when absent, or a message when malformed. */
function maybeVersion(values: ReadonlyMap<string, string>, key: string, fallback: number): number | string {
  const raw = values.get(key);
  if (raw === undefined) return fallback;
  const value = /^[1-9][0-9]{0,8}$/.test(raw) ? Number(raw) : NaN;
  return isVersion(value) ? value : `${key} is ${quote(raw)}; expected a version number (1, 2, …)`;
}
