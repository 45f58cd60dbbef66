import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { deflateRaw, inflateRawCapped } from './deflate';
import { INFLATED_BYTES_MAX } from './limits';

describe('inflateRawCapped', () => {
  it('inflateRawCapped(deflateRaw(bytes)) gives the bytes back', () => {
    const bytes = new TextEncoder().encode('{"e":1,"s":2,"scenario":{"nodes":5}}'.repeat(50));
    const out = inflateRawCapped(deflateRaw(bytes), INFLATED_BYTES_MAX);
    expect(out.ok && new TextDecoder().decode(out.bytes)).toBe(new TextDecoder().decode(bytes));
  });

  it('inflateRawCapped(zip bomb) stops near the cap, never inflating megabytes', () => {
    // Goal: 4 MB of zeros deflate to ~4 KB; the inflater must abort once past 64 KB, not after 4 MB.
    const bomb = deflateSync(new Uint8Array(4 * 1024 * 1024), { level: 9 });
    expect(bomb.length).toBeLessThan(6000);
    const out = inflateRawCapped(bomb, INFLATED_BYTES_MAX);
    expect(out).toMatchObject({ ok: false, reason: 'over-cap' });
    // At most one push (16 input bytes, ~1032:1) past the cap.
    expect(!out.ok && out.reason === 'over-cap' && out.bytesSeen).toBeLessThan(INFLATED_BYTES_MAX + 17 * 1024);
  });

  it('inflateRawCapped(garbage or truncated data) reports corrupt data', () => {
    expect(inflateRawCapped(new Uint8Array([0xff, 0xff, 0xff, 0xff]), INFLATED_BYTES_MAX)).toMatchObject({ ok: false, reason: 'corrupt' });
    const whole = deflateRaw(new TextEncoder().encode('hello hello hello world'));
    expect(inflateRawCapped(whole.subarray(0, whole.length - 3), INFLATED_BYTES_MAX)).toMatchObject({ ok: false, reason: 'corrupt' });
  });

  it('refuses bytes after the end of the deflate stream (one link, one meaning), and accepts every whole stream', () => {
    const whole = deflateRaw(new TextEncoder().encode('{"e":1,"s":1,"scenario":{"nodes":5}}'));
    for (const tail of [[0], [0x41], [0xff, 0xff]]) {
      const padded = new Uint8Array([...whole, ...tail]);
      expect(inflateRawCapped(padded, INFLATED_BYTES_MAX)).toEqual({ ok: false, reason: 'corrupt', detail: 'bytes follow the end of the data' });
    }
    // No whole stream is mistaken for one with a tail: texts of every length up to 300 bytes, at two levels.
    let state = 7;
    for (let length = 0; length <= 300; length++) {
      const bytes = Uint8Array.from({ length }, () => (state = (state * 1103515245 + 12345) >>> 0) % 7 + 97);
      for (const stream of [deflateRaw(bytes), deflateSync(bytes, { level: 1 })]) {
        const out = inflateRawCapped(stream, INFLATED_BYTES_MAX);
        expect(out.ok && out.bytes).toEqual(bytes);
      }
    }
  });
});
