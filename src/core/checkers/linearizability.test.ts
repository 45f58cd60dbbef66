/**
 * Goal: checkLinearizability's verdicts and explanations on small histories whose answer is known by hand;
 * closed intervals, unknown outcomes, partitions and the budget. Method: histories written out as tables.
 */
import { describe, expect, it } from 'vitest';
import { History } from '../../sim/history';
import { checkLinearizability, isLinearization } from './linearizability';
import { UNKNOWN, type CheckOp } from './model';
import { kvModel } from './models/kv';
import { pruneUnobservedWrites, registerModel, type RegisterInput, type RegisterOutput } from './models/register';
import { rng } from '../random/rng';
import { explanationProse, resultProse } from './prose';

type Op = CheckOp<RegisterInput, RegisterOutput>;
const w = (value: number, call: number, ret: number, process = 0): Op => ({ input: { f: 'write', value }, output: undefined, call, ret, process });
const r = (value: number | null, call: number, ret: number, process = 0): Op => ({ input: { f: 'read' }, output: value, call, ret, process });
const register = registerModel({ initial: 0 });

describe('checkLinearizability: verdicts', () => {
  it('checkLinearizability(model, []) of an empty history is linearizable', () => {
    expect(checkLinearizability(register, [])).toMatchObject({ verdict: 'linearizable', operations: 0 });
  });

  it('a read may see a concurrent write or not, but not a value older than one that completed before it', () => {
    expect(checkLinearizability(register, [w(1, 0, 10), r(0, 2, 4), r(1, 5, 6)]).verdict).toBe('linearizable');
    expect(checkLinearizability(register, [w(1, 0, 10), r(1, 2, 4), r(0, 5, 6)]).verdict).toBe('not linearizable');
  });

  it('closed intervals: a call at the instant of a return counts as concurrent (the worked example in model.ts)', () => {
    // A write(1) returns at t=5; B's read called at t=5 returns the old 0: accepted (either order at t=5).
    expect(checkLinearizability(register, [w(1, 0, 5, 0), r(0, 5, 8, 1)]).verdict).toBe('linearizable');
    // One tick later it is a violation.
    expect(checkLinearizability(register, [w(1, 0, 5, 0), r(0, 6, 8, 1)]).verdict).toBe('not linearizable');
  });

  it('the search backtracks: r()->1 needs w(2) before w(1) (the example in search.ts)', () => {
    const result = checkLinearizability(register, [w(1, 0, 10), w(2, 2, 5), r(1, 6, 12)], { keepLinearization: true });
    expect(result.verdict).toBe('linearizable');
    expect(result.partitions[0].linearization).toEqual([1, 0, 2]);
  });

  it('an unknown write (ret Infinity) may take effect late, or never', () => {
    const lost: Op = { input: { f: 'write', value: 7 }, output: undefined, call: 0, ret: Infinity, status: 'timeout' };
    expect(checkLinearizability(register, [lost, r(0, 10, 11), r(7, 12, 13)]).verdict).toBe('linearizable');
    expect(checkLinearizability(register, [lost, r(0, 10, 11)]).verdict).toBe('linearizable');
    expect(checkLinearizability(register, [lost, r(7, 10, 11), r(0, 12, 13)]).verdict).toBe('not linearizable');
  });

  it('failed operations are dropped: they certainly had no effect', () => {
    const failed: Op = { ...w(9, 0, 1), status: 'fail' };
    expect(checkLinearizability(register, [failed, r(0, 2, 3)])).toMatchObject({ verdict: 'linearizable', operations: 1 });
  });

  it('cas(from, to) swaps only from `from`, and its failure is information too', () => {
    const cas = (from: number, to: number, ok: boolean, call: number, ret: number): Op => ({ input: { f: 'cas', from, to }, output: ok, call, ret });
    expect(checkLinearizability(register, [cas(0, 3, true, 0, 1), r(3, 2, 3)]).verdict).toBe('linearizable');
    expect(checkLinearizability(register, [cas(1, 3, true, 0, 1)]).verdict).toBe('not linearizable');
    expect(checkLinearizability(register, [cas(0, 3, false, 0, 1)]).verdict).toBe('not linearizable');
  });

  it('accepts History.forChecker() from src/sim as it is (ids are the history\'s indexes)', () => {
    const h = new History<RegisterInput, RegisterOutput>();
    const a = h.invoke(1, { f: 'write', value: 1 }, 0);
    const b = h.invoke(2, { f: 'write', value: 2 }, 1);
    h.fail(b, undefined, 2);
    h.ok(a, undefined, 3);
    const c = h.invoke(3, { f: 'read' }, 4);
    h.ok(c, 2, 5);
    const result = checkLinearizability(registerModel(), h.forChecker());
    expect(result.verdict).toBe('not linearizable');
    expect(result.explanation).toMatchObject({ cannotPlace: 2, longestPrefix: [0] });
  });
});

