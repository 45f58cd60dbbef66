/**
 * Goal: the run's invariants hold under any fault schedule and any strategy: every request ends exactly
 * once (or is open at the end), half-open admits at most its trials, queued writes drain, dead-letter or
 * wait, token buckets admit at most B + r T, retries stay within the limit; and a run is a pure function
 * of its scenario. Method: seeded swarm scripts (src/sim/faultScript.ts: crashes, recoveries, pauses,
 * isolations, partitions, cut and slow links on callers and servers) plus service slowdowns, a random
 * strategy and load. `npm test` runs a small share; FAILURE_SWARM=500 runs more.
 */
import { describe, expect, it } from 'vitest';
import { rng } from '../../../core/random/rng';
import { BACKOFFS } from '../../../core/resilience/backoff';
import { faultScript } from '../../../sim/faultScript';
import { plainContext } from '../../contract';
import { defaults, FAULTS, STRATEGIES, validate, type FailureEvent, type FailureScenario } from '../scenario';
import { program } from './program';

const RUNS = Number(process.env.FAILURE_SWARM ?? 12);

function swarm(seed: number): FailureScenario {
  const r = rng(seed).fork('swarm');
  const callers = 1 + r.int(3);
  const servers = 1 + r.int(3);
  const durationMs = 6000;
  const events = faultScript(r.fork('faults'), { types: FAULTS, nodes: callers + servers, span: durationMs - 1000, undoAfter: [100, 2000], countMax: 6 }) as FailureEvent[];
  for (let i = r.int(3); i > 0; i--) {
    const node = callers + r.int(servers);
    const t = r.int(durationMs - 2000);
    events.push({ t, type: 'slowdown', node }, { t: t + 1 + r.int(1500), type: 'restore', node });
  }
  events.sort((a, b) => a.t - b.t);
  return {
    ...defaults,
    seed,
    callers,
    servers,
    durationMs,
    strategy: STRATEGIES[r.int(STRATEGIES.length)],
    backoff: BACKOFFS[r.int(BACKOFFS.length)],
    sharded: r.int(2) === 1,
    slots: 1 + r.int(6),
    ratePerSec: 20 + r.int(120),
    timeoutMs: 100 + r.int(900),
    retries: r.int(4),
    writePct: r.int(101),
    cacheTtlMs: r.int(2) * 500,
    windowCalls: 10,
    minCalls: 5,
    openMs: 500 + r.int(1500),
    queueAttempts: 1 + r.int(4),
    queueBaseMs: 100,
    queueCapMs: 1000,
    queueMax: r.int(2) * (5 + r.int(30)),
    bucketRatePerSec: r.int(2) * (10 + r.int(50)),
    bucketBurst: 1 + r.int(20),
    events,
  };
}

describe('failure handling keeps its invariants under random faults', () => {
  it(`${RUNS} seeded fault schedules and strategies: every check holds, and the run replays to the same hash`, { timeout: 30_000 + RUNS * 3000 }, () => {
    for (let i = 0; i < RUNS; i++) {
      const s = swarm(4000 + i);
      const v = validate(s);
      expect(v.ok, `seed ${s.seed}: ${JSON.stringify(!v.ok && v.issues)}`).toBe(true);
      const result = program(s, plainContext());
      const broken = result.checks.filter((c) => !c.ok).map((c) => `${c.name}: ${c.detail}`);
      expect(broken, `seed ${s.seed} (${s.strategy})`).toEqual([]);
      const t = result.run.totals;
      expect(t.outcomes.reduce((a, x) => a + x, 0), `seed ${s.seed}`).toBe(t.arrivals);
      if (i < 3) expect(program(s, plainContext()).traceHash, `seed ${s.seed} replays`).toBe(result.traceHash);
    }
  });
});
