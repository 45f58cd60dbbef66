/**
 * Goal: the program's figures are what the filter does. Method: run presets and small variants, and check
 * the measured false-positive rate against the formula within 4 standard deviations of the binomial noise
 * (the keys are fixed names, so each measurement is seeded and repeatable), the deletion experiment's
 * false negatives, the in-context run's accounting, determinism, and refusals over the limits.
 */
import { describe, expect, it } from 'vitest';
import { falsePositiveRate, powInt } from '../../../core/bloom';
import { plainContext } from '../../contract';
import { Answer, OpKind } from '../result';
import { defaults, presets, validate, type BloomScenario } from '../scenario';
import { cellOf, program } from './program';

const run = (s: BloomScenario) => program(s, plainContext());
const preset = (id: string) => presets.find((p) => p.id === id)!.scenario;

describe('false-positive rate measured on never-inserted keys', () => {
  const cases: [string, BloomScenario][] = [
    ['defaults: m/n 9.59, k 7 (1 %)', defaults],
    ['undersized: m/n 3, k 2 (23.7 %)', preset('undersized')],
    ['Fan et al.\'s table: m/n 8, k 6 (2.16 %)', { ...defaults, m: 800_000, k: 6 }],
    ['m/n 10, k 7 (0.82 %)', { ...defaults, m: 1_000_000, k: 7 }],
    ['one hash: m/n 10, k 1 (9.5 %)', { ...defaults, m: 1_000_000, k: 1 }],
  ];
  it.each(cases)('%s: within 4 sigma of (1 - e^(-kn/m))^k and of fill^k', (_, s) => {
    const f = run(s).filter;
    const formula = falsePositiveRate(s.m, s.n, s.k);
    expect(f.formula).toBe(formula);
    expect(Math.abs(f.measured - formula)).toBeLessThan(4 * Math.sqrt((formula * (1 - formula)) / s.probes));
    const fillRate = powInt(f.fill, s.k);
    expect(Math.abs(f.measured - fillRate)).toBeLessThan(4 * Math.sqrt((fillRate * (1 - fillRate)) / s.probes));
    expect(f.falsePositives).toBe(Math.round(f.measured * s.probes));
  }, 30_000);

  it('the default filter: 973 of 10^5 (0.973 %) against 1.004 %, best k 6.64 -> 7, 9.585 bits per element for 1 %', () => {
    const f = run(defaults).filter;
    expect([f.falsePositives, f.formula.toFixed(5), f.optimalK.toFixed(2), f.optimalHashCount, f.bitsPerElementFor1Pct.toFixed(3)]).toEqual([973, '0.01004', '6.64', 7, '9.585']);
    // The curve's minimum is the best integer k.
    const best = f.curveK[f.curveRate.indexOf(Math.min(...f.curveRate))];
    expect(best).toBe(f.optimalHashCount);
  });

  it('filled to 2n the rate climbs, each point within 4 sigma of the formula (defaults: about 1 % at n, 15 % at 2n)', () => {
    const f = run(defaults).fill;
    expect(Array.from(f.n)).toEqual([25_000, 50_000, 75_000, 100_000, 125_000, 150_000, 175_000, 200_000]);
    for (let i = 0; i < f.n.length; i++) {
      const p = f.formula[i];
      expect(Math.abs(f.measured[i] - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / f.probes) + 1 / f.probes);
      if (i > 0) expect(f.measured[i]).toBeGreaterThanOrEqual(f.measured[i - 1]);
    }
    expect(f.measured[7]).toBeGreaterThan(10 * f.measured[3]);
  });

  it('the drawn cells hold every set bit: their counts sum to bitsSet, each cell within its size', () => {
    const r = run(preset('tiny'));
    expect(r.filter.cells).toBe(64);
    expect(r.filter.cellBits.reduce((a, b) => a + b, 0)).toBe(r.filter.bitsSet);
    const big = run(defaults).filter;
    expect(big.cells).toBe(4096);
    expect(big.cellBits.reduce((a, b) => a + b, 0)).toBe(big.bitsSet);
  });

  it('each probe\'s zoom window is centred on it: its middle bit is the bit the probe found', () => {
    for (const s of [defaults, preset('tiny')]) {
      const r = run(s);
      for (let j = 0; j < r.ops.positions.length; j++) {
        expect((r.ops.windows[j] >>> 8) & 1).toBe(r.ops.wasSet[j]);
        if (r.ops.positions[j] < 8) expect(r.ops.windows[j] & ((1 << (8 - r.ops.positions[j])) - 1)).toBe(0);
      }
    }
  });

  it('cellOf(x) is the cell whose range holds x', () => {
    for (const [m, cells] of [[64, 64], [958_506, 4096], [10_000_000, 4096], [4097, 4096]]) {
      for (const x of [0, 1, m - 1, Math.floor(m / 3), Math.floor(m / 2) + 1]) {
        const c = cellOf(x, m, cells);
        expect(Math.floor((c * m) / cells)).toBeLessThanOrEqual(x);
        expect(Math.floor(((c + 1) * m) / cells)).toBeGreaterThan(x);
      }
    }
  });
});

