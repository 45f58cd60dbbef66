/**
 * The end of the decoding pipeline, shared by links and the CLI's JSON files:
 *
 *   migrate(version) -> strict schema -> defaults filled in -> semantic bounds (the lab's validate)
 *
 * Migrations see the SPARSE scenario the link carried (only keys that differed from that version's
 * defaults). A migration that changes a default must therefore write the old default when the key is
 * absent, or old links would silently take the new default.
 */
import type { BaseScenario, LabSpec } from '../../labs/contract';
import { cloneJson } from './canonical';
import { findProtoKey, isPlainRecord, strictSchemaIssues } from './strictSchema';
import type { DecodeStep } from './types';

export type Checked =
  | { ok: true; scenario: BaseScenario; migratedFrom?: number }
  | { ok: false; step: Extract<DecodeStep, 'migrate' | 'schema' | 'bounds'>; detail: string };

const ISSUES_SHOWN_MAX = 5;

/** Migrates, checks and completes `sparse`, a scenario of schema `version` for `spec`. Never throws. */
export function checkScenario(spec: LabSpec, sparse: unknown, version: number): Checked {
  // Before any lab code sees it: a migration that copied with Object.assign would turn it into a prototype.
  const protoPath = findProtoKey(sparse);
  if (protoPath !== undefined) return { ok: false, step: 'schema', detail: `${protoPath} is never allowed in a scenario` };
  if (!isPlainRecord(sparse)) return { ok: false, step: 'schema', detail: 'a scenario is an object' };
  const migrated = migrate(spec, sparse, version);
  if (!migrated.ok) return migrated;
  const issues = strictSchemaIssues(spec, migrated.value);
  if (issues.length > 0) return { ok: false, step: 'schema', detail: joinIssues(issues.map((i) => i.message)) };
  const full = { ...cloneJson(spec.defaults), ...migrated.value };
  let validated: ReturnType<LabSpec['validate']>;
  try {
    validated = spec.validate(full);
  } catch (error) {
    return { ok: false, step: 'bounds', detail: `the lab's validation failed: ${errorText(error)}` };
  }
  if (!validated.ok) {
    const issues = validated.issues.length > 0 ? validated.issues.map((i) => i.message) : ['the lab refused the scenario'];
    return { ok: false, step: 'bounds', detail: joinIssues(issues) };
  }
  return version < spec.version
    ? { ok: true, scenario: validated.value, migratedFrom: version }
    : { ok: true, scenario: validated.value };
}

type Migrated = { ok: true; value: Record<string, unknown> } | { ok: false; step: 'migrate'; detail: string };

function migrate(spec: LabSpec, sparse: Record<string, unknown>, version: number): Migrated {
  if (version > spec.version) {
    return {
      ok: false,
      step: 'migrate',
      detail: `this link was made by a newer version (schema ${version}; this app reads up to ${spec.version})`,
    };
  }
  let value = sparse;
  for (let from = version; from < spec.version; from += 1) {
    const step = Object.hasOwn(spec.migrations, from) ? spec.migrations[from] : undefined;
    if (typeof step !== 'function') {
      return { ok: false, step: 'migrate', detail: `no migration from schema ${from} to ${from + 1}` };
    }
    try {
      value = step(value);
    } catch (error) {
      return { ok: false, step: 'migrate', detail: `schema ${from} to ${from + 1} failed: ${errorText(error)}` };
    }
    if (!isPlainRecord(value)) {
      return { ok: false, step: 'migrate', detail: `schema ${from} to ${from + 1} did not give a scenario object` };
    }
  }
  return { ok: true, value };
}

function joinIssues(messages: string[]): string {
  const shown = messages.slice(0, ISSUES_SHOWN_MAX).join('; ');
  const more = messages.length - ISSUES_SHOWN_MAX;
  return more > 0 ? `${shown}; and ${more} more` : shown;
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
