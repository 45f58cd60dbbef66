/**
 * The bin of spare working memory: a buffer given back is handed to the next taker of exactly its size,
 * views and small or detached buffers are never handed out, the bound holds, and zeroed/filled initialize
 * what a reused buffer still holds.
 */
import { describe, expect, it } from 'vitest';
import { BufferBin, filled, zeroed } from './bufferBin';

describe('BufferBin', () => {
  it('hands a given buffer to the next taker of its byte length, once', () => {
    const bin = new BufferBin(1 << 20, 1024);
    const a = bin.take(Float64Array, 1000);
    expect(bin.made).toBe(1);
    bin.give(a);
    expect(bin.bytes).toBe(8000);
    expect(bin.holds(a.buffer)).toBe(true);
    // Same bytes, another type: the same buffer.
    const b = bin.take(Int32Array, 2000);
    expect(b.buffer).toBe(a.buffer);
    expect(bin.reused).toBe(1);
    expect(bin.bytes).toBe(0);
    // Taken already: the next one is new.
    expect(bin.take(Float64Array, 1000).buffer).not.toBe(a.buffer);
    // Another size: new.
    bin.give(b);
    expect(bin.take(Float64Array, 999).buffer).not.toBe(a.buffer);
  });

  it('keeps no view on part of a buffer, nothing under its minimum or over its bound, nothing twice', () => {
    const bin = new BufferBin(10_000, 1024);
    const whole = new Float64Array(1000);
    bin.give(whole.subarray(0, 500), new Uint8Array(512), new Uint8Array(10_001), null, undefined);
    expect(bin.bytes).toBe(0);
    bin.give(whole, whole);
    expect(bin.bytes).toBe(8000);
    bin.clear();
    expect(bin.bytes).toBe(0);
    expect(bin.take(Float64Array, 1000).buffer).not.toBe(whole.buffer);
  });

  it('past its bound, lets the oldest buffers go first', () => {
    const bin = new BufferBin(10_000, 1024);
    const [a, b, c] = [new Uint8Array(4000), new Uint8Array(3000), new Uint8Array(4000)];
    bin.give(a, b);
    expect(bin.bytes).toBe(7000);
    bin.give(c); // 11,000 would pass the bound: a, the oldest, goes
    expect(bin.bytes).toBe(7000);
    expect([bin.holds(a.buffer), bin.holds(b.buffer), bin.holds(c.buffer)]).toEqual([false, true, true]);
    // The latest of a size first.
    bin.give(new Uint8Array(1024));
    const d = new Uint8Array(1024);
    bin.give(d);
    expect(bin.take(Uint8Array, 1024).buffer).toBe(d.buffer);
  });

  it('skips a buffer detached since it was given (moved to another thread)', () => {
    const bin = new BufferBin(1 << 20, 1024);
    const a = new Float64Array(1000);
    bin.give(a);
    structuredClone(a.buffer, { transfer: [a.buffer] });
    expect(a.buffer.byteLength).toBe(0);
    const b = bin.take(Float64Array, 1000);
    expect(b.length).toBe(1000);
    expect(bin.reused).toBe(0);
  });

  it('zeroed and filled write every element of a reused buffer; take leaves what was there', () => {
    const bin = new BufferBin(1 << 20, 1024);
    const a = new Int32Array(1000).fill(7);
    bin.give(a);
    const z = zeroed(bin, Int32Array, 1000);
    expect(z.buffer).toBe(a.buffer);
    expect(z.every((v) => v === 0)).toBe(true);
    z.fill(9);
    bin.give(z);
    const f = filled(bin, Int32Array, 1000, -1);
    expect(f.buffer).toBe(a.buffer);
    expect(f.every((v) => v === -1)).toBe(true);
    bin.give(f);
    expect(bin.take(Int32Array, 1000)[0]).toBe(-1);
    // Without a bin: new arrays.
    expect(zeroed(undefined, Float32Array, 3)).toEqual(new Float32Array(3));
    expect([...filled(undefined, Float32Array, 2, Number.NaN)]).toEqual([Number.NaN, Number.NaN]);
  });
});
