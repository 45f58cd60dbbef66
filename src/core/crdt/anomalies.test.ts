/**
 * The anomaly detectors on worked histories (the semantics note's scenarios 2 and 4), then fast-check at
 * pinned seeds finding the foils' anomalies by itself and shrinking each to its smallest story.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { counterAnomalies, explainCounterAnomaly, explainSetAnomaly, setAnomalies } from './anomalies';
import { gCounter, type GCounterOp } from './gCounter';
import { replay, type History } from './history';
import { naiveSet } from './naiveSet';
import { orSet, type SetOp } from './orSet';
import { sumCounter } from './sumCounter';
import { maxCounter } from './maxCounter';
import { type LwwState, lwwRegisterOf } from './lwwRegister';
import type { CrdtType } from './types';
import { pnCounter, type PNCounterOp } from './pnCounter';
import { closedHistories, gCounterOps, setOps } from './testing/histories';
import { twoPhaseSet } from './twoPhaseSet';

/** The shrunk counterexample of a failed fc.check. */
function shrunk<T>(result: fc.RunDetails<[T]>): T {
  if (!result.failed || !result.counterexample) throw new Error('the property did not fail');
  return result.counterexample[0];
}

const add = (replica: number, element = 'x') => ({ type: 'op' as const, replica, op: { type: 'add' as const, element } });
const remove = (replica: number, element = 'x') => ({ type: 'op' as const, replica, op: { type: 'remove' as const, element } });
const send = (replica: number) => ({ type: 'send' as const, replica });
const deliver = (replica: number, sent: number) => ({ type: 'deliver' as const, replica, send: sent });

/** Both hold x; n0 removes it and re-adds it later; n1 still holds the old x and gossips it back. */
const removeThenReadd: History<SetOp> = [
  add(0), send(0), deliver(1, 1), // 0-2: n0 adds x, n1 gets it
  remove(0), send(1), deliver(0, 4), // 3-5: n0 removes x, then merges n1's older state
  add(0), // 6: n0 adds x again
];

/** n0 removes x while n1, unaware, adds x again: concurrent add and remove. */
const concurrentAddRemove: History<SetOp> = [add(0), send(0), deliver(1, 1), remove(0), add(1), send(1), deliver(0, 5), send(0), deliver(1, 7)];

describe('setAnomalies', () => {
  it('naive set: the merge at step 5 undoes the remove at step 3', () => {
    const found = setAnomalies(naiveSet, removeThenReadd, 2);
    expect(found).toEqual([{ kind: 'remove-undone', step: 5, replica: 0, element: 'x', ops: [3] }]);
    expect(explainSetAnomaly(found[0])).toBe('n0 after step 5 holds x again: the remove at step 3 was undone');
  });

  it('2P-Set: keeps x out after the merge, then loses the re-add at step 6', () => {
    const found = setAnomalies(twoPhaseSet, removeThenReadd, 2);
    expect(found).toEqual([{ kind: 're-add-lost', step: 6, replica: 0, element: 'x', ops: [6] }]);
    expect(explainSetAnomaly(found[0])).toBe('n0 after step 6 lacks x: the re-add at step 6 was lost');
  });

  it('2P-Set: an add concurrent with a remove is lost at both replicas (remove wins); the OR-Set keeps it', () => {
    expect(setAnomalies(twoPhaseSet, concurrentAddRemove, 2).map((a) => [a.kind, a.replica, a.step, a.ops])).toEqual([
      ['add-lost', 0, 6, [4]],
      ['add-lost', 1, 8, [4]],
    ]);
    expect(setAnomalies(orSet, concurrentAddRemove, 2)).toEqual([]);
    expect(setAnomalies(orSet, removeThenReadd, 2)).toEqual([]);
  });

  it('an anomaly is counted once while it lasts, and again when it comes back', () => {
    // n0's remove is undone at step 5; n0 removes again (7) and is undone again by the same old state (8).
    const twice: History<SetOp> = [...removeThenReadd.slice(0, 6), deliver(0, 4), remove(0), deliver(0, 4)];
    expect(setAnomalies(naiveSet, twice, 2).map((a) => [a.step, a.ops])).toEqual([
      [5, [3]],
      [8, [3, 7]],
    ]);
  });
});

