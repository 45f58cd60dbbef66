import { describe, expect, it } from 'vitest';
import { inertText } from './inert';

describe('inertText', () => {
  it('writes terminal escapes, bidi controls and other invisible reordering marks as \\uXXXX', () => {
    expect(inertText('a\u001b[31mred\u001b[0m')).toBe('a\\u001b[31mred\\u001b[0m');
    expect(inertText('key\u202Egnp.exe')).toBe('key\\u202egnp.exe');
    expect(inertText('\u2066x\u2069 \u200F \u061C \u2028 \u009b2J \u007f \r')).toBe('\\u2066x\\u2069 \\u200f \\u061c \\u2028 \\u009b2J \\u007f \\u000d');
  });

  it('keeps ordinary text, tabs, newlines and non-Latin scripts as they are', () => {
    const text = 'nodes must be 1..50, got 900\n\tשלום עולם 你好 — “quoted” 🙂';
    expect(inertText(text)).toBe(text);
  });

  it('inside a JSON string the escape reads back as the original character', () => {
    const raw = 'x\u202Ey\u001bz';
    expect(JSON.parse(inertText(JSON.stringify(raw)))).toBe(raw);
  });
});
