/**
 * A strict scenario validator built from a lab's ParamSpec / EventSpec lists, so every lab refuses the same
 * way: unknown keys (an own `__proto__` too, as JSON.parse makes), wrong types, non-integers for 'int',
 * values over limits, unsorted or late events, too many events. Messages say what, the range and what was
 * given ("vnodes must be 1..1000, got 5000"); `path` names the field ("events[3].node").
 *
 * The output is a fresh object holding only the spec's keys (never the input object), so nothing the input
 * smuggled in survives. A lab's cross-field rules (nodes x vnodes <= 10^6, "remove a node that exists") go
 * in `check`, which runs only once every field is individually valid.
 */
import type { BaseScenario, EventSpec, ParamSpec, Scalar, TextFieldSpec, ValidationIssue, Validated } from './contract';

/** A scenario field: a parameter, or text (a lab's text field, such as a lookup key, is not in its params list). */
export type SchemaParam = ParamSpec | TextFieldSpec;

export interface ScenarioSchemaOptions<S extends BaseScenario> {
  params: readonly SchemaParam[];
  events: readonly EventSpec[];
  /** Most events a script may hold. */
  eventsMax: number;
  /** Latest event time, in the lab's unit (events run in 0..tMax). */
  tMax: number;
  /** Whether event times must be integers (labs counting in steps). Default false. */
  tInteger?: boolean;
  /** Values filled in when an event omits a field: `{ add: { weight: 1 } }` makes `weight` optional. */
  eventDefaults?: Readonly<Record<string, Readonly<Record<string, Scalar>>>>;
  /** Cross-field rules, run on a scenario whose fields each passed. Returns [] when all hold. */
  check?(scenario: S): ValidationIssue[];
  /**
   * For a lab whose run ends at a time its parameters fix (not when its script ends): that time and what
   * fixes it, in words. An event after it would never fire, so it is refused with the bound named.
   */
  runEnd?(scenario: S): { t: number; why: string };
}

const SEED_MAX = 0xffffffff;

/** Builds `validate(input)` for a lab. The returned function never throws on any input. */
export function scenarioSchema<S extends BaseScenario>(options: ScenarioSchemaOptions<S>): (input: unknown) => Validated<S> {
  const paramKeys = options.params.map((p) => p.key);
  const hasSeedParam = paramKeys.includes('seed');
  const topKeys = [...paramKeys, ...(hasSeedParam ? [] : ['seed']), 'events'];
  const eventsByType = new Map(options.events.map((e) => [e.type, e]));

  return (input: unknown): Validated<S> => {
    const issues: ValidationIssue[] = [];
    if (!isPlainObject(input)) {
      return { ok: false, issues: [{ path: '', message: `a scenario must be an object, got ${describe(input)}` }] };
    }
    issues.push(...unknownKeys(input, topKeys, ''));
    const out: Record<string, unknown> = {};
    for (const param of options.params) {
      const value = checkField(param, input[param.key], param.key, issues, own(input, param.key));
      if (value !== undefined) out[param.key] = value;
    }
    if (!hasSeedParam) {
      const seedSpec: ParamSpec = { key: 'seed', label: 'Seed', kind: 'int', min: 0, max: SEED_MAX, help: '' };
      const seed = checkField(seedSpec, input.seed, 'seed', issues, own(input, 'seed'));
      if (seed !== undefined) out.seed = seed;
    }
    out.events = checkEvents(own(input, 'events') ? input.events : undefined, options, eventsByType, issues);
    if (issues.length > 0) return { ok: false, issues };
    const scenario = out as unknown as S;
    const crossIssues = [...(options.check ? options.check(scenario) : []), ...lateEvents(scenario, options)];
    return crossIssues.length > 0 ? { ok: false, issues: crossIssues } : { ok: true, value: scenario };
  };
}

