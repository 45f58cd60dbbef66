import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LocalClock } from './localClock';

describe('LocalClock', () => {
  it('read(t) is true time until something changes it', () => {
    const clock = new LocalClock();
    expect([clock.read(0), clock.read(1234)]).toEqual([0, 1234]);
  });

  it('skew(t, offset) sets local - true from t on; jump(t, delta) steps it', () => {
    const clock = new LocalClock();
    clock.skew(100, -40);
    expect(clock.read(100)).toBe(60);
    expect(clock.offset(500)).toBe(-40);
    clock.jump(600, 1000);
    expect(clock.read(600)).toBe(1560);
    expect(clock.read(700)).toBe(1660);
  });

  it('setDrift(t, ppm) changes the rate from t on and leaves earlier readings alone', () => {
    const clock = new LocalClock();
    clock.setDrift(1000, 100_000); // +10%
    expect(clock.read(1000)).toBe(1000);
    expect(clock.read(2000)).toBe(2100);
    clock.setDrift(2000, -200_000); // -20% from here
    expect(clock.read(3000)).toBe(2900);
  });

  it('trueDelay(local) follows the rate but not the offset', () => {
    const clock = new LocalClock();
    clock.skew(0, 5000);
    expect(clock.trueDelay(100)).toBe(100);
    clock.setDrift(0, 250_000); // fast clock: 125 local ticks per 100 true ticks
    expect(clock.trueDelay(125)).toBe(100);
    expect(clock.trueDelay(1)).toBe(1); // ceil: a timer never fires before its local delay has passed
  });

  it('with any drift and no jumps, readings never go backwards (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: -500_000, max: 500_000 })), { maxLength: 20 }),
        (changes) => {
          const clock = new LocalClock();
          let t = 0;
          let last = clock.read(0);
          for (const [dt, ppm] of changes) {
            for (let k = 1; k <= 5; k++) {
              const reading = clock.read(t + Math.floor((dt * k) / 5));
              expect(reading).toBeGreaterThanOrEqual(last);
              last = reading;
            }
            t += dt;
            clock.setDrift(t, ppm);
          }
        },
      ),
      { seed: 20261125, numRuns: 200 },
    );
  });

  it('refuses drift beyond ±500,000 ppm and jumps beyond 2^52', () => {
    expect(() => new LocalClock().setDrift(0, 600_000)).toThrow('clock drift must be an integer in -500000..500000 ppm, got 600000');
    expect(() => new LocalClock().jump(0, 2 ** 53)).toThrow('clock jump must be an integer');
  });
});
