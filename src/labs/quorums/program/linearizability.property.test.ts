/**
 * The correctness claims of the quorums lab, tested on swarm scenarios (./swarm.ts: one seed draws the
 * cluster, W and R, clients, latencies, loss and a script of crashes, pauses and partitions).
 *
 *   - W + R > N, no sloppy quorum, ABD write-back: every single-register history is linearizable.
 *   - Without the write-back, with W + R <= N, with a sloppy quorum, or with a broken coordinator, a
 *     search over seeds 0..SEEDS_MAX finds a violation; the first failing seed is pinned, so a change
 *     in the protocol or the engine that hides (or moves) the violation shows up here.
 *
 * A failure prints the swarm seed and the checker's explanation: `swarmScenario(seed, shape)` replays it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explanationProse, type CheckResult } from '../../../core/checkers';
import { runStore } from '../../../sim/kit/leaderless/store';
import type { QuorumsScenario } from '../scenario';
import { spec } from '../index';
import { swarmScenario, type SwarmShape } from './swarm';
import { noWriteBackViolation } from '../violations';
import { checkRegisterHistory } from '../../../sim/kit/history';

/** Seeds searched for a violation (each shape below finds one well before). */
const SEEDS_MAX = 200;

function check(s: QuorumsScenario): CheckResult {
  return checkRegisterHistory(runStore(s).history, 2_000_000).check;
}

function firstViolation(shape: SwarmShape): number {
  for (let seed = 0; seed <= SEEDS_MAX; seed++) if (check(swarmScenario(seed, shape)).verdict === 'not linearizable') return seed;
  return -1;
}

const abd: SwarmShape = { quorums: 'strict', writeBack: true };

describe('quorums linearizability', () => {
  it('W + R > N with ABD write-back and no sloppy quorum: every history is linearizable (fast-check over swarm seeds, fc seed 20261125)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (seed) => {
        const result = check(swarmScenario(seed, abd));
        if (result.verdict !== 'linearizable') {
          const why = result.explanation ? explanationProse(result.explanation) : result.verdict;
          throw new Error(`swarmScenario(${seed}, ${JSON.stringify(abd)}): ${why}`);
        }
      }),
      { seed: 20261125, numRuns: 120 },
    );
  });

  it('W + R > N with ABD write-back: swarm seeds 0..SEEDS_MAX (the ones the searches below use) are all linearizable', () => {
    const bad: number[] = [];
    for (let seed = 0; seed <= SEEDS_MAX; seed++) {
      const s = swarmScenario(seed, abd);
      if (!spec.validate(s).ok || check(s).verdict !== 'linearizable') bad.push(seed);
    }
    expect(bad).toEqual([]);
  });

  // [what is missing or broken, the shape, the first failing seed found by the search]
  const broken: [string, SwarmShape, number][] = [
    ['no write-back (W + R > N alone)', { quorums: 'strict', writeBack: false }, 2],
    ['W + R <= N', { quorums: 'loose', writeBack: true }, 5],
    ['sloppy quorum', { quorums: 'strict', writeBack: true, sloppyQuorum: true }, 186],
    ['bug first-reply: a read returns the first reply, not the highest version', { quorums: 'strict', writeBack: true, bug: 'first-reply' }, 12],
    ['bug early-ack: a write is acknowledged after one ack instead of W', { quorums: 'strict', writeBack: true, bug: 'early-ack' }, 47],
  ];

  it.each(broken)('%s: the seed search finds a violation, first at the pinned seed', (_name, shape, pinned) => {
    expect(firstViolation(shape)).toBe(pinned);
  });

  it.each(broken)('%s: the pinned seed replays a stale read the checker explains', (_name, shape, pinned) => {
    const result = check(swarmScenario(pinned, shape));
    expect(result.verdict).toBe('not linearizable');
    const e = result.explanation!;
    // Every violation found is a read that returned a value some completed operation had overwritten.
    const x = e.operations.find((op) => op.id === e.cannotPlace)!;
    expect(x.text).toMatch(/^read\(\) -> /);
    expect(e.source).toBeDefined();
    expect(e.overwrittenBy).toBeDefined();
  });

  it('the lesson\'s pinned scenario is swarm seed 2 without write-back, and op 15 reads a value older than one already read', () => {
    expect(noWriteBackViolation).toEqual(swarmScenario(2, { quorums: 'strict', writeBack: false }));
    const result = check(noWriteBackViolation);
    expect(result.verdict).toBe('not linearizable');
    expect(result.explanation?.cannotPlace).toBe(15);
    expect(check({ ...noWriteBackViolation, writeBack: true }).verdict).toBe('linearizable');
  });
});
