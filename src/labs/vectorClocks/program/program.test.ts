import { describe, expect, it } from 'vitest';
import { plainContext } from '../../contract';
import { defaults, presets } from '../scenario';
import { program, planWrites, runResult } from './program';
import { leaseOverlaps, lwwOutcome, stampInversions } from './outcome';
import type { Write } from './messages';

const skewed = presets.find((p) => p.id === 'skewed')!.scenario;

describe('vector-clocks program', () => {
  it('planWrites(s) gives each replica its writes, named by letter and count, indexed in start order', () => {
    const plan = planWrites(defaults);
    expect(plan.map((p) => p.map((w) => w.name))).toEqual([['a1', 'a2', 'a3'], ['b1', 'b2', 'b3'], ['c1', 'c2', 'c3']]);
    const all = plan.flat().sort((a, b) => a.index - b.index);
    expect(all.map((w) => w.index)).toEqual([...all.keys()]);
    for (let i = 1; i < all.length; i++) expect(all[i].tick).toBeGreaterThanOrEqual(all[i - 1].tick);
  });

  it('program(s) is deterministic, and recording the stage changes no trace hash', () => {
    const a = program(skewed, plainContext());
    const b = program(skewed, plainContext());
    expect(a.traceHash).toBe(b.traceHash);
    expect(runResult(skewed, 'trusted').traceHash).toBe(a.runs[0].traceHash);
    expect(runResult(skewed, 'commitWait').traceHash).toBe(a.runs[1].traceHash);
  });

  it('both runs see the same writes at the same true times; commit wait commits each about 2ε later', () => {
    const r = program(defaults, plainContext());
    const [t, c] = r.runs;
    expect(Array.from(c.writes.startMs)).toEqual(Array.from(t.writes.startMs));
    for (let i = 0; i < t.writes.name.length; i++) {
      expect(t.writes.commitMs[i]).toBe(t.writes.startMs[i]);
      expect(c.writes.commitMs[i] - c.writes.startMs[i]).toBeCloseTo(2 * defaults.epsMs, 0);
    }
  });

  it('the after-run checks can fail: trusting the skewed clocks, stamps invert real order and lease holdings overlap', () => {
    const run = runResult(skewed, 'trusted');
    expect(run.metrics.stampInversions).toBeGreaterThan(0);
    expect(run.metrics.leaseOverlaps).toBeGreaterThan(0);
    // The same schedule with commit wait breaks no invariant: r1's skew is past ε, so the promise is void, not broken.
    expect(runResult(skewed, 'commitWait').violations).toEqual([]);
  });

  it('a crashed replica commits none of the writes asked of it while down', () => {
    const s = { ...defaults, events: [{ t: 0, type: 'crash' as const, node: 1 }, { t: 400, type: 'recover' as const, node: 1 }] };
    const run = runResult(s, 'trusted');
    const w = run.writes;
    for (let i = 0; i < w.name.length; i++) if (w.replica[i] === 1 && w.name[i] !== 'b3') expect(Number.isNaN(w.commitMs[i])).toBe(true);
    expect(run.violations).toEqual([]);
  });
});

describe('vector-clocks outcome', () => {
  const write = (index: number, replica: number, counter: number, context: number[]): Write => ({
    index, replica, value: `w${index}`, dot: { node: replica, counter }, context, wall: 0, lamport: 0, hlc: { l: 0, c: 0 },
  });

  it('lwwOutcome: a write read by a survivor is kept; a dropped concurrent one is lost; one dropped for a write it had seen is inverted', () => {
    const a = write(0, 0, 1, []);
    const b = write(1, 1, 1, [1]);
    const c = write(2, 1, 2, [1, 1]);
    const d = write(3, 0, 2, [1]);
    // c read b, b read a; d (concurrent with b and c) dropped for c; b was dropped once for a although it had seen a.
    const out = lwwOutcome([a, b, c, d], 4, [c], [-1, 0, 1, 0], [[3, 2], [1, 0]]);
    expect(Array.from(out.lost)).toEqual([0, 0, 0, 1]);
    expect(Array.from(out.lostTo)).toEqual([-1, -1, -1, 2]);
    const lostB = lwwOutcome([a, b], 2, [a], [-1, 0], [[1, 0]]);
    expect([lostB.lost[1], lostB.inverted[1]]).toEqual([1, 1]);
  });

  it('stampInversions: a commit before another start with a stamp not below it is an inversion; only those before the bound broke count as within', () => {
    const a = { ...write(0, 0, 1, []), wall: 50 };
    const b = { ...write(1, 1, 1, [1]), wall: 40 };
    expect(stampInversions([a, b], [0, 20], [10, 30], Infinity)).toEqual({ all: [[0, 1]], within: [[0, 1]] });
    expect(stampInversions([a, b], [0, 20], [10, 30], 25).within).toEqual([]);
    expect(stampInversions([a, { ...b, wall: 60 }], [0, 20], [10, 30], Infinity).all).toEqual([]);
  });

  it('leaseOverlaps: holdings of different holders that share time overlap; the same holder\'s never', () => {
    const h = [{ holder: 1, startTick: 0, endTick: 100 }, { holder: 2, startTick: 90, endTick: 200 }, { holder: 1, startTick: 150, endTick: -1 }];
    expect(leaseOverlaps(h, 300)).toEqual([{ a: 0, b: 1, start: 90, end: 100 }, { a: 1, b: 2, start: 150, end: 200 }]);
  });
});
