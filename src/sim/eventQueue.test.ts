import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue, WINDOW_BITS, WINDOW_BITS_MAX, WINDOW_BITS_MIN } from './eventQueue';

describe('EventQueue', () => {
  it('pop() returns payloads in (time, insertion order), like a stable sort of the pushes (property)', () => {
    // Goal: the heap agrees with a naive oracle. Method: random pushes interleaved with pops, small times so
    // ties are frequent; the oracle is a stable sort of the pending items.
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }), { maxLength: 400 }), (ops) => {
        const queue = new EventQueue(1); // capacity 1: every run exercises growth
        const pending: { time: number; seq: number; payload: number }[] = [];
        let payload = 0;
        let seq = 0;
        for (const op of ops) {
          if (op === undefined) {
            pending.sort((a, b) => a.time - b.time || a.seq - b.seq);
            const expected = pending.shift();
            expect(queue.peekTime()).toBe(expected ? expected.time : Infinity);
            expect(queue.pop()).toBe(expected ? expected.payload : -1);
          } else {
            queue.push(op, payload);
            pending.push({ time: op, seq: seq++, payload: payload++ });
          }
          expect(queue.size).toBe(pending.length);
        }
      }),
      { seed: 20261125, numRuns: 200 },
    );
  });

  it('pop() keeps (time, insertion order) across the bucket window, the heap and wrap-around, at every window width (property)', () => {
    // Goal: buckets (times within 4,096 ticks of the latest pop, or 1,024 with the narrow window) and the
    // heap (the rest) interleave exactly like one heap. Method: times drawn near the latest pop, far past
    // either window, before it, at 2^32 + small and as fractions; the oracle is a stable sort.
    const time = fc.oneof(
      fc.integer({ min: 0, max: 30 }),
      fc.integer({ min: 1000, max: 1100 }),
      fc.integer({ min: 2030, max: 2060 }),
      fc.integer({ min: 4000, max: 4200 }),
      fc.integer({ min: 8180, max: 8200 }),
      fc.integer({ min: 0, max: 20000 }),
      fc.constantFrom(2 ** 32 + 3, 2 ** 40, 2.5, 4095.5),
    );
    fc.assert(
      fc.property(fc.constantFrom(WINDOW_BITS_MIN, WINDOW_BITS, 13), fc.array(fc.option(time, { nil: undefined, freq: 3 }), { maxLength: 600 }), (bits, ops) => {
        const queue = new EventQueue(1, bits);
        const pending: { time: number; seq: number; payload: number }[] = [];
        let payload = 0;
        let seq = 0;
        for (const op of ops) {
          if (op === undefined) {
            pending.sort((a, b) => a.time - b.time || a.seq - b.seq);
            const expected = pending.shift();
            expect(queue.peekTime()).toBe(expected ? expected.time : Infinity);
            expect(queue.peekPayload()).toBe(expected ? expected.payload : -1);
            expect(queue.pop()).toBe(expected ? expected.payload : -1);
          } else {
            // Mostly at or after the latest pop, as the engine schedules: shift small times forward.
            const base = pending.length ? pending.reduce((m, p) => Math.min(m, p.time), Infinity) : 0;
            const t = op < 31 && Number.isFinite(base) && payload % 4 !== 0 ? base + op : op;
            expect(queue.push(t, payload)).toBe(seq);
            pending.push({ time: t, seq: seq++, payload: payload++ });
          }
          expect(queue.size).toBe(pending.length);
        }
      }),
      { seed: 20261126, numRuns: 300 },
    );
  });

  it('refuses a window width outside 2^10..2^16 buckets, naming the range', () => {
    expect(() => new EventQueue(1, WINDOW_BITS_MIN - 1)).toThrow('must be 2^10..2^16');
    expect(() => new EventQueue(1, WINDOW_BITS_MAX + 1)).toThrow('must be 2^10..2^16');
    expect(() => new EventQueue(1, 11.5)).toThrow('invalid event window');
  });

  it('push() returns increasing sequence numbers and clear() keeps counting', () => {
    const queue = new EventQueue();
    expect(queue.push(5, 0)).toBe(0);
    expect(queue.push(5, 1)).toBe(1);
    queue.clear();
    expect(queue.size).toBe(0);
    expect(queue.push(1, 2)).toBe(2);
    expect(queue.pushed).toBe(3);
  });

  it('an empty queue peeks Infinity and pops -1', () => {
    const queue = new EventQueue();
    expect(queue.peekTime()).toBe(Infinity);
    expect(queue.peekPayload()).toBe(-1);
    expect(queue.pop()).toBe(-1);
  });
});
