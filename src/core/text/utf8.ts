/**
 * The UTF-8 size of a string in bytes, without encoding it: what a file of this text weighs, so a limit named
 * in bytes is compared in bytes (a character count undercounts anything outside ASCII up to 3x). A lone
 * surrogate counts 3 bytes, as TextEncoder writes it (U+FFFD). With `start` and `end`, the UTF-16 units in
 * [start, end) (a pair that starts before `end` counts whole: cut ranges where no pair straddles, see
 * utf8Cut).
 */
export function utf8ByteLength(text: string, start = 0, end = text.length): number {
  let bytes = 0;
  for (let i = start; i < end; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** `at`, or one unit further when `at` would split a surrogate pair: a place to cut `text` into ranges. */
export function utf8Cut(text: string, at: number): number {
  if (at <= 0 || at >= text.length) return Math.max(0, Math.min(at, text.length));
  const before = text.charCodeAt(at - 1);
  const after = text.charCodeAt(at);
  return before >= 0xd800 && before <= 0xdbff && (after & 0xfc00) === 0xdc00 ? at + 1 : at;
}

