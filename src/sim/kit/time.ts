/**
 * The one time unit of the labs that speak milliseconds: the engine ticks in microseconds. A scenario's
 * times (ms, fractional allowed) become whole ticks through `msToTicks` at once (../ticks.ts: only integers
 * reach the event queue), and ticks go back to ms only for results and checkers, through `ticksToMs`.
 */

/** Engine ticks per simulated millisecond (1 tick = 1 µs). */
export const TICKS_PER_MS = 1000;

/** Milliseconds as whole ticks (rounded half up, as Math.round does). */
export function msToTicks(ms: number): number {
  return Math.round(ms * TICKS_PER_MS);
}

/** Ticks as milliseconds: one correctly rounded division, the same in every engine. */
export function ticksToMs(ticks: number): number {
  return ticks / TICKS_PER_MS;
}
