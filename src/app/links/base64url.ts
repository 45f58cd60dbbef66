/** base64url without padding (RFC 4648 §5), pure so it runs the same in Node, workers and pages. */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUES = new Map([...ALPHABET].map((char, index) => [char, index]));

export function encodeBase64url(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i];
    const b1 = i + 1 < bytes.length ? bytes[i + 1] : 0;
    const b2 = i + 2 < bytes.length ? bytes[i + 2] : 0;
    const triple = (b0 << 16) | (b1 << 8) | b2;
    const chars = i + 2 < bytes.length ? 4 : i + 1 < bytes.length ? 3 : 2;
    for (let c = 0; c < chars; c += 1) text += ALPHABET[(triple >> (18 - 6 * c)) & 63];
  }
  return text;
}

export type Base64urlDecoded = { ok: true; bytes: Uint8Array } | { ok: false; reason: string };

/** Decodes strict base64url: only [A-Za-z0-9_-], no padding, no whitespace. */
export function decodeBase64url(text: string): Base64urlDecoded {
  if (text.length % 4 === 1) return { ok: false, reason: `its length (${text.length}) cannot be base64url` };
  const bytes = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let bitCount = 0;
  let out = 0;
  for (let i = 0; i < text.length; i += 1) {
    const value = VALUES.get(text[i]);
    if (value === undefined) {
      return { ok: false, reason: `character ${JSON.stringify(text[i])} at ${i} is not base64url` };
    }
    bits = ((bits << 6) | value) & 0xffffff;
    bitCount += 6;
    if (bitCount >= 8) {
      bitCount -= 8;
      bytes[out] = (bits >> bitCount) & 0xff;
      out += 1;
    }
  }
  return { ok: true, bytes };
}
