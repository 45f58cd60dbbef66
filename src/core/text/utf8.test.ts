import { describe, expect, it } from 'vitest';
import { utf8ByteLength, utf8Cut } from './utf8';

describe('utf8ByteLength', () => {
  it('equals the length TextEncoder writes, for ASCII, 2-, 3- and 4-byte characters and lone surrogates', () => {
    const samples = ['', 'abc', 'é', 'ß€', '你好', '🙂', 'a🙂b', '\uD800', 'x\uDC00y', '\uD83D', '🙂\uD83D', 'שלום\n\t'];
    let state = 11;
    for (let n = 0; n < 200; n++) {
      samples.push(Array.from({ length: n % 17 }, () => String.fromCharCode((state = (state * 1103515245 + 12345) >>> 0) % 0x10000)).join(''));
    }
    for (const text of samples) expect(utf8ByteLength(text), JSON.stringify(text)).toBe(new TextEncoder().encode(text).length);
  });
});

describe('utf8ByteLength over ranges cut by utf8Cut', () => {
  it('sums to the whole text\'s length whatever the slice size, pairs never split', () => {
    const text = 'a🙂é€'.repeat(50) + '🙂';
    for (const slice of [1, 2, 3, 7, 64]) {
      let bytes = 0;
      for (let at = 0; at < text.length;) {
        const end = utf8Cut(text, at + slice);
        bytes += utf8ByteLength(text, at, end);
        at = end;
      }
      expect(bytes, `slice ${slice}`).toBe(new TextEncoder().encode(text).length);
    }
  });
});
