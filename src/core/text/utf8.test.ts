import { describe, expect, it } from 'vitest';
import { utf8ByteLength } from './utf8';

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
