import { describe, expect, it } from 'vitest';
import { MODES, nodeNamesOf } from '../result';
import { defaults, sceneDefaults } from '../scenario';
import { settingWords, stagePositions, stageTitle } from './select';

describe('anti-patterns panel selectors', () => {
  it('stagePositions(mode, isNarrow) places every node of the scene inside the unit square, no two on one spot', () => {
    for (const m of MODES) {
      for (const narrow of [false, true]) {
        const { x, y } = stagePositions(m, narrow);
        const n = nodeNamesOf(m).length;
        expect([x.length, y.length], m).toEqual([n, n]);
        for (let i = 0; i < n; i++) expect(x[i] >= 0 && x[i] <= 1 && y[i] >= 0 && y[i] <= 1, `${m} ${i}`).toBe(true);
        const spots = new Set(x.map((v, i) => `${v},${y[i]}`));
        expect(spots.size, `${m} narrow=${narrow}`).toBe(n);
      }
    }
  });

  it('stageTitle says above and below where the halves stack on a phone', () => {
    expect(stageTitle('2pc', true)).toMatch(/^Above: .* Below: /);
    expect(stageTitle('2pc', false)).toMatch(/^Left: .* Right: /);
    expect(stageTitle('partition', true)).toMatch(/^Left: /);
  });

  it('settingWords names each scene\'s workload', () => {
    expect(settingWords(defaults)).toBe('A 150/s (writes of 4 ms), B 50/s (reads of 1 ms); each database runs 2 queries at once; one hop 1–2 ms.');
    expect(settingWords(sceneDefaults('locality', 1))).toMatch(/^5 rows read one after another per request; round trip 150 ms between regions, 0.5 ms inside one/);
  });
});
