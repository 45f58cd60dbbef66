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

  it('the first two steps speak of the default scene, the one on screen before any step is shown', () => {
    expect(lesson[0].scenario).toEqual(spec.defaults);
    expect(lesson[1].scenario).toEqual(spec.defaults);
  });

  it('mod-n / ring: n5 joins 5 nodes; mod N moves 1,675 of 2,000 (83.8%), the ring 256 (12.8%, ideal 16.7%), all to n5; removing n2 moves its 370', () => {
    const r = step('mod-n');
    const m = r.frames[1].moved!;
    expect(r.keyCount).toBe(2000);
    expect(r.frames[0].liveNodes).toBe(5);
    expect(r.nodeNames[r.frames[1].node]).toBe('n5');
    expect(m.modNCount).toBe(1675);
    expect((m.modNPct).toFixed(1)).toBe('83.8');
    expect(m.count).toBe(256);
    expect(m.pct.toFixed(1)).toBe('12.8');
    expect(m.idealPct.toFixed(1)).toBe('16.7');
    expect(m.in[5]).toBe(m.count);
    const removed = r.frames[2].moved!;
    expect(r.nodeNames[r.frames[2].node]).toBe('n2');
    expect(removed.count).toBe(370);
    expect(removed.count).toBe(r.frames[1].keyCounts[2]);
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
