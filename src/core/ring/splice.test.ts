import { describe, expect, it } from 'vitest';
import { rng } from '../random/rng';
import { spliceRows } from './splice';

/** The same splice row by row: walk the old rows, emitting insertions before their row and skipping drops. */
function naive(a: number[], b: number[], drop: number[], at: number[], addA: number[], addB: number[]): [number[], number[]] {
  const outA: number[] = [];
  const outB: number[] = [];
  let j = 0;
  for (let i = 0; i <= a.length; i++) {
    while (j < at.length && at[j] === i) {
      outA.push(addA[j]);
      outB.push(addB[j++]);
    }
    if (i < a.length && !drop.includes(i)) {
      outA.push(a[i]);
      outB.push(b[i]);
    }
  }
  return [outA, outB];
}

describe('spliceRows', () => {
  it('equals the row-by-row splice on random drops and insertions, ends and repeats included', () => {
    const random = rng(5);
    for (let trial = 0; trial < 200; trial++) {
      const n = random.int(30);
      const a = Array.from({ length: n }, (_, i) => i * 10);
      const b = Array.from({ length: n }, (_, i) => i);
      const drop = a.map((_, i) => i).filter(() => random.chance(1, 3));
      const at = Array.from({ length: random.int(8) }, () => random.int(n + 1)).sort((x, y) => x - y);
      const addA = at.map((_, j) => 1000 + j);
      const addB = at.map((_, j) => 500 + j);
      const [outA, outB] = spliceRows([Uint32Array.from(a), Uint16Array.from(b)] as const, drop, Int32Array.from(at), [Uint32Array.from(addA), Uint16Array.from(addB)] as const);
      const [wantA, wantB] = naive(a, b, drop, at, addA, addB);
      expect(Array.from(outA)).toEqual(wantA);
      expect(Array.from(outB)).toEqual(wantB);
      expect(outB).toBeInstanceOf(Uint16Array);
    }
  });

  it('splices three columns as it splices two', () => {
    const [p, o, v] = spliceRows([Uint32Array.from([1, 3, 5]), Uint16Array.from([7, 8, 9]), Uint16Array.from([0, 1, 2])] as const, [1], [1, 3],
      [Uint32Array.from([2, 6]), Uint16Array.from([4, 4]), Uint16Array.from([5, 6])] as const);
    expect([Array.from(p), Array.from(o), Array.from(v)]).toEqual([[1, 2, 5, 6], [7, 4, 9, 4], [0, 5, 2, 6]]);
    expect(v).toBeInstanceOf(Uint16Array);
  });

  it('refuses insertion places that do not ascend', () => {
    const one = Uint32Array.from([1, 2, 3]);
    expect(() => spliceRows([one, one], [], [2, 1], [Uint32Array.from([9, 9]), Uint32Array.from([9, 9])])).toThrow('not ascending');
  });
});
