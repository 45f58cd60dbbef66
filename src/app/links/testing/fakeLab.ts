/**
 * A fake lab for the link codec's and the CLI's tests: small, strict, with two schema versions so the
 * migration ladder is exercised. Not registered anywhere.
 *
 * Schema 1 called the points per node `replicas`; schema 2 renamed it `vnodes` and changed its default from
 * 10 to 20 (so the migration writes the old default when a v1 link omitted it).
 */
import type { BaseScenario, LabProgram, LabResult, LabSpec, ScenarioEvent, Validated, ValidationIssue } from '../../../labs/contract';

export interface FakeScenario extends BaseScenario {
  nodes: number; // int 1..50, default 3
  vnodes: number; // int 1..1000, default 20
  loss: number; // number 0..1, default 0
  mode: string; // enum 'ring' | 'modn', default 'ring'
  trace: boolean; // default false
  label: string; // text, at most 20 characters, default ''
}

export const fakeDefaults: FakeScenario = { nodes: 3, vnodes: 20, loss: 0, mode: 'ring', trace: false, label: '', seed: 1, events: [] };

const KEYS = Object.keys(fakeDefaults);

export function validateFake(input: unknown): Validated<FakeScenario> {
  const issues: ValidationIssue[] = [];
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return { ok: false, issues: [{ path: '', message: 'not an object' }] };
  const s = input as Record<string, unknown>;
  for (const key of Object.keys(s)) if (!KEYS.includes(key)) issues.push({ path: key, message: `unknown key ${key}` });
  const int = (key: string, min: number, max: number) => {
    const v = s[key];
    if (!Number.isInteger(v) || (v as number) < min || (v as number) > max) {
      issues.push({ path: key, message: `${key} is ${String(v)}; the limit is ${min}..${max}` });
    }
  };
  int('nodes', 1, 50);
  int('vnodes', 1, 1000);
  int('seed', 0, 0xffffffff);
  if (typeof s.loss !== 'number' || !(s.loss >= 0 && s.loss <= 1)) issues.push({ path: 'loss', message: `loss is ${String(s.loss)}; the limit is 0..1` });
  if (s.mode !== 'ring' && s.mode !== 'modn') issues.push({ path: 'mode', message: `mode must be ring or modn, got ${String(s.mode)}` });
  if (typeof s.trace !== 'boolean') issues.push({ path: 'trace', message: 'trace must be true or false' });
  if (typeof s.label !== 'string' || s.label.length > 20) issues.push({ path: 'label', message: 'label is text of at most 20 characters' });
  if (!Array.isArray(s.events) || s.events.length > 20) issues.push({ path: 'events', message: 'events: at most 20' });
  else {
    s.events.forEach((e: ScenarioEvent, i: number) => {
      if (!(e.t >= 0 && e.t <= 100)) issues.push({ path: `events[${i}].t`, message: `events[${i}].t is ${e.t}; the limit is 0..100` });
      if (e.type === 'crash' && !(Number.isInteger(e.node) && (e.node as number) >= 0 && (e.node as number) < 50)) {
        issues.push({ path: `events[${i}].node`, message: `events[${i}].node must be a node index` });
      }
    });
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: s as unknown as FakeScenario };
}

/** A deterministic toy program: an FNV-1a hash of the scenario's canonical parts, and two metrics. */
export const fakeProgram: LabProgram<FakeScenario, LabResult> = (s, context) => {
  context.work(s.nodes * s.vnodes);
  let hash = 0x811c9dc5;
  const text = JSON.stringify([s.nodes, s.vnodes, s.loss, s.mode, s.trace, s.label, s.seed, s.events]);
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return {
    lab: 'fake',
    traceHash: hash.toString(16).padStart(8, '0'),
    metrics: { points: s.nodes * s.vnodes, events: s.events.length },
    endTime: s.events.length > 0 ? s.events[s.events.length - 1].t : 0,
    marks: new Float64Array(s.events.map((e) => e.t)),
  };
};

export const fakeSpec: LabSpec<FakeScenario> = {
  id: 'fake',
  title: 'Fake lab',
  summary: 'A lab for tests.',
  patterns: [],
  version: 2,
  engineVersion: 3,
  params: [
    { key: 'nodes', label: 'Nodes', kind: 'int', min: 1, max: 50, help: 'Nodes.' },
    { key: 'vnodes', label: 'Points', kind: 'int', min: 1, max: 1000, help: 'Points per node.' },
    { key: 'loss', label: 'Loss', kind: 'number', min: 0, max: 1, help: 'Loss ratio.' },
    { key: 'mode', label: 'Mode', kind: 'enum', options: ['ring', 'modn'], help: 'Placement.' },
    { key: 'trace', label: 'Trace', kind: 'boolean', help: 'Trace every step.' },
    { key: 'seed', label: 'Seed', kind: 'int', min: 0, max: 0xffffffff, help: 'Seed.' },
  ],
  events: [
    { type: 'crash', label: 'Crash', help: 'A node crashes.', fields: [{ key: 'node', label: 'Node', kind: 'int', min: 0, max: 49, help: 'Node index.' }] },
    { type: 'note', label: 'Note', help: 'A note.', fields: [{ key: 'text', label: 'Text', kind: 'enum', help: 'Free text.' }] },
  ],
  defaults: fakeDefaults,
  presets: [],
  validate: validateFake,
  migrations: {
    1: (old) => {
      const { replicas, ...rest } = old;
      return { ...rest, vnodes: replicas ?? 10 };
    },
  },
  cost: (s) => s.nodes * s.vnodes,
  horizon: (s) => (s.events.length > 0 ? s.events[s.events.length - 1].t : 0),
  timeUnit: 'ms',
  loadProgram: async () => ({ program: fakeProgram }),
  loadUi: async () => ({ default: () => null }),
  loadGoldenLinks: async () => ({ goldenLinks: [] }),
  loadLesson: async () => ({ lesson: [] }),
};

/** A second lab, so "known labs" lists more than one. */
export const otherSpec: LabSpec<FakeScenario> = { ...fakeSpec, id: 'other', title: 'Other lab' };
