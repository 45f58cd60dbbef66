/** Each lesson claim, checked against the program's numbers for the step's scenario. */
import { describe, expect, it } from 'vitest';
import { plainContext } from '../contract';
import { lesson } from './lesson';
import { program } from './program/program';
import { spec } from './index';

const results = new Map<string, ReturnType<typeof program>>();
const step = (id: string) => {
  const s = lesson.find((x) => x.id === id)!;
  expect(spec.validate(s.scenario).ok).toBe(true);
  const key = JSON.stringify(s.scenario);
  if (!results.has(key)) results.set(key, program(s.scenario, plainContext()));
  return results.get(key)!;
};
/** The config with (n, r, w) in a result. */
const config = (r: ReturnType<typeof program>, n: number, rr: number, w: number) => r.configs.find((c) => c.n === n && c.r === rr && c.w === w)!;

describe('PBS lesson claims hold in the simulation', () => {
  it('has 3-5 steps, each with a valid scenario', () => {
    expect(lesson.length).toBeGreaterThanOrEqual(3);
    expect(lesson.length).toBeLessThanOrEqual(5);
    for (const s of lesson) expect(spec.validate(s.scenario).ok).toBe(true);
  });

  it('stale-at-commit: LNKD-DISK R=W=1 about 44% at commit, 92.7% at 10 ms', () => {
    const r = step('stale-at-commit');
    const c = config(r, 3, 1, 1);
    expect(c.pAtCommit).toBeGreaterThan(0.43);
    expect(c.pAtCommit).toBeLessThan(0.445);
    const k10 = Array.from(r.tMs).indexOf(10);
    expect(k10).toBeGreaterThan(0);
    expect(c.pConsistent[k10]).toBeCloseTo(0.927, 3);
  });

  it('t-visibility: R=W=1 99.9% after about 52 ms; R=2 W=1 about 14 ms', () => {
    const r = step('t-visibility');
    expect(Math.round(config(r, 3, 1, 1).tVisibility999Ms)).toBe(52);
    expect(Math.round(config(r, 3, 2, 1).tVisibility999Ms)).toBe(14);
  });

  it('strict-cost: R=W=2 100% at commit; write p99.9 about 22 ms against 11 ms with W=1', () => {
    const r = step('strict-cost');
    const strict = config(r, 3, 2, 2);
    expect(strict.isStrict).toBe(true);
    expect(strict.pAtCommit).toBe(1);
    expect(Math.round(strict.writeMs.p999)).toBe(22);
    expect(Math.round(config(r, 3, 1, 1).writeMs.p999)).toBe(11);
  });

  it('fast-legs: LNKD-SSD R=W=1 97.5% at commit, 99.9% after about 2 ms', () => {
    const c = config(step('fast-legs'), 3, 1, 1);
    expect(c.pAtCommit).toBeCloseTo(0.975, 3);
    expect(c.tVisibility999Ms).toBeGreaterThan(1.8);
    expect(c.tVisibility999Ms).toBeLessThan(2.1);
  });

  it('write-tail: exponential W mean 10 ms: about 42% at commit, about 64 ms for 99.9%; W mean 0.25 ms almost none stale', () => {
    const c = config(step('write-tail'), 3, 1, 1);
    expect(c.pAtCommit).toBeGreaterThan(0.41);
    expect(c.pAtCommit).toBeLessThan(0.425);
    expect(Math.round(c.tVisibility999Ms)).toBe(64);
    const s = lesson.find((x) => x.id === 'write-tail')!.scenario;
    const fast = config(program({ ...s, writeMeanMs: 0.25 }, plainContext()), 3, 1, 1);
    expect(fast.pAtCommit).toBeGreaterThan(0.93);
  });
});
