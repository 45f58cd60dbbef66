import { describe, expect, it } from 'vitest';
import { plainContext } from '../../contract';
import { program } from '../program/program';
import { spec } from '../index';
import { configName, formatMs, formatP, gridIndexAt, selectAtPlayhead, selectHeadline, selectLegs, selectRows, selectSeries } from './select';

const result = program({ ...spec.defaults, trials: 5000 }, plainContext());

describe('pbs select', () => {
  it('formatP() never shows 100% for a probability under 1, and two decimals above 99%', () => {
    expect(formatP(1)).toBe('100%');
    expect(formatP(0.99999)).toBe('99.99%');
    expect(formatP(0.99939)).toBe('99.94%');
    expect(formatP(0.43605)).toBe('43.6%');
    expect(formatP(NaN)).toBe('–');
  });

  it('formatMs() keeps 3 significant figures and groups thousands', () => {
    expect(formatMs(0.660241)).toBe('0.66 ms');
    expect(formatMs(52.3809)).toBe('52.4 ms');
    expect(formatMs(1466.79)).toBe('1,467 ms');
  });

  it('selectSeries() gives one series per configuration, in percent, on the grid, strict ones named', () => {
    const series = selectSeries(result);
    expect(series.map((s) => s.name)).toEqual(['N=3 R=1 W=1', 'N=3 R=2 W=1', 'N=3 R=2 W=2 (strict)']);
    expect(series[0].points.length).toBe(result.tMs.length);
    expect(series[2].points.every((p) => p.y === 100)).toBe(true);
    const stale = selectSeries(result, true);
    expect(stale[2].points.every((p) => p.y === 0)).toBe(true);
    expect(stale[0].points[0].y).toBeCloseTo(100 - series[0].points[0].y, 10);
    expect(series[0].points[10].title).toMatch(/^N=3 R=1 W=1: [\d.]+% of reads consistent 10 ms after commit$/);
  });

  it('selectRows() says strict or not with the sum, and "at commit" when no wait is needed', () => {
    const rows = selectRows(result, 60);
    expect(rows[0].strict).toBe('no (1 + 1 ≤ 3)');
    expect(rows[2].strict).toBe('yes (2 + 2 > 3)');
    expect(rows[2].tVisibility).toBe('at commit');
    expect(rows[2].pAtCommit).toBe('100%');
    expect(selectRows(result, 1)[0].tVisibility).toMatch(/past the plot/);
  });

  it('gridIndexAt(tMs, t) is the last grid point at or before the playhead (1 ms grid here)', () => {
    expect(gridIndexAt(result.tMs, 0)).toBe(0);
    expect(gridIndexAt(result.tMs, 9.99)).toBe(9);
    expect(gridIndexAt(result.tMs, 10)).toBe(10);
    expect(gridIndexAt(result.tMs, 0.1 * 3 * 100)).toBe(30);
    expect(gridIndexAt(result.tMs, 1e9)).toBe(60);
    expect(gridIndexAt([], 5)).toBe(-1);
  });

  it('the playhead\'s grid point gives the table\'s "at the playhead" column and the sentence under the plot', () => {
    const at10 = selectRows(result, 60, 10);
    expect(at10[0].pAtPlayhead).toBe(formatP(result.configs[0].pConsistent[10]));
    expect(at10[2].pAtPlayhead).toBe('100%');
    expect(selectRows(result, 60)[0].pAtPlayhead).toBe(selectRows(result, 60)[0].pAtCommit);
    expect(selectAtPlayhead(result, 0)).toMatch(/^Reads issued at the moment of commit that return the write: N=3 R=1 W=1 [\d.]+% · N=3 R=2 W=1 [\d.]+% · N=3 R=2 W=2 100%\.$/);
    expect(selectAtPlayhead(result, 10)).toMatch(/^Reads issued 10 ms after commit that return the write: /);
  });

  it('selectHeadline() speaks of the first non-strict configuration', () => {
    expect(selectHeadline(result)).toMatch(/^N=3 R=1 W=1: [\d.]+% of reads .* 99\.9% do [\d.]+ ms after commit\.$/);
    expect(configName({ n: 5, r: 2, w: 3 })).toBe('N=5 R=2 W=3');
  });

  it('selectLegs() describes each WARS leg of the fit', () => {
    const legs = selectLegs({ latency: 'exponential', writeMeanMs: 10, arsMeanMs: 1 });
    expect(legs.map((l) => `${l.leg}: ${l.distribution}`)).toEqual([
      'W: exponential (mean 10 ms)',
      'A: exponential (mean 1 ms)',
      'R: exponential (mean 1 ms)',
      'S: exponential (mean 1 ms)',
    ]);
    expect(selectLegs({ latency: 'lnkd-disk', writeMeanMs: 10, arsMeanMs: 1 })[0].distribution).toBe(
      '38% Pareto (min 1.05 ms, α 1.51) + 62% exponential (mean 5.46 ms)',
    );
  });
});
