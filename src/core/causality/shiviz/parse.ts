/**
 * Reading a ShiViz log's text (ShiViz js/model/parser.js, js/model/vectorTimestamp.js): the text is trimmed,
 * split into executions by the delimiter, and each execution's events are the parser's matches. A clock is
 * JSON (retried with \" unescaped, for TLA+ traces), must be an object of whole numbers and must name the
 * event's own host; zero entries are dropped.
 *
 * Unlike ShiViz, a bad event does not stop the import: it becomes a problem with its line and the events
 * that parse are kept. Limits (SHIVIZ_LIMITS) refuse the whole log, naming the limit. Windows line ends
 * are read as \n (line numbers are unchanged).
 */
import type { Job } from '../types';
import { compileDelimiter, compileParser, DEFAULT_REGEX, lineAt, lineStarts, SHIVIZ_LIMITS, type LogProblem, type ShiVizOptions } from './format';
import { Problems } from './problems';
import { utf8ByteLength, utf8Cut } from '../../text/utf8';

/** UTF-16 units measured per slice of the size check. */
const SLICE_CHARS = 2_000_000;

/** One execution's events in log order, columns by event; clock entries in CSR form (global host ids). */
export interface ParsedExecution {
  label: string;
  count: number;
  host: number[];
  counter: number[];
  /** Line where the event's match starts, and the line of its clock. */
  line: number[];
  clockLine: number[];
  text: string[];
  /** The other named groups, "date: 10/13/2014 14:37; priority: INFO" ('' when none). */
  detail: string[];
  clockOffsets: Uint32Array;
  clockHost: Uint32Array;
  clockValue: Uint32Array;
}

/** A growable typed column (clock entries: ~lanes per event, kept off the garbage-collected heap). */
class Column {
  data = new Uint32Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Uint32Array(this.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }
  done(): Uint32Array {
    return this.data.slice(0, this.length);
  }
}

/** An execution while its matches are read. */
interface Building {
  ex: ParsedExecution;
  offsets: Column;
  hosts: Column;
  values: Column;
}

export interface ParsedLog {
  /** Every name the log uses (event hosts and names inside clocks), by id: clockHost and host index it. */
  names: string[];
  /** Names that have events (the lanes), in order of first appearance. */
  hosts: string[];
  executions: ParsedExecution[];
  problems: Problems;
  /** Set when the log is refused as a whole (a limit, an unusable expression): nothing is drawn. */
  refused?: LogProblem;
}

const SLICE_MATCHES = 256;

interface Segment {
  start: number;
  end: number;
  label: string;
  line: number;
}

interface Context {
  text: string;
  starts: Uint32Array;
  firstLine: number;
  names: Map<string, number>;
  isHost: Uint8Array;
  hosts: string[];
  problems: Problems;
  events: number;
  fields: string[];
}

/** Names a log may use in all (hosts with events and names inside clocks): bounds the name table. */
const NAMES_MAX = SHIVIZ_LIMITS.hostsMax * 4;

/**
 * Parses `text` (its first line is line `firstLine` of the file: 3 for the body of an upload-format file).
 * Yields progress between slices of matches.
 */
export function* parseLogJob(input: string, options: ShiVizOptions = {}, firstLine = 1): Job<ParsedLog> {
  const problems = new Problems(SHIVIZ_LIMITS.problemsMax);
  const refuse = (line: number, message: string): ParsedLog => ({ names: [], hosts: [], executions: [], problems, refused: { line, message } });
  // UTF-8 weighs 1 to 3 bytes per UTF-16 unit: only a text that may be over is measured, in slices (one pass
  // over 5 * 10^7 characters is a 200 ms task).
  let bytes = input.length;
  if (input.length > SHIVIZ_LIMITS.textBytesMax / 3) {
    bytes = 0;
    for (let at = 0; at < input.length;) {
      const end = utf8Cut(input, at + SLICE_CHARS);
      bytes += utf8ByteLength(input, at, end);
      at = end;
      yield 0.01 * (at / input.length);
    }
  }
  if (bytes > SHIVIZ_LIMITS.textBytesMax) {
    return refuse(0, `the log is ${bytes.toLocaleString('en-US')} bytes (UTF-8); at most ${SHIVIZ_LIMITS.textBytesMax.toLocaleString('en-US')} are accepted (textBytesMax)`);
  }
  const parser = compileParser((options.regex ?? '').trim() || DEFAULT_REGEX);
  if (!parser.ok) return refuse(0, parser.message);
  const delimiter = options.delimiter?.trim() ? compileDelimiter(options.delimiter.trim()) : undefined;
  if (delimiter && !delimiter.ok) return refuse(0, delimiter.message);
  // Each pass over a long text is its own slice (a 50 MB log costs tens of ms per pass).
  const text = input.includes('\r') ? input.replace(/\r\n/g, '\n') : input;
  yield 0.01;
  const lead = leadingSpace(text);
  const body = text.trim();
  yield 0.02;
  const ctx: Context = {
    text: body, starts: lineStarts(text), firstLine: firstLine - 1, names: new Map(), isHost: new Uint8Array(NAMES_MAX), hosts: [],
    problems, events: 0, fields: parser.fields,
  };
  const lineOf = (offset: number) => lineAt(ctx.starts, offset + lead) + ctx.firstLine;
  const segments = delimiter ? splitExecutions(body, delimiter.regex, lineOf, problems) : [{ start: 0, end: body.length, label: '', line: lineOf(0) }];
  if (segments.length > SHIVIZ_LIMITS.executionsMax) {
    return refuse(segments[SHIVIZ_LIMITS.executionsMax].line, `the log holds ${segments.length} executions; at most ${SHIVIZ_LIMITS.executionsMax} are accepted (executionsMax)`);
  }
  const executions: ParsedExecution[] = [];
  for (const segment of segments) {
    const parsed = yield* parseExecution(ctx, parser.regex, segment, lineOf);
    if (parsed && 'message' in parsed) return refuse(parsed.line, parsed.message);
    if (parsed) executions.push(parsed);
  }
  return { names: [...ctx.names.keys()], hosts: ctx.hosts, executions, problems };
}

