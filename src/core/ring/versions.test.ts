import { describe, expect, it } from 'vitest';
import { rng } from '../random/rng';
import { ColumnVersion } from './versions';

describe('ColumnVersion', () => {
  it('every version reads back its own content, in any order of reads and changes (a seeded tree of versions)', () => {
    const random = rng(11);
    for (let trial = 0; trial < 20; trial++) {
      const length = 1 + random.int(200);
      const first = Uint16Array.from({ length }, () => random.int(50));
      const versions: ColumnVersion[] = [ColumnVersion.of(first)];
      const expected: number[][] = [Array.from(first)];
      for (let step = 0; step < 60; step++) {
        const k = random.int(versions.length);
        const data = versions[k].read();
        expect(Array.from(data), `trial ${trial} step ${step} version ${k}`).toEqual(expected[k]);
        if (random.chance(1, 3)) continue; // a read only
        // Change a few distinct entries, then record the new version.
        const at = [...new Set(Array.from({ length: random.int(6) }, () => random.int(length)))];
        const previous = at.map((i) => data[i]);
        for (const i of at) data[i] = random.int(50);
        versions.push(versions[k].changed(at, previous));
        expected.push(Array.from(data));
      }
      versions.forEach((v, k) => expect(Array.from(v.read())).toEqual(expected[k]));
    }
  });

  it('one array for the whole family: no version copies it', () => {
    const column = Uint16Array.from([1, 2, 3, 4]);
    const v0 = ColumnVersion.of(column);
    column[2] = 9;
    const v1 = v0.changed([2], [3]);
    expect(v0.read()).toBe(column);
    expect(Array.from(column)).toEqual([1, 2, 3, 4]);
    expect(v1.read()).toBe(column);
    expect(Array.from(column)).toEqual([1, 2, 9, 4]);
    expect(v0.diffBytes).toBe(4 + 2);
    expect(v1.diffBytes).toBe(0);
  });

  it('refuses a change to a version that does not hold the array', () => {
    const v0 = ColumnVersion.of(new Uint16Array(3));
    v0.changed([], []);
    expect(() => v0.changed([0], [0])).toThrow('does not hold the array');
  });
});
