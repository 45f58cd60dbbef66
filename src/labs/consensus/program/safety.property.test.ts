/**
 * Raft's safety under random fault schedules (./swarm.ts: one seed draws the cluster, timers, network
 * faults, crashes and restarts, pauses, partitions, one-way cuts and membership changes).
 *
 *   - Correct Raft: no invariant breaks and no Figure 2 alarm sounds, on every schedule fast-check draws.
 *     `npm test` runs a share sized for the suite (SCHEDULES_DEFAULT); RAFT_SCHEDULES=10000 runs 10,000.
 *   - Each broken variant is found within SEEDS_MAX seeds: the first seed that finds it is pinned, with
 *     the invariant it breaks, and the same schedule with correct Raft stays safe (the rule, not the
 *     schedule, is what breaks).
 *
 * A failure prints the swarm seed and shape: `swarmScenario(seed, shape)` replays it as a single run.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validate } from '../scenario';
import type { BrokenVariant, FindingKind } from '../result';
import { simulate } from './simulate';
import { swarmScenario, type SwarmShape } from './swarm';

const SCHEDULES_DEFAULT = 400;
const schedules = Number(process.env.RAFT_SCHEDULES ?? SCHEDULES_DEFAULT);
/** Seeds a broken variant must be found within. */
const SEEDS_MAX = 50;

function verdictOf(seed: number, shape: SwarmShape) {
  const s = swarmScenario(seed, shape);
  const run = simulate(s);
  return { s, run, violation: run.obs.violation, alarms: run.obs.alarms, limit: run.sim.stoppedAtLimit };
}

describe('correct Raft under random fault schedules', () => {
  it(`keeps all five invariants and every Figure 2 rule on ${schedules} schedules (fast-check, fc seed 20261206)`, () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.boolean(), (seed, chaos) => {
        const shape: SwarmShape = { broken: 'none', chaos };
        const { s, violation, alarms, limit } = verdictOf(seed, shape);
        const why = `swarmScenario(${seed}, ${JSON.stringify(shape)})`;
        if (!validate(s).ok) throw new Error(`${why} is not a valid scenario`);
        if (violation) throw new Error(`${why}: ${violation.kind} at step ${violation.step}: ${violation.detail}`);
        if (alarms.length > 0) throw new Error(`${why}: ${alarms[0].kind} at step ${alarms[0].step}: ${alarms[0].detail}`);
        if (limit !== undefined) throw new Error(`${why}: stopped at ${limit}`);
      }),
      { seed: 20261206, numRuns: schedules },
    );
  }, Math.max(60_000, schedules * 100));
});

describe('broken variants are caught by the invariants within a bounded number of seeds', () => {
  // [variant, shape, first seed that finds it, the invariant it breaks]
  const pinned: [BrokenVariant, boolean, number, FindingKind][] = [
    ['doubleVote', false, 1, 'electionSafety'],
    ['keepConflicts', false, 12, 'stateMachineSafety'],
    ['commitOldTerm', true, 15, 'leaderCompleteness'],
  ];

  it.each(pinned)('%s (chaos shape: %s) is first found at seed %i, breaking %s; correct Raft on that schedule stays safe', (broken, chaos, seed, kind) => {
    let first = -1;
    for (let k = 0; k <= SEEDS_MAX && first < 0; k++) if (verdictOf(k, { broken, chaos }).violation) first = k;
    expect(first).toBe(seed);
    const { violation } = verdictOf(seed, { broken, chaos });
    expect(violation?.kind).toBe(kind);
    expect(violation!.servers.length).toBeGreaterThan(0);
    const fixed = verdictOf(seed, { broken: 'none', chaos });
    expect([fixed.violation, fixed.alarms]).toEqual([undefined, []]);
  });

  it('the double vote sounds the votedFor alarm before Election Safety breaks', () => {
    const { violation, alarms } = verdictOf(1, { broken: 'doubleVote' });
    expect(alarms[0].kind).toBe('voteChanged');
    expect(alarms[0].step).toBeLessThanOrEqual(violation!.step);
  });
});
