/**
 * A circuit breaker after resilience4j's CircuitBreaker (count-based sliding window), in ticks:
 *
 *   CLOSED     records each call's outcome in a window of the last `windowCalls` calls. No rate before
 *              `minCalls` outcomes; once failures / recorded >= failurePct %, the breaker opens.
 *   OPEN       rejects every call at once (rejections are not recorded: they are not failures) for
 *              `openTicks`; the first call after that moves it to HALF_OPEN (no automatic transition).
 *   HALF_OPEN  admits exactly `trialCalls` calls and rejects the rest; when all trials have ended, a
 *              failure rate >= failurePct % opens it again, else it closes with fresh metrics.
 *
 * Each state entry has an epoch; `tryAcquire` returns it and `onResult` ignores an outcome from an older
 * epoch (a call admitted while CLOSED that ends during HALF_OPEN is not a trial), so half-open counts
 * exactly its own trials. Outcomes arriving while OPEN are dropped for the same reason.
 *
 *   closed ──rate >= threshold──> open ──first call after openTicks──> half-open ──trials fail──> open
 *      ^                                                                   │
 *      └──────────────────────────trials succeed───────────────────────────┘
 */

export const BreakerState = { closed: 0, open: 1, halfOpen: 2 } as const;
export type BreakerStateCode = (typeof BreakerState)[keyof typeof BreakerState];
export const BREAKER_STATE_WORDS = ['closed', 'open', 'half-open'] as const;

export interface BreakerConfig {
  /** Outcomes the CLOSED window holds (resilience4j slidingWindowSize, default 100). >= 1. */
  windowCalls: number;
  /** Outcomes needed before a rate is computed (minimumNumberOfCalls, default 100). 1..windowCalls. */
  minCalls: number;
  /** Failure rate that opens the breaker, percent (failureRateThreshold, default 50). 1..100. */
  failurePct: number;
  /** Time OPEN before the next call may half-open it (waitDurationInOpenState, default 60 s). */
  openTicks: number;
  /** Calls admitted in HALF_OPEN (permittedNumberOfCallsInHalfOpenState, default 10). >= 1. */
  trialCalls: number;
}

export interface BreakerTransition {
  tick: number;
  from: BreakerStateCode;
  to: BreakerStateCode;
  /** Failures and outcomes the decision was made on (0/0 for OPEN -> HALF_OPEN). */
  failures: number;
  calls: number;
}

export class CircuitBreaker {
  state: BreakerStateCode = BreakerState.closed;
  epoch = 0;
  openedAt = 0;
  /** Ring of the last outcomes: 1 failure, 0 success. */
  private readonly ring: Uint8Array;
  private head = 0;
  private recorded = 0;
  private failures = 0;
  trialsAdmitted = 0;
  private trialsEnded = 0;
  private trialFailures = 0;
  /** Calls rejected while OPEN or past the trial count in HALF_OPEN. */
  rejected = 0;

  constructor(readonly config: BreakerConfig, private readonly onTransition?: (t: BreakerTransition) => void) {
    const c = config;
    if (!(Number.isInteger(c.windowCalls) && c.windowCalls >= 1)) throw new Error(`invalid windowCalls: ${c.windowCalls}`);
    if (!(Number.isInteger(c.minCalls) && c.minCalls >= 1 && c.minCalls <= c.windowCalls)) throw new Error(`invalid minCalls: ${c.minCalls}`);
    if (!(c.failurePct >= 1 && c.failurePct <= 100)) throw new Error(`invalid failurePct: ${c.failurePct}`);
    if (!(Number.isInteger(c.trialCalls) && c.trialCalls >= 1)) throw new Error(`invalid trialCalls: ${c.trialCalls}`);
    if (!(c.openTicks >= 0)) throw new Error(`invalid openTicks: ${c.openTicks}`);
    this.ring = new Uint8Array(c.windowCalls);
  }

  /** Asks to make a call at `now`: the epoch to report its outcome with, or -1 when the breaker rejects it. */
  tryAcquire(now: number): number {
    if (this.state === BreakerState.open) {
      if (now - this.openedAt < this.config.openTicks) {
        this.rejected++;
        return -1;
      }
      this.enter(now, BreakerState.halfOpen, 0, 0);
    }
    if (this.state === BreakerState.halfOpen) {
      if (this.trialsAdmitted >= this.config.trialCalls) {
        this.rejected++;
        return -1;
      }
      this.trialsAdmitted++;
    }
    return this.epoch;
  }

  /** The outcome of a call admitted in `epoch` (a timeout is a failure: the caller could not use it). */
  onResult(now: number, epoch: number, isFailure: boolean): void {
    if (epoch !== this.epoch) return;
    if (this.state === BreakerState.closed) {
      if (this.recorded === this.ring.length) this.failures -= this.ring[this.head];
      else this.recorded++;
      this.ring[this.head] = isFailure ? 1 : 0;
      this.failures += isFailure ? 1 : 0;
      this.head = (this.head + 1) % this.ring.length;
      if (this.recorded >= this.config.minCalls && this.failures * 100 >= this.config.failurePct * this.recorded) {
        this.enter(now, BreakerState.open, this.failures, this.recorded);
      }
      return;
    }
    if (this.state === BreakerState.halfOpen) {
      this.trialsEnded++;
      if (isFailure) this.trialFailures++;
      if (this.trialsEnded < this.config.trialCalls) return;
      const isOpen = this.trialFailures * 100 >= this.config.failurePct * this.trialsEnded;
      this.enter(now, isOpen ? BreakerState.open : BreakerState.closed, this.trialFailures, this.trialsEnded);
    }
  }

  /** Failures and outcomes in the CLOSED window now. */
  windowCounts(): { failures: number; calls: number } {
    return { failures: this.failures, calls: this.recorded };
  }

  private enter(now: number, to: BreakerStateCode, failures: number, calls: number): void {
    const from = this.state;
    this.state = to;
    this.epoch++;
    this.trialsAdmitted = 0;
    this.trialsEnded = 0;
    this.trialFailures = 0;
    if (to === BreakerState.open) this.openedAt = now;
    if (to === BreakerState.closed) {
      this.ring.fill(0);
      this.head = 0;
      this.recorded = 0;
      this.failures = 0;
    }
    this.onTransition?.({ tick: now, from, to, failures, calls });
  }
}
