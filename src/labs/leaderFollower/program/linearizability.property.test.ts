/**
 * The correctness claims of the leader-follower lab, tested on swarm scenarios (./swarm.ts: one seed draws
 * the cluster, clients, latencies, loss, timers and a script of crashes, pauses and partitions).
 *
 *   - Always: at most one node leads an epoch; no write is accepted outside its node's serving time.
 *   - With fencing (any mode, any read source): never two nodes serving writes at the same simulated
 *     instant, and no write taken by a leader after a newer epoch had one.
 *   - Sync replication, reads from the leader, fencing: every single-register history is linearizable.
 *   - Async with a failover: the seed search finds a lost acknowledged write, and a history the checker
 *     rejects (semi-sync too, more rarely); without fencing it finds split brain; with a lease that outlives failure detection (a
 *     deliberately broken fencing) it finds two leaders serving at once. First failing seeds are pinned.
 *
 * A failure prints the swarm seed: `swarmScenario(seed, shape)` replays it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explanationProse } from '../../../core/checkers';
import { analyzeRun, checkRun, simulate } from './program';
import { READ_SOURCES, REPLICATION_MODES } from '../result';
import { type LeaderFollowerScenario } from '../scenario';
import { spec } from '../index';
import { swarmScenario, type SwarmShape } from './swarm';

/** Seeds searched for each finding (each is found well before). */
const SEEDS_MAX = 200;

function safety(s: LeaderFollowerScenario) {
  const run = simulate(s);
  return { run, a: analyzeRun(run) };
}

function firstSeed(shape: SwarmShape, found: (s: LeaderFollowerScenario) => boolean, tweak = (s: LeaderFollowerScenario) => s, seedsMax = SEEDS_MAX): number {
  for (let seed = 0; seed <= seedsMax; seed++) if (found(tweak(swarmScenario(seed, shape)))) return seed;
  return -1;
}

const linearizableShape: SwarmShape = { replication: 'sync', readFrom: 'leader', fencing: true };

describe('leader-follower safety on swarm scenarios', () => {
  it('with fencing, in every mode and read source: one leader per epoch, never two serving at once, no deposed writes (fast-check, fc seed 20261125)', () => {
    const shapes = REPLICATION_MODES.flatMap((replication) => READ_SOURCES.map((readFrom) => ({ replication, readFrom })));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: shapes.length - 1 }), fc.boolean(), (seed, k, failover) => {
        const shape: SwarmShape = { ...shapes[k], fencing: true, failover };
        const s = swarmScenario(seed, shape);
        if (!spec.validate(s).ok) throw new Error(`swarmScenario(${seed}, ${JSON.stringify(shape)}) is not a valid scenario`);
        const { run, a } = safety(s);
        const inv = a.invariants;
        const bad = inv.leadersPerEpochMax > 1 || inv.splitBrainMs > 0 || inv.deposedWrites > 0 || inv.splitBrainWrites > 0 || inv.writesOutsideServing > 0;
        if (bad || run.sim.stoppedAtLimit) throw new Error(`swarmScenario(${seed}, ${JSON.stringify(shape)}): ${JSON.stringify(inv)} ${run.sim.stoppedAtLimit ?? ''}`);
      }),
      { seed: 20261125, numRuns: 150 },
    );
  });

  it('without fencing too, elections stay safe (one leader per epoch) and writes are accepted only while serving, seeds 0..SEEDS_MAX', () => {
    const bad: number[] = [];
    for (let seed = 0; seed <= SEEDS_MAX; seed++) {
      const { a } = safety(swarmScenario(seed, { replication: 'async', readFrom: 'any', fencing: false, failover: seed % 2 === 0 }));
      if (a.invariants.leadersPerEpochMax > 1 || a.invariants.writesOutsideServing > 0) bad.push(seed);
    }
    expect(bad).toEqual([]);
  });

  it('sync replication, leader reads, fencing: every history is linearizable (fast-check over swarm seeds, fc seed 20261125)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.boolean(), (seed, failover) => {
        const shape = { ...linearizableShape, failover };
        const result = checkRun(simulate(swarmScenario(seed, shape)), 2_000_000).check;
        if (result.verdict !== 'linearizable') {
          const why = result.explanation ? explanationProse(result.explanation) : result.verdict;
          throw new Error(`swarmScenario(${seed}, ${JSON.stringify(shape)}): ${why}`);
        }
      }),
      { seed: 20261125, numRuns: 120 },
    );
  });

  it('sync replication, leader reads, fencing: swarm seeds 0..SEEDS_MAX with a failover each are all linearizable', () => {
    const bad: number[] = [];
    for (let seed = 0; seed <= SEEDS_MAX; seed++) {
      const s = swarmScenario(seed, { ...linearizableShape, failover: true });
      if (!spec.validate(s).ok || checkRun(simulate(s), 2_000_000).check.verdict !== 'linearizable') bad.push(seed);
    }
    expect(bad).toEqual([]);
  });

  // [what is found, the shape, what counts as found, a tweak of the scenario, the first seed found]
  const findings: [string, SwarmShape, (s: LeaderFollowerScenario) => boolean, ((s: LeaderFollowerScenario) => LeaderFollowerScenario) | undefined, number][] = [
    ['async failover: a lost acknowledged write', { replication: 'async', readFrom: 'leader', fencing: true, failover: true }, (s) => safety(s).a.lost.length > 0, undefined, 3],
    [
      'async failover: a lost acknowledged write the checker sees (a history it rejects)',
      { replication: 'async', readFrom: 'leader', fencing: true, failover: true },
      (s) => {
        const run = simulate(s);
        return analyzeRun(run).lost.length > 0 && checkRun(run, 2_000_000).check.verdict === 'not linearizable';
      },
      undefined,
      111,
    ],
    ['no fencing: split brain, with writes taken by a deposed leader', { replication: 'async', readFrom: 'leader', fencing: false }, (s) => {
      const inv = safety(s).a.invariants;
      return inv.splitBrainMs > 0 && inv.deposedWrites > 0;
    }, undefined, 58],
    ['broken fencing (lease twice the detection time): two leaders serving at once', { replication: 'async', readFrom: 'leader', fencing: true }, (s) => safety(s).a.invariants.splitBrainMs > 0, (s) => ({ ...s, leaseMs: 2 * s.detectMs }), 49],
  ];

  it.each(findings)('%s: the seed search finds it, first at the pinned seed', (_name, shape, found, tweak, pinned) => {
    expect(firstSeed(shape, found, tweak)).toBe(pinned);
  });

  it('semi-sync failover: only one follower surely holds each acknowledged write, and the search finds one lost too, more rarely (first at seed 205 of 0..300)', () => {
    const shape: SwarmShape = { replication: 'semi-sync', readFrom: 'leader', fencing: true, failover: true };
    expect(firstSeed(shape, (s) => safety(s).a.lost.length > 0, undefined, 300)).toBe(205);
  });
});
