/**
 * Bit counting over a Uint32Array bit array (bit i is bit i & 31 of word i >>> 5): the fill of a filter and
 * its aggregation into bins for drawing. A canvas of a few hundred pixels cannot show 10^7 bits: it draws
 * the fraction set in each bin, so the cost follows pixels, not bits.
 */

/** Set bits of a 32-bit word (SWAR popcount). */
export function popcount32(v: number): number {
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** Set bits with index in [from, to). */
export function countBits(words: Uint32Array, from: number, to: number): number {
  if (to <= from) return 0;
  const first = from >>> 5;
  const last = (to - 1) >>> 5;
  const headMask = (0xffffffff << (from & 31)) >>> 0;
  const tailBits = ((to - 1) & 31) + 1;
  const tailMask = tailBits === 32 ? 0xffffffff : ((1 << tailBits) - 1) >>> 0;
  if (first === last) return popcount32(words[first] & headMask & tailMask);
  let count = popcount32(words[first] & headMask) + popcount32(words[last] & tailMask);
  for (let w = first + 1; w < last; w++) count += popcount32(words[w]);
  return count;
}

/**
 * Set bits per bin over m bits split into `bins` near-equal ranges (bin b covers [floor(b m / bins),
 * floor((b + 1) m / bins))). O(m / 32 + bins).
 */
export function bitsPerBin(words: Uint32Array, m: number, bins: number): Uint32Array {
  if (!(Number.isInteger(bins) && bins >= 1 && bins <= m)) throw new Error(`invalid bins: ${bins}`);
  const out = new Uint32Array(bins);
  for (let b = 0; b < bins; b++) out[b] = countBits(words, Math.floor((b * m) / bins), Math.floor(((b + 1) * m) / bins));
  return out;
}
