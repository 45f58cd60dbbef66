/**
 * A Raft log as three parallel arrays (entry i, counted from 1, sits at [i - 1]): the term of the leader
 * that created it, its value, and the prefix hash of the log up to and including it.
 *
 * Values: 0 is a leader's no-op (the entry a new leader appends to learn its commit point), a positive
 * integer is a client command's id, and a negative integer -m is a configuration entry whose voters are
 * the bit mask m (server s votes when bit s is set; at most 31 servers).
 *
 * Prefix hashes make the safety checks O(1) per entry (see ./safety.ts): h(i) = H(h(i - 1), term(i),
 * value(i)), h(0) = 0, so two logs agree up to i exactly when their h(i) agree (up to hash collisions of
 * a 53-bit hash: about one in 10^11 for a thousand distinct prefixes at one index).
 */
import { fmix32 } from '../hash/murmur3';

export interface RaftLog {
  terms: number[];
  values: number[];
  hashes: number[];
}

/** A no-op entry's value. */
export const NOOP = 0;

const TWO21 = 2097152;

export function emptyLog(): RaftLog {
  return { terms: [], values: [], hashes: [] };
}

/** A copy that shares nothing with `log`. */
export function copyLog(log: RaftLog): RaftLog {
  return { terms: log.terms.slice(), values: log.values.slice(), hashes: log.hashes.slice() };
}

/** Builds a log from (term, value) pairs, hashes included. */
export function logOf(entries: readonly (readonly [term: number, value: number])[]): RaftLog {
  const log = emptyLog();
  for (const [term, value] of entries) appendEntry(log, term, value);
  return log;
}

/** The prefix hash after an entry (term, value) that follows a prefix hashed `previous`: an integer in [1, 2^53). */
export function entryHash(previous: number, term: number, value: number): number {
  const high = Math.floor(previous / TWO21);
  const low = previous - high * TWO21;
  const a = fmix32((high ^ Math.imul(term | 0, 0xcc9e2d51)) + 0x6b43a9b5);
  const b = fmix32((low ^ Math.imul(value | 0, 0x1b873593) ^ a) + 0x7f4a7c15);
  const c = fmix32(a ^ Math.imul(b, 0x85ebca6b) ^ (term | 0));
  return ((c >>> 0) * TWO21 + (b >>> 11)) || 1;
}

export function lastIndex(log: RaftLog): number {
  return log.terms.length;
}

export function lastTerm(log: RaftLog): number {
  const n = log.terms.length;
  return n === 0 ? 0 : log.terms[n - 1];
}

/** Term of entry `index`; 0 for index 0 (the empty prefix), -1 past the end. */
export function termAt(log: RaftLog, index: number): number {
  if (index === 0) return 0;
  return index <= log.terms.length ? log.terms[index - 1] : -1;
}

/** Prefix hash up to `index` (0 for the empty prefix, -1 past the end). */
export function hashAt(log: RaftLog, index: number): number {
  if (index === 0) return 0;
  return index <= log.hashes.length ? log.hashes[index - 1] : -1;
}

/** Appends (term, value); returns its index. */
export function appendEntry(log: RaftLog, term: number, value: number): number {
  const n = log.terms.length;
  log.terms.push(term);
  log.values.push(value);
  log.hashes.push(entryHash(n === 0 ? 0 : log.hashes[n - 1], term, value));
  return n + 1;
}

/** Deletes entry `index` and every entry after it (no-op when index is past the end). */
export function truncateFrom(log: RaftLog, index: number): void {
  if (!(Number.isInteger(index) && index >= 1)) throw new Error(`invalid truncation index: ${index}`);
  if (index > log.terms.length) return;
  log.terms.length = index - 1;
  log.values.length = index - 1;
  log.hashes.length = index - 1;
}

/** True for a configuration entry's value. */
export function isConfigValue(value: number): boolean {
  return value < 0;
}

/** The value of a configuration entry with voters `mask`. */
export function configValue(mask: number): number {
  if (!(Number.isInteger(mask) && mask > 0 && mask < 2 ** 31)) throw new Error(`invalid configuration mask: ${mask}`);
  return -mask;
}

/** The latest configuration in the log at or before `upTo` (its voters and index), else `bootstrap` at index 0. */
export function latestConfig(log: RaftLog, bootstrap: number, upTo = log.values.length): { mask: number; index: number } {
  for (let i = Math.min(upTo, log.values.length); i >= 1; i--) {
    const v = log.values[i - 1];
    if (v < 0) return { mask: -v, index: i };
  }
  return { mask: bootstrap, index: 0 };
}
