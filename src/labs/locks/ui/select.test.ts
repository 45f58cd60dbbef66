/** The panel's pure pieces: layout per scene, the comparison rows, the clock step the menus offer. */
import { describe, expect, it } from 'vitest';
import { plainContext } from '../../contract';
import { program } from '../program/program';
import { MODES, nodeNamesOf } from '../result';
import { defaults, presets } from '../scenario';
import { clockStepMs, compareRows, offendingIds, stagePositions } from './select';

describe('locks panel selectors', () => {
  it('stagePositions gives every node of each scene a distinct place in the unit square, wide and narrow', () => {
    for (const mode of MODES) {
      for (const narrow of [false, true]) {
        const { x, y } = stagePositions(mode, narrow);
        expect(x.length).toBe(nodeNamesOf(mode).length);
        expect(y.length).toBe(x.length);
        const places = new Set(x.map((v, i) => `${v},${y[i]}`));
        expect(places.size).toBe(x.length);
        for (const v of [...x, ...y]) expect(v >= 0 && v <= 1).toBe(true);
      }
    }
  });

  it('compareRows reads the GC pause as the lesson tells it: one lost update on Redlock, none but one refused on Raft', () => {
    const r = program(presets.find((p) => p.id === 'gc-pause')!.scenario, plainContext());
    const rows = compareRows(r);
    expect(rows.find((x) => x.label.startsWith('lost updates'))).toMatchObject({ left: 1, right: 0 });
    expect(rows.find((x) => x.label.startsWith('stale writes rejected'))).toMatchObject({ left: 0, right: 1 });
  });

  it('offendingIds lists only Snowflake IDs after a clock step, at most 20', () => {
    const r = program(presets.find((p) => p.id === 'ids-clock-step')!.scenario, plainContext());
    expect(offendingIds(r, 'raft')).toEqual([]);
    const bad = offendingIds(r, 'snowflake');
    expect(bad.length).toBe(20);
    expect(bad.every((x) => x.duplicate || x.backwards || x.inverted)).toBe(true);
  });

  it('clockStepMs: twice the lease for lock servers (capped at 100 s), 500 ms for generators', () => {
    expect(clockStepMs('locks', defaults.ttlMs)).toBe(2000);
    expect(clockStepMs('locks', 60_000)).toBe(100_000);
    expect(clockStepMs('ids', 1000)).toBe(500);
  });
});
