/**
 * The two 32-bit hashes a Bloom filter derives its k positions from (Kirsch and Mitzenmacher, "Less
 * hashing, same performance", 2006: positions h1 + i h2 mod m keep the asymptotic false-positive rate of
 * k independent hashes; ./probes.ts adds Dillinger and Manolios' cubic term). h1 and h2 are murmur3
 * (src/core/hash) of the same key under two seeds: two independent hashes, not one hash and a function
 * of it (whose positions would collide together for every pair of keys with equal h1).
 *
 * Why fused: the string is the expensive part to read. For ASCII keys both murmur3 lanes run in one pass
 * over the char codes (measured in `npm run bench -- bloom`, about 3x as fast as two murmur3 calls);
 * a key with any char code above 0x7f takes murmur3's UTF-8 path twice. Either way the results equal
 * murmur3(key, SEED_1) and murmur3(key, SEED_2) exactly (tested).
 */
import { fmix32, murmur3Bytes } from '../hash/murmur3';

export const SEED_1 = 0;
export const SEED_2 = 0x9747b28c;

function mixBlock(h: number, k: number): number {
  k = Math.imul(k, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function mixTail(k: number): number {
  k = Math.imul(k, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  return Math.imul(k, 0x1b873593);
}

function slowPair(key: string, out: Int32Array): void {
  const bytes = new TextEncoder().encode(key);
  out[0] = murmur3Bytes(bytes, SEED_1) | 0;
  out[1] = murmur3Bytes(bytes, SEED_2) | 0;
}

/** Writes murmur3(key, SEED_1) and murmur3(key, SEED_2) into out[0] and out[1] (as int32 bits). */
export function hashPair(key: string, out: Int32Array): void {
  const length = key.length;
  let a = SEED_1;
  let b = SEED_2 | 0;
  let seen = 0;
  const blocks = length & ~3;
  for (let i = 0; i < blocks; i += 4) {
    const c0 = key.charCodeAt(i);
    const c1 = key.charCodeAt(i + 1);
    const c2 = key.charCodeAt(i + 2);
    const c3 = key.charCodeAt(i + 3);
    seen |= c0 | c1 | c2 | c3;
    const k = c0 | (c1 << 8) | (c2 << 16) | (c3 << 24);
    a = mixBlock(a, k);
    b = mixBlock(b, k);
  }
  const rest = length & 3;
  if (rest > 0) {
    const c0 = key.charCodeAt(blocks);
    const c1 = rest > 1 ? key.charCodeAt(blocks + 1) : 0;
    const c2 = rest > 2 ? key.charCodeAt(blocks + 2) : 0;
    seen |= c0 | c1 | c2;
    const k = c0 ^ (c1 << 8) ^ (c2 << 16);
    const t = mixTail(k);
    a ^= t;
    b ^= t;
  }
  if (seen > 0x7f) return slowPair(key, out);
  out[0] = fmix32(a ^ length);
  out[1] = fmix32(b ^ length);
}
