/** Each lesson claim, checked against the program's numbers for the step's scenario. */
import { describe, expect, it } from 'vitest';
import { plainContext } from '../contract';
import { lesson } from './lesson';
import { program } from './program/program';
import { spec } from './index';

const step = (id: string) => {
  const s = lesson.find((x) => x.id === id)!;
  expect(spec.validate(s.scenario).ok).toBe(true);
  return program(s.scenario, plainContext());
};

describe('lesson claims hold in the simulation', () => {
  it('has 4-6 steps, each with a valid scenario', () => {
    expect(lesson.length).toBeGreaterThanOrEqual(4);
    expect(lesson.length).toBeLessThanOrEqual(6);
    for (const s of lesson) expect(spec.validate(s.scenario).ok).toBe(true);
  });

  it('mod-n / ring: a fifth node makes mod N move ~80%, the ring ~17% (ideal 20%), all to the new node', () => {
    const r = step('mod-n');
    const m = r.frames[1].moved!;
    expect(r.keyCount).toBe(5000);
    expect(m.modNPct).toBeGreaterThan(78);
    expect(m.modNPct).toBeLessThan(82);
    expect(m.pct).toBeGreaterThan(15.5);
    expect(m.pct).toBeLessThan(18.5);
    expect(m.idealPct).toBeCloseTo(20, 10);
    expect(m.in[4]).toBe(m.count);
    const removed = r.frames[2].moved!;
    expect(removed.count).toBe(r.frames[1].keyCounts[1]);
  });

  it('one-in-n: under 1% moves for add and remove with 100 nodes; mod N 99%', () => {
    const r = step('one-in-n');
    for (const f of r.frames.slice(1)) {
      expect(f.moved!.pct).toBeLessThan(1);
      expect(f.moved!.idealPct).toBeCloseTo(100 / 101, 10);
      expect(f.moved!.modNPct).toBeGreaterThan(99);
    }
  });

  it('few-vnodes: busiest node ~3.4x the mean, quietest about a tenth', () => {
    const f = step('few-vnodes').frames[0];
    expect(f.load.maxOverMean).toBeGreaterThan(3.3);
    expect(f.load.maxOverMean).toBeLessThan(3.5);
    expect(f.load.min / f.load.mean).toBeGreaterThan(0.08);
    expect(f.load.min / f.load.mean).toBeLessThan(0.15);
  });

  it('vnodes: 200 points each keep the busiest of 8 under 1.1x; sweep falls from ~100% to a few %', () => {
    const r = step('vnodes');
    expect(r.frames[0].liveNodes).toBe(8);
    expect(r.frames[0].load.maxOverMean).toBeLessThan(1.1);
    const s = r.sweeps[r.frames[0].sweepIndex];
    expect(s.shareStdevPct[0]).toBeGreaterThan(90);
    expect(s.shareStdevPct[s.shareStdevPct.length - 1]).toBeLessThan(5);
  });

  it('weights-replicas: n0 at weight 3 of 6 owns about half the hash space', () => {
    const f = step('weights-replicas').frames[1];
    expect(f.share[0]).toBeGreaterThan(0.45);
    expect(f.share[0]).toBeLessThan(0.55);
  });
});
