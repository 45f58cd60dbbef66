import { describe, expect, it } from 'vitest';
import { TraceHasher } from './traceHasher';

describe('TraceHasher', () => {
  it('hex() is 16 hex digits and the same for the same stream', () => {
    const h1 = new TraceHasher().number(1).number(2.5).string('crash').hex();
    const h2 = new TraceHasher().number(1).number(2.5).string('crash').hex();
    expect(h1).toMatch(/^[0-9a-f]{16}$/);
    expect(h1).toBe(h2);
  });

  it('hex() changes with order, value and string boundaries', () => {
    const base = new TraceHasher().number(1).number(2).hex();
    expect(new TraceHasher().number(2).number(1).hex()).not.toBe(base);
    expect(new TraceHasher().number(1).number(3).hex()).not.toBe(base);
    expect(new TraceHasher().string('ab').string('c').hex()).not.toBe(new TraceHasher().string('a').string('bc').hex());
    expect(new TraceHasher().number(0).hex()).not.toBe(new TraceHasher().number(-0).hex());
    expect(new TraceHasher().hex()).not.toBe(new TraceHasher().number(0).hex());
  });

  it('numbers(array) equals adding each number', () => {
    const values = new Float64Array([1, 2.25, -3, 1e300]);
    const one = new TraceHasher().numbers(values).hex();
    const each = new TraceHasher();
    for (const v of values) each.number(v);
    expect(one).toBe(each.hex());
  });

  it('numbers(unsigned typed array) equals adding each number, across the 2^31 boundary', () => {
    const values = [0, 1, 0x7fffffff, 0x80000000, 0x80000001, 0xfffff800, 0xffffffff, 0xdeadbeef, 12345678, 0x87654321];
    const oneByOne = new TraceHasher();
    for (const v of values) oneByOne.number(v);
    expect(new TraceHasher().numbers(Uint32Array.from(values)).hex()).toBe(oneByOne.hex());
    const small = [0, 1, 255, 65535, 300];
    const each = new TraceHasher();
    for (const v of small) each.number(v);
    expect(new TraceHasher().numbers(Uint16Array.from(small)).hex()).toBe(each.hex());
  });

  it('hex() of a fixed stream is pinned (guards cross-engine drift)', () => {
    const h = new TraceHasher();
    for (let i = 0; i < 1000; i++) h.number(i * 0.5).string(`e${i % 7}`);
    expect(h.hex()).toBe(h.hex());
    expect(h.hex()).toMatchInlineSnapshot(`"e354645741162206"`);
  });
});
