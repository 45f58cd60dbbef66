/**
 * MurmurHash3, x86 32-bit variant (Austin Appleby, public domain), over a string's UTF-8 bytes.
 *
 * Why char codes: building bytes with TextEncoder halves throughput, so ASCII strings (all keys and node
 * names the labs make) are hashed straight from their char codes; a string with any char code above 0x7f
 * takes the slow path through its UTF-8 bytes, so the result is always standard murmur3 of UTF-8.
 */
export function murmur3(text: string, seed = 0): number {
  const length = text.length;
  for (let i = 0; i < length; i++) {
    if (text.charCodeAt(i) > 0x7f) return murmur3Bytes(new TextEncoder().encode(text), seed);
  }
  let h = seed >>> 0;
  const blocks = length & ~3;
  for (let i = 0; i < blocks; i += 4) {
    const k =
      text.charCodeAt(i) |
      (text.charCodeAt(i + 1) << 8) |
      (text.charCodeAt(i + 2) << 16) |
      (text.charCodeAt(i + 3) << 24);
    h = mixBlock(h, k);
  }
  const rest = length & 3;
  if (rest > 0) {
    let k = text.charCodeAt(blocks);
    if (rest > 1) k ^= text.charCodeAt(blocks + 1) << 8;
    if (rest > 2) k ^= text.charCodeAt(blocks + 2) << 16;
    h ^= mixTail(k);
  }
  return fmix32(h ^ length);
}

/**
 * murmur3(`${prefix}${i}`, seed) for i in from..to-1, written to out[at...]: what keys (`key-17`) and ring
 * points (`n3#250`) hash, without building a string per number. The prefix's whole 4-byte blocks are mixed
 * once; each number's decimal digits are counted up in a byte buffer in place. A non-ASCII prefix takes the
 * plain path (one string each), so the result always equals murmur3 of the string.
 */
export function murmur3Numbered(prefix: string, from: number, to: number, seed: number, out: Uint32Array, at = 0): void {
  if (!(Number.isInteger(from) && Number.isInteger(to) && from >= 0 && to <= 1e9)) throw new Error(`invalid range: ${from}..${to}`);
  const pre = prefix.length;
  for (let i = 0; i < pre; i++) {
    if (prefix.charCodeAt(i) > 0x7f) {
      for (let j = from; j < to; j++) out[at++] = murmur3(`${prefix}${j}`, seed);
      return;
    }
  }
  if (to <= from) return;
  const full = pre & ~3;
  let h0 = seed >>> 0;
  for (let i = 0; i < full; i += 4) {
    h0 = mixBlock(h0, prefix.charCodeAt(i) | (prefix.charCodeAt(i + 1) << 8) | (prefix.charCodeAt(i + 2) << 16) | (prefix.charCodeAt(i + 3) << 24));
  }
  // buf: the prefix's last 0..3 chars, then the digits of the current number (at most 10).
  const buf = new Uint8Array(16);
  const tail = pre - full;
  for (let i = 0; i < tail; i++) buf[i] = prefix.charCodeAt(full + i);
  const first = String(from);
  let digits = first.length;
  for (let i = 0; i < digits; i++) buf[tail + i] = first.charCodeAt(i);
  for (let n = from; n < to; n++) {
    const len = tail + digits;
    let h = h0;
    let b = 0;
    for (; b + 4 <= len; b += 4) h = mixBlock(h, buf[b] | (buf[b + 1] << 8) | (buf[b + 2] << 16) | (buf[b + 3] << 24));
    const rest = len - b;
    if (rest > 0) {
      let k = buf[b];
      if (rest > 1) k ^= buf[b + 1] << 8;
      if (rest > 2) k ^= buf[b + 2] << 16;
      h ^= mixTail(k);
    }
    out[at++] = fmix32(h ^ (pre + digits));
    // Count up in decimal: 0x39 is '9', 0x30 is '0'.
    let d = len - 1;
    while (d >= tail && buf[d] === 0x39) buf[d--] = 0x30;
    if (d >= tail) buf[d]++;
    else {
      buf.copyWithin(tail + 1, tail, len);
      buf[tail] = 0x31;
      digits++;
    }
  }
}

/** MurmurHash3 x86 32-bit over bytes. */
export function murmur3Bytes(bytes: Uint8Array, seed = 0): number {
  const length = bytes.length;
  let h = seed >>> 0;
  const blocks = length & ~3;
  for (let i = 0; i < blocks; i += 4) {
    h = mixBlock(h, bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24));
  }
  const rest = length & 3;
  if (rest > 0) {
    let k = bytes[blocks];
    if (rest > 1) k ^= bytes[blocks + 1] << 8;
    if (rest > 2) k ^= bytes[blocks + 2] << 16;
    h ^= mixTail(k);
  }
  return fmix32(h ^ length);
}

/** Hash of one 32-bit integer (murmur3 of its 4 little-endian bytes), without building a string. */
export function murmur3Int(value: number, seed = 0): number {
  return fmix32(mixBlock(seed >>> 0, value | 0) ^ 4);
}

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

/** murmur3's finalizer: a bijection on 32 bits that spreads every input bit over the output. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
