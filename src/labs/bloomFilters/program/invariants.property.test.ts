/**
 * Goal: the lab's invariants hold for any shape and any faults. Method: fast-check draws small scenarios
 * (m, k, n, counter width, deletions, requests, and a script of crashes, pauses and slowed links on the
 * front and the store), runs the program, and checks:
 *   - a Bloom filter never answers "no" for an inserted element (the n elements, and every get of a
 *     stored key on the stage, faults or not);
 *   - a counting filter with saturating counters never loses a kept element, and returns to all zeros
 *     after deleting everything it inserted when no counter saturated (one at its maximum may have
 *     overflowed, so it is never decremented);
 *   - every get that reached the front was answered by the filter or read from the store.
 * Sized for `npm test`; BLOOM_RUNS=500 (an environment variable) runs a larger swarm. The seed is fixed:
 * a failure prints the scenario that breaks it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainContext } from '../../contract';
import { Answer, OpKind } from '../result';
import { defaults, FAULTS, validate, WIDTHS, type BloomEvent, type BloomScenario } from '../scenario';
import { filled, itemKey } from './filters';
import { program } from './program';

const RUNS = Number(process.env.BLOOM_RUNS ?? 40);

const event = fc.record({ t: fc.integer({ min: 0, max: 400 }), type: fc.constantFrom(...FAULTS), node: fc.integer({ min: 1, max: 2 }), ms: fc.integer({ min: 0, max: 50 }) }).map((e): BloomEvent => {
  if (e.type === 'slow') return { t: e.t, type: 'slow', from: e.node === 1 ? 1 : 2, to: e.node === 1 ? 2 : 1, ms: e.ms };
  return { t: e.t, type: e.type, node: e.node };
});

const scenario = fc
  .record({
    m: fc.integer({ min: 8, max: 20_000 }),
    k: fc.integer({ min: 1, max: 12 }),
    n: fc.integer({ min: 1, max: 2000 }),
    width: fc.constantFrom(...WIDTHS),
    deletePct: fc.constantFrom(0, 10, 50, 100),
    requests: fc.integer({ min: 1, max: 60 }),
    presentPct: fc.integer({ min: 0, max: 100 }),
    putPct: fc.integer({ min: 0, max: 50 }),
    seed: fc.nat(),
    events: fc.array(event, { maxLength: 4 }),
  })
  .map((p): BloomScenario => ({ ...defaults, ...p, probes: 1000, events: [...p.events].sort((a, b) => a.t - b.t) }));

describe('bloom-filters invariants under any shape and faults', () => {
  it('never "no" for an inserted element; saturating counters lose nothing and empty out; every get accounted for', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        expect(validate(s).ok).toBe(true);
        const filter = filled(s);
        for (let i = 0; i < s.n; i++) expect(filter.has(itemKey(i))).toBe(true);
        const r = program(s, plainContext());
        for (let i = 0; i < r.ops.count; i++) {
          if (r.ops.kind[i] === OpKind.get && r.ops.keys[i].startsWith('item-')) expect(r.ops.answer[i]).not.toBe(Answer.no);
        }
        const d = r.deletion;
        expect(d.countingLost).toBe(0);
        // A counter that reached its maximum may have overflowed, so it is never decremented: without one, all go back to 0.
        if (d.kept === 0 && d.saturatedAfterFill === 0) expect(d.countersLeft).toBe(0);
        if (d.overflows === 0) expect(d.naiveLost).toBe(0);
        const c = r.context;
        expect(c.saved + c.storeReads).toBe(c.readsWithoutFilter);
        expect(c.wastedReads).toBeLessThanOrEqual(c.getsAbsent);
      }),
      { seed: 2026, numRuns: RUNS },
    );
  }, 120_000);
});
