import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isTicks } from '../ticks';
import { TICKS_PER_MS, msToTicks, ticksToMs } from './time';

describe('time unit', () => {
  it('msToTicks(ms) counts microseconds, rounding half up: 1.5 ms is 1500 ticks, 0.0005 ms is 1 tick', () => {
    expect(TICKS_PER_MS).toBe(1000);
    expect(msToTicks(1.5)).toBe(1500);
    expect(msToTicks(0.0005)).toBe(1);
    expect(msToTicks(0.0004)).toBe(0);
    expect(msToTicks(0)).toBe(0);
  });

  it('ticksToMs(msToTicks(ms)) gives back every whole-microsecond ms, and msToTicks always gives whole ticks (fc seed 20261125)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 600_000_000 }), fc.double({ min: 0, max: 600_000, noNaN: true }), (us, ms) => {
        expect(msToTicks(ticksToMs(us))).toBe(us);
        expect(isTicks(msToTicks(ms))).toBe(true);
      }),
      { seed: 20261125 },
    );
  });

  it('ticksToMs(Infinity) is Infinity (an operation that never returned)', () => {
    expect(ticksToMs(Infinity)).toBe(Infinity);
  });
});
