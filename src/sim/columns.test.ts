import { describe, expect, it } from 'vitest';
import { columnLayout, type ColumnKind } from './columns';

const columns = <S extends Record<string, ColumnKind>>(length: number, spec: S) => columnLayout(spec)(length);

describe('columnLayout', () => {
  it('builds one zeroed view per key, all of the length asked, in one buffer', () => {
    const c = columns(5, { a: 'u8', t: 'f64', x: 'i32', y: 'i32' });
    expect(c.t).toBeInstanceOf(Float64Array);
    expect(c.x).toBeInstanceOf(Int32Array);
    expect(c.a).toBeInstanceOf(Uint8Array);
    for (const v of [c.t, c.x, c.y, c.a]) {
      expect(v.length).toBe(5);
      expect([...v].every((e) => e === 0)).toBe(true);
      expect(v.buffer).toBe(c.t.buffer);
    }
    expect(c.t.buffer.byteLength).toBe(5 * (8 + 4 + 4 + 1));
  });

  it('aligns every view to its element size and keeps the columns apart', () => {
    // Odd lengths would misalign a float64 column placed after a uint8 one: the layout puts wider kinds first.
    const c = columns(3, { a: 'u8', x: 'i32', t: 'f64', u: 'f64' });
    expect(c.t.byteOffset % 8).toBe(0);
    expect(c.u.byteOffset % 8).toBe(0);
    expect(c.x.byteOffset % 4).toBe(0);
    c.t.fill(1.5);
    c.u.fill(-2);
    c.x.fill(-1);
    c.a.fill(255);
    expect([...c.t]).toEqual([1.5, 1.5, 1.5]);
    expect([...c.u]).toEqual([-2, -2, -2]);
    expect([...c.x]).toEqual([-1, -1, -1]);
    expect([...c.a]).toEqual([255, 255, 255]);
  });

  it('refuses a length that is not an integer >= 0', () => {
    expect(() => columns(-1, { a: 'u8' })).toThrow('invalid column length: -1');
    expect(() => columns(1.5, { a: 'u8' })).toThrow('invalid column length: 1.5');
    expect(columns(0, { a: 'f64' }).a.length).toBe(0);
  });
});
