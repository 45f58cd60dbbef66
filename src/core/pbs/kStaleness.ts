/**
 * PBS k-staleness for static (non-expanding) partial quorums, Bailis et al., VLDB 2012, Section 3
 * ("Probabilistically Bounded Staleness", the k-staleness subsection and its Equation 1).
 *
 * A write goes to a random set of W of the N replicas and stays there (no anti-entropy); a read asks a
 * random set of R. The read misses a given write when its set avoids that write's set:
 *
 *   p_stale = C(N - W, R) / C(N, R)            (N = 3, R = W = 1: 2/3; N = 100, R = W = 30: 1.88e-6)
 *
 * With the last k writes placed independently, the read returns none of them with p_stale^k, so the
 * probability of reading a value at most k versions old is 1 - p_stale^k ("exponential in k").
 *
 * Dynamo-style stores send every write to all N replicas, so their quorums expand over time and the
 * closed form is the worst case; ./experiment.ts models the expansion (t-visibility).
 */
import { rng as rootRng } from '../random/rng';
import { pow } from '../math/detMath';

/** C(N-W, R) / C(N, R): a random R-set misses a random W-set (0 when R + W > N). As a product, no overflow. */
export function staleQuorumProbability(n: number, r: number, w: number): number {
  checkQuorum(n, r, w);
  if (r + w > n) return 0;
  let p = 1;
  for (let i = 0; i < r; i++) p *= (n - w - i) / (n - i);
  return p;
}

/** P(a read returns one of the last k versions) = 1 - p_stale^k, for k >= 1 independent writes. */
export function kStalenessProbability(n: number, r: number, w: number, k: number): number {
  if (!(Number.isInteger(k) && k >= 1)) throw new Error(`invalid k: ${k}`);
  return 1 - pow(staleQuorumProbability(n, r, w), k);
}

export interface KStalenessTrialsOptions {
  n: number;
  r: number;
  w: number;
  /** Versions back that still count as fresh (1 = only the latest). */
  k: number;
  trials: number;
  seed: number | string;
}

/**
 * Monte Carlo of the same static-quorum model: per trial, k writes each to a uniformly random W-set and
 * one read of a uniformly random R-set (partial Fisher-Yates shuffles); returns the share of reads that
 * met at least one of the k write sets. A check of the closed form, and what a lab can show beside it.
 */
export function kStalenessTrials(options: KStalenessTrialsOptions): number {
  const { n, r, w, k, trials } = options;
  checkQuorum(n, r, w);
  if (!(Number.isInteger(k) && k >= 1 && k <= 1000)) throw new Error(`invalid k: ${k}`);
  if (!(Number.isInteger(trials) && trials >= 1 && trials <= 10_000_000)) throw new Error(`invalid trials: ${trials}`);
  const root = rootRng(options.seed);
  const writes = root.fork('pbs:k-writes');
  const reads = root.fork('pbs:k-reads');
  const written = new Uint8Array(n);
  const pool = new Int32Array(n);
  let fresh = 0;
  for (let trial = 0; trial < trials; trial++) {
    written.fill(0);
    for (let version = 0; version < k; version++) {
      for (let i = 0; i < n; i++) pool[i] = i;
      for (let i = 0; i < w; i++) {
        const j = i + writes.int(n - i);
        const pick = pool[j];
        pool[j] = pool[i];
        pool[i] = pick;
        written[pick] = 1;
      }
    }
    for (let i = 0; i < n; i++) pool[i] = i;
    let hit = false;
    for (let i = 0; i < r; i++) {
      const j = i + reads.int(n - i);
      const pick = pool[j];
      pool[j] = pool[i];
      pool[i] = pick;
      if (written[pick]) hit = true;
    }
    if (hit) fresh++;
  }
  return fresh / trials;
}

function checkQuorum(n: number, r: number, w: number): void {
  if (!(Number.isInteger(n) && n >= 1 && n <= 1_000_000)) throw new Error(`invalid n: ${n}`);
  if (!(Number.isInteger(r) && r >= 1 && r <= n)) throw new Error(`invalid r: ${r} (n = ${n})`);
  if (!(Number.isInteger(w) && w >= 1 && w <= n)) throw new Error(`invalid w: ${w} (n = ${n})`);
}