function checkEvents<S extends BaseScenario>(
  input: unknown,
  options: ScenarioSchemaOptions<S>,
  eventsByType: Map<string, EventSpec>,
  issues: ValidationIssue[],
): Record<string, Scalar>[] {
  if (input === undefined) {
    issues.push({ path: 'events', message: 'events is missing (a list, [] for none)' });
    return [];
  }
  if (!Array.isArray(input)) {
    issues.push({ path: 'events', message: `events must be a list, got ${describe(input)}` });
    return [];
  }
  if (input.length > options.eventsMax) {
    issues.push({ path: 'events', message: `events must hold at most ${fmt(options.eventsMax)} events, got ${fmt(input.length)}` });
    return [];
  }
  const types = [...eventsByType.keys()];
  const out: Record<string, Scalar>[] = [];
  let previousT = -Infinity;
  for (let i = 0; i < input.length; i++) {
    const path = `events[${i}]`;
    const raw: unknown = input[i];
    if (!isPlainObject(raw)) {
      issues.push({ path, message: `${path} must be an object, got ${describe(raw)}` });
      continue;
    }
    const spec = typeof raw.type === 'string' && own(raw, 'type') ? eventsByType.get(raw.type) : undefined;
    if (!spec) {
      issues.push({ path: `${path}.type`, message: `${path}.type must be one of ${types.join(', ')}, got ${describe(raw.type)}` });
      continue;
    }
    const defaults = options.eventDefaults?.[spec.type] ?? {};
    issues.push(...unknownKeys(raw, ['t', 'type', ...spec.fields.map((f) => f.key)], path));
    const event: Record<string, Scalar> = {};
    const tSpec: ParamSpec = { key: 't', label: 'time', kind: options.tInteger ? 'int' : 'number', min: 0, max: options.tMax, help: '' };
    const t = checkField(tSpec, raw.t, `${path}.t`, issues, own(raw, 't'));
    if (t !== undefined) {
      event.t = t;
      if ((t as number) < previousT) {
        issues.push({ path: `${path}.t`, message: `${path}.t must not be before the previous event's t = ${previousT} (sort events by t), got ${t}` });
      }
      previousT = t as number;
    }
    event.type = spec.type;
    for (const field of spec.fields) {
      const present = own(raw, field.key);
      const value = present ? raw[field.key] : defaults[field.key];
      const checked = checkField(field, value, `${path}.${field.key}`, issues, present || field.key in defaults);
      if (checked !== undefined) event[field.key] = checked;
    }
    out.push(event);
  }
  return out;
}

/** Checks one value against its spec; pushes an issue and returns undefined when it fails. */
function checkField(spec: SchemaParam, value: unknown, path: string, issues: ValidationIssue[], present: boolean): Scalar | undefined {
  const fail = (message: string): undefined => {
    issues.push({ path, message });
    return undefined;
  };
  if (!present || value === undefined) return fail(`${path} is missing (${expected(spec)})`);
  switch (spec.kind) {
    case 'int':
    case 'number': {
      const range = rangeText(spec);
      if (typeof value !== 'number' || !Number.isFinite(value)) return fail(`${path} must be a number ${range}, got ${describe(value)}`);
      if (spec.kind === 'int' && !Number.isInteger(value)) return fail(`${path} must be a whole number ${range}, got ${value}`);
      if ((spec.min !== undefined && value < spec.min) || (spec.max !== undefined && value > spec.max)) {
        return fail(`${path} must be ${range}, got ${fmt(value)}`);
      }
      return Object.is(value, -0) ? 0 : value;
    }
    case 'enum': {
      const options = spec.options ?? [];
      if (typeof value !== 'string' || !options.includes(value)) return fail(`${path} must be one of ${options.join(', ')}, got ${describe(value)}`);
      return value;
    }
    case 'boolean':
      if (typeof value !== 'boolean') return fail(`${path} must be true or false, got ${describe(value)}`);
      return value;
    case 'text':
      if (typeof value !== 'string') return fail(`${path} must be text, got ${describe(value)}`);
      if (value.length > spec.maxLength) {
        return fail(`${path} must be at most ${fmt(spec.maxLength)} characters, got ${fmt(value.length)}`);
      }
      if (spec.pattern && !wholeMatch(spec.pattern, value)) {
        return fail(`${path} must be ${spec.patternHelp ?? `text matching ${spec.pattern}`}, got ${describe(value)}`);
      }
      return value;
  }
}

