/**
 * Hash-mod-N placement on the same key hashes, the baseline consistent hashing is measured against:
 * key h belongs to live[h mod N], live being the node indexes in the ring sorted ascending.
 */

export function modNOwner(hash: number, live: Uint16Array): number {
  return live[hash % live.length];
}

/** Keys whose mod-N owner differs between two node lists (O(keys): mod-N has no cheaper way to know). */
export function modNMoved(hashes: Uint32Array, before: Uint16Array, after: Uint16Array): number {
  if (before.length === 0 || after.length === 0) return hashes.length;
  let moved = 0;
  const nb = before.length;
  const na = after.length;
  for (let i = 0; i < hashes.length; i++) {
    const h = hashes[i];
    if (before[h % nb] !== after[h % na]) moved++;
  }
  return moved;
}
