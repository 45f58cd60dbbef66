/**
 * A retry budget (Brooker, "Fixing retries with token buckets and circuit breakers"): a per-client bucket
 * of at most `max` tokens, starting full; each success adds `perSuccess` (0.1), each retry costs 1 and is
 * allowed only with a whole token left. At low failure rates a client may retry up to `max` times in a
 * row; at high ones it retries about once per 10 calls, so retries add at most ~10 % to the load.
 */
export class RetryBudget {
  tokens: number;
  spent = 0;
  denied = 0;

  constructor(readonly max: number, readonly perSuccess = 0.1) {
    if (!(max >= 1)) throw new Error(`invalid retry budget: ${max}`);
    this.tokens = max;
  }

  onSuccess(): void {
    this.tokens = Math.min(this.max, this.tokens + this.perSuccess);
  }

  /** True (and a token spent) when a retry may go. */
  tryRetry(): boolean {
    if (this.tokens >= 1) {
      this.tokens -= 1;
      this.spent++;
      return true;
    }
    this.denied++;
    return false;
  }
}