function wholeMatch(pattern: RegExp, value: string): boolean {
  const m = new RegExp(pattern.source, pattern.flags.replace('g', '')).exec(value);
  return m !== null && m.index === 0 && m[0].length === value.length;
}

function unknownKeys(input: Record<string, unknown>, allowed: readonly string[], path: string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  // Object.keys lists own keys, so an own "__proto__" (JSON.parse creates one) is caught like any other.
  for (const key of Object.keys(input)) {
    if (!allowed.includes(key)) {
      const at = path ? `${path}.${key}` : key;
      issues.push({ path: at, message: `${JSON.stringify(key)} is not a known field${path ? ` of ${path}` : ''} (known: ${allowed.join(', ')}); remove it` });
    }
  }
  return issues;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function own(obj: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key);
}

function expected(spec: SchemaParam): string {
  switch (spec.kind) {
    case 'int':
    case 'number':
      return rangeText(spec);
    case 'enum':
      return `one of ${(spec.options ?? []).join(', ')}`;
    case 'boolean':
      return 'true or false';
    case 'text':
      return `text of at most ${fmt(spec.maxLength)} characters`;
  }
}

function rangeText(spec: ParamSpec): string {
  const { min, max } = spec;
  if (min !== undefined && max !== undefined) return `${fmt(min)}..${fmt(max)}`;
  if (min !== undefined) return `>= ${fmt(min)}`;
  if (max !== undefined) return `<= ${fmt(max)}`;
  return 'of any size';
}

/** Numbers as people read them: 5000 stays "5000", 1000000 becomes "1,000,000". */
export function fmt(value: number): string {
  // Same output as value.toLocaleString('en-US', { maximumFractionDigits: 6 }), without Intl: the page's first
  // Intl call loads ICU data for ~50-60 ms on the main thread (this runs while decoding the opening link).
  if (!(Math.abs(value) >= 10000)) return String(value);
  if (!Number.isFinite(value)) return value < 0 ? '-∞' : '∞';
  // The shortest round-trip decimal (what ICU formats), rounded to 6 places, halves away from zero.
  const match = /^(\d+)(?:\.(\d+))?(?:e\+(\d+))?$/.exec(String(Math.abs(value)))!;
  const digits = match[1] + (match[2] ?? '');
  const point = match[1].length + Number(match[3] ?? 0);
  let fixed = digits.padEnd(point, '0');
  let places = fixed.length - point;
  if (places > 6) {
    const roundUp = fixed.charCodeAt(point + 6) >= 53; // '5'
    fixed = fixed.slice(0, point + 6);
    places = 6;
    if (roundUp) fixed = String(BigInt(fixed) + 1n).padStart(fixed.length, '0');
  }
  const integer = fixed.slice(0, fixed.length - places).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fraction = fixed.slice(fixed.length - places).replace(/0+$/, '');
  return `${value < 0 ? '-' : ''}${integer}${fraction ? `.${fraction}` : ''}`;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value);
  if (typeof value === 'object') return 'an object';
  return String(value);
}

/** Events after the run's end (options.runEnd), which would never fire. */
function lateEvents<S extends BaseScenario>(scenario: S, options: ScenarioSchemaOptions<S>): ValidationIssue[] {
  if (!options.runEnd) return [];
  const end = options.runEnd(scenario);
  const issues: ValidationIssue[] = [];
  scenario.events.forEach((e, i) => {
    if (e.t > end.t) {
      issues.push({ path: `events[${i}].t`, message: `events[${i}].t must be at most ${fmt(end.t)}, when the run ends (${end.why}), got ${fmt(e.t)}` });
    }
  });
  return issues;
}
