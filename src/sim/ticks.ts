/**
 * Simulated time is an integer count of ticks. What a tick means is the lab's choice (say 1 tick = 1 µs
 * for a network lab, 1 tick = 1 ms for a queueing lab); the engine never reads the wall clock and never
 * compares fractional times, so the order of events cannot depend on float rounding.
 *
 * Anything sampled as a float (latency draws, scenario times in seconds) is rounded to ticks at once,
 * through `toTicks`, before it can decide anything.
 */

/** Largest tick the engine accepts: 2^53 - 1, where float64 stops being exact for integers. */
export const TICKS_MAX = Number.MAX_SAFE_INTEGER;

/** Rounds a non-negative finite number to whole ticks (half away from zero), refusing what no run can use. */
export function toTicks(value: number): number {
  if (!(value >= 0 && value <= TICKS_MAX)) throw new Error(`invalid ticks: ${value}`);
  return Math.round(value);
}

/** True for an integer tick count in 0..TICKS_MAX. */
export function isTicks(value: number): boolean {
  return Number.isInteger(value) && value >= 0 && value <= TICKS_MAX;
}
