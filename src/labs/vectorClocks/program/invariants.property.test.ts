/**
 * The clocks' invariants under random schedules (./swarm.ts: one seed draws the cluster, its clocks and a
 * fault script with crashes, pauses, partitions, cuts, clock jumps, skews and drifts).
 *
 *   - Checked on every event by the replicas: a receive's version vector covers what it received; Lamport
 *     and HLC grow along every message; HLC never goes backwards, never falls behind its physical clock,
 *     and stays within the largest clock offset of it.
 *   - Checked after each run: with commit wait, while every clock is within ±ε, a write committed before
 *     another started has the smaller stamp, and no two replicas hold the lease at once.
 *   - Whatever the clocks do: version vectors lose no committed write, and last-writer-wins on Lamport or
 *     HLC stamps never drops a write for one it had seen.
 *
 * Each deliberately broken rule ('no-wait': no commit wait; 'lease-no-margin': the lease judged by bare
 * readings) is caught within a few hundred seeds.
 *
 * `npm test` runs SCHEDULES_DEFAULT seeds; CLOCKS_SCHEDULES=5000 runs 5,000. A failure names the seed:
 * `swarmScenario(seed)` replays it.
 */
import { describe, expect, it } from 'vitest';
import { validate } from '../scenario';
import { runResult } from './program';
import { swarmScenario } from './swarm';

const SCHEDULES_DEFAULT = 60;
const schedules = Number(process.env.CLOCKS_SCHEDULES ?? SCHEDULES_DEFAULT);

describe('clock invariants under random fault schedules', () => {
  it(`hold on ${schedules} seeded schedules, both runs`, () => {
    let brokenBounds = 0;
    for (let seed = 1; seed <= schedules; seed++) {
      const s = swarmScenario(seed);
      const why = `swarmScenario(${seed})`;
      expect(validate(s).ok, `${why} validates`).toBe(true);
      for (const kind of ['trusted', 'commitWait'] as const) {
        const run = runResult(s, kind);
        expect(run.violations, `${why} ${kind}`).toEqual([]);
        expect(run.metrics['lost.siblings'], `${why} ${kind}: siblings lose nothing`).toBe(0);
        for (const store of [1, 2]) expect(run.writes.inverted[store].every((x) => x === 0), `${why} ${kind}: store ${store} drops no later write`).toBe(true);
        if (!Number.isNaN(run.boundBrokenMs)) brokenBounds++;
      }
    }
    // The schedules do break the bound (clock faults, skews past ε), so the conditional checks are tried on both sides.
    expect(brokenBounds).toBeGreaterThan(0);
  });
});

describe('each broken rule is caught within SEEDS_MAX seeds, and the same schedule is safe with the right rule', () => {
  const SEEDS_MAX = 300;
  it.each([['no-wait', 'commit-order'], ['lease-no-margin', 'lease-exclusive']] as const)('%s breaks %s', (bug, invariant) => {
    let found = -1;
    for (let seed = 1; seed <= SEEDS_MAX && found < 0; seed++) {
      if (runResult(swarmScenario(seed), 'commitWait', undefined, false, bug).violations.some((v) => v.invariant === invariant)) found = seed;
    }
    expect(found, `${bug} caught within ${SEEDS_MAX} seeds`).toBeGreaterThan(0);
    expect(runResult(swarmScenario(found), 'commitWait').violations).toEqual([]);
  });
});
