/**
 * Each type on worked examples: its value, its node card, its refusals, and the semantics note's scenarios
 * (1: a counter kept as an LWW integer loses an increment; 2: union resurrects, 2P-Set refuses, OR-Set
 * keeps only a concurrent re-add; 4: merge by sum doubles on a second gossip).
 */
import { describe, expect, it } from 'vitest';
import { gCounter } from './gCounter';
import { lwwRegisterOf } from './lwwRegister';
import { naiveSet } from './naiveSet';
import { orSet, type OrSetState } from './orSet';
import { pnCounter } from './pnCounter';
import { sumCounter } from './sumCounter';
import { twoPhaseSet } from './twoPhaseSet';
import { stateKey } from './types';

const inc = { type: 'increment' as const };
const add = (element: string) => ({ type: 'add' as const, element });
const remove = (element: string) => ({ type: 'remove' as const, element });

describe('counters', () => {
  it('gCounter: increments per replica, value the sum, merge the per-entry max; the card lists the counts', () => {
    const n0 = gCounter.apply(gCounter.apply(gCounter.initial(), 0, inc), 0, inc);
    const n1 = gCounter.apply(gCounter.initial(), 1, { type: 'increment', by: 3 });
    const merged = gCounter.merge(n0, n1);
    expect(merged).toEqual({ counts: [2, 3] });
    expect(gCounter.value(gCounter.merge(merged, n0))).toBe(5);
    expect(gCounter.describe(merged)).toEqual({ type: 'G-Counter', value: '5', rows: [{ label: 'n0', text: '2' }, { label: 'n1', text: '3' }], entries: 2 });
    expect(() => gCounter.apply(n0, 0, { type: 'increment', by: 0 })).toThrow('invalid amount: 0');
  });

  it('pnCounter: decrements in their own half, value may go below zero', () => {
    let s = pnCounter.apply(pnCounter.initial(), 0, inc);
    s = pnCounter.apply(s, 1, { type: 'decrement', by: 3 });
    expect(pnCounter.value(s)).toBe(-2);
    expect(pnCounter.describe(s).rows).toEqual([{ label: 'n0', text: '+1 -0' }, { label: 'n1', text: '+0 -3' }]);
  });

  it('scenario 1: both replicas read 5 and write 6 to an LWW integer: merge gives 6; a G-Counter gives 7', () => {
    const lww = lwwRegisterOf<number>();
    const five = lww.apply(lww.initial(), 0, { type: 'set', value: 5 });
    const merged = lww.merge(lww.apply(five, 0, { type: 'set', value: 6 }), lww.apply(five, 1, { type: 'set', value: 6 }));
    expect(lww.value(merged)).toBe(6);
    const g5 = gCounter.apply(gCounter.initial(), 0, { type: 'increment', by: 5 });
    expect(gCounter.value(gCounter.merge(gCounter.apply(g5, 0, inc), gCounter.apply(g5, 1, inc)))).toBe(7);
  });

  it('scenario 4: a counter merged by sum doubles when the same state is gossiped twice', () => {
    const n0 = sumCounter.apply(sumCounter.initial(), 0, inc);
    const n1 = sumCounter.merge(sumCounter.merge(sumCounter.initial(), n0), n0);
    expect(sumCounter.value(n1)).toBe(2);
    expect(sumCounter.flaw).toMatch(/not idempotent/);
  });
});

describe('lwwRegister', () => {
  const lww = lwwRegisterOf<string>();

  it('Lamport stamps: a write after a merge wins over what it read', () => {
    const a = lww.apply(lww.initial(), 1, { type: 'set', value: 'a' });
    const b = lww.apply(lww.merge(lww.initial(), a), 0, { type: 'set', value: 'b' });
    expect(b).toEqual({ value: 'b', time: 2, replica: 0 });
    expect(lww.value(lww.merge(a, b))).toBe('b');
  });

  it('ties on time go to the higher replica id, then to the larger value, in either merge order', () => {
    const x = lww.apply(lww.initial(), 0, { type: 'set', value: 'x', time: 5 });
    const y = lww.apply(lww.initial(), 1, { type: 'set', value: 'y', time: 5 });
    expect(lww.value(lww.merge(x, y))).toBe('y');
    expect(lww.value(lww.merge(y, x))).toBe('y');
    const z = lww.apply(lww.initial(), 0, { type: 'set', value: 'z', time: 5 });
    expect(stateKey(lww.merge(x, z))).toBe(stateKey(lww.merge(z, x)));
  });

  it('a wall-clock write from a slow clock loses at once, and refusal says why', () => {
    const fast = lww.apply(lww.initial(), 0, { type: 'set', value: 'first', time: 10 });
    const slow = { type: 'set' as const, value: 'second', time: 7 };
    expect(lww.apply(fast, 1, slow)).toBe(fast);
    expect(lww.refusal(fast, 1, slow)).toBe("the write's stamp (t7 by n1) is not after the held one (t10 by n0): it loses at once");
    expect(lww.describe(fast)).toEqual({ type: 'LWW-Register', value: '"first"', rows: [{ label: 'stamp', text: 't10 by n0', tone: 'meta' }], entries: 1 });
  });
});

