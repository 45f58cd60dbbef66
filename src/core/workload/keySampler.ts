/**
 * Which key rank a request asks for: uniform, Zipf(s), or one celebrity key (rank 0) with a fixed share and
 * the rest uniform. Every draw comes from the given stream, so the same seed gives the same request keys.
 */
import type { Rng } from '../random/rng';
import { cdfSampler, zipfCdf } from './zipf';

export type KeyDistribution =
  | { kind: 'uniform'; n: number }
  | { kind: 'zipf'; n: number; s: number }
  /** `pct` percent of draws are rank 0; the others are uniform over all n ranks (rank 0 included). */
  | { kind: 'celebrity'; n: number; pct: number };

/** A function drawing ranks 0..n-1 from `rng`. */
export function keySampler(dist: KeyDistribution, random: Rng): () => number {
  if (!(Number.isInteger(dist.n) && dist.n >= 1)) throw new Error(`invalid key count: ${dist.n}`);
  const n = dist.n;
  switch (dist.kind) {
    case 'uniform':
      return () => random.int(n);
    case 'zipf': {
      const sample = cdfSampler(zipfCdf(n, dist.s));
      return () => sample(random.float());
    }
    case 'celebrity': {
      const pct = dist.pct;
      if (!(Number.isInteger(pct) && pct >= 0 && pct <= 100)) throw new Error(`invalid celebrity pct: ${pct}`);
      return () => (random.chance(pct, 100) ? 0 : random.int(n));
    }
  }
}
