/**
 * Goal: the bucket polices as specified. Method: semantics.md scenario 5 (B = 10, r = 5/s: a burst of 20 at
 * t = 0 admits 10, then 5 per second), then random arrival times against the bound B + r T in every span.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TokenBucket } from './tokenBucket';

const SEC = 1_000_000;

describe('TokenBucket', () => {
  it('admits 10 of a burst of 20 at t = 0 (it starts full), then 5 per second', () => {
    const b = new TokenBucket(10, 5, SEC);
    expect(Array.from({ length: 20 }, () => b.tryTake(0)).filter(Boolean)).toHaveLength(10);
    let admitted = 0;
    for (let t = 1; t <= 100; t++) if (b.tryTake((t * SEC) / 100)) admitted++;
    expect(admitted).toBe(5);
    expect([b.admitted, b.refused]).toEqual([15, 105]);
  });

  it('refills continuously, not in whole seconds: half a second gives 2.5 tokens', () => {
    const b = new TokenBucket(10, 5, SEC);
    for (let i = 0; i < 10; i++) b.tryTake(0);
    expect(b.level(SEC / 2)).toBeCloseTo(2.5, 12);
    expect(b.level(10 * SEC)).toBe(10);
  });

  it('property: in any span of T seconds it admits at most B + r T', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 0, max: 20 }), fc.array(fc.integer({ min: 0, max: 5 * SEC }), { minLength: 1, maxLength: 200 }), (burst, rate, times) => {
        const b = new TokenBucket(burst, rate, SEC);
        const sorted = [...times].sort((x, y) => x - y);
        const ok = sorted.filter((t) => b.tryTake(t));
        for (let i = 0; i < ok.length; i++) {
          for (let j = i; j < ok.length; j++) {
            const span = (ok[j] - ok[i]) / SEC;
            expect(j - i + 1).toBeLessThanOrEqual(burst + rate * span + 1e-9);
          }
        }
      }),
      { seed: 7, numRuns: 200 },
    );
  });
});
