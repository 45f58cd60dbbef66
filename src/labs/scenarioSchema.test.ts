import { describe, expect, it } from 'vitest';
import type { BaseScenario, EventSpec, ParamSpec, ValidationIssue } from './contract';
import { scenarioSchema, type SchemaParam } from './scenarioSchema';

interface S extends BaseScenario {
  nodes: number;
  vnodes: number;
  rate: number;
  mode: string;
  fast: boolean;
  label: string;
}

const params: SchemaParam[] = [
  { key: 'nodes', label: 'Nodes', kind: 'int', min: 1, max: 1000, help: '' },
  { key: 'vnodes', label: 'Vnodes', kind: 'int', min: 1, max: 1000, help: '' },
  { key: 'rate', label: 'Rate', kind: 'number', min: 0, max: 1, help: '' },
  { key: 'mode', label: 'Mode', kind: 'enum', options: ['a', 'b'], help: '' },
  { key: 'fast', label: 'Fast', kind: 'boolean', help: '' },
  { key: 'label', label: 'Label', kind: 'text', maxLength: 8, pattern: /[a-z]*/, patternHelp: 'lowercase letters', help: '' },
];
const node: ParamSpec = { key: 'node', label: 'Node', kind: 'int', min: 0, max: 9, help: '' };
const events: EventSpec[] = [
  { type: 'crash', label: 'Crash', help: '', fields: [node] },
  { type: 'add', label: 'Add', help: '', fields: [{ key: 'weight', label: 'W', kind: 'int', min: 1, max: 10, help: '' }] },
];
const validate = scenarioSchema<S>({
  params,
  events,
  eventsMax: 3,
  tMax: 100,
  eventDefaults: { add: { weight: 1 } },
  check: (s): ValidationIssue[] => (s.nodes * s.vnodes > 10_000 ? [{ path: 'vnodes', message: `nodes x vnodes must be at most 10,000, got ${s.nodes * s.vnodes}` }] : []),
});
const good = { nodes: 5, vnodes: 10, rate: 0.5, mode: 'a', fast: true, label: 'abc', seed: 7, events: [{ t: 0.5, type: 'crash', node: 2 }] };
const messages = (input: unknown) => {
  const r = validate(input);
  return r.ok ? [] : r.issues.map((i) => `${i.path}: ${i.message}`);
};

describe('scenarioSchema(options)(input)', () => {
  it('accepts a valid scenario and returns a fresh object with only known keys', () => {
    const r = validate(good);
    expect(r).toEqual({ ok: true, value: good });
    if (r.ok) expect(r.value).not.toBe(good);
  });

  it('names the limit and the value: "vnodes must be 1..1000, got 5000"', () => {
    expect(messages({ ...good, vnodes: 5000 })).toEqual(['vnodes: vnodes must be 1..1000, got 5000']);
    expect(messages({ ...good, rate: 2 })).toEqual(['rate: rate must be 0..1, got 2']);
  });

  it('refuses non-integers for int, strings for numbers, NaN-like values, wrong enum and boolean', () => {
    expect(messages({ ...good, nodes: 2.5 })).toEqual(['nodes: nodes must be a whole number 1..1000, got 2.5']);
    expect(messages({ ...good, nodes: '5' })).toEqual(['nodes: nodes must be a number 1..1000, got "5"']);
    expect(messages({ ...good, nodes: null })).toEqual(['nodes: nodes must be a number 1..1000, got null']);
    expect(messages({ ...good, mode: 'c' })).toEqual(['mode: mode must be one of a, b, got "c"']);
    expect(messages({ ...good, fast: 1 })).toEqual(['fast: fast must be true or false, got 1']);
  });

  it('refuses unknown keys, including an own __proto__ from JSON.parse', () => {
    expect(messages({ ...good, extra: 1 })).toEqual([expect.stringContaining('"extra" is not a known field')]);
    const polluted = JSON.parse(JSON.stringify(good).replace('{', '{"__proto__":{"admin":true},'));
    expect(messages(polluted)).toEqual([expect.stringContaining('"__proto__" is not a known field')]);
    const eventPolluted = JSON.parse('{"t":1,"type":"crash","node":1,"__proto__":{"x":1}}');
    expect(messages({ ...good, events: [eventPolluted] })).toEqual([expect.stringContaining('events[0].__proto__')]);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('refuses missing fields, non-objects, and class instances', () => {
    const { nodes: _omit, ...rest } = good;
    expect(messages(rest)).toEqual(['nodes: nodes is missing (1..1000)']);
    expect(messages([])).toEqual([': a scenario must be an object, got a list']);
    expect(messages(new Date(0))).toEqual([': a scenario must be an object, got an object']);
    expect(messages('x')).toEqual([': a scenario must be an object, got "x"']);
  });

  it('checks text length and pattern', () => {
    expect(messages({ ...good, label: 'abcdefghij' })).toEqual(['label: label must be at most 8 characters, got 10']);
    expect(messages({ ...good, label: 'aB' })).toEqual(['label: label must be lowercase letters, got "aB"']);
  });

  it('checks the seed as an integer 0..2^32-1 when the lab does not list it', () => {
    expect(messages({ ...good, seed: -1 })).toEqual(['seed: seed must be 0..4,294,967,295, got -1']);
  });

  it('checks events: type, fields, defaults, sorted t within 0..tMax, count cap', () => {
    expect(messages({ ...good, events: [{ t: 1, type: 'explode' }] })).toEqual(['events[0].type: events[0].type must be one of crash, add, got "explode"']);
    expect(messages({ ...good, events: [{ t: 1, type: 'crash', node: 12 }] })).toEqual(['events[0].node: events[0].node must be 0..9, got 12']);
    expect(messages({ ...good, events: [{ t: 101, type: 'crash', node: 1 }] })).toEqual(['events[0].t: events[0].t must be 0..100, got 101']);
    expect(messages({ ...good, events: [{ t: 5, type: 'crash', node: 1 }, { t: 4, type: 'crash', node: 1 }] })).toEqual([
      "events[1].t: events[1].t must not be before the previous event's t = 5 (sort events by t), got 4",
    ]);
    const four = Array.from({ length: 4 }, (_, i) => ({ t: i, type: 'crash', node: 1 }));
    expect(messages({ ...good, events: four })).toEqual(['events: events must hold at most 3 events, got 4']);
    const r = validate({ ...good, events: [{ t: 1, type: 'add' }] });
    expect(r.ok && r.value.events[0]).toEqual({ t: 1, type: 'add', weight: 1 });
    expect(messages({ ...good, events: [{ t: 1, type: 'crash' }] })).toEqual(['events[0].node: events[0].node is missing (0..9)']);
  });

  it('runs the cross-field check only once fields pass', () => {
    expect(messages({ ...good, nodes: 1000, vnodes: 11 })).toEqual(['vnodes: nodes x vnodes must be at most 10,000, got 11000']);
    expect(messages({ ...good, nodes: 1000, vnodes: 11, mode: 'z' })).toEqual(['mode: mode must be one of a, b, got "z"']);
  });
});
