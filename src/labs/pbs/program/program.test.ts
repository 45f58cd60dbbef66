/**
 * Goal: the program is a pure function of its scenario, and each preset keeps its trace.
 * Method: run twice (equal hashes), change the seed (another hash), pin each preset's hash inline.
 */
import { describe, expect, it } from 'vitest';
import { plainContext, type RunContext } from '../../contract';
import { program } from './program';
import { spec } from '../index';

const run = (s: typeof spec.defaults) => program(s, plainContext());

describe('pbs program', () => {
  it('program(s) is deterministic and the seed changes the trials', () => {
    const s = { ...spec.defaults, trials: 5000 };
    expect(run(s).traceHash).toBe(run(structuredClone(s)).traceHash);
    expect(run({ ...s, seed: 2 }).traceHash).not.toBe(run(s).traceHash);
  });

  it('program(s) reports progress up to 1 and work equal to cost()', () => {
    const fractions: number[] = [];
    let units = 0;
    const context: RunContext = { progress: (f) => fractions.push(f), work: (u) => (units += u) };
    const s = { ...spec.defaults, trials: 20_000 };
    program(s, context);
    expect(fractions.length).toBeGreaterThan(3);
    expect(fractions[fractions.length - 1]).toBe(1);
    expect(units).toBeLessThanOrEqual(spec.cost(s));
    expect(units).toBeGreaterThan(0.9 * spec.cost(s));
  });

  it('program(s) returns a 61-point grid from 0 to tMaxMs, curves rising to strict = 1, metrics by name', () => {
    const r = run({ ...spec.defaults, trials: 5000 });
    expect(r.tMs.length).toBe(61);
    expect(r.tMs[0]).toBe(0);
    expect(r.tMs[60]).toBe(60);
    expect(r.configs.map((c) => c.isStrict)).toEqual([false, false, true]);
    for (const c of r.configs) for (let k = 1; k < r.tMs.length; k++) expect(c.pConsistent[k]).toBeGreaterThanOrEqual(c.pConsistent[k - 1]);
    expect(Array.from(r.configs[2].pConsistent).every((p) => p === 1)).toBe(true);
    expect(r.metrics['c1.pAtCommit']).toBe(r.configs[0].pAtCommit);
    expect(r.metrics['c3.tVisibility999Ms']).toBe(0);
    expect(r.endTime).toBe(60);
    expect(Array.from(r.marks)).toEqual(Array.from(r.tMs));
  });

  it('every preset keeps its golden trace hash', () => {
    const hashes = Object.fromEntries(spec.presets.map((p) => [p.id, run(p.scenario).traceHash]));
    expect(hashes).toMatchInlineSnapshot(`
      {
        "exponential-tail": "0765862a7e7d8df3",
        "lnkd-ssd": "1949bc7f7fc3bcd6",
        "paper-lnkd-disk": "e3421ddbd2bf61cd",
        "yammer": "dce62b0ff681331d",
      }
    `);
  });
});
