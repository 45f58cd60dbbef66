/**
 * ShiViz's log format (DistributedClocks/shiviz: index.html, js/shiviz.js, js/model/parser.js): one regular
 * expression with the named groups `event`, `host` and `clock` finds the events in the text (flags g and m;
 * other named groups become fields), and an optional delimiter expression splits the text into executions
 * (its `trace` group names each). A file uploaded to ShiViz carries the parser expression on its first line
 * and the delimiter on its second (either may be empty); ShiViz anchors both with ^...$.
 */
import { CAUSALITY_LIMITS } from '../types';

/** ShiViz's default parser (js/shiviz.js `defaultParser`): event text on one line, `host {clock}` on the next. */
export const DEFAULT_REGEX = '(?<event>.*)\\n(?<host>\\S*) (?<clock>{.*})';

export interface ShiVizOptions {
  /** The parser expression (default DEFAULT_REGEX). */
  regex?: string;
  /** The executions' delimiter expression (default: one execution). */
  delimiter?: string;
}

/** What an imported log may hold; a log over any of them is refused, naming the limit. */
export const SHIVIZ_LIMITS = {
  /** Bytes of log text (UTF-8, as the file weighs). */
  textBytesMax: 64 * 1024 * 1024,
  /** Events over all executions. */
  eventsMax: 200_000,
  /** Distinct hosts over all executions (each is a lane). */
  hostsMax: CAUSALITY_LIMITS.lanesMax,
  executionsMax: 100,
  /** Characters of a parser or delimiter expression. */
  regexCharsMax: 2000,
  /** Problems kept in detail (the rest are counted). */
  problemsMax: 100,
} as const;

/** A problem with a log: the 1-based line it is about (0: the log as a whole) and what is wrong. */
export interface LogProblem {
  line: number;
  message: string;
}

const NAME = /\(\?<([A-Za-z_$][\w$]*)>/g;

/** The named groups of an expression's source, in order. */
export function groupNames(source: string): string[] {
  return [...source.matchAll(NAME)].map((m) => m[1]);
}

export type Compiled = { ok: true; regex: RegExp; fields: string[] } | { ok: false; message: string };

/**
 * The parser expression, compiled with flags g and m (as ShiViz does). It must name the groups event, host
 * and clock (ShiViz's rule); `fields` are its other named groups.
 */
export function compileParser(source: string): Compiled {
  const compiled = compile(source, 'parser');
  if (!compiled.ok) return compiled;
  const names = groupNames(source);
  const missing = ['event', 'host', 'clock'].filter((n) => !names.includes(n));
  if (missing.length > 0) {
    return { ok: false, message: `the parser regex must have the named groups (?<event>…), (?<host>…) and (?<clock>…); it lacks ${missing.map((m) => `(?<${m}>…)`).join(', ')}` };
  }
  return { ok: true, regex: compiled.regex, fields: names.filter((n) => n !== 'event' && n !== 'host' && n !== 'clock') };
}

/** The delimiter expression, compiled with flags g and m; its optional `trace` group names the executions. */
export function compileDelimiter(source: string): Compiled {
  const compiled = compile(source, 'delimiter');
  if (!compiled.ok) return compiled;
  return { ok: true, regex: compiled.regex, fields: groupNames(source).includes('trace') ? ['trace'] : [] };
}

function compile(source: string, what: string): { ok: true; regex: RegExp } | { ok: false; message: string } {
  if (source.length > SHIVIZ_LIMITS.regexCharsMax) {
    return { ok: false, message: `the ${what} regex is ${source.length} characters long; at most ${SHIVIZ_LIMITS.regexCharsMax} are accepted (regexCharsMax)` };
  }
  try {
    return { ok: true, regex: new RegExp(source, 'gm') };
  } catch (error) {
    return { ok: false, message: `the ${what} regex is invalid: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** True when the first line looks like a parser expression (names host, clock and event): ShiViz's upload format. */
export function isUploadFormat(text: string): boolean {
  const end = text.indexOf('\n');
  const first = end < 0 ? text : text.slice(0, end);
  const names = groupNames(first);
  return names.includes('host') && names.includes('clock') && names.includes('event');
}

/**
 * A file in ShiViz's upload format: line 1 the parser (empty: the default), line 2 the delimiter (may be
 * empty), then the log; both expressions anchored as ShiViz does ("^" + line + "$").
 */
export function readUpload(text: string): { options: ShiVizOptions; body: string; bodyFirstLine: number } {
  const first = text.indexOf('\n');
  const second = first < 0 ? -1 : text.indexOf('\n', first + 1);
  const line1 = (first < 0 ? text : text.slice(0, first)).replace(/\r$/, '');
  const line2 = (first < 0 ? '' : second < 0 ? text.slice(first + 1) : text.slice(first + 1, second)).trim();
  const options: ShiVizOptions = { regex: line1.trim() ? `^${line1}$` : DEFAULT_REGEX };
  if (line2) options.delimiter = `^${line2}$`;
  return { options, body: second < 0 ? '' : text.slice(second + 1), bodyFirstLine: 3 };
}

/** Offsets of line starts, for 1-based line numbers by binary search. */
export function lineStarts(text: string): Uint32Array {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  const starts = new Uint32Array(n);
  let k = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts[k++] = i + 1;
  return starts;
}

export function lineAt(starts: Uint32Array, offset: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (starts[mid] <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