describe('counterAnomalies', () => {
  const once: History<GCounterOp> = [{ type: 'op', replica: 0, op: { type: 'increment' } }, send(0), deliver(1, 1), deliver(1, 1)];

  it('merge by sum: the duplicate delivery at step 3 double-counts; merge by max (G-Counter) shrugs it off', () => {
    const found = counterAnomalies(sumCounter, once, 2);
    expect(found).toEqual([{ kind: 'over-count', step: 3, replica: 1, value: 2, expected: 1 }]);
    expect(explainCounterAnomaly(found[0])).toBe('n1 after step 3 reads 2 where its updates sum to 1: 1 too many');
    expect(counterAnomalies(gCounter, once, 2)).toEqual([]);
  });
});

describe('counterAnomalies, scenario 3', () => {
  it('a signed counter merged by max loses the decrement at step 5; the PN-Counter keeps it', () => {
    const steps: History<PNCounterOp> = [
      { type: 'op', replica: 0, op: { type: 'increment' } }, send(0), deliver(1, 1), // n1 gets [1]
      { type: 'op', replica: 0, op: { type: 'decrement' } }, send(0), deliver(1, 4), // n1 merges n0's [0]
    ];
    expect(counterAnomalies(maxCounter, steps, 2)).toEqual([{ kind: 'over-count', step: 5, replica: 1, value: 1, expected: 0 }]);
    expect(explainCounterAnomaly(counterAnomalies(maxCounter, steps, 2)[0])).toBe('n1 after step 5 reads 1 where its updates sum to 0: 1 too many');
    expect(counterAnomalies(pnCounter, steps, 2)).toEqual([]);
    expect(maxCounter.describe(replay(maxCounter, steps, 2)[1])).toEqual({ type: 'Signed counter merged by max', value: '1', rows: [{ label: 'n0', text: '1' }], entries: 1 });
  });
});

describe('counterAnomalies, scenario 1', () => {
  it('a counter kept as an LWW integer (read, add one, write) under-counts two concurrent increments', () => {
    const lww = lwwRegisterOf<number>();
    const lwwCounter: CrdtType<LwwState<number>, GCounterOp, number> = {
      ...lww,
      apply: (state, replica) => lww.apply(state, replica, { type: 'set', value: (state.value ?? 0) + 1 }),
      value: (state) => state.value ?? 0,
      refusal: () => undefined,
    };
    const steps: History<GCounterOp> = [
      { type: 'op', replica: 0, op: { type: 'increment' } }, { type: 'op', replica: 1, op: { type: 'increment' } },
      send(1), deliver(0, 2), // n0 holds (1, t1, n0), receives (1, t1, n1): n1 wins the tie, value 1
    ];
    expect(counterAnomalies(lwwCounter, steps, 2)).toEqual([{ kind: 'under-count', step: 3, replica: 0, value: 1, expected: 2 }]);
    expect(counterAnomalies(gCounter, steps, 2)).toEqual([]);
  });
});

describe('fast-check finds the foils anomalies at pinned seeds, shrunk to the smallest story', () => {
  it('naive set (seed 7): add, gossip, remove, gossip back: the remove is undone', () => {
    const result = fc.check(
      fc.property(closedHistories(setOps), ({ replicas, history }) => setAnomalies(naiveSet, history, replicas).length === 0),
      { seed: 7, numRuns: 200 },
    );
    expect(result.failed).toBe(true);
    const { replicas, history } = shrunk(result);
    const found = setAnomalies(naiveSet, history, replicas);
    expect(found[0].kind).toBe('remove-undone');
    const ops = history.filter((s) => s.type === 'op').map((s) => (s.type === 'op' ? s.op.type : ''));
    expect(ops).toEqual(['add', 'remove']);
  });

  it('2P-Set (seed 7): a remove and a later or concurrent add: the add is lost', () => {
    const result = fc.check(
      fc.property(closedHistories(setOps), ({ replicas, history }) => setAnomalies(twoPhaseSet, history, replicas).length === 0),
      { seed: 7, numRuns: 200 },
    );
    expect(result.failed).toBe(true);
    const { replicas, history } = shrunk(result);
    expect(['re-add-lost', 'add-lost']).toContain(setAnomalies(twoPhaseSet, history, replicas)[0].kind);
    expect(history.filter((s) => s.type === 'op').length).toBeLessThanOrEqual(3);
  });

  it('counter merged by sum (seed 7): one increment gossiped and merged twice', () => {
    const result = fc.check(
      fc.property(closedHistories(gCounterOps), ({ replicas, history }) => counterAnomalies(sumCounter, history, replicas).length === 0),
      { seed: 7, numRuns: 200 },
    );
    expect(result.failed).toBe(true);
    const { replicas, history } = shrunk(result);
    expect(counterAnomalies(sumCounter, history, replicas)[0].kind).toBe('over-count');
    expect(history.filter((s) => s.type === 'op').length).toBe(1);
  });
});
