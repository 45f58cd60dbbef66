/**
 * Properties of the codec over random input (fast-check, fixed seeds; a failure prints its seed and the
 * shrunk counterexample): every valid scenario round-trips to the same scenario and one canonical link, and
 * no string at all makes decodeLink throw.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LabSpec, ScenarioEvent } from '../../labs/contract';
import { decodeLink } from './decodeLink';
import { encodeLink } from './encodeLink';
import type { DecodeStep, Presentation } from './types';
import { type FakeScenario, fakeSpec as typedFakeSpec } from './testing/fakeLab';

const fakeSpec = typedFakeSpec as unknown as LabSpec;
const labs = [fakeSpec];

const eventArb: fc.Arbitrary<ScenarioEvent> = fc.oneof(
  fc.record({ t: fc.double({ min: 0, max: 100, noNaN: true, noDefaultInfinity: true }).map((t) => t + 0), type: fc.constant('crash'), node: fc.integer({ min: 0, max: 49 }) }),
  fc.record({ t: fc.integer({ min: 0, max: 100 }), type: fc.constant('note'), text: fc.string({ maxLength: 30, unit: 'binary' }) }),
);

const scenarioArb: fc.Arbitrary<FakeScenario> = fc.record({
  nodes: fc.integer({ min: 1, max: 50 }),
  vnodes: fc.integer({ min: 1, max: 1000 }),
  loss: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1, noNaN: true }).map((x) => x + 0)),
  mode: fc.constantFrom('ring', 'modn'),
  trace: fc.boolean(),
  label: fc.oneof(fc.constant(''), fc.string({ maxLength: 20 }), fc.constantFrom('42', 'true', '1e3', 'a&b=c', '%', '+ +')),
  seed: fc.integer({ min: 0, max: 0xffffffff }),
  events: fc.oneof(fc.constant<ScenarioEvent[]>([]), fc.array(eventArb, { maxLength: 20 })),
});

const presentationArb: fc.Arbitrary<Partial<Presentation>> = fc.record(
  {
    embed: fc.boolean(),
    panel: fc.constantFrom(null, 'ring', 'timeline-2'),
    theme: fc.constantFrom('light', 'dark', 'auto'),
    autoplay: fc.boolean(),
    motion: fc.constantFrom('auto', 'reduce'),
    lock: fc.boolean(),
    controls: fc.boolean(),
  },
  { requiredKeys: [] },
);

const STEPS: DecodeStep[] = ['length', 'route', 'lab', 'codec', 'params', 'base64url', 'inflate', 'json', 'migrate', 'schema', 'bounds'];

describe('links: properties', () => {
  it('decodeLink(encodeLink(spec, s, p)) gives back s and p, and re-encoding gives the same link', () => {
    fc.assert(
      fc.property(scenarioArb, presentationArb, (scenario, presentation) => {
        const link = encodeLink(fakeSpec, scenario, presentation);
        const result = decodeLink(link, labs);
        if (!result.ok) throw new Error(`${link}: ${result.message}`);
        expect(result.scenario).toEqual(scenario);
        expect(result.presentation).toMatchObject(presentation);
        expect(result.migratedFrom).toBeUndefined();
        expect(encodeLink(fakeSpec, result.scenario, result.presentation)).toBe(link);
        // Readable exactly when there is no event script (and the label reads back as itself).
        expect(link.includes('&z=')).toBe(scenario.events.length > 0);
      }),
      { seed: 20240601, numRuns: 400 },
    );
  });

  it('decodeLink(any string) never throws and every refusal names a step', () => {
    const prefixes = fc.constantFrom('', '/', '#/', '/fake', '/fake?', '/fake?v=1&z=', '/fake?v=1&s=2&e=3&', '/fake?v=1&s=1&');
    const body = fc.oneof(fc.string({ maxLength: 300, unit: 'grapheme' }), fc.string({ maxLength: 300, unit: 'binary' }), fc.base64String({ maxLength: 400 }).map((s) => s.replace(/\+/g, '-').replace(/\//g, '_').replace(/=/g, '')));
    fc.assert(
      fc.property(prefixes, body, (prefix, text) => {
        const result = decodeLink(prefix + text, labs);
        if (!result.ok) {
          expect(STEPS).toContain(result.step);
          expect(result.original).toBe(prefix + text);
        }
      }),
      { seed: 7, numRuns: 3000 },
    );
  });

  it('decodeLink(a valid link with one character changed) never throws', () => {
    fc.assert(
      fc.property(scenarioArb, fc.nat(), fc.string({ minLength: 1, maxLength: 1, unit: 'binary' }), (scenario, at, char) => {
        const link = encodeLink(fakeSpec, scenario);
        const index = at % link.length;
        const mutated = link.slice(0, index) + char + link.slice(index + 1);
        const result = decodeLink(mutated, labs);
        // Whatever it decodes to must be a scenario the lab accepts.
        if (result.ok) expect(fakeSpec.validate(result.scenario).ok).toBe(true);
        else expect(STEPS).toContain(result.step);
      }),
      { seed: 11, numRuns: 2000 },
    );
  });
});
