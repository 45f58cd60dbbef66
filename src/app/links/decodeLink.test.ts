import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { LabSpec } from '../../labs/contract';
import { encodeBase64url } from './base64url';
import { decodeLink } from './decodeLink';
import { deflateRaw } from './deflate';
import { defaultPresentation } from './presentation';
import { type FakeScenario, fakeDefaults, fakeSpec as typedFakeSpec, otherSpec } from './testing/fakeLab';

const fakeSpec = typedFakeSpec as unknown as LabSpec;
const labs: readonly LabSpec[] = [fakeSpec, otherSpec as unknown as LabSpec];
const decode = (fragment: string) => decodeLink(fragment, labs);
const z = (json: string) => encodeBase64url(deflateRaw(new TextEncoder().encode(json)));
const scenario = (patch: Partial<FakeScenario>): FakeScenario => ({ ...fakeDefaults, ...patch });

/** Asserts a refusal: its step, its exact message, the original kept, the lab kept when known. */
function expectRefused(fragment: string, step: string, message: string | RegExp, hasLab = true) {
  const result = decode(fragment);
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.step).toBe(step);
  if (typeof message === 'string') expect(result.message).toBe(message);
  else expect(result.message).toMatch(message);
  expect(result.original).toBe(fragment);
  expect(result.lab).toBe(hasLab ? fakeSpec : undefined);
}

describe('decodeLink: readable links', () => {
  it('decodeLink(readable link) fills missing parameters with the defaults', () => {
    const result = decode('/fake?v=1&s=2&e=3&nodes=5&seed=7&vnodes=100');
    expect(result).toEqual({ ok: true, lab: fakeSpec, scenario: scenario({ nodes: 5, seed: 7, vnodes: 100 }), presentation: defaultPresentation });
  });

  it('decodeLink(readable link) parses numbers and booleans by kind, and keeps text as text', () => {
    const result = decode('#/fake?v=1&s=2&e=3&loss=0.25&trace=true&mode=modn&label=42');
    expect(result.ok && result.scenario).toEqual(scenario({ loss: 0.25, trace: true, mode: 'modn', label: '42' }));
  });

  it('decodeLink("/<lab>") with no scenario keys opens the current defaults, with nothing to report', () => {
    expect(decode('/fake')).toEqual({ ok: true, lab: fakeSpec, scenario: fakeDefaults, presentation: defaultPresentation });
    expect(decode('/fake/?embed=1')).toMatchObject({ ok: true, scenario: fakeDefaults, presentation: { embed: true } });
  });

  it('decodeLink(link) returns a scenario that does not alias the lab\'s defaults', () => {
    const result = decode('/fake?v=1&s=2&e=3&nodes=4');
    if (!result.ok) throw new Error(result.message);
    result.scenario.events.push({ t: 1, type: 'crash', node: 0 });
    expect(fakeDefaults.events).toEqual([]);
  });

  it('decodeLink(link made by another engine version) decodes and reports engineFrom', () => {
    expect(decode('/fake?v=1&s=2&e=2&nodes=5')).toMatchObject({ ok: true, engineFrom: 2, scenario: { nodes: 5 } });
  });
});

describe('decodeLink: presentation flags', () => {
  it('decodeLink(link with flags) parses every flag and keeps them out of the scenario', () => {
    const result = decode('/fake?v=1&s=2&e=3&nodes=5&embed=1&panel=ring&theme=dark&autoplay=true&motion=reduce&lock=1&controls=0&lesson=3');
    expect(result).toEqual({
      ok: true,
      lab: fakeSpec,
      scenario: scenario({ nodes: 5 }),
      presentation: { embed: true, panel: 'ring', theme: 'dark', autoplay: true, motion: 'reduce', lock: true, controls: false, lesson: 3 },
    });
  });

  it('decodeLink(link with invalid flag values) ignores them and uses the defaults', () => {
    const result = decode('/fake?v=1&s=2&e=3&embed=yes&panel=%3Cscript%3E&theme=blue&motion=fast&controls=maybe&lesson=0');
    expect(decode('/fake?v=1&lesson=1000')).toMatchObject({ presentation: { lesson: null } });
    expect(decode('/fake?v=1&lesson=02')).toMatchObject({ presentation: { lesson: null } });
    expect(result).toMatchObject({ ok: true, presentation: defaultPresentation });
  });

  it('decodeLink(bad link with flags) still returns its flags, so an embed stays an embed', () => {
    const result = decode('/fake?v=1&s=2&e=3&vnodes=5000&embed=1&theme=light');
    expect(result).toMatchObject({ ok: false, step: 'bounds', presentation: { embed: true, theme: 'light' } });
  });
});