describe('checkLinearizability: explanation data', () => {
  // P1 |--w(1)--|; P2 |--w(2)--|; P3 |--r()->1--| after both: the stale read of search.ts's picture.
  const history = [w(1, 0, 2, 1), w(2, 3, 5, 2), r(1, 6, 8, 3)];

  it('names the read that cannot be placed, the longest prefix, the source and the overwrite', () => {
    const e = checkLinearizability(register, history).explanation!;
    expect(e).toMatchObject({ longestPrefix: [0, 1], cannotPlace: 2, source: 0, overwrittenBy: 1, precededBy: 1, stateAfterPrefix: '2' });
    expect(e.conflicting).toEqual([0, 1]);
    expect(e.operations.map((op) => op.text)).toEqual(['read() -> 1', 'write(1)', 'write(2)']);
    expect(isLinearization(register, history, e.longestPrefix)).toBe(true);
  });

  it('explanationProse(e) renders the same facts in sentences, apart from the data', () => {
    const result = checkLinearizability(register, history);
    expect(explanationProse(result.explanation!)).toBe(
      'No order of the operations can place op 2 (process 3, read() -> 1, 6..8). The longest linearizable prefix found has 2 operations and leaves the state at 2. ' +
        'It would have been legal right after op 0 (process 1, write(1), 0..2), but only until op 1 (process 2, write(2), 3..5) changed the state. ' +
        'Yet it must come after op 1 (process 2, write(2), 3..5), which returned at 5, before it was called at 6, so after the change.',
    );
    expect(resultProse(result)).toMatch(/^3 operations checked against the register model: not linearizable\. No order/);
  });

  it('with a kv model the explanation names the key, and the other keys stay linearizable', () => {
    const kv = (f: 'get' | 'put', key: string, value: string, call: number, ret: number): CheckOp<never, never> =>
      ({ input: f === 'get' ? { f, key } : { f, key, value }, output: f === 'get' ? value : undefined, call, ret }) as never;
    const result = checkLinearizability(kvModel(), [kv('put', 'a', 'x', 0, 1), kv('put', 'b', 'y', 0, 1), kv('get', 'a', '', 2, 3), kv('get', 'b', 'y', 2, 3)]);
    expect(result.verdict).toBe('not linearizable');
    expect(result.partitions.map((p) => [p.key, p.verdict])).toEqual([['a', 'not linearizable'], ['b', 'linearizable']]);
    expect(result.explanation).toMatchObject({ key: 'a', cannotPlace: 2, source: 'initial', overwrittenBy: 0 });
  });
});