describe('deletion', () => {
  it('defaults: the counting filter loses none of the 90,000 kept elements; clearing bits in the standard filter loses 35,867', () => {
    const d = run(defaults).deletion;
    expect([d.deleted, d.kept, d.overflows, d.countingLost, d.naiveLost, d.clearedLost]).toEqual([10_000, 90_000, 0, 0, 0, 35_867]);
    expect(d.countingBytes).toBe(4 * d.standardBytes - 8);
  });

  it('overflow: 2-bit counters saturate; saturating never loses an element, decrementing saturated counters does', () => {
    const d = run(preset('overflow')).deletion;
    expect(d.counterMax).toBe(3);
    expect(d.overflows).toBeGreaterThan(0);
    expect(d.stuck).toBeGreaterThan(0);
    expect(d.countingLost).toBe(0);
    expect(d.naiveLost).toBeGreaterThan(1000);
    expect([d.overflows, d.stuck, d.naiveLost, d.deletedStillYes]).toEqual([196_822, 302_342, 43_578, 27_205]);
  });

  it('deleting every element without overflow leaves every counter at 0', () => {
    const d = run({ ...defaults, deletePct: 100, n: 20_000 }).deletion;
    expect([d.overflows, d.kept, d.countersLeft, d.countingLost]).toEqual([0, 0, 0, 0]);
  });

  it('a 1-bit counting filter is a standard filter whose bits stick: deleting everything leaves them set', () => {
    const d = run({ ...defaults, width: 1, deletePct: 100, n: 20_000 }).deletion;
    expect(d.countersLeft).toBeGreaterThan(0);
    expect(d.countersLeft).toBe(d.saturatedAfterDelete);
  });
});

describe('in front of the store', () => {
  it('every get that reached f1 was answered "no" by the filter or read from the store; wasted reads are gets for absent keys', () => {
    for (const s of [defaults, preset('undersized'), preset('tiny'), preset('store-down')]) {
      const c = run(s).context;
      expect(c.saved + c.storeReads).toBe(c.readsWithoutFilter);
      expect(c.wastedReads).toBeLessThanOrEqual(c.getsAbsent);
      expect(c.saved).toBeLessThanOrEqual(c.getsAbsent);
      expect(c.gets + c.puts).toBeLessThanOrEqual(s.requests);
    }
  });

  it('a stored key is never answered "definitely no"; a "no" costs two hops, a store read at least a disk read', () => {
    const r = run(preset('undersized'));
    for (let i = 0; i < r.ops.count; i++) {
      if (r.ops.kind[i] === OpKind.get && r.ops.keys[i].startsWith('item-')) expect(r.ops.answer[i]).toBe(Answer.yes);
      if (r.ops.answer[i] === Answer.falsePositive) expect(r.ops.keys[i].startsWith('miss-')).toBe(true);
    }
    expect(r.context.noP50Ms).toBeLessThan(3 * 1.5 + 1e-9);
    expect(r.context.readP50Ms).toBeGreaterThan(10);
  });

  it('the undersized filter wastes reads on false positives at about its rate: 43 of 157 absent gets', () => {
    const c = run(preset('undersized')).context;
    expect([c.wastedReads, c.getsAbsent, c.saved]).toEqual([43, 157, 114]);
  });

  it('with the store crashed, "no" answers continue and gets needing the store time out', () => {
    const r = run(preset('store-down'));
    expect(r.context.timeouts).toBeGreaterThan(0);
    expect(run(defaults).context.timeouts).toBe(0);
    const down = r.stage!.crashes;
    expect([down.start[down.offsets[2]], down.end[down.offsets[2]]]).toEqual([300, 600]);
  });
});

describe('program', () => {
  it('is a pure function of its scenario: same scenario, same hash; another seed, another run', () => {
    const a = run(preset('tiny'));
    expect(run(preset('tiny')).traceHash).toBe(a.traceHash);
    expect(run({ ...preset('tiny'), seed: 2 }).traceHash).not.toBe(a.traceHash);
  });

  it('refuses scenarios over the limits, naming them', () => {
    const bad = (s: object) => {
      const v = validate({ ...defaults, ...s });
      return v.ok ? [] : v.issues.map((i) => i.message);
    };
    expect(bad({ m: 20_000_000 }).join()).toMatch(/10,000,000/);
    expect(bad({ n: 2_000_000 }).join()).toMatch(/1,000,000/);
    expect(bad({ width: 3 }).join()).toMatch(/width must be 1, 2, 4, 8 or 16 bits, got 3/);
    expect(bad({ events: [{ t: 10, type: 'crash', node: 3 }] }).join()).toMatch(/events\[0\]\.node must be 0\.\.2, got 3/);
    expect(bad({})).toEqual([]);
  });
});