describe('sets: scenario 2 (n0 removes x while n1 still holds it)', () => {
  it('naive set: the merge brings x back', () => {
    const both = naiveSet.apply(naiveSet.initial(), 0, add('x'));
    const n0 = naiveSet.apply(both, 0, remove('x'));
    expect(naiveSet.value(naiveSet.merge(n0, both))).toEqual(['x']);
  });

  it('2P-Set: x stays out after the merge, and a re-add is refused', () => {
    const both = twoPhaseSet.apply(twoPhaseSet.initial(), 0, add('x'));
    const n0 = twoPhaseSet.apply(both, 0, remove('x'));
    const merged = twoPhaseSet.merge(both, n0);
    expect(twoPhaseSet.value(merged)).toEqual([]);
    expect(twoPhaseSet.apply(merged, 0, add('x'))).toBe(merged);
    expect(twoPhaseSet.refusal(merged, 0, add('x'))).toBe('x was removed: a 2P-Set never re-adds');
    expect(twoPhaseSet.refusal(twoPhaseSet.initial(), 0, remove('x'))).toBe('x is not present here: a 2P-Set removes only what it holds');
    expect(twoPhaseSet.describe(merged).rows).toEqual([
      { label: 'added', text: '{x}', tone: 'live' },
      { label: 'removed', text: '{x}', tone: 'dead' },
    ]);
  });

  it('OR-Set: x stays out unless n1 re-added it concurrently; then the unseen tag keeps it (add wins)', () => {
    const both = orSet.apply(orSet.initial(), 0, add('x'));
    const n0 = orSet.apply(both, 0, remove('x'));
    expect(orSet.value(orSet.merge(n0, both))).toEqual([]);
    const n1 = orSet.apply(both, 1, add('x'));
    const merged = orSet.merge(n0, n1);
    expect(orSet.value(merged)).toEqual(['x']);
    expect(orSet.describe(merged)).toEqual({
      type: 'OR-Set',
      value: '{x}',
      rows: [
        { label: 'context', text: '[1,1]', tone: 'meta' },
        { label: 'x', text: 'tags n1:1; tombstones n0:1', tone: 'live' },
      ],
      entries: 2,
    });
  });

  it('OR-Set: a re-add after a remove works, and the tombstones stay (state grows)', () => {
    let s: OrSetState = orSet.initial();
    for (let i = 0; i < 3; i++) s = orSet.apply(orSet.apply(s, 0, add('x')), 0, remove('x'));
    s = orSet.apply(s, 0, add('x'));
    expect(orSet.value(s)).toEqual(['x']);
    expect(orSet.describe(s).entries).toBe(4);
    expect(orSet.describe(s).rows[1]).toEqual({ label: 'x', text: 'tags n0:4; tombstones n0:1 n0:2 n0:3', tone: 'live' });
    expect(orSet.refusal(orSet.initial(), 0, remove('y'))).toBe('y has no live tag here: nothing seen to remove');
  });

  it('the states are plain data: a JSON round trip gives an equal state that merges the same', () => {
    const s = orSet.apply(orSet.apply(orSet.initial(), 2, add('b')), 0, add('a'));
    const copy = JSON.parse(JSON.stringify(s)) as OrSetState;
    expect(copy).toEqual(s);
    expect(orSet.value(s)).toEqual(['a', 'b']);
    expect(stateKey(orSet.merge(copy, s))).toBe(stateKey(s));
  });
});