describe('checkLinearizability: budget', () => {
  const many = Array.from({ length: 200 }, (_, i) => w(i + 1, 0, 1000));

  it('stepsMax: the search gives up with "unknown" instead of running on', () => {
    const result = checkLinearizability(register, [...many, r(-1, 2000, 2001)], { stepsMax: 500 });
    expect(result.verdict).toBe('unknown');
    expect(result.steps).toBeLessThanOrEqual(501);
    expect(resultProse(result)).toMatch(/ran out of its budget/);
  });

  it('an injected clock and timeMsMax stop the search by that clock (no wall clock in core)', () => {
    let t = 0;
    const now = () => (t += 1); // every reading advances 1 ms
    const result = checkLinearizability(register, [...many, r(-1, 2000, 2001)], { now, timeMsMax: 5 });
    expect(result.verdict).toBe('unknown');
  });

  it('UNKNOWN is a distinct output: a read with an unknown result is legal in any state', () => {
    expect(register.step(5, { f: 'read' }, UNKNOWN)).toEqual({ ok: true, state: 5 });
  });
});

describe('pruning unobserved writes of unknown outcome', () => {
  const model = registerModel();
  /** k concurrent writes that all timed out, none read, around an ok write and a read of it. */
  function manyTimeouts(k: number, readValue: number): CheckOp<RegisterInput, RegisterOutput>[] {
    const ops: CheckOp<RegisterInput, RegisterOutput>[] = [{ input: { f: 'write', value: 1 }, output: undefined, call: 0, ret: 10, status: 'ok' }];
    for (let i = 0; i < k; i++) ops.push({ input: { f: 'write', value: 100 + i }, output: undefined, call: 1 + i * 0.01, ret: Infinity, status: 'timeout' });
    ops.push({ input: { f: 'read' }, output: readValue, call: 20, ret: 30, status: 'ok' });
    ops.push({ input: { f: 'read' }, output: null, call: 40, ret: 50, status: 'ok' });
    return ops;
  }

  it('decides a history of 40 unobserved timed-out writes in a few steps (the search alone would try 2^40 subsets)', () => {
    const result = checkLinearizability(model, manyTimeouts(40, 1), { stepsMax: 10_000 });
    expect(result.verdict).toBe('not linearizable'); // the last read saw nil after write(1) completed
    expect(result.steps).toBeLessThan(100);
    expect(result.partitions[0].operations).toBe(43);
  });

  it('keeps a timed-out write that some read observed, and then the history can linearize through it', () => {
    const ops = manyTimeouts(3, 101);
    ops.pop(); // no nil read
    expect(pruneUnobservedWrites(ops, null).map((op) => op.input)).toContainEqual({ f: 'write', value: 101 });
    expect(checkLinearizability(model, ops).verdict).toBe('linearizable');
  });

  it('never changes the verdict (brute force without pruning agrees on random small histories)', () => {
    const unpruned = { ...model, prune: undefined };
    let prunedSome = 0;
    const verdicts = new Set<string>();
    for (let seed = 0; seed < 300; seed++) {
      const r = rng(seed).fork('prune');
      const ops: CheckOp<RegisterInput, RegisterOutput>[] = [];
      for (let i = 0; i < 9; i++) {
        const call = r.int(40);
        const isWrite = r.chance(1, 2);
        const timedOut = isWrite && r.chance(1, 2);
        const ret = timedOut ? Infinity : call + 1 + r.int(15);
        ops.push(isWrite
          ? { input: { f: 'write', value: r.int(6) }, output: undefined, call, ret, status: timedOut ? 'timeout' : 'ok' }
          : { input: { f: 'read' }, output: r.chance(1, 5) ? null : r.int(6), call, ret, status: 'ok' });
      }
      const verdict = checkLinearizability(model, ops).verdict;
      expect(verdict, `seed ${seed}`).toBe(checkLinearizability(unpruned, ops).verdict);
      if (pruneUnobservedWrites(ops, null).length < ops.length) prunedSome++;
      verdicts.add(verdict);
    }
    expect(prunedSome).toBeGreaterThan(50); // the comparison exercised pruning
    expect([...verdicts].sort()).toEqual(['linearizable', 'not linearizable']);
  });
});
