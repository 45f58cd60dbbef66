/**
 * Goal: each backoff follows aws-arch-backoff-simulator's formula. Method: exact values where there is no
 * jitter; bounds and determinism from a seeded stream where there is.
 */
import { describe, expect, it } from 'vitest';
import { rng } from '../random/rng';
import { backoffTicks, exponentialTicks } from './backoff';
import { RetryBudget } from './retryBudget';

describe('backoffTicks', () => {
  it('exponential is min(cap, base 2^n)', () => {
    expect([0, 1, 2, 3, 10].map((n) => exponentialTicks(n, 5, 100))).toEqual([5, 10, 20, 40, 100]);
    expect(backoffTicks('none', 3, 5, 100, rng(1))).toBe(0);
  });

  it('full jitter is in [0, exp), equal in [exp/2, exp), decorrelated in [b, min(c, 3 prev)); same seed, same waits', () => {
    const r = rng(3);
    for (let n = 0; n < 8; n++) {
      const e = exponentialTicks(n, 1000, 50_000);
      const full = backoffTicks('full', n, 1000, 50_000, r);
      expect(full).toBeGreaterThanOrEqual(0);
      expect(full).toBeLessThan(e);
      const equal = backoffTicks('equal', n, 1000, 50_000, r);
      expect(equal).toBeGreaterThanOrEqual(e / 2);
      expect(equal).toBeLessThan(e);
    }
    let prev = 1000;
    for (let i = 0; i < 20; i++) {
      const d = backoffTicks('decorrelated', i, 1000, 50_000, r, prev);
      expect(d).toBeGreaterThanOrEqual(1000);
      expect(d).toBeLessThanOrEqual(Math.min(50_000, 3 * prev));
      prev = d;
    }
    const a = rng(9);
    const b = rng(9);
    expect(Array.from({ length: 5 }, (_, n) => backoffTicks('full', n, 100, 10_000, a))).toEqual(Array.from({ length: 5 }, (_, n) => backoffTicks('full', n, 100, 10_000, b)));
  });
});

describe('RetryBudget', () => {
  it('allows max retries in a row, then about one per 10 successes', () => {
    const b = new RetryBudget(3);
    expect([b.tryRetry(), b.tryRetry(), b.tryRetry(), b.tryRetry()]).toEqual([true, true, true, false]);
    for (let i = 0; i < 9; i++) b.onSuccess();
    expect(b.tryRetry()).toBe(false);
    b.onSuccess();
    b.onSuccess();
    expect(b.tryRetry()).toBe(true);
    expect([b.spent, b.denied]).toEqual([4, 2]);
  });
});
