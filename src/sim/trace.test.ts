import { describe, expect, it } from 'vitest';
import { Trace, traceTransferables } from './trace';
import { TraceKind, traceKindNames } from './traceKind';

describe('Trace', () => {
  it('columns() returns every entry in order, across chunks', () => {
    const trace = new Trace(1_000_000);
    for (let i = 0; i < 150_000; i++) trace.record(i * 2, i % 23, i % 7, (i % 5) - 1, i);
    const c = trace.columns();
    expect(c.length).toBe(150_000);
    for (const i of [0, 65_535, 65_536, 131_072, 149_999]) {
      expect([c.time[i], c.kind[i], c.from[i], c.to[i], c.payload[i]]).toEqual([i * 2, i % 23, i % 7, (i % 5) - 1, i]);
    }
  });

  it('record() refuses past the cap and sets isFull', () => {
    const trace = new Trace(3);
    expect([1, 2, 3, 4].map((t) => trace.record(t, 0, 0, 0, 0))).toEqual([true, true, true, false]);
    expect(trace.isFull).toBe(true);
    expect(trace.length).toBe(3);
  });

  it('hash() depends on every column, and equal traces hash equal', () => {
    const make = (edit: (row: number[]) => void) => {
      const trace = new Trace(10);
      const row = [5, TraceKind.deliver, 1, 2, 9];
      edit(row);
      trace.record(row[0], row[1], row[2], row[3], row[4]);
      return trace.hash();
    };
    const base = make(() => {});
    expect(make(() => {})).toBe(base);
    for (let col = 0; col < 5; col++) expect(make((row) => (row[col] += 1))).not.toBe(base);
    // The wide form (a note's large code) differs from the packed form.
    expect(make((row) => (row[3] = 5000))).not.toBe(make((row) => (row[3] = 5001)));
  });

  it('traceTransferables(columns) lists five distinct buffers holding exactly the entries', () => {
    const trace = new Trace(10);
    trace.record(1, 0, 0, 1, 0);
    const c = trace.columns();
    const buffers = traceTransferables(c);
    expect(new Set(buffers).size).toBe(5);
    expect(buffers[0].byteLength).toBe(8);
  });

  it('traceKindNames maps every code back to its name', () => {
    for (const [name, code] of Object.entries(TraceKind)) expect(traceKindNames[code]).toBe(name);
  });
});
