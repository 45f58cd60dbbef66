/**
 * The WARS rule of Bailis et al., "Probabilistically Bounded Staleness for Practical Partial Quorums"
 * (VLDB 2012), Section 4.1 of the authors' draft ("Inconsistency in Dynamo: WARS Model"), as evaluated by
 * their Monte Carlo simulator (Section 5.1, "Monte Carlo Simulator"):
 *
 *   draw N samples from W, A, R and S; w_t = the W-th smallest of W[i] + A[i] (the commit time);
 *   the read, sent t after commit, is stale when every one of the first R replicas to answer, ordered
 *   by R[i] + S[i], has w_t + R[i] + t < W[i] (the read request reached it before the write did).
 *
 * One replica, write then read (times from the write's start):
 *
 *   coordinator  --W[i]-->  replica            the write arrives at W[i]
 *   coordinator  <--A[i]--  replica            acks; commit w_t when W acks are in
 *   coordinator  --R[i]-->  replica            read sent at w_t + t, arrives at w_t + t + R[i]
 *   coordinator  <--S[i]--  replica            answers; the first R answers decide the read
 *
 * Rather than testing each t, a trial stores the one number that answers every t at once:
 *
 *   staleUntil = min over the first R responders of (W[i] - R[i]) - w_t
 *
 * and the read is consistent at t exactly when staleUntil <= t (the paper's inequality rearranged:
 * W[i] <= w_t + t + R[i]). So P(consistent at t) is the empirical CDF of staleUntil, the same trials serve
 * every t (curves are non-decreasing in t by construction), and "t for 99.9% consistent reads" is a quantile.
 *
 * Ties in R[i] + S[i] go to the lower replica index (the authors' simulator does the same through
 * indexOf); the write quorum needs no tie rule, since only w_t enters.
 */

/** Per-trial delays of one block, trial-major: replica i of trial j at [j * stride + i]. */
export interface WarsDelays {
  write: Float64Array;
  ack: Float64Array;
  read: Float64Array;
  response: Float64Array;
  /** Replicas drawn per trial (>= every n evaluated). */
  stride: number;
}

/** Where `warsBlock` writes each trial's outcome (from `offset` on). */
export interface WarsOutcomes {
  /** The least t (ms after commit) at which the trial's read is consistent; <= 0: consistent at commit. */
  staleUntilMs: Float64Array;
  /** The read's latency: the R-th smallest R[i] + S[i]. */
  readLatencyMs: Float64Array;
  /** The write's latency: the commit time w_t, the W-th smallest W[i] + A[i]. */
  writeLatencyMs: Float64Array;
}

/** Scratch arrays for `warsBlock`, sized for n replicas (allocate once per configuration). */
export interface WarsScratch {
  writeDone: Float64Array;
  readDone: Float64Array;
  order: Int32Array;
}

export function warsScratch(n: number): WarsScratch {
  return { writeDone: new Float64Array(n), readDone: new Float64Array(n), order: new Int32Array(n) };
}

/**
 * Applies the WARS rule with quorum sizes (n, r, w) to `count` trials of `delays` (replicas 0..n-1 of
 * each), writing outcomes at out[offset + j]. Insertion sorts: n is small (the paper uses 2..10), so
 * O(n^2) per trial beats a general sort's call overhead.
 */
export function warsBlock(
  n: number,
  r: number,
  w: number,
  delays: WarsDelays,
  count: number,
  out: WarsOutcomes,
  offset: number,
  scratch: WarsScratch,
): void {
  const { write, ack, read, response, stride } = delays;
  const { writeDone, readDone, order } = scratch;
  for (let j = 0; j < count; j++) {
    const base = j * stride;
    // Commit time: the w-th smallest W[i] + A[i].
    for (let i = 0; i < n; i++) {
      const done = write[base + i] + ack[base + i];
      let k = i;
      while (k > 0 && writeDone[k - 1] > done) {
        writeDone[k] = writeDone[k - 1];
        k--;
      }
      writeDone[k] = done;
    }
    const commitMs = writeDone[w - 1];
    // Replicas ordered by when their read response arrives; stable, so ties keep index order.
    for (let i = 0; i < n; i++) {
      const done = read[base + i] + response[base + i];
      let k = i;
      while (k > 0 && readDone[k - 1] > done) {
        readDone[k] = readDone[k - 1];
        order[k] = order[k - 1];
        k--;
      }
      readDone[k] = done;
      order[k] = i;
    }
    let lead = Infinity;
    for (let k = 0; k < r; k++) {
      const i = base + order[k];
      const d = write[i] - read[i];
      if (d < lead) lead = d;
    }
    out.staleUntilMs[offset + j] = lead - commitMs;
    out.readLatencyMs[offset + j] = readDone[r - 1];
    out.writeLatencyMs[offset + j] = commitMs;
  }
}
