/**
 * The UTF-8 size of a string in bytes, without encoding it: what a file of this text weighs, so a limit named
 * in bytes is compared in bytes (a character count undercounts anything outside ASCII up to 3x). A lone
 * surrogate counts 3 bytes, as TextEncoder writes it (U+FFFD).
 */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
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
