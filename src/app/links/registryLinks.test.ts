/**
 * Every registered lab works with the link codec: no scenario key is shadowed by a codec or presentation key,
 * and its defaults and presets survive encodeLink -> decodeLink unchanged.
 */
import { describe, expect, it } from 'vitest';
import { labs } from '../../labs/registry';
import { decodeLink } from './decodeLink';
import { encodeLink } from './encodeLink';
import { PRESENTATION_KEYS } from './presentation';
import { CODEC_KEYS } from './readable';

describe('links: registered labs', () => {
  it('the registry has labs to check', () => {
    expect(labs.length).toBeGreaterThan(0);
  });

  for (const lab of labs) {
    it(`${lab.id}: no parameter is named like a codec key (v, s, e, z) or a presentation flag`, () => {
      const keys = [...lab.params.map((p) => p.key), ...Object.keys(lab.defaults)];
      expect(keys.filter((key) => CODEC_KEYS.has(key) || PRESENTATION_KEYS.has(key))).toEqual([]);
    });

    it(`${lab.id}: decodeLink(encodeLink(defaults and every preset)) gives them back`, () => {
      expect(encodeLink(lab, lab.defaults)).toBe(`/${lab.id}?v=1&s=${lab.version}&e=${lab.engineVersion}`);
      for (const scenario of [lab.defaults, ...lab.presets.map((p) => p.scenario)]) {
        const result = decodeLink(encodeLink(lab, scenario), labs);
        expect(result.ok && result.scenario).toEqual(scenario);
      }
    });
  }
});
