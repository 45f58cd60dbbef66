/**
 * Hash-mod-N placement on the same key hashes, the baseline consistent hashing is measured against:
 * key h belongs to live[h mod N], live being the node indexes in the ring sorted ascending.
 */

export function modNOwner(hash: number, live: Uint16Array): number {
  return live[hash % live.length];
}

/**
 * Keys whose mod-N owner differs between two node lists (O(keys): mod-N has no cheaper way to know).
 *
 * The loop stays on small integers: a hash read as uint32 above 2^31 is a heap double in V8 and `%` on it
 * is a floating-point remainder. Read through an Int32Array view instead, split each hash in 16-bit
 * halves and reduce with int32 remainders: h mod n = ((hi mod n) * 2^16 + lo) mod n, exact and below 2^31
 * for n < 2^15 (node lists hold at most 65,536 indexes; longer lists take the plain loop).
 */
export function modNMoved(hashes: Uint32Array, before: Uint16Array, after: Uint16Array): number {
  if (before.length === 0 || after.length === 0) return hashes.length;
  const nb = before.length;
  const na = after.length;
  let moved = 0;
  if (nb >= 32768 || na >= 32768) {
    for (let i = 0; i < hashes.length; i++) {
      const h = hashes[i];
      if (before[h % nb] !== after[h % na]) moved++;
    }
    return moved;
  }
  const words = new Int32Array(hashes.buffer, hashes.byteOffset, hashes.length);
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const hi = w >>> 16;
    const lo = w & 0xffff;
    if (before[(((hi % nb) << 16) | lo) % nb] !== after[(((hi % na) << 16) | lo) % na]) moved++;
  }
  return moved;
}
