import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64url, encodeBase64url } from './base64url';

describe('base64url', () => {
  it('encodeBase64url(bytes) matches Node\'s base64url and decodes back to the same bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const text = encodeBase64url(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64url'));
        const back = decodeBase64url(text);
        expect(back.ok && Array.from(back.bytes)).toEqual(Array.from(bytes));
      }),
      { seed: 1 },
    );
  });

  it('decodeBase64url(text) refuses padding, standard-base64 characters and impossible lengths', () => {
    expect(decodeBase64url('AAA=')).toEqual({ ok: false, reason: 'character "=" at 3 is not base64url' });
    expect(decodeBase64url('a+b/')).toMatchObject({ ok: false, reason: expect.stringContaining('"+"') });
    expect(decodeBase64url('AAAAA')).toEqual({ ok: false, reason: 'its length (5) cannot be base64url' });
    expect(decodeBase64url('')).toMatchObject({ ok: true });
  });
});
