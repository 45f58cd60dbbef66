/**
 * Goal: the run teaches what semantics.md says and none of its false shortcuts. Method: small scenarios
 * built to isolate one rule each, checked as data.
 */
import { describe, expect, it } from 'vitest';
import { plainContext } from '../../contract';
import { Outcome } from '../result';
import { defaults, presets, type FailureScenario } from '../scenario';
import { program } from './program';

const run = (s: FailureScenario) => program(s, plainContext());
const preset = (id: string) => presets.find((p) => p.id === id)!.scenario;

describe('failure-handling program', () => {
  it('is a pure function of its scenario: same hash twice, another seed another hash', () => {
    const s = { ...defaults, durationMs: 8000 };
    expect(run(s).traceHash).toBe(run(s).traceHash);
    expect(run({ ...s, seed: 2 }).traceHash).not.toBe(run(s).traceHash);
  });

  it('a timeout is not a definite failure: servers finish abandoned work, and its replies arrive late', () => {
    const r = run({ ...defaults, durationMs: 8000, retries: 0, timeoutMs: 150, ratePerSec: 90 });
    expect(r.run.totals.lateReplies).toBeGreaterThan(0);
    expect(r.run.totals.completions).toBeGreaterThan(r.run.totals.outcomes[Outcome.ok]);
  });

  it('the retry storm outlives its trigger with naive retries, and not with a retry budget', () => {
    const storm = run({ ...preset('metastable-retry'), compare: false });
    expect(storm.run.totals.recoverMs).toBeNaN();
    expect(storm.run.totals.amplification).toBeGreaterThan(3);
    const fixed = run(preset('metastable-budget'));
    expect(fixed.run.totals.recoverMs).toBeLessThan(5000);
    expect(fixed.run.totals.amplification).toBeLessThan(1.2);
    // Without the crash the same load is stable: the trigger matters, the loop sustains.
    const calm = run({ ...preset('metastable-retry'), events: [], durationMs: 20_000 });
    expect(calm.run.totals.amplification).toBeLessThan(1.05);
  });

  it('breaker rejections are fast and not failures: they end as rejected, without a call', () => {
    const r = run(preset('breaker-slow'));
    const t = r.run.totals;
    expect(t.breakerRejected).toBeGreaterThan(0);
    expect(t.outcomes[Outcome.rejected]).toBe(t.breakerRejected);
    // Each caller's breaker is its own: the two open at different moments.
    const opens = Array.from(r.breakers.tMs).filter((_, i) => r.breakers.state[i] === 1);
    expect(new Set(Array.from(r.breakers.caller))).toEqual(new Set([0, 1]));
    expect(opens[0]).not.toBe(opens[1]);
  });

  it('a breaker before shards: 1 of 3 down (33 % failures) never trips a 50 % breaker; a 25 % one blocks the healthy shards too', () => {
    const at25 = run(preset('breaker-shard'));
    const at50 = run({ ...preset('breaker-shard'), failurePct: 50 });
    expect(at50.run.totals.breakerOpens).toBe(0);
    expect(at25.run.totals.breakerOpens).toBeGreaterThan(0);
    // Rejected calls would mostly have gone to the two healthy shards: more requests fail than the shard's third.
    const failed = (t: typeof at25.run.totals) => t.outcomes[Outcome.error] + t.outcomes[Outcome.rejected];
    expect(failed(at25.run.totals)).toBeGreaterThan(failed(at50.run.totals));
  });

  it('backoff delays retries only: first tries keep arriving at the open-loop rate, bin by bin', () => {
    const base = { ...preset('metastable-retry'), compare: false, durationMs: 30_000 };
    const naive = run(base);
    // 'shed' with every mechanism off: only the backoff differs from the naive run.
    const jittered = run({ ...base, strategy: 'shed', budgetTokens: 0, queueMax: 0, dropExpired: false, bucketRatePerSec: 0, backoff: 'full', backoffBaseMs: 100, backoffCapMs: 1000 });
    // Same users, same first tries at the same moments (the population does not wait for anyone's backoff).
    expect(Array.from(jittered.run.series.firstTries)).toEqual(Array.from(naive.run.series.firstTries));
    expect(jittered.run.totals.firstTries).toBe(jittered.run.totals.arrivals);
    // The retries are still made: deferred, not removed.
    expect(jittered.run.totals.retries).toBeGreaterThan(0.5 * naive.run.totals.firstTries * (naive.run.totals.amplification - 1) / 3);
  });

  it('serve-stale never serves a copy older than ttl + stale-if-error', () => {
    const s = preset('serve-stale');
    const r = run(s);
    expect(r.run.totals.staleServed).toBeGreaterThan(0);
    expect(r.run.totals.staleAgeMaxMs).toBeLessThanOrEqual(s.cacheTtlMs + s.sieMs);
  });

  it('a token bucket refuses with 429 past its rate, and those are rejections, not errors', () => {
    const r = run({ ...defaults, strategy: 'shed', compare: false, durationMs: 5000, events: [], ratePerSec: 80, bucketBurst: 5, bucketRatePerSec: 20, retries: 0 });
    const t = r.run.totals;
    expect(t.throttled).toBeGreaterThan(0);
    expect(t.outcomes[Outcome.rejected]).toBe(t.throttled);
    expect(r.checks.every((c) => c.ok)).toBe(true);
  });
});
