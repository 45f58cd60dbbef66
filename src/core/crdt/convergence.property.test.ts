/**
 * Convergence: any interleaving of updates, sends, partitions, losses, duplicates and reorderings, closed
 * by a healed anti-entropy round in a drawn order, leaves every replica with the same state, whose value is
 * the specified one (all updates counted once; the OR-Set equal to the observed-remove specification).
 * And at every step before that, a real CRDT reads exactly what the updates in its causal past specify:
 * the anomaly detectors find nothing on it. Fixed runner seed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { counterAnomalies, setAnomalies } from './anomalies';
import { finalPasts } from './causal';
import { gCounter } from './gCounter';
import { replay, type HistoryStep } from './history';
import { type LwwOp, compareStamps, lwwRegisterOf } from './lwwRegister';
import { naiveSet } from './naiveSet';
import { orSet, type SetOp } from './orSet';
import { pnCounter } from './pnCounter';
import { SetSpec } from './setSpec';
import { closedHistories, gCounterOps, histories, lwwOps, pnCounterOps, setOps } from './testing/histories';
import { twoPhaseSet } from './twoPhaseSet';
import { type CrdtType, stateKey } from './types';
import { CausalPast } from './causal';

const RUNS = { seed: 2011, numRuns: 300 };

const closed = closedHistories;

function converges<S, O, V>(type: CrdtType<S, O, V>, op: fc.Arbitrary<O>, expected?: (history: HistoryStep<O>[], replicas: number) => V): void {
  fc.assert(
    fc.property(closed(op), ({ replicas, history }) => {
      const states = replay(type, history, replicas);
      for (const s of states) expect(stateKey(s)).toBe(stateKey(states[0]));
      if (expected) expect(type.value(states[0])).toEqual(expected(history, replicas));
    }),
    RUNS,
  );
}

/** The specified counter: every update once. */
function total(history: HistoryStep<{ type: 'increment' | 'decrement'; by?: number }>[]): number {
  let sum = 0;
  for (const s of history) if (s.type === 'op') sum += (s.op.type === 'decrement' ? -1 : 1) * (s.op.by ?? 1);
  return sum;
}

/** The specified set after everyone has seen everything: observed-remove over the whole history. */
function specifiedSet(history: HistoryStep<SetOp>[], replicas: number): string[] {
  const causal = new CausalPast(replicas);
  const spec = new SetSpec(replicas);
  history.forEach((step, i) => {
    const past = causal.of(step.replica);
    const dot = causal.step(i, step);
    if (step.type === 'op' && dot) (step.op.type === 'add' ? spec.add : spec.remove).call(spec, i, dot, step.op.element, past);
  });
  return spec.members(finalPasts(history, replicas)[0]);
}

/** The specified register: the write with the largest stamp, as each write's replica stamped it. */
function lastWrite(history: HistoryStep<LwwOp<string>>[], replicas: number): string | null {
  const type = lwwRegisterOf<string>();
  let best = type.initial();
  replay(type, history, replicas, (i, r, states) => {
    if (history[i].type === 'op' && compareStamps(states[r], best) > 0) best = states[r];
  });
  return best.value;
}

describe('convergence of any interleaving of ops, partitions and merges (fast-check)', () => {
  it('G-Counter: all replicas equal, value = every increment once', () => converges(gCounter, gCounterOps, total));
  it('PN-Counter: all replicas equal, value = increments - decrements', () => converges(pnCounter, pnCounterOps, total));
  it('LWW-Register: all replicas equal, value = the write with the largest stamp', () => converges(lwwRegisterOf<string>(), lwwOps, lastWrite));
  it('OR-Set: all replicas equal, value = the observed-remove specification', () => converges(orSet, setOps, specifiedSet));
  it('the foils converge too (to other values): 2P-Set, naive set', () => {
    converges(twoPhaseSet, setOps);
    converges(naiveSet, setOps);
  });
});

describe('a real CRDT reads its specification at every step (model-based, fast-check)', () => {
  it('OR-Set: setAnomalies finds nothing, whatever the history', () => {
    fc.assert(fc.property(closed(setOps), ({ replicas, history }) => {
      expect(setAnomalies(orSet, history, replicas)).toEqual([]);
    }), RUNS);
  });

  it('G-Counter and PN-Counter: counterAnomalies finds nothing (duplicates harmless)', () => {
    fc.assert(fc.property(closed(gCounterOps), ({ replicas, history }) => {
      expect(counterAnomalies(gCounter, history, replicas)).toEqual([]);
    }), RUNS);
    fc.assert(fc.property(closed(pnCounterOps), ({ replicas, history }) => {
      expect(counterAnomalies(pnCounter, history, replicas)).toEqual([]);
    }), RUNS);
  });

  it('the drawn histories are not trivial: most have updates that crossed replicas, many have duplicates', () => {
    const samples = fc.sample(histories(setOps, 60), { seed: RUNS.seed, numRuns: 200 }); // before the closing round
    const crossed = samples.filter(({ history }) => history.some((s) => s.type === 'deliver' && history[s.send].replica !== s.replica));
    const duplicated = samples.filter(({ history }) => {
      const sends = history.filter((s) => s.type === 'deliver').map((s) => (s.type === 'deliver' ? s.send : -1));
      return new Set(sends).size < sends.length;
    });
    const mean = samples.reduce((sum, { history }) => sum + history.length, 0) / samples.length;
    expect(crossed.length).toBeGreaterThan(120);
    expect(duplicated.length).toBeGreaterThan(40);
    expect(mean).toBeGreaterThan(15);
  });
});
