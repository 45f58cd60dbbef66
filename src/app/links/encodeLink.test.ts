import { describe, expect, it } from 'vitest';
import type { LabSpec } from '../../labs/contract';
import { encodeLink } from './encodeLink';
import { type FakeScenario, fakeDefaults, fakeSpec as typedFakeSpec } from './testing/fakeLab';

const fakeSpec = typedFakeSpec as unknown as LabSpec;
const scenario = (patch: Partial<FakeScenario>): FakeScenario => ({ ...fakeDefaults, ...patch });

describe('encodeLink', () => {
  it('encodeLink(spec, defaults) is the lab and the versions only: defaults are omitted', () => {
    expect(encodeLink(fakeSpec, fakeDefaults)).toBe('/fake?v=1&s=2&e=3');
    expect(encodeLink(fakeSpec, scenario({ nodes: 3, vnodes: 20 }))).toBe('/fake?v=1&s=2&e=3');
  });

  it('encodeLink(spec, scenario without events) writes readable parameters, sorted by key', () => {
    expect(encodeLink(fakeSpec, scenario({ vnodes: 100, seed: 7, nodes: 5 }))).toBe('/fake?v=1&s=2&e=3&nodes=5&seed=7&vnodes=100');
    expect(encodeLink(fakeSpec, scenario({ trace: true, loss: 0.25, mode: 'modn', label: 'a b&c' }))).toBe(
      '/fake?v=1&s=2&e=3&label=a%20b%26c&loss=0.25&mode=modn&trace=true',
    );
  });

  it('encodeLink(spec, scenario) is canonical: key order and object identity do not change the link', () => {
    const a = { events: [], seed: 7, label: '', trace: false, mode: 'ring', loss: 0, vnodes: 100, nodes: 5 };
    const b = { nodes: 5, vnodes: 100, loss: 0, mode: 'ring', trace: false, label: '', seed: 7, events: [] };
    expect(encodeLink(fakeSpec, a)).toBe(encodeLink(fakeSpec, b));
    const withEvents = (order: 'a' | 'b') =>
      scenario({ events: [order === 'a' ? { t: 1, type: 'crash', node: 2 } : { node: 2, type: 'crash', t: 1 }] });
    expect(encodeLink(fakeSpec, withEvents('a'))).toBe(encodeLink(fakeSpec, withEvents('b')));
  });

  it('encodeLink(spec, scenario with events) compresses the whole scenario into z', () => {
    const link = encodeLink(fakeSpec, scenario({ nodes: 5, label: 'hello world', events: [{ t: 1.5, type: 'crash', node: 0 }, { t: 2, type: 'note', text: 'back <b>' }] }));
    expect(link).toBe('/fake?v=1&z=PY1LCsMwDESvEmZtSj9kY0ovUrqwHUFKhVUc0w_Gd89kk40knp40DQJ_cVjgz6xJcihPgyf_SK7E94ZsE62jQ4U_HUb2_5sAqYRlRndtW_C8yo8DYkiv4Rpv2MVsVdAfDhqiKMEsqjZ8rehEa_vPpLH3FQ');
  });

  it('encodeLink(spec, scenario) compresses a value the readable form could not read back exactly', () => {
    // A number-looking value for a key the lab does not describe would read back as a number.
    const loose = { ...fakeDefaults, extra: '12' } as unknown as FakeScenario;
    expect(encodeLink(fakeSpec, loose)).toMatch(/^\/fake\?v=1&z=[A-Za-z0-9_-]+$/);
    // A key the codec owns ("e") cannot be a readable parameter.
    expect(encodeLink(fakeSpec, { ...fakeDefaults, e: 2 } as unknown as FakeScenario)).toMatch(/&z=/);
  });

  it('encodeLink(spec, scenario, presentation) appends only non-default flags, after the scenario', () => {
    expect(encodeLink(fakeSpec, scenario({ nodes: 5, seed: 7, vnodes: 100 }), { embed: true, theme: 'dark', controls: true, panel: null })).toBe(
      '/fake?v=1&s=2&e=3&nodes=5&seed=7&vnodes=100&embed=1&theme=dark',
    );
    expect(encodeLink(fakeSpec, fakeDefaults, { controls: false, motion: 'reduce', lock: true, autoplay: true, panel: 'ring' })).toBe(
      '/fake?v=1&s=2&e=3&autoplay=1&controls=0&lock=1&motion=reduce&panel=ring',
    );
  });

  it('encodeLink(spec, huge scenario) throws a RangeError naming the limit rather than writing a link no one can open', () => {
    const events = Array.from({ length: 3000 }, (_, i) => ({ t: i, type: 'note', text: `note ${i * 7919} ${(i * 104729).toString(36)}` }));
    expect(() => encodeLink(fakeSpec, scenario({ events }))).toThrow(/the limit is (8,192|65,536)/);
  });
});
