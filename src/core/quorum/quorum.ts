/**
 * Quorum arithmetic of a leaderless store with N replicas, writes acknowledged by W and reads answered by
 * R (Dynamo, Cassandra, Riak). Pure integers; the labs and lessons name the same figures.
 *
 *   N = 3, W = 2, R = 2     write set {0,1}   read set {1,2}   overlap >= W + R - N = 1 replica
 *   N = 3, W = 1, R = 1     write set {0}     read set {2}     overlap may be empty: a read can miss the write
 */

export interface QuorumFacts {
  /** W + R > N: every read set shares at least one replica with every write set. */
  isStrict: boolean;
  /** Fewest replicas a read set and a write set always share: max(0, W + R - N). */
  overlapMin: number;
  /** Replicas that may be down while writes still reach W: N - W. */
  writeFailuresTolerated: number;
  /** Replicas that may be down while reads still get R replies: N - R. */
  readFailuresTolerated: number;
  /** 2W > N: two write sets always overlap (concurrent writes meet at some replica). */
  isWriteMajority: boolean;
}

/** The figures of N, W, R (integers, 1 <= W, R <= N); throws on anything else (a programmer error). */
export function quorumFacts(n: number, w: number, r: number): QuorumFacts {
  for (const [name, value] of [['n', n], ['w', w], ['r', r]] as const) {
    if (!(Number.isInteger(value) && value >= 1)) throw new Error(`invalid ${name}: ${value}`);
  }
  if (w > n) throw new Error(`invalid w: ${w} (> n = ${n})`);
  if (r > n) throw new Error(`invalid r: ${r} (> n = ${n})`);
  return {
    isStrict: w + r > n,
    overlapMin: Math.max(0, w + r - n),
    writeFailuresTolerated: n - w,
    readFailuresTolerated: n - r,
    isWriteMajority: 2 * w > n,
  };
}

/** Size of the intersection of two sets of replica ids (each without duplicates). */
export function overlap(a: readonly number[], b: readonly number[]): number {
  let count = 0;
  for (const x of a) if (b.includes(x)) count++;
  return count;
}
