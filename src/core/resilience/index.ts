export { BREAKER_STATE_WORDS, BreakerState, type BreakerConfig, type BreakerStateCode, type BreakerTransition, CircuitBreaker } from './circuitBreaker';
export { BACKOFFS, type Backoff, backoffTicks, exponentialTicks } from './backoff';
export { RetryBudget } from './retryBudget';
export { TokenBucket } from './tokenBucket';
