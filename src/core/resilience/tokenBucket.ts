/**
 * A token bucket (policing): burst `burst` tokens, refilled at `ratePerSec`, starting full. Refill is
 * lazy and continuous at each request, tokens = min(burst, tokens + rate * dt), never in whole seconds
 * (a fixed window would admit 2 x burst across a boundary). A request of cost k passes iff tokens >= k,
 * then k is taken; otherwise it is refused (429). Admitted in any span of T seconds <= burst + rate * T.
 */
export class TokenBucket {
  tokens: number;
  private last: number;
  admitted = 0;
  refused = 0;

  /** `ticksPerSec` converts the caller's ticks to seconds. */
  constructor(readonly burst: number, readonly ratePerSec: number, private readonly ticksPerSec: number, start = 0) {
    if (!(burst >= 1)) throw new Error(`invalid burst: ${burst}`);
    if (!(ratePerSec >= 0)) throw new Error(`invalid ratePerSec: ${ratePerSec}`);
    this.tokens = burst;
    this.last = start;
  }

  /** Tokens at `now` (refills first). */
  level(now: number): number {
    if (now > this.last) {
      this.tokens = Math.min(this.burst, this.tokens + (this.ratePerSec * (now - this.last)) / this.ticksPerSec);
      this.last = now;
    }
    return this.tokens;
  }

  /** Takes `cost` tokens at `now` if there are that many; false (refused) otherwise. */
  tryTake(now: number, cost = 1): boolean {
    if (this.level(now) >= cost) {
      this.tokens -= cost;
      this.admitted++;
      return true;
    }
    this.refused++;
    return false;
  }
}
