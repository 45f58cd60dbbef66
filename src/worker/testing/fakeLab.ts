/**
 * A tiny lab for tests of the worker host and the app store (never registered in the app). Its scenario is
 * `{ seed, events, items }`; its program makes `items` work units and returns typed arrays.
 */
import type { BaseScenario, LabProgram, LabResult, LabSpec, ValidationIssue } from '../../labs/contract';

export interface FakeScenario extends BaseScenario {
  items: number;
}

export interface FakeResult extends LabResult {
  values: Float32Array;
  nested: { ids: Uint32Array; alias: Uint32Array };
}

export const ITEMS_MAX = 1000;

export const fakeProgram: LabProgram<FakeScenario, FakeResult> = (scenario, context) => {
  const values = new Float32Array(scenario.items);
  for (let i = 0; i < scenario.items; i += 1) {
    context.work(1);
    values[i] = i * 0.5;
    context.progress(i / scenario.items);
  }
  const ids = new Uint32Array(4);
  const marks = new Float64Array(scenario.events.map((e) => e.t));
  return {
    lab: 'fake',
    traceHash: `fake-${scenario.seed}-${scenario.items}-${scenario.events.length}`,
    metrics: { items: scenario.items },
    endTime: 10,
    marks,
    values,
    // `alias` shares `ids`' buffer: it must be transferred once, not twice.
    nested: { ids, alias: ids.subarray(1) },
  };
};

export function fakeLab(overrides: Partial<LabSpec<FakeScenario>> = {}): LabSpec<FakeScenario> {
  const defaults: FakeScenario = { seed: 1, events: [], items: 10 };
  return {
    id: 'fake',
    title: 'Fake lab',
    summary: 'A lab for tests.',
    patterns: ['Consistent Hashing'],
    version: 1,
    engineVersion: 1,
    params: [{ key: 'items', label: 'Items', kind: 'int', min: 1, max: ITEMS_MAX, help: 'How many items.' }],
    events: [{ type: 'poke', label: 'Poke', help: 'Pokes.', fields: [] }],
    defaults,
    presets: [{ id: 'big', title: 'Big', description: 'Many items.', scenario: { ...defaults, items: 900 } }],
    validate(input) {
      const issues: ValidationIssue[] = [];
      const s = input as Partial<FakeScenario> | null;
      if (typeof s !== 'object' || s === null) return { ok: false, issues: [{ path: '', message: 'not an object' }] };
      const items = s.items;
      if (typeof items !== 'number' || !Number.isInteger(items) || items < 1 || items > ITEMS_MAX) {
        issues.push({ path: 'items', message: `items must be 1..${ITEMS_MAX}, got ${String(items)}` });
      }
      if (!Array.isArray(s.events)) issues.push({ path: 'events', message: 'events must be a list' });
      if (typeof s.seed !== 'number') issues.push({ path: 'seed', message: 'seed must be a number' });
      return issues.length > 0 ? { ok: false, issues } : { ok: true, value: s as FakeScenario };
    },
    migrations: {},
    cost: (s) => s.items,
    horizon: () => 10,
    timeUnit: 'ms',
    loadProgram: async () => ({ program: fakeProgram as unknown as LabProgram<FakeScenario, LabResult> }),
    loadUi: async () => ({ default: () => null }),
    loadGoldenLinks: async () => ({ goldenLinks: [] }),
    loadLesson: async () => ({ lesson: [] }),
    ...overrides,
  };
}