/** How many whitespace characters open the text (what trim() removes at the start). */
function leadingSpace(text: string): number {
  const m = /\S/.exec(text);
  return m ? m.index : text.length;
}

/** Executions between delimiter matches; empty ones skipped, duplicate names reported and made unique. */
function splitExecutions(body: string, delimiter: RegExp, lineOf: (offset: number) => number, problems: Problems): Segment[] {
  const raw: Segment[] = [];
  let prev = 0;
  let label = '';
  let line = lineOf(0);
  delimiter.lastIndex = 0;
  for (let m = delimiter.exec(body); m; m = delimiter.exec(body)) {
    raw.push({ start: prev, end: m.index, label, line });
    label = m.groups?.trace ?? '';
    line = lineOf(m.index);
    prev = m.index + m[0].length;
    if (m[0].length === 0) delimiter.lastIndex++;
  }
  raw.push({ start: prev, end: body.length, label, line });
  const seen = new Map<string, number>();
  const out: Segment[] = [];
  for (const s of raw) {
    if (!/\S/.test(body.slice(s.start, s.end))) continue;
    const times = (seen.get(s.label) ?? 0) + 1;
    seen.set(s.label, times);
    if (times > 1) {
      problems.add(s.line, `two executions are called "${s.label}" (ShiViz needs unique names); this one is shown as "${s.label} (${times})"`);
      s.label = `${s.label} (${times})`;
    }
    out.push(s);
  }
  return out;
}

function building(label: string): Building {
  const none = new Uint32Array(0);
  const offsets = new Column();
  offsets.push(0);
  return {
    ex: { label, count: 0, host: [], counter: [], line: [], clockLine: [], text: [], detail: [], clockOffsets: none, clockHost: none, clockValue: none },
    offsets, hosts: new Column(), values: new Column(),
  };
}

/** One execution's matches. Returns the execution, undefined when it has no event, or a refusal. */
function* parseExecution(ctx: Context, regex: RegExp, seg: Segment, lineOf: (offset: number) => number): Generator<number, ParsedExecution | LogProblem | undefined, void> {
  const src = seg.start === 0 && seg.end === ctx.text.length ? ctx.text : ctx.text.slice(seg.start, seg.end);
  const b = building(seg.label);
  const ex = b.ex;
  regex.lastIndex = 0;
  let matches = 0;
  let end = 0;
  for (let m = regex.exec(src); m; m = regex.exec(src)) {
    if (m[0].length === 0) regex.lastIndex++;
    unread(ctx, src, end, m.index, seg.start, lineOf);
    end = m.index + m[0].length;
    const refusal = addMatch(ctx, b, m, seg.start, lineOf);
    if (refusal) return refusal;
    if (++matches % SLICE_MATCHES === 0) yield Math.min(0.99, (seg.start + m.index) / Math.max(1, ctx.text.length));
  }
  if (matches > 0) unread(ctx, src, end, src.length, seg.start, lineOf);
  if (matches === 0) ctx.problems.add(seg.line, `the parser regex captures no events${seg.label ? ` in execution "${seg.label}"` : ''}`);
  if (ex.count === 0) return undefined;
  // Each column is copied out in its own slice (three copies of 10^6 entries and more make a long task).
  const progress = Math.min(0.99, seg.end / Math.max(1, ctx.text.length));
  ex.clockOffsets = b.offsets.done();
  yield progress;
  ex.clockHost = b.hosts.done();
  yield progress;
  ex.clockValue = b.values.done();
  return ex;
}

