import { describe, expect, it } from 'vitest';
import { fmix32, murmur3, murmur3Bytes, murmur3Int, murmur3Numbered } from './murmur3';

// Published vectors for MurmurHash3_x86_32 (SMHasher's reference; the same table appears in many ports).
const vectors: Array<[string, number, number]> = [
  ['', 0, 0x00000000],
  ['', 1, 0x514e28b7],
  ['', 0xffffffff, 0x81f16f39],
  ['test', 0, 0xba6bd213],
  ['test', 0x9747b28c, 0x704b81dc],
  ['Hello, world!', 0, 0xc0363e43],
  ['Hello, world!', 0x9747b28c, 0x24884cba],
  ['The quick brown fox jumps over the lazy dog', 0, 0x2e4ff723],
  ['The quick brown fox jumps over the lazy dog', 0x9747b28c, 0x2fa826cd],
  ['a', 0x9747b28c, 0x7fa09ea6],
  ['abc', 0, 0xb3dd93fa],
  ['abcd', 0x9747b28c, 0xf0478627],
];

describe('murmur3', () => {
  it('murmur3Numbered(prefix, from, to, seed) equals murmur3 of each `${prefix}${i}`, across digit carries', () => {
    for (const prefix of ['', 'k', 'ke', 'key', 'key-', 'n12#', 'n1234#', 'nödé#']) {
      for (const [from, to] of [[0, 1200], [95, 105], [9990, 10010], [999_995, 1_000_003]]) {
        const out = new Uint32Array(to - from + 2);
        murmur3Numbered(prefix, from, to, 0x9747b28c, out, 2);
        for (let i = from; i < to; i++) expect(out[i - from + 2]).toBe(murmur3(`${prefix}${i}`, 0x9747b28c));
      }
    }
  });

  it.each(vectors)('murmur3(%j, %d) matches the published vector', (text, seed, expected) => {
    expect(murmur3(text, seed)).toBe(expected);
  });

  it('murmur3(text) hashes non-ASCII text as its UTF-8 bytes', () => {
    const text = 'Ünïcødé ☃ 𝄞';
    expect(murmur3(text, 7)).toBe(murmur3Bytes(new TextEncoder().encode(text), 7));
    expect(murmur3('π', 0)).not.toBe(murmur3('\u00cf\u0080', 0));
  });

  it('murmur3Bytes agrees with murmur3 on ASCII', () => {
    for (const text of ['', 'k', 'ke', 'key', 'key-', 'key-12345']) {
      expect(murmur3Bytes(new TextEncoder().encode(text), 42)).toBe(murmur3(text, 42));
    }
  });

  it('murmur3Int(x) equals murmur3 over the 4 little-endian bytes of x', () => {
    for (const x of [0, 1, 255, 65536, -1, 123456789]) {
      const bytes = new Uint8Array(new Int32Array([x]).buffer);
      expect(murmur3Int(x, 3)).toBe(murmur3Bytes(bytes, 3));
    }
  });

  it('fmix32 returns unsigned 32-bit values', () => {
    expect(fmix32(0)).toBe(0);
    expect(fmix32(-1)).toBeGreaterThanOrEqual(0);
  });
});
