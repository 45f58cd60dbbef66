/**
 * A node's local clock: what the node believes the time is, as opposed to the simulation's true time.
 * It reads `true time + offset`, running at `1 + driftPpm / 10^6` true ticks per tick, piecewise: each
 * change (a skew, a drift change, a jump) re-anchors the line at the moment of the change, so the past
 * readings never move.
 *
 *   local
 *     |            /  drift +20%          the line restarts at each change; a jump is a vertical step
 *     |       ____/
 *     |      |  jump +k
 *     |    /                             offset (skew) = local - true at the anchor
 *     |  /
 *     +-------------------- true time
 *
 * Only the node's own reading changes: the engine orders events by true time, so skew and drift can never
 * reorder the trace (a property test holds it to that). Readings are whole ticks (floor), and with drift
 * above -10^6 ppm the clock never runs backwards except through a jump or skew.
 */

/** Drift limit, in parts per million of true time (±50%: beyond that no lab teaches anything new). */
export const DRIFT_PPM_MAX = 500_000;
/** Largest offset or jump, in ticks (2^52, so readings stay exact integers). */
export const CLOCK_STEP_MAX = 2 ** 52;

const PPM = 1_000_000;

export class LocalClock {
  private anchorTrue = 0;
  private anchorLocal = 0;
  private drift = 0;

  /** Drift in ppm (default 0: the clock runs at true speed). */
  get driftPpm(): number {
    return this.drift;
  }

  /** The local reading at true time `t` (ticks). */
  read(t: number): number {
    const elapsed = t - this.anchorTrue;
    return this.anchorLocal + elapsed + Math.floor((elapsed * this.drift) / PPM);
  }

  /** Offset of the local reading from true time at `t` (local - true). */
  offset(t: number): number {
    return this.read(t) - t;
  }

  /** Steps the clock by `deltaTicks` (either sign) at true time `t`, as an NTP step or an operator would. */
  jump(t: number, deltaTicks: number): void {
    checkStep(deltaTicks, 'clock jump');
    this.anchorAt(t);
    this.anchorLocal += deltaTicks;
  }

  /** Sets the offset (local - true) to `offsetTicks` at true time `t`. */
  skew(t: number, offsetTicks: number): void {
    checkStep(offsetTicks, 'clock skew');
    this.anchorTrue = t;
    this.anchorLocal = t + offsetTicks;
  }

  /** Sets the rate from true time `t` on: `driftPpm` extra local ticks per 10^6 true ticks (either sign). */
  setDrift(t: number, driftPpm: number): void {
    if (!(Number.isInteger(driftPpm) && Math.abs(driftPpm) <= DRIFT_PPM_MAX)) {
      throw new Error(`clock drift must be an integer in -${DRIFT_PPM_MAX}..${DRIFT_PPM_MAX} ppm, got ${driftPpm}`);
    }
    this.anchorAt(t);
    this.drift = driftPpm;
  }

  /**
   * True ticks until the local clock has advanced by `localTicks`: how a timer measures its delay. Timers
   * follow the rate (a fast clock fires early) but not the offset: jumps neither fire nor delay them, as
   * with a monotonic clock.
   */
  trueDelay(localTicks: number): number {
    if (this.drift === 0) return localTicks;
    return Math.ceil((localTicks * PPM) / (PPM + this.drift));
  }

  /** The clock's anchor and drift (a checkpoint). */
  state(): readonly [number, number, number] {
    return [this.anchorTrue, this.anchorLocal, this.drift];
  }

  /** Takes a `state()`. */
  restore(state: readonly [number, number, number]): void {
    [this.anchorTrue, this.anchorLocal, this.drift] = state;
  }

  private anchorAt(t: number): void {
    this.anchorLocal = this.read(t);
    this.anchorTrue = t;
  }
}

function checkStep(ticks: number, name: string): void {
  if (!(Number.isInteger(ticks) && Math.abs(ticks) <= CLOCK_STEP_MAX)) {
    throw new Error(`${name} must be an integer number of ticks within ±2^52, got ${ticks}`);
  }
}
