import { describe, expect, it } from 'vitest';
import { rng } from '../random/rng';
import { bitsPerBin, countBits, popcount32 } from './bits';

describe('bits', () => {
  const r = rng('bits');
  const m = 1000;
  const words = new Uint32Array(Math.ceil(m / 32));
  for (let i = 0; i < words.length; i++) words[i] = r.u32();
  words[words.length - 1] &= (1 << (m & 31)) - 1;
  const naive = (from: number, to: number) => {
    let n = 0;
    for (let i = from; i < to; i++) n += (words[i >>> 5] >>> (i & 31)) & 1;
    return n;
  };

  it('popcount32 counts the set bits of a word', () => {
    expect(popcount32(0)).toBe(0);
    expect(popcount32(0xffffffff)).toBe(32);
    expect(popcount32(0x80000001)).toBe(2);
  });

  it('countBits(words, from, to) equals a bit-by-bit count over any range', () => {
    for (let t = 0; t < 300; t++) {
      const a = r.int(m + 1);
      const b = r.int(m + 1);
      expect(countBits(words, Math.min(a, b), Math.max(a, b))).toBe(naive(Math.min(a, b), Math.max(a, b)));
    }
    expect(countBits(words, 0, 32)).toBe(popcount32(words[0]));
  });

  it('bitsPerBin splits m bits into near-equal bins whose counts sum to the total', () => {
    for (const bins of [1, 7, 32, 333, 1000]) {
      const counts = bitsPerBin(words, m, bins);
      expect(counts.reduce((s, c) => s + c, 0)).toBe(naive(0, m));
      expect(counts[bins - 1]).toBe(naive(Math.floor(((bins - 1) * m) / bins), m));
    }
    expect(() => bitsPerBin(words, m, 0)).toThrow('invalid bins: 0');
  });
});
