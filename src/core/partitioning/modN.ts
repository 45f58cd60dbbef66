/**
 * Hash mod N: key with hash h lives on live[h mod N], live being the node indexes sorted ascending. Even
 * and one modulo per lookup, but N changing remaps almost every key (a key stays only where
 * h mod N and h mod N' pick the same node).
 */

/** Owner of every key hash over the live nodes. */
export function modNOwners(hashes: Uint32Array, live: Uint16Array): Uint16Array {
  if (live.length === 0) throw new Error('invalid node list: empty');
  const out = new Uint16Array(hashes.length);
  const n = live.length;
  for (let i = 0; i < hashes.length; i++) out[i] = live[hashes[i] % n];
  return out;
}

/** Node indexes 0..n-1 except those in `without`, ascending. */
export function liveNodes(n: number, without: readonly number[] = []): Uint16Array {
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (!without.includes(i)) out.push(i);
  return Uint16Array.from(out);
}
