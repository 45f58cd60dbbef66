/**
 * The counting filter: packed counters of every width read back what was written; deleting everything
 * inserted returns it to all zeros (fast-check, when no counter overflowed); with overflow, saturated
 * counters stay set but no inserted key is ever lost; removing a never-inserted false positive loses
 * inserted keys; and 10^6 items at 1 % fit in under 5 MB with 4-bit counters.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CountingBloomFilter, type CounterWidth } from './countingBloomFilter';
import { bitsFor } from './theory';

const RUNS = { seed: 1999, numRuns: 200 };
const widths: CounterWidth[] = [1, 2, 4, 8, 16];

describe('CountingBloomFilter', () => {
  it('counters of every width count up to 2^width - 1 and saturate there, never wrapping into a neighbour', () => {
    for (const width of widths) {
      const filter = new CountingBloomFilter(37, 1, width);
      const x = filter.positions('k')[0];
      const times = Math.min(filter.max + 3, 70_000);
      for (let i = 0; i < times; i++) filter.add('k');
      expect(filter.counter(x)).toBe(filter.max);
      expect(filter.overflows).toBe(times - filter.max);
      expect(filter.nonZero()).toBe(1);
      expect(filter.saturated()).toBe(1);
    }
  });

  it('deleting everything inserted returns every counter to zero (fast-check over m, k, width 4-16, multisets of keys)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3000 }), fc.integer({ min: 1, max: 12 }), fc.constantFrom<CounterWidth>(4, 8, 16),
        fc.array(fc.string({ maxLength: 8 }), { maxLength: 200 }), fc.nat(),
        (m, k, width, keys, shift) => {
          const filter = new CountingBloomFilter(m, k, width);
          for (const key of keys) filter.add(key);
          const order = keys.map((_, i) => keys[(i + shift) % keys.length]);
          for (const key of order) expect(filter.remove(key)).toBe(true);
          if (filter.overflows === 0) expect(filter.isEmpty()).toBe(true);
        },
      ),
      RUNS,
    );
  });

  it('with any width and overflow, interleaved adds and removes of inserted keys never lose a key (fast-check)', () => {
    const ops = fc.array(fc.record({ add: fc.boolean(), key: fc.integer({ min: 0, max: 30 }) }), { maxLength: 300 });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 8 }), fc.constantFrom(...widths), ops, (m, k, width, script) => {
        const filter = new CountingBloomFilter(m, k, width);
        const held = new Map<string, number>();
        for (const { add, key } of script) {
          const name = `key-${key}`;
          if (add) {
            filter.add(name);
            held.set(name, (held.get(name) ?? 0) + 1);
          } else if ((held.get(name) ?? 0) > 0) {
            expect(filter.remove(name)).toBe(true);
            held.set(name, (held.get(name) ?? 0) - 1);
          }
          for (const [other, count] of held) if (count > 0) expect(filter.has(other)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('bins(b) aggregates counters for drawing: non-zero counts sum to nonZero(), maxima reach the largest counter', () => {
    const filter = new CountingBloomFilter(1000, 3, 4);
    for (let i = 0; i < 300; i++) filter.add(`item-${i % 100}`);
    const { nonZero, max } = filter.bins(7);
    expect(nonZero.reduce((s, c) => s + c, 0)).toBe(filter.nonZero());
    let largest = 0;
    for (let i = 0; i < 1000; i++) largest = Math.max(largest, filter.counter(i));
    expect(Math.max(...max)).toBe(largest);
    expect(largest).toBeGreaterThanOrEqual(3);
    expect(() => filter.bins(0)).toThrow('invalid bins: 0');
  });

  it('1-bit counters saturate at once: after deleting everything the set counters stay set (stuck)', () => {
    const filter = new CountingBloomFilter(2000, 4, 1);
    for (let i = 0; i < 200; i++) filter.add(`item-${i}`);
    for (let i = 0; i < 200; i++) filter.remove(`item-${i}`);
    expect(filter.isEmpty()).toBe(false);
    expect(filter.stuck).toBeGreaterThan(0);
    expect(filter.nonZero()).toBe(filter.saturated());
  });

  it('remove refuses a key with a zero counter, and removing a never-inserted false positive makes inserted keys vanish', () => {
    const n = 1000;
    const filter = new CountingBloomFilter(8 * n, 6);
    for (let i = 0; i < n; i++) filter.add(`item-${i}`);
    const before = filter.words.slice();
    expect(filter.has('never-inserted-0')).toBe(false);
    expect(filter.remove('never-inserted-0')).toBe(false);
    expect(filter.words).toEqual(before);
    // Find false positives among never-inserted keys (about 2 % at 8 counters per item, k 6) and remove them.
    let removed = 0;
    for (let i = 1; removed < 10; i++) if (filter.remove(`never-inserted-${i}`)) removed++;
    let falseNegatives = 0;
    for (let i = 0; i < n; i++) if (!filter.has(`item-${i}`)) falseNegatives++;
    expect(falseNegatives).toBeGreaterThan(0);
    expect(falseNegatives).toBe(41); // ten false positives removed, 41 of 1,000 inserted keys lost
  });

  it('10^6 items at 1 %: m = 9,585,059 counters of 4 bits take 4,792,532 bytes (under the 8 MB target)', () => {
    const filter = new CountingBloomFilter(bitsFor(1_000_000, 0.01), 7);
    expect(filter.byteLength).toBe(4_792_532);
    expect(new CountingBloomFilter(1000, 3, 8).byteLength).toBe(1000);
    expect(() => new CountingBloomFilter(1000, 3, 3 as CounterWidth)).toThrow('invalid width: 3');
  });
});
