import { describe, expect, it } from 'vitest';
import type { Operation } from '../../../sim/index';
import type { Write } from './messages';
import { isConverged, outcomeOf, ReadGraph } from './outcome';
import { Fate } from '../result';

const write = (op: number, node: number, counter: number, context: number[]): Write => ({ op, key: 0, value: op + 1, ts: op, dot: { node, counter }, context });
const ok = (index: number): Operation => ({ index, process: index, input: {}, output: undefined, call: index, ret: index + 1, status: 'ok' });
const history = (n: number) => Array.from({ length: n }, (_, i) => ok(i));

describe('outcomeOf', () => {
  it('ReadGraph.pastOf(op) is every write its value stands on, transitively', () => {
    const g = new ReadGraph([undefined, [1], [2], [1, 3]]);
    expect([...g.pastOf(3)].sort()).toEqual([0, 1, 2]);
    expect(g.hasRead(2, 0)).toBe(true);
    expect(g.hasRead(0, 2)).toBe(false);
  });

  // Through n0: w0; w1 and w2 both by clients that had read only w0; LWW drops w1 for w2; w3 reads w2.
  const w = [write(0, 0, 1, []), write(1, 0, 2, [1]), write(2, 0, 3, [1]), write(3, 0, 4, [3])];
  const readFrom = [undefined, [1], [1], [3]];
  const droppedFor = new Map([[0, 1], [1, 2], [2, 3]]);

  it('superseded means a surviving write had read it; w1 is lost although w3\'s context vector [3] covers r0#2', () => {
    const { fate, lost } = outcomeOf(history(4), w, [[[w[3]]]], droppedFor, readFrom);
    expect(Array.from(fate)).toEqual([Fate.superseded, Fate.lost, Fate.superseded, Fate.kept]);
    expect(lost).toEqual([{ op: 1, key: 0, winner: 2, isAfterWinner: false, hops: 0 }]);
  });

  it('a line of writes dropped at the heal: each is lost to the write that dropped the line, with its hops', () => {
    // Side A: a, then b (read a); side B: c (concurrent, higher timestamp) drops b; c survives.
    const [a, b, c] = [write(0, 0, 1, []), write(1, 0, 2, [1]), write(2, 1, 1, [])];
    const { fate, lost } = outcomeOf(history(3), [a, b, c], [[[c]], [[c]]], new Map([[0, 1], [1, 2]]), [undefined, [1], undefined]);
    expect(Array.from(fate)).toEqual([Fate.lost, Fate.lost, Fate.kept]);
    expect(lost.map((l) => [l.op, l.winner, l.hops, l.isAfterWinner])).toEqual([[0, 2, 1, false], [1, 2, 0, false]]);
  });

  it('a write dropped for one its client had read (a clock behind) is flagged', () => {
    const [a, b] = [write(0, 0, 1, []), write(1, 1, 1, [1])];
    const { lost } = outcomeOf(history(2), [a, b], [[[a]], [[a]]], new Map([[1, 0]]), [undefined, [1]]);
    expect(lost).toEqual([{ op: 1, key: 0, winner: 0, isAfterWinner: true, hops: 0 }]);
  });

  it('siblings kept side by side are both kept; a timed-out write is unknown, never lost', () => {
    const ops = [ok(0), ok(1), { ...ok(2), status: 'timeout' as const, ret: Infinity }];
    const { fate } = outcomeOf(ops, [w[0], w[1], w[2]], [[[w[1], w[2]]]], new Map(), readFrom);
    expect(Array.from(fate)).toEqual([Fate.superseded, Fate.kept, Fate.unknown]);
  });

  it('isConverged compares the writes each region holds, by dot', () => {
    expect(isConverged([[[w[1], w[2]]], [[w[1], w[2]]]])).toBe(true);
    expect(isConverged([[[w[1], w[2]]], [[w[2]]]])).toBe(false);
  });
});
