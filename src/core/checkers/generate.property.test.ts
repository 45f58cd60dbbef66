/**
 * Goal: on random concurrent register histories with a known answer (generate.ts), the checker says
 * linearizable when they are built linearizable, finds an injected stale read, and its explanation's
 * prefix is itself a linearization. Method: fast-check over seeds and shapes (fixed seed for CI, printed on
 * failure), then two histories of 10^4 operations.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rng } from '../random/rng';
import { generateRegisterHistory } from './generate';
import { checkLinearizability, isLinearization } from './linearizability';
import { registerModel } from './models/register';
import { registerStaleness } from './staleness';

const model = registerModel();
const FC = { seed: 20261125, numRuns: 150 };
const shape = fc.record({
  seed: fc.integer({ min: 0, max: 2 ** 31 }),
  operations: fc.integer({ min: 1, max: 120 }),
  readPercent: fc.integer({ min: 0, max: 100 }),
  overlapMax: fc.integer({ min: 0, max: 60 }),
  timeoutPercent: fc.constantFrom(0, 0, 5, 20),
});

/**
 * Proving a violation means trying every placement of the writes of unknown outcome still open at that
 * point (2^k subsets, as in Porcupine): the broken histories keep timeouts rare and histories short.
 */
const staleShape = fc.record({
  seed: fc.integer({ min: 0, max: 2 ** 31 }),
  operations: fc.integer({ min: 1, max: 80 }),
  readPercent: fc.integer({ min: 0, max: 100 }),
  overlapMax: fc.integer({ min: 0, max: 60 }),
  timeoutPercent: fc.constantFrom(0, 0, 2),
});

describe('generated register histories', () => {
  it('generateRegisterHistory(rng, options) without injection => linearizable, with a valid linearization', () => {
    fc.assert(
      fc.property(shape, ({ seed, ...options }) => {
        const { operations } = generateRegisterHistory(rng(seed), options);
        const result = checkLinearizability(model, operations, { keepLinearization: true, stepsMax: 5_000_000 });
        expect(result.verdict).toBe('linearizable');
        expect(isLinearization(model, operations, result.partitions[0].linearization!)).toBe(true);
        expect(registerStaleness(operations).staleReads).toBe(0);
      }),
      FC,
    );
  });

  it('an injected stale read => not linearizable, the read among the explanation\'s operations, the prefix linearizable', () => {
    fc.assert(
      fc.property(staleShape, fc.integer({ min: 1, max: 3 }), ({ seed, ...options }, staleReads) => {
        const { operations, injected } = generateRegisterHistory(rng(seed), { ...options, staleReads });
        expect(injected).toHaveLength(staleReads);
        const result = checkLinearizability(model, operations, { stepsMax: 5_000_000 });
        expect(result.verdict).toBe('not linearizable');
        const e = result.explanation!;
        const named = [e.cannotPlace, ...e.conflicting];
        expect(injected.some((id) => named.includes(id))).toBe(true);
        expect(isLinearization(model, operations, e.longestPrefix)).toBe(true);
        // Exactly the injected reads are stale (each certainly missed one version).
        expect(registerStaleness(operations).stale.map((s) => s.op)).toEqual(injected);
      }),
      FC,
    );
  });

  it('generateRegisterHistory(rng(seed), options) is a pure function of the seed', () => {
    const a = generateRegisterHistory(rng(7), { operations: 200, staleReads: 2, timeoutPercent: 10 });
    const b = generateRegisterHistory(rng(7), { operations: 200, staleReads: 2, timeoutPercent: 10 });
    expect(b).toEqual(a);
  });

  it('10^4 operations: linearizable, and with one stale read not linearizable naming it, in bounded memory', () => {
    const ok = generateRegisterHistory(rng('ten-thousand'), { operations: 10_000, timeoutPercent: 1 });
    const heapBefore = process.memoryUsage().heapUsed;
    expect(checkLinearizability(model, ok.operations).verdict).toBe('linearizable');
    const bad = generateRegisterHistory(rng('ten-thousand'), { operations: 10_000, staleReads: 1 });
    const result = checkLinearizability(model, bad.operations);
    expect(result.verdict).toBe('not linearizable');
    expect(result.explanation!.cannotPlace).toBe(bad.injected[0]);
    // A loose bound (the heap is shared with the test runner): hundreds of MB would mean full bitset copies.
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(200e6);
    const staleness = registerStaleness(bad.operations);
    expect(staleness.stale.map((s) => s.op)).toEqual(bad.injected);
    expect(staleness.stale[0].k).toBe(1);
  }, 20_000);
});
