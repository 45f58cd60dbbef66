import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue } from './eventQueue';

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
