import { describe, expect, it } from 'vitest';
import type { Operation } from '../../sim/index';
import type { Write } from './messages';
import { isConverged, outcomeOf } from './outcome';
import { Fate } from './result';

const write = (op: number, node: number, counter: number, context: number[]): Write => ({ op, key: 0, value: op + 1, ts: op, dot: { node, counter }, context });
const ok = (index: number): Operation => ({ index, process: index, input: {}, output: undefined, call: index, ret: index + 1, status: 'ok' });

describe('outcomeOf', () => {
  // Three writes through n0: w0 (n0,1); w1 (n0,2) and w2 (n0,3), both written by clients that had read only w0.
  const w0 = write(0, 0, 1, []);
  const w1 = write(1, 0, 2, [1]);
  const w2 = write(2, 0, 3, [1]);
  const history = [ok(0), ok(1), ok(2)];

  it('a write replaced by one whose client had read it is superseded; a concurrent one dropped is lost, though its dot is below the survivor\'s', () => {
    const { fate, lost } = outcomeOf(history, [w0, w1, w2], [[[w2]]], { beatenBy: new Map([[1, { winner: 2, isInverted: false }]]), replacedBy: new Map() });
    expect(Array.from(fate)).toEqual([Fate.superseded, Fate.lost, Fate.kept]);
    expect(lost).toEqual([{ op: 1, key: 0, winner: 2, isAfterWinner: false, hops: 0 }]);
  });

  it('siblings kept side by side are both kept; a timed-out write is unknown, never lost', () => {
    const { fate } = outcomeOf([ok(0), ok(1), { ...ok(2), status: 'timeout', ret: Infinity }], [w0, w1, w2], [[[w1]]], { beatenBy: new Map(), replacedBy: new Map() });
    expect(Array.from(fate)).toEqual([Fate.superseded, Fate.kept, Fate.unknown]);
  });

  it('a write replaced by one that had read it, whose line was then dropped, is lost to the write that dropped the line', () => {
    // w0 -> w1 (read w0) on one side; w2 (concurrent, higher timestamp) drops w1 at the heal; w2 survives.
    const a = write(0, 0, 1, []);
    const b = write(1, 0, 2, [1]);
    const c = write(2, 1, 1, []);
    const drops = { beatenBy: new Map([[1, { winner: 2, isInverted: false }]]), replacedBy: new Map([[0, 1]]) };
    const { fate, lost } = outcomeOf(history, [a, b, c], [[[c]], [[c]]], drops);
    expect(Array.from(fate)).toEqual([Fate.lost, Fate.lost, Fate.kept]);
    expect(lost.map((l) => [l.winner, l.hops])).toEqual([[2, 1], [2, 0]]);
  });

  it('isConverged compares the writes each region holds, by dot', () => {
    expect(isConverged([[[w1, w2]], [[w1, w2]]])).toBe(true);
    expect(isConverged([[[w1, w2]], [[w2]]])).toBe(false);
  });
});
