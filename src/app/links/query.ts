/**
 * The link's query: `key=value` pairs joined by '&'. Percent-encoding only ('+' is a plus, not a space), so
 * what encodeURIComponent writes reads back exactly. A repeated key is refused: which one would win is a guess.
 */
import { inertText } from './inert';

export type ParsedQuery = { ok: true; values: Map<string, string> } | { ok: false; reason: string };

export function parseQuery(query: string): ParsedQuery {
  const values = new Map<string, string>();
  for (const part of query.split('&')) {
    if (part === '') continue;
    const equals = part.indexOf('=');
    const rawKey = equals === -1 ? part : part.slice(0, equals);
    const rawValue = equals === -1 ? '' : part.slice(equals + 1);
    const key = maybeDecode(rawKey);
    const value = maybeDecode(rawValue);
    if (key === undefined || value === undefined) {
      return { ok: false, reason: `${quote(part)} has malformed percent-encoding` };
    }
    if (values.has(key)) return { ok: false, reason: `${quote(key)} appears more than once` };
    values.set(key, value);
  }
  return { ok: true, values };
}

export function formatQuery(entries: readonly (readonly [string, string])[]): string {
  return entries.map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`).join('&');
}

function maybeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** Quotes a user-supplied string for a message, cut to a readable length. */
export function quote(text: string): string {
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return inertText(JSON.stringify(shown));
}