/**
 * Text between two matches that is not blank: ShiViz skips it silently, which hides a truncated or mistyped
 * event; here it is a problem on the line where it starts (one per stretch).
 */
function unread(ctx: Context, src: string, from: number, to: number, base: number, lineOf: (offset: number) => number): void {
  if (to <= from) return;
  const at = /\S/.exec(src.slice(from, to));
  if (at) ctx.problems.add(lineOf(base + from + at.index), 'this text is not read as an event (the parser regex does not match it)');
}

/** One match: an event, or a problem on its line; a refusal when a limit is crossed. */
function addMatch(ctx: Context, b: Building, m: RegExpExecArray, base: number, lineOf: (offset: number) => number): LogProblem | undefined {
  const ex = b.ex;
  const line = lineOf(base + m.index);
  const host = m.groups?.host;
  const clockText = m.groups?.clock;
  // Where the clock's text first occurs in the match (the d flag would give it exactly, at 50x the cost).
  const clockAt = clockText === undefined ? -1 : m[0].indexOf(clockText);
  const clockLine = clockAt > 0 ? lineOf(base + m.index + clockAt) : line;
  if (host === undefined || clockText === undefined) {
    ctx.problems.add(line, `the parser regex matched here without a ${host === undefined ? 'host' : 'clock'}`);
    return undefined;
  }
  const clock = parseClock(clockText);
  if (typeof clock === 'string') {
    ctx.problems.add(clockLine, clock);
    return undefined;
  }
  const own = clock.find(([name]) => name === host);
  if (!own) {
    ctx.problems.add(clockLine, `the clock ${shorten(clockText)} has no entry for its own host "${host}" (ShiViz: local host missing from timestamp)`);
    return undefined;
  }
  if (++ctx.events > SHIVIZ_LIMITS.eventsMax) return { line, message: `the log holds more than ${SHIVIZ_LIMITS.eventsMax.toLocaleString('en-US')} events (eventsMax)` };
  const hostId = nameId(ctx, host);
  if (hostId >= 0 && !ctx.isHost[hostId]) {
    if (ctx.hosts.length >= SHIVIZ_LIMITS.hostsMax) return { line, message: `the log has more than ${SHIVIZ_LIMITS.hostsMax} hosts (hostsMax)` };
    ctx.isHost[hostId] = 1;
    ctx.hosts.push(host);
  }
  for (const [name, value] of clock) {
    const id = nameId(ctx, name);
    if (id < 0 || hostId < 0) return { line: clockLine, message: `the log's clocks name more than ${NAMES_MAX} hosts in all (${SHIVIZ_LIMITS.hostsMax} x 4, hostsMax)` };
    if (value === 0) continue;
    b.hosts.push(id);
    b.values.push(value);
  }
  ex.host.push(hostId);
  ex.counter.push(own[1]);
  ex.line.push(line);
  ex.clockLine.push(clockLine);
  ex.text.push(m.groups?.event ?? '');
  ex.detail.push(ctx.fields.length === 0 ? '' : ctx.fields.map((f) => `${f}: ${m.groups?.[f] ?? ''}`).join('; '));
  b.offsets.push(b.hosts.length);
  ex.count++;
  return undefined;
}

/**
 * A name's id (-1 past NAMES_MAX). Names seen only inside clocks get ids too: a clock may name a host whose
 * events come later in the log, or one with no events at all (which the model reports).
 */
function nameId(ctx: Context, name: string): number {
  const known = ctx.names.get(name);
  if (known !== undefined) return known;
  if (ctx.names.size >= NAMES_MAX) return -1;
  const id = ctx.names.size;
  ctx.names.set(name, id);
  return id;
}

/** A clock's entries, or a problem in words. */
export function parseClock(source: string): [string, number][] | string {
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (first) {
    try {
      value = JSON.parse(source.replace(/\\"/g, '"'));
    } catch {
      return `the clock ${shorten(source)} is not JSON (${first instanceof Error ? first.message : String(first)})`;
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return `the clock ${shorten(source)} is not a JSON object like {"host": 1}`;
  const entries: [string, number][] = [];
  const clock = value as Record<string, unknown>;
  for (const name in clock) {
    const v = clock[name];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 0xffffffff) {
      return `the clock entry "${shorten(name)}" is ${shorten(JSON.stringify(v) ?? String(v))}; clock values are whole numbers from 0`;
    }
    if (entries.push([name, v]) > SHIVIZ_LIMITS.hostsMax) return `the clock names more than ${SHIVIZ_LIMITS.hostsMax} hosts (hostsMax)`;
  }
  return entries;
}

function shorten(s: string): string {
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
}
