/**
 * Text from outside (a link, a file, an argument) made inert before it is echoed, in a banner or on a
 * terminal: control characters (C0 but tab and newline, DEL, C1: terminal escape sequences start with them)
 * and the invisible marks that reorder text (bidi embeddings, overrides, isolates and marks, line and paragraph
 * separators) are written as \uXXXX, which reads as what it is and is also a valid escape inside a JSON string.
 */
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

export function inertText(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
