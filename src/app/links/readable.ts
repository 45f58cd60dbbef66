/**
 * Readable links: a scenario without an event script as plain query parameters a teacher can edit by hand
 * (`nodes=5&seed=7&vnodes=100`). Values are parsed by the parameter's kind; a key the lab does not describe
 * keeps the most likely type (number, boolean, else string) so the strict schema step can name it.
 */
import type { LabSpec, ParamSpec, Scalar } from '../../labs/contract';
import { PRESENTATION_KEYS } from './presentation';

/** Query keys the codec owns: v (codec), s (schema version), e (engine version), z (compressed scenario). */
export const CODEC_KEYS: ReadonlySet<string> = new Set(['v', 's', 'e', 'z']);

type Kind = ParamSpec['kind'] | 'guess';

const INT_PATTERN = /^-?(0|[1-9][0-9]*)$/;
const NUMBER_PATTERN = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$/;

export type ParsedValue = { ok: true; value: Scalar } | { ok: false; reason: string };

/**
 * The kind a key is read as: its ParamSpec's; 'int' for seed; else the type of its default (a text field
 * such as a lookup key stays a string even when it looks like a number); else a guess.
 */
export function kindOf(spec: LabSpec, key: string): Kind {
  const param = spec.params.find((p) => p.key === key);
  if (param) return param.kind;
  if (key === 'seed') return 'int';
  const defaults = spec.defaults as unknown as Record<string, unknown>;
  const fallback = Object.hasOwn(defaults, key) ? defaults[key] : undefined;
  if (typeof fallback === 'string') return 'enum';
  if (typeof fallback === 'boolean') return 'boolean';
  if (typeof fallback === 'number') return 'number';
  return 'guess';
}

export function parseReadableValue(kind: Kind, key: string, raw: string): ParsedValue {
  switch (kind) {
    case 'int':
      return INT_PATTERN.test(raw) ? { ok: true, value: Number(raw) } : expected(key, raw, 'an integer');
    case 'number':
      return NUMBER_PATTERN.test(raw) && Number.isFinite(Number(raw))
        ? { ok: true, value: Number(raw) }
        : expected(key, raw, 'a number');
    case 'boolean':
      if (raw === 'true' || raw === '1') return { ok: true, value: true };
      if (raw === 'false' || raw === '0') return { ok: true, value: false };
      return expected(key, raw, 'true or false');
    case 'enum':
      return { ok: true, value: raw };
    case 'guess':
      if (raw === 'true' || raw === 'false') return { ok: true, value: raw === 'true' };
      if (NUMBER_PATTERN.test(raw) && Number.isFinite(Number(raw))) return { ok: true, value: Number(raw) };
      return { ok: true, value: raw };
  }
}

function expected(key: string, raw: string, what: string): ParsedValue {
  const shown = raw.length > 40 ? `${raw.slice(0, 40)}…` : raw;
  return { ok: false, reason: `${key} is ${JSON.stringify(shown)}; expected ${what}` };
}

function formatScalar(value: Scalar): string {
  return typeof value === 'number' ? String(value) : typeof value === 'boolean' ? String(value) : value;
}

/**
 * `sparse` as readable query entries (sorted by key), or undefined when a value cannot be read back exactly
 * (an event script, an object, a key the codec or presentation owns, a string that would read as a number).
 */
export function readableEntries(spec: LabSpec, sparse: Record<string, unknown>): [string, string][] | undefined {
  const entries: [string, string][] = [];
  for (const key of Object.keys(sparse).sort()) {
    const value = sparse[key];
    if (key === 'events' || CODEC_KEYS.has(key) || PRESENTATION_KEYS.has(key) || key === '__proto__') return undefined;
    if (typeof value !== 'number' && typeof value !== 'string' && typeof value !== 'boolean') return undefined;
    const text = formatScalar(value);
    const back = parseReadableValue(kindOf(spec, key), key, text);
    if (!back.ok || !Object.is(back.value, value)) return undefined;
    entries.push([key, text]);
  }
  return entries;
}