describe('decodeLink: each step refuses with a message naming it', () => {
  it('length: a fragment over 8 KB, keeping its lab when the path names a known one (the page opens its defaults)', () => {
    expectRefused(`/fake?v=1&label=${'a'.repeat(9000)}`, 'length', 'link length: the link is 9,016 characters; the limit is 8,192', true);
    expectRefused(`/nolab?v=1&label=${'a'.repeat(9000)}`, 'length', /^link length: the link is 9,017 characters/, false);
    expectRefused(`/${'f'.repeat(9000)}`, 'length', /^link length: /, false);
  });

  it('route: not "/<lab>?…"', () => {
    expectRefused('fake?v=1', 'route', 'link route: expected "/<lab>?…", got "fake?v=1"', false);
    expectRefused('/fake/extra?v=1', 'route', /^link route: expected/, false);
    expectRefused('', 'route', /^link route: /, false);
  });

  it('lab: an unknown id, listing the known labs', () => {
    expectRefused('/consistent-hashin?v=1', 'lab', 'lab: there is no lab "consistent-hashin" (known labs: fake, other)', false);
    expect(decodeLink('/fake', [])).toMatchObject({ ok: false, step: 'lab', message: 'lab: there is no lab "fake" (this app has no labs)' });
  });

  it('codec: a newer or malformed codec version', () => {
    expectRefused('/fake?v=2&nodes=5', 'codec', 'codec version: this link was made by a newer version (codec 2; this app reads up to 1)');
    expectRefused('/fake?v=one', 'codec', 'codec version: v is "one"; expected a version number (1, 2, …)');
    expectRefused('/fake?v=1&s=0&nodes=5', 'codec', 'codec version: s is "0"; expected a version number (1, 2, …)');
  });

  it('params: a value not of its kind, a repeated key, broken percent-encoding, stray keys beside z', () => {
    expectRefused('/fake?v=1&s=2&e=3&nodes=abc', 'params', 'link parameters: nodes is "abc"; expected an integer');
    expectRefused('/fake?v=1&s=2&e=3&nodes=2.5', 'params', 'link parameters: nodes is "2.5"; expected an integer');
    expectRefused('/fake?v=1&s=2&e=3&loss=1e', 'params', 'link parameters: loss is "1e"; expected a number');
    expectRefused('/fake?v=1&s=2&e=3&trace=yes', 'params', 'link parameters: trace is "yes"; expected true or false');
    expectRefused('/fake?v=1&nodes=1&nodes=2', 'params', 'link parameters: "nodes" appears more than once');
    expectRefused('/fake?v=1&label=%E0%A4%A', 'params', 'link parameters: "label=%E0%A4%A" has malformed percent-encoding');
    expectRefused(`/fake?v=1&z=${z('{}')}&nodes=5`, 'params', 'link parameters: a compressed link carries its whole scenario in z; unexpected "nodes"');
  });

  it('base64url: z with characters outside base64url', () => {
    expectRefused('/fake?v=1&z=ab%2Bc', 'base64url', 'base64url: z is not base64url: character "+" at 2 is not base64url');
  });

  it('inflate: z that is not deflate data', () => {
    expectRefused('/fake?v=1&z=____', 'inflate', /^inflate: z is not deflate-raw data \(/);
    // Bytes after the end of the stream would be ignored: refused, so that a link has one meaning.
    const whole = deflateRaw(new TextEncoder().encode('{"e":3,"s":2,"scenario":{}}'));
    expectRefused(`/fake?v=1&z=${encodeBase64url(new Uint8Array([...whole, 7]))}`, 'inflate', 'inflate: z is not deflate-raw data (bytes follow the end of the data)');
  });

  it('inflate: a zip bomb (4 MB of zeros in 5 KB) is refused at the 64 KB output cap', () => {
    const bomb = encodeBase64url(deflateSync(new Uint8Array(4 * 1024 * 1024), { level: 9 }));
    expect(bomb.length).toBeLessThan(8000);
    expectRefused(`/fake?v=1&z=${bomb}`, 'inflate', 'inflate: z inflates past 65,536 bytes (the limit); the link is damaged or hostile');
  });

  it('json: z that is not JSON, not UTF-8, or not the envelope {e, s, scenario}', () => {
    expectRefused(`/fake?v=1&z=${z('{"s":2,')}`, 'json', /^JSON: z does not hold JSON \(/);
    const latin1 = encodeBase64url(deflateRaw(new Uint8Array([0x7b, 0xff, 0x7d])));
    expectRefused(`/fake?v=1&z=${latin1}`, 'json', /^JSON: z does not hold JSON \(/);
    expectRefused(`/fake?v=1&z=${z('[1,2]')}`, 'json', 'JSON: z must hold an object {"e", "s", "scenario"}');
    expectRefused(`/fake?v=1&z=${z('{"e":3,"s":2,"scenario":{},"x":1}')}`, 'json', 'JSON: z holds unknown keys "x" (expected e, s, scenario)');
    // One link, one meaning: a key given twice (JSON.parse would keep the last) is refused at any depth.
    expectRefused(`/fake?v=1&z=${z('{"e":3,"s":2,"scenario":{"nodes":3,"nodes":40}}')}`, 'json', 'JSON: z does not hold JSON (the key "nodes" appears twice in one object)');
    expectRefused(`/fake?v=1&z=${z('{"e":3,"s":2,"e":3,"scenario":{}}')}`, 'json', /the key "e" appears twice/);
    expectRefused(`/fake?v=1&z=${z('{"e":3,"s":"2","scenario":{}}')}`, 'json', 'JSON: z\'s schema version s should be a positive integer, got "2"');
    expectRefused(`/fake?v=1&z=${z('{"e":3,"s":2}')}`, 'json', 'JSON: z holds no "scenario"');
    expectRefused(`/fake?v=1&z=${z('{"__proto__":{},"e":3,"s":2,"scenario":{}}')}`, 'json', /^JSON: z holds unknown keys "__proto__"/);
  });

  it('migrate: a link from a newer schema is refused, never guessed', () => {
    expectRefused('/fake?v=1&s=3&e=3&nodes=5', 'migrate', 'schema migration: this link was made by a newer version (schema 3; this app reads up to 2)');
    expectRefused(`/fake?v=1&z=${z('{"e":9,"s":7,"scenario":{"events":[]}}')}`, 'migrate', /\(schema 7; this app reads up to 2\)$/);
  });

  it('migrate: a missing or failing migration step is named', () => {
    const v3 = { ...fakeSpec, version: 3 } as LabSpec;
    expect(decodeLink('/fake?v=1&s=1&nodes=2', [v3])).toMatchObject({ ok: false, step: 'migrate', message: 'schema migration: no migration from schema 2 to 3' });
    const broken = { ...fakeSpec, migrations: { 1: () => { throw new Error('boom'); } } } as LabSpec;
    expect(decodeLink('/fake?v=1&s=1&nodes=2', [broken])).toMatchObject({ ok: false, step: 'migrate', message: 'schema migration: schema 1 to 2 failed: boom' });
  });

  it('schema: unknown keys and wrong types, by path', () => {
    expectRefused('/fake?v=1&s=2&e=3&bogus=1', 'schema', 'strict schema: unknown key "bogus" (this lab\'s keys: events, label, loss, mode, nodes, seed, trace, vnodes)');
    const wrong = z('{"e":3,"s":2,"scenario":{"events":[{"t":"1","type":"crash","node":1},{"t":2,"type":"melt"},{"t":3,"type":"crash","node":1,"x":0}],"nodes":"5","trace":1}}');
    expectRefused(`/fake?v=1&z=${wrong}`, 'schema', 'strict schema: events[0].t should be a number, got "1"; '
      + 'events[1].type is "melt", not an event of this lab (known: crash, note); '
      + 'unknown key "x" in events[2] (a crash event has: t, type, node); '
      + 'nodes should be an integer, got "5"; trace should be true or false, got 1');
    expectRefused(`/fake?v=1&z=${z('{"e":3,"s":2,"scenario":{"events":{"0":{}}}}')}`, 'schema', 'strict schema: events is a list of events, got an object');
    expectRefused(`/fake?v=1&z=${z('{"e":3,"s":2,"scenario":[1]}')}`, 'schema', 'strict schema: a scenario is an object');
  });

  it('schema: an own __proto__ anywhere is refused, and nothing is polluted', () => {
    const top = z('{"e":3,"s":2,"scenario":{"__proto__":{"polluted":true},"nodes":4}}');
    expectRefused(`/fake?v=1&z=${top}`, 'schema', 'strict schema: __proto__ is never allowed in a scenario');
    const inEvent = z('{"e":3,"s":1,"scenario":{"events":[{"t":1,"type":"crash","node":1,"__proto__":{"polluted":true}}]}}');
    expectRefused(`/fake?v=1&z=${inEvent}`, 'schema', 'strict schema: events[0].__proto__ is never allowed in a scenario');
    expectRefused('/fake?v=1&s=2&__proto__=1', 'schema', 'strict schema: __proto__ is never allowed in a scenario');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('bounds: the lab\'s validate() issues, with the limit', () => {
    expectRefused('/fake?v=1&s=2&e=3&vnodes=5000', 'bounds', 'limits: vnodes is 5000; the limit is 1..1000');
    expectRefused('/fake?v=1&s=2&e=3&nodes=0&loss=2&mode=hash', 'bounds', 'limits: nodes is 0; the limit is 1..50; loss is 2; the limit is 0..1; mode must be ring or modn, got hash');
    const throwing = { ...fakeSpec, validate: () => { throw new Error('bad'); } } as LabSpec;
    expect(decodeLink('/fake?v=1&s=2&nodes=2', [throwing])).toMatchObject({ ok: false, step: 'bounds', message: 'limits: the lab\'s validation failed: bad' });
  });
});

describe('decodeLink: golden links of the fake lab (each must decode to the same scenario forever)', () => {
  // Schema 1 (engine 1) called the points per node `replicas`, default 10.
  it('schema 1 readable: replicas=7 becomes vnodes 7', () => {
    expect(decode('/fake?v=1&s=1&e=1&nodes=4&replicas=7')).toEqual({
      ok: true, lab: fakeSpec, scenario: scenario({ nodes: 4, vnodes: 7 }), presentation: defaultPresentation, migratedFrom: 1, engineFrom: 1,
    });
  });

  it('schema 1 readable without replicas keeps schema 1\'s default (10), not schema 2\'s (20)', () => {
    expect(decode('/fake?v=1&s=1&e=1&nodes=4')).toMatchObject({ ok: true, scenario: scenario({ nodes: 4, vnodes: 10 }), migratedFrom: 1 });
  });

  it('schema 1 readable written by hand without s or e is schema 1', () => {
    expect(decode('/fake?nodes=4&replicas=8')).toMatchObject({ ok: true, scenario: scenario({ nodes: 4, vnodes: 8 }), migratedFrom: 1, engineFrom: 1 });
  });

  it('schema 1 compressed: {"e":1,"s":1,"scenario":{"events":[crash n2 at 5],"replicas":7}}', () => {
    const link = '/fake?v=1&z=q1ZKVbIy1FEqhpDJqXmJRZn5SlZA8bLUvBKgcHS1Ul5-ClCVkY5SiZKVKZCsLABylZKLEoszlGpjdZSKUgtyMpMTgYrNa2sB';
    expect(decode(link)).toMatchObject({
      ok: true, scenario: scenario({ vnodes: 7, events: [{ node: 2, t: 5, type: 'crash' }] }), migratedFrom: 1, engineFrom: 1,
    });
  });

  it('schema 2 readable and compressed decode without migration', () => {
    expect(decode('/fake?v=1&s=2&e=3&mode=modn&nodes=5&vnodes=100')).toEqual({
      ok: true, lab: fakeSpec, scenario: scenario({ mode: 'modn', nodes: 5, vnodes: 100 }), presentation: defaultPresentation,
    });
    const link = '/fake?v=1&z=PY1LCsMwDESvEmZtSj9kY0ovUrqwHUFKhVUc0w_Gd89kk40knp40DQJ_cVjgz6xJcihPgyf_SK7E94ZsE62jQ4U_HUb2_5sAqYRlRndtW_C8yo8DYkiv4Rpv2MVsVdAfDhqiKMEsqjZ8rehEa_vPpLH3FQ';
    expect(decode(link)).toEqual({
      ok: true,
      lab: fakeSpec,
      scenario: scenario({ nodes: 5, label: 'hello world', events: [{ t: 1.5, type: 'crash', node: 0 }, { t: 2, type: 'note', text: 'back <b>' }] }),
      presentation: defaultPresentation,
    });
  });
});
