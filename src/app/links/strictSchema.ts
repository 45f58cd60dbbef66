/**
 * The strict schema every lab shares, derived from its ParamSpecs, EventSpecs and defaults: unknown keys,
 * own `__proto__` and wrong types are refused here, before the lab's own validate() checks the limits.
 * It is defence in depth: a lab's validate() is strict too, but no link reaches it with a shape it did not
 * declare (no open-key records from untrusted input).
 */
import type { EventFieldSpec, EventSpec, LabSpec, ValidationIssue } from '../../labs/contract';

const ISSUES_MAX = 5;

/** Finds an own "__proto__" key at any depth, without recursion (a hostile link may nest 60 k deep). */
export function findProtoKey(value: unknown): string | undefined {
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length > 0) {
    const [node, path] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      node.forEach((item, index) => stack.push([item, `${path}[${index}]`]));
      continue;
    }
    if (Object.hasOwn(node, '__proto__')) return path === '' ? '__proto__' : `${path}.__proto__`;
    for (const key of Object.keys(node)) stack.push([(node as Record<string, unknown>)[key], path === '' ? key : `${path}.${key}`]);
  }
  return undefined;
}

export function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Issues with the shape of a (sparse or full) scenario of `spec`; empty when the shape is right. */
export function strictSchemaIssues(spec: LabSpec, scenario: unknown): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const protoPath = findProtoKey(scenario);
  if (protoPath !== undefined) return [{ path: protoPath, message: `${protoPath} is never allowed in a scenario` }];
  if (!isPlainRecord(scenario)) return [{ path: '', message: `a scenario is an object, got ${describe(scenario)}` }];
  const defaults = spec.defaults as unknown as Record<string, unknown>;
  const known = [...new Set(['seed', 'events', ...spec.params.map((p) => p.key), ...Object.keys(defaults)])].sort();
  for (const key of Object.keys(scenario)) {
    const value = scenario[key];
    if (!known.includes(key)) {
      issues.push({ path: key, message: `unknown key ${JSON.stringify(key)} (this lab's keys: ${known.join(', ')})` });
    } else if (key === 'events') {
      eventsIssues(spec.events, value, issues);
    } else {
      const param = spec.params.find((p) => p.key === key);
      const issue = scalarIssue(key, param?.kind ?? (key === 'seed' ? 'int' : typeKind(defaults[key])), value);
      if (issue) issues.push(issue);
    }
    if (issues.length >= ISSUES_MAX) break;
  }
  return issues;
}

function eventsIssues(specs: readonly EventSpec[], value: unknown, issues: ValidationIssue[]): void {
  if (!Array.isArray(value)) {
    issues.push({ path: 'events', message: `events is a list of events, got ${describe(value)}` });
    return;
  }
  const types = specs.map((s) => s.type);
  for (let index = 0; index < value.length && issues.length < ISSUES_MAX; index += 1) {
    const path = `events[${index}]`;
    const event = value[index];
    if (!isPlainRecord(event)) {
      issues.push({ path, message: `${path} is an object, got ${describe(event)}` });
      continue;
    }
    const spec = specs.find((s) => s.type === event.type);
    if (!spec) {
      const known = types.length > 0 ? `known: ${types.join(', ')}` : 'this lab has no events';
      issues.push({ path: `${path}.type`, message: `${path}.type is ${describe(event.type)}, not an event of this lab (${known})` });
      continue;
    }
    const fields = ['t', 'type', ...spec.fields.map((f) => f.key)];
    for (const key of Object.keys(event)) {
      if (!fields.includes(key)) {
        issues.push({ path: `${path}.${key}`, message: `unknown key ${JSON.stringify(key)} in ${path} (a ${spec.type} event has: ${fields.join(', ')})` });
        continue;
      }
      if (key === 'type') continue;
      const kind = key === 't' ? 'number' : spec.fields.find((f) => f.key === key)!.kind;
      const issue = scalarIssue(`${path}.${key}`, kind, event[key]);
      if (issue) issues.push(issue);
    }
    if (!Object.hasOwn(event, 't')) issues.push({ path: `${path}.t`, message: `${path}.t is missing (the event's time)` });
  }
}

type Kind = EventFieldSpec['kind'];

function typeKind(value: unknown): Kind {
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'string') return 'enum';
  return 'number';
}

function scalarIssue(path: string, kind: Kind, value: unknown): ValidationIssue | undefined {
  const isRight =
    kind === 'int' ? Number.isInteger(value)
    : kind === 'number' ? typeof value === 'number' && Number.isFinite(value)
    : kind === 'boolean' ? typeof value === 'boolean'
    : typeof value === 'string';
  if (isRight) return undefined;
  const what = kind === 'int' ? 'an integer' : kind === 'number' ? 'a number' : kind === 'boolean' ? 'true or false' : 'a string';
  return { path, message: `${path} should be ${what}, got ${describe(value)}` };
}

/** A value as a message shows it: short JSON, or its kind for objects. */
export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (value !== null && typeof value === 'object') return 'an object';
  if (typeof value === 'number') return String(value);
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
