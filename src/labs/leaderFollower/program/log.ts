/**
 * The replication log, as pure functions over an array of entries (index i lives at log[i - 1]). An entry
 * carries the register's state after it, so reading the register at any index is one lookup, and a
 * barrier (a new leader's empty first entry) simply repeats the state before it.
 *
 * Log matching (as in Raft): one leader per epoch appends each epoch's entries, and never rewrites its own,
 * so two logs holding an entry of the same epoch at the same index agree on everything up to it. A
 * follower therefore accepts entries after (prevIndex, prevEpoch) only when it holds that very entry, and
 * drops its own suffix from the first entry that disagrees with the leader's.
 */

export interface Entry {
  /** The epoch of the leader that appended it. */
  epoch: number;
  /** The client operation that wrote it; -1 for a barrier. */
  op: number;
  /** The register's value after this entry (0 = nil). */
  state: number;
  /** When the leader appended it (true time, ticks): the age of a follower's lag. */
  tick: number;
}

/** Epoch of the entry at `index` (0 for index 0, the empty prefix; -1 past the end). */
export function epochAt(log: readonly Entry[], index: number): number {
  if (index === 0) return 0;
  return index <= log.length ? log[index - 1].epoch : -1;
}

export function lastEpoch(log: readonly Entry[]): number {
  return epochAt(log, log.length);
}

/** The register's value after applying entries 1..index (0 = nil). */
export function stateAt(log: readonly Entry[], index: number): number {
  return index <= 0 ? 0 : log[Math.min(index, log.length) - 1].state;
}

/** Is a log ending at (epochA, indexA) at least as up to date as one ending at (epochB, indexB)? Newer epoch first, then length. */
export function isAtLeastAsUpToDate(epochA: number, indexA: number, epochB: number, indexB: number): boolean {
  return epochA > epochB || (epochA === epochB && indexA >= indexB);
}

/** Does the log hold the entry (prevEpoch) at prevIndex, so entries after it can be appended? */
export function matchesAt(log: readonly Entry[], prevIndex: number, prevEpoch: number): boolean {
  return prevIndex <= log.length && epochAt(log, prevIndex) === prevEpoch;
}

/**
 * Where a leader should resume sending after a mismatch at prevIndex: the follower's last index when its
 * log is shorter, else just before the first entry of the disagreeing epoch (skipping that whole epoch in
 * one round trip instead of one entry per round trip).
 */
export function resumeHint(log: readonly Entry[], prevIndex: number): number {
  if (prevIndex > log.length) return log.length;
  const epoch = epochAt(log, prevIndex);
  let i = prevIndex;
  while (i > 0 && epochAt(log, i) === epoch) i--;
  return i;
}

/**
 * Appends `entries` after prevIndex (which must match): entries already held are kept, the first one that
 * differs truncates the log there. Returns the index the truncation cut back to (-1 when none).
 */
export function mergeEntries(log: Entry[], prevIndex: number, entries: readonly Entry[]): number {
  let truncatedTo = -1;
  for (let i = 0; i < entries.length; i++) {
    const index = prevIndex + 1 + i;
    if (index <= log.length) {
      if (log[index - 1].epoch === entries[i].epoch) continue;
      log.length = index - 1;
      truncatedTo = index - 1;
    }
    log.push(entries[i]);
  }
  return truncatedTo;
}

/** Length of the common prefix of two logs (by log matching, the last index at which both hold the same entry). */
export function commonPrefix(a: readonly Entry[], b: readonly Entry[]): number {
  const n = Math.min(a.length, b.length);
  let lo = 0;
  // Matching is prefix-closed, so the last matching index is found by binary search.
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (a[mid - 1].epoch === b[mid - 1].epoch) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
