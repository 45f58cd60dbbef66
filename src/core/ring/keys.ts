/**
 * Keys named deterministically (`key-0`, `key-1`, ...), hashed once into a Uint32Array, and sorted by hash
 * once, so the keys of any arc of the ring are one contiguous range found by binary search.
 */
import { murmur3Numbered } from '../hash/murmur3';
import { RADIX_MIN, radixSortPairs } from './radix';

/** Most keys `sortKeys` handles (hash * 2^21 + index must stay below 2^53). */
export const KEYS_MAX = 1 << 21;

export function keyName(index: number): string {
  return `key-${index}`;
}

/** murmur3(`key-${i}`, seed) for i in 0..count-1. */
export function keyHashes(count: number, seed = 0): Uint32Array {
  const out = new Uint32Array(count);
  murmur3Numbered('key-', 0, count, seed, out);
  return out;
}

export interface SortedKeys {
  /** Key hashes ascending. */
  hash: Uint32Array;
  /** Key index of each sorted hash (ties by index). */
  index: Uint32Array;
}

/**
 * Sorts key hashes once, keeping which key each came from: a radix sort of (hash, index) pairs, or for few
 * keys a native sort of hash and index packed into one float64. Both order ties by index.
 */
export function sortKeys(hashes: Uint32Array): SortedKeys {
  const n = hashes.length;
  if (n > KEYS_MAX) throw new Error(`invalid key count: ${n}`);
  if (n >= RADIX_MIN) {
    const hash = Uint32Array.from(hashes);
    const index = new Uint32Array(n);
    for (let i = 0; i < n; i++) index[i] = i;
    radixSortPairs(hash, index);
    return { hash, index };
  }
  const packed = new Float64Array(n);
  for (let i = 0; i < n; i++) packed[i] = hashes[i] * KEYS_MAX + i;
  packed.sort();
  const hash = new Uint32Array(n);
  const index = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const v = packed[i];
    const h = Math.floor(v / KEYS_MAX);
    hash[i] = h;
    index[i] = v - h * KEYS_MAX;
  }
  return { hash, index };
}

/** First i with sorted[i] >= value (sorted.length when none). */
export function lowerBound(sorted: Uint32Array, value: number, lo = 0, hi = sorted.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First i with sorted[i] > value (sorted.length when none). */
export function upperBound(sorted: Uint32Array, value: number, lo = 0, hi = sorted.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
