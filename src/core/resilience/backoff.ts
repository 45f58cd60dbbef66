/**
 * Backoff before a retry, after aws-samples/aws-arch-backoff-simulator (`src/backoff_simulator.py`), in
 * integer ticks, base b and cap c, retry n counted from 0:
 *
 *   none          0 (retry at once: the naive retry)
 *   exponential   min(c, b * 2^n)
 *   full          uniform(0, min(c, b * 2^n))              "full jitter"
 *   equal         half + uniform(0, half), half = min(c, b * 2^n) / 2
 *   decorrelated  min(c, uniform(b, 3 * previous)), previous starting at b
 *
 * Jitter draws come from the caller's own stream, never a shared one.
 */
import type { Rng } from '../random/rng';

export const BACKOFFS = ['none', 'exponential', 'full', 'equal', 'decorrelated'] as const;
export type Backoff = (typeof BACKOFFS)[number];

/** min(cap, base * 2^n), without pow: doubling stops at the cap. */
export function exponentialTicks(n: number, baseTicks: number, capTicks: number): number {
  let x = baseTicks;
  for (let i = 0; i < n && x < capTicks; i++) x *= 2;
  return Math.min(capTicks, x);
}

/** The wait before retry `n` (0-based); `previousTicks` is the last wait (decorrelated only; b at first). */
export function backoffTicks(kind: Backoff, n: number, baseTicks: number, capTicks: number, r: Rng, previousTicks = baseTicks): number {
  switch (kind) {
    case 'none':
      return 0;
    case 'exponential':
      return exponentialTicks(n, baseTicks, capTicks);
    case 'full':
      return Math.floor(r.float() * exponentialTicks(n, baseTicks, capTicks));
    case 'equal': {
      const half = exponentialTicks(n, baseTicks, capTicks) / 2;
      return Math.floor(half + r.float() * half);
    }
    case 'decorrelated': {
      const high = Math.max(baseTicks, 3 * previousTicks);
      return Math.min(capTicks, Math.floor(baseTicks + r.float() * (high - baseTicks)));
    }
  }
}
