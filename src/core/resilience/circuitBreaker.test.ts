/**
 * Goal: the breaker follows resilience4j's rules. Method: semantics.md scenario 3 with resilience4j's
 * defaults (window 100, minimum 100, 50 %, 60 s open, 10 trials), then seeded random call sequences
 * against the invariants: half-open admits at most the trial calls, rejections leave the window alone.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BreakerState, CircuitBreaker, type BreakerTransition } from './circuitBreaker';

const SEC = 1_000_000;
const r4j = { windowCalls: 100, minCalls: 100, failurePct: 50, openTicks: 60 * SEC, trialCalls: 10 };

describe('CircuitBreaker', () => {
  it('opens at the 50th failure after 100 successes, half-opens 60 s later, reopens on 10 failed trials, closes after repair', () => {
    const log: BreakerTransition[] = [];
    const b = new CircuitBreaker(r4j, (t) => log.push(t));
    let now = 0;
    for (let i = 0; i < 100; i++) b.onResult(now++, b.tryAcquire(now), false);
    let failures = 0;
    while (b.state === BreakerState.closed) {
      b.onResult(now++, b.tryAcquire(now), true);
      failures++;
    }
    expect(failures).toBe(50);
    expect(log[0]).toMatchObject({ to: BreakerState.open, failures: 50, calls: 100 });
    // Open: rejected at once for 60 s, and nothing recorded.
    const opened = log[0].tick;
    expect(b.tryAcquire(opened + 60 * SEC - 1)).toBe(-1);
    now = opened + 60 * SEC;
    const epochs = Array.from({ length: 12 }, () => b.tryAcquire(now));
    expect(b.state).toBe(BreakerState.halfOpen);
    expect(epochs.filter((e) => e >= 0)).toHaveLength(10);
    for (const e of epochs.slice(0, 10)) b.onResult(now, e, true);
    expect(b.state).toBe(BreakerState.open);
    expect(b.tryAcquire(now + 60 * SEC - 1)).toBe(-1);
    now += 60 * SEC;
    const trials = Array.from({ length: 10 }, () => b.tryAcquire(now));
    for (const e of trials) b.onResult(now, e, false);
    expect(b.state).toBe(BreakerState.closed);
    expect(b.windowCounts()).toEqual({ failures: 0, calls: 0 });
    expect(log.map((t) => t.to)).toEqual([1, 2, 1, 2, 0]);
  });

  it('computes no rate before minCalls outcomes', () => {
    const b = new CircuitBreaker({ ...r4j, minCalls: 10 });
    for (let i = 0; i < 9; i++) b.onResult(i, b.tryAcquire(i), true);
    expect(b.state).toBe(BreakerState.closed);
    b.onResult(9, b.tryAcquire(9), true);
    expect(b.state).toBe(BreakerState.open);
  });

  it('ignores an outcome from an earlier state (a closed call ending during half-open is not a trial)', () => {
    const b = new CircuitBreaker({ windowCalls: 2, minCalls: 2, failurePct: 50, openTicks: 10, trialCalls: 1 });
    const late = b.tryAcquire(0);
    b.onResult(0, b.tryAcquire(0), true);
    b.onResult(0, b.tryAcquire(0), true);
    expect(b.state).toBe(BreakerState.open);
    const trial = b.tryAcquire(10);
    expect(b.state).toBe(BreakerState.halfOpen);
    b.onResult(11, late, false);
    expect(b.state).toBe(BreakerState.halfOpen);
    b.onResult(12, trial, false);
    expect(b.state).toBe(BreakerState.closed);
  });

  it('property: half-open never admits more than trialCalls; rejected calls never change the window', () => {
    fc.assert(
      fc.property(
        fc.record({ windowCalls: fc.integer({ min: 1, max: 30 }), trialCalls: fc.integer({ min: 1, max: 5 }), failurePct: fc.integer({ min: 1, max: 100 }) }),
        fc.array(fc.record({ dt: fc.integer({ min: 0, max: 50 }), fail: fc.boolean(), finish: fc.boolean() }), { maxLength: 300 }),
        (cfg, steps) => {
          const b = new CircuitBreaker({ ...cfg, minCalls: Math.max(1, cfg.windowCalls >> 1), openTicks: 100 });
          let now = 0;
          const pending: number[] = [];
          for (const step of steps) {
            now += step.dt;
            const before = b.windowCounts();
            const e = b.tryAcquire(now);
            if (e < 0) expect(b.windowCounts()).toEqual(before);
            else pending.push(e);
            if (b.state === BreakerState.halfOpen) expect(b.trialsAdmitted).toBeLessThanOrEqual(cfg.trialCalls);
            if (step.finish && pending.length > 0) b.onResult(now, pending.shift()!, step.fail);
          }
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });
});
