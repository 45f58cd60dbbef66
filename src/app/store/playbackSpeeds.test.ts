import { describe, expect, it } from 'vitest';
import { offeredSpeeds, SPEEDS, unitsPerSecondAt1x } from './playbackSlice';

describe('playback speeds', () => {
  it('at 1x a median message crosses in a second, but a run is never slower than 12 s in all', () => {
    expect(unitsPerSecondAt1x(60_000, 1.4, false)).toBe(1.4);
    expect(unitsPerSecondAt1x(120, 50, false)).toBe(10);
    expect(unitsPerSecondAt1x(24, 0, false)).toBe(2);
    expect(unitsPerSecondAt1x(6, 0, true)).toBe(1);
  });

  it('offers the fast speeds a long run needs and leaves out those that would finish a short run at once', () => {
    // A minute of 1.4 ms hops: even 10,000x plays it in 4.3 s.
    expect(offeredSpeeds(60_000, 1.4, 1)).toEqual([...SPEEDS]);
    // A 3 s run of 10 ms hops: 100x already plays it in 3 s; 300x and up are left out.
    expect(offeredSpeeds(3000, 10, 1)).toEqual([0.25, 0.5, 1, 2, 4, 10, 30, 100]);
    // The speed in use stays offered even when the run is too short for it.
    expect(offeredSpeeds(3000, 10, 1000)).toContain(1000);
    // A run that plays in 12 s at 1x keeps every speed up to 1x, whatever happens above.
    expect(offeredSpeeds(12, 1, 1).slice(0, 3)).toEqual([0.25, 0.5, 1]);
  });
});
