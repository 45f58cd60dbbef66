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

describe('lesson claims hold in the simulation', { timeout: 20_000 }, () => {
  it('has 4-6 steps, each with a valid scenario', () => {
    expect(lesson.length).toBeGreaterThanOrEqual(4);
    expect(lesson.length).toBeLessThanOrEqual(6);
    for (const s of lesson) expect(spec.validate(s.scenario).ok).toBe(true);
  });

  it('one-node-melts: ~560 req/s asked of the hot node (500 possible), others ~30% CPU, p99 > 1 s, p50 < 5 ms', () => {
    const r = step('one-node-melts');
    const s = lesson[0].scenario;
    const hotRate = s.rate * (s.celebrityPct / 100 + (1 - s.celebrityPct / 100) / s.nodes);
    expect(hotRate).toBeCloseTo(560, 6);
    const measured = r.series.top[0].served / (s.requests / s.rate);
    expect(measured).toBeGreaterThan(530);
    expect(measured).toBeLessThan(590);
    expect(1000 / s.serviceMs).toBe(500);
    expect(r.phases[0].cpuPctP50).toBeGreaterThan(25);
    expect(r.phases[0].cpuPctP50).toBeLessThan(35);
    expect(r.totals.latencyP99Ms).toBeGreaterThan(1000);
    expect(r.totals.latencyP50Ms).toBeLessThan(5);
  });

  it('three-signs: cpu, queue and latency all fire on the hot node in the first bucket', () => {
    const r = step('three-signs');
    const first = r.detections.filter((d) => d.t === 0);
    expect(first.map((d) => d.kind).sort()).toEqual(['cpu', 'latency', 'queue']);
    expect(new Set(first.map((d) => d.node))).toEqual(new Set([r.series.top[0].node]));
  });

  it('strategies: join moves ~91% / 9% / 9% / 3%; range query ~1 node vs 10; busiest > 1.8x mean everywhere', () => {
    const by = Object.fromEntries(step('strategies').table.map((x) => [x.strategy, x]));
    expect(Math.round(by['mod-n'].movedOnJoinPct)).toBe(91);
    expect(Math.round(by.consistent.movedOnJoinPct)).toBe(9);
    expect(Math.round(by.directory.movedOnJoinPct)).toBe(9);
    expect(Math.round(by.range.movedOnJoinPct)).toBe(3);
    expect(Math.round(by.range.rangeQueryNodes)).toBe(1);
    expect(by['mod-n'].rangeQueryNodes).toBe(10);
    expect(by.consistent.rangeQueryNodes).toBe(10);
    for (const row of Object.values(by)) expect(row.requestMaxOverMean).toBeGreaterThan(1.8);
  });

  it('split: busiest CPU ~90% before, under 50% after', () => {
    const [before, after] = step('split').phases;
    expect(before.cpuPctMax).toBeGreaterThan(85);
    expect(before.cpuPctMax).toBeLessThan(95);
    expect(after.cpuPctMax).toBeLessThan(50);
  });

  it('salt: busiest 100% before, under 60% after; ~2,800 extra sub-requests', () => {
    const [before, after] = step('salt').phases;
    expect(before.cpuPctMax).toBeGreaterThan(99);
    expect(after.cpuPctMax).toBeLessThan(60);
    expect(after.fanoutExtra).toBeGreaterThan(2700);
    expect(after.fanoutExtra).toBeLessThan(2900);
  });

  it('cache: ~19% of reads hit, hot node 100% -> under 45%, ~12% of reads stale', () => {
    const [before, after] = step('cache').phases;
    expect(Math.round(after.cacheHitPct)).toBe(19);
    expect(Math.round(after.cacheStalePct)).toBe(12);
    expect(before.cpuPctMax).toBeGreaterThan(99);
    expect(after.cpuPctMax).toBeLessThan(45);
  });
});
