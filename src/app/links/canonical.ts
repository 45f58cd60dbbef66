/** Canonical forms: the same scenario always gives the same bytes, so the same link. */
import type { BaseScenario, LabSpec } from '../../labs/contract';

/** JSON with object keys sorted at every depth (array order kept: an event script is ordered). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    // defineProperty, not assignment: a key named "__proto__" must stay data, never set a prototype.
    Object.defineProperty(sorted, key, {
      value: sortKeys((value as Record<string, unknown>)[key]),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return sorted;
}

/** The keys of `scenario` whose values differ from the lab's defaults, sorted: what a link must carry. */
export function sparseScenario(spec: LabSpec, scenario: BaseScenario): Record<string, unknown> {
  const defaults = spec.defaults as unknown as Record<string, unknown>;
  const full = scenario as unknown as Record<string, unknown>;
  const sparse: Record<string, unknown> = {};
  for (const key of Object.keys(full).sort()) {
    if (key === '__proto__') throw new TypeError('invalid scenario key: __proto__');
    const value = full[key];
    if (value === undefined) continue;
    if (Object.hasOwn(defaults, key) && canonicalJson(value) === canonicalJson(defaults[key])) continue;
    sparse[key] = value;
  }
  return sparse;
}

/** A deep copy of plain JSON data (defaults are shared objects: a decoded scenario must not alias them). */
export function cloneJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
