/**
 * A strict reader of EDN (https://github.com/edn-format/edn), the text Jepsen and Knossos write histories in:
 * nil, true, false, integers, decimals, strings, characters are refused, keywords (:ok), symbols, vectors
 * [...], lists (...), maps {...} and sets #{...}; commas are whitespace; `;` starts a comment; `#_` discards
 * the next form. Any other tag (#inst, #uuid, a reader macro) is refused with its line, as is anything
 * malformed: a reader that guessed would give one file two meanings.
 *
 *   readEdn('[{:process 0, :type :invoke, :f :read, :value nil}]')
 *     -> { ok: true, value: [Map { 'process' => 0, 'type' => Keyword('invoke'), ... }], lines: [1] }
 */

/** An EDN keyword (:invoke) or symbol (foo): a name, kept apart from strings. */
export class EdnName {
  constructor(
    readonly kind: 'keyword' | 'symbol',
    readonly name: string,
  ) {}

  toString(): string {
    return this.kind === 'keyword' ? `:${this.name}` : this.name;
  }
}

export type EdnValue = null | boolean | number | string | EdnName | EdnValue[] | EdnMap | EdnSet;
/** A map; keyword keys are stored by name ("process" for :process), other keys by their EDN text. */
export type EdnMap = Map<string, EdnValue>;
export class EdnSet {
  constructor(readonly items: EdnValue[]) {}
}

/** Nesting deeper than this is refused (a history is a vector of maps of small vectors). */
export const EDN_DEPTH_MAX = 64;

export type EdnRead =
  | { ok: true; value: EdnValue; /** For a top-level vector or list: the line each element starts on. */ lines: number[] }
  | { ok: false; message: string; line: number };

class EdnError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

const DELIMITERS = new Set(['(', ')', '[', ']', '{', '}', '"', ';']);
const isSpace = (c: string) => c === ' ' || c === ',' || c === '\n' || c === '\t' || c === '\r' || c === '\f';

/** Reads one EDN form from `text` (whitespace and comments around it allowed, nothing else). */
export function readEdn(text: string): EdnRead {
  const reader = new Reader(text);
  try {
    reader.skip();
    if (reader.atEnd()) throw new EdnError('the text holds no EDN value', reader.line);
    const startsCollection = reader.peek() === '[' || reader.peek() === '(';
    const lines: number[] = [];
    const value = reader.form(0, startsCollection ? lines : undefined);
    reader.skip();
    if (!reader.atEnd()) throw new EdnError(`unexpected ${JSON.stringify(reader.peek())} after the value (one value per file)`, reader.line);
    return { ok: true, value, lines };
  } catch (error) {
    if (error instanceof EdnError) return { ok: false, message: error.message, line: error.line };
    throw error;
  }
}

class Reader {
  private at = 0;
  line = 1;

  constructor(private readonly text: string) {}

  atEnd(): boolean {
    return this.at >= this.text.length;
  }

  peek(): string {
    return this.text[this.at];
  }

  private next(): string {
    const c = this.text[this.at++];
    if (c === '\n') this.line++;
    return c;
  }

  /** Skips whitespace, commas and comments. */
  skip(): void {
    while (!this.atEnd()) {
      const c = this.peek();
      if (isSpace(c)) this.next();
      else if (c === ';') while (!this.atEnd() && this.peek() !== '\n') this.next();
      else return;
    }
  }

  /** One form; `lines` (top-level collections only) collects each element's first line. */
  form(depth: number, lines?: number[]): EdnValue {
    if (depth > EDN_DEPTH_MAX) throw new EdnError(`nesting deeper than ${EDN_DEPTH_MAX} levels (the limit)`, this.line);
    const line = this.line;
    const c = this.next();
    switch (c) {
      case '[':
        return this.sequence(']', depth, lines);
      case '(':
        return this.sequence(')', depth, lines);
      case '{':
        return this.map(depth, line);
      case '"':
        return this.string(line);
      case '#':
        return this.dispatch(depth, line);
      case ']':
      case ')':
      case '}':
        throw new EdnError(`unexpected ${JSON.stringify(c)}`, line);
      case '\\':
        throw new EdnError('characters (\\c) are not read in histories', line);
      default:
        return this.atom(c, line);
    }
  }

  private sequence(close: string, depth: number, lines?: number[]): EdnValue[] {
    const items: EdnValue[] = [];
    for (;;) {
      this.skip();
      if (this.atEnd()) throw new EdnError(`the text ends before the closing ${JSON.stringify(close)}`, this.line);
      if (this.peek() === close) {
        this.next();
        return items;
      }
      if (this.discarded(depth)) continue;
      lines?.push(this.line);
      items.push(this.form(depth + 1));
    }
  }

  private map(depth: number, line: number): EdnMap {
    const items = this.sequence('}', depth);
    if (items.length % 2 !== 0) throw new EdnError('a map needs an even number of forms (key value ...)', line);
    const map: EdnMap = new Map();
    for (let i = 0; i < items.length; i += 2) {
      const key = items[i];
      const name = key instanceof EdnName && key.kind === 'keyword' ? key.name : ednText(key);
      if (map.has(name)) throw new EdnError(`the key ${key instanceof EdnName ? String(key) : name} appears twice in one map`, line);
      map.set(name, items[i + 1]);
    }
    return map;
  }

  private dispatch(depth: number, line: number): EdnValue {
    if (this.peek() === '{') {
      this.next();
      return new EdnSet(this.sequence('}', depth));
    }
    const tag = /^[A-Za-z_][\w.\-/]*/.exec(this.text.slice(this.at, this.at + 40))?.[0];
    throw new EdnError(tag ? `the tag #${tag} is not read in histories` : `unexpected "#${this.peek() ?? ''}"`, line);
  }

  /** `#_ form`: read and dropped. True when it consumed one. */
  private discarded(depth: number): boolean {
    if (this.text.startsWith('#_', this.at)) {
      this.next();
      this.next();
      this.skip();
      this.form(depth + 1);
      return true;
    }
    return false;
  }

  private string(line: number): string {
    let out = '';
    for (;;) {
      if (this.atEnd()) throw new EdnError('a string is not closed', line);
      const c = this.next();
      if (c === '"') return out;
      if (c !== '\\') {
        out += c;
        continue;
      }
      const e = this.next();
      const escapes: Record<string, string> = { t: '\t', r: '\r', n: '\n', '\\': '\\', '"': '"' };
      if (e in escapes) out += escapes[e];
      else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(this.text.slice(this.at, this.at + 4))) {
        out += String.fromCharCode(parseInt(this.text.slice(this.at, this.at + 4), 16));
        for (let i = 0; i < 4; i++) this.next();
      } else throw new EdnError(`unknown escape \\${e ?? ''} in a string`, this.line);
    }
  }

  /** nil, true, false, a number, a keyword or a symbol: a token up to the next delimiter. */
  private atom(first: string, line: number): EdnValue {
    let token = first;
    while (!this.atEnd() && !isSpace(this.peek()) && !DELIMITERS.has(this.peek())) token += this.next();
    if (token === 'nil') return null;
    if (token === 'true') return true;
    if (token === 'false') return false;
    if (/^[+-]?(0|[1-9][0-9]*)N?$/.test(token)) {
      const value = Number(token.replace(/N$/, ''));
      if (!Number.isSafeInteger(value)) throw new EdnError(`the integer ${token} is beyond 2^53 (not read exactly)`, line);
      return value;
    }
    if (/^[+-]?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?M?$/.test(token)) return Number(token.replace(/M$/, ''));
    if (/^:[^:#\d][^#]*$/.test(token) || /^:[^:]$/.test(token)) return new EdnName('keyword', token.slice(1));
    if (/^[A-Za-z*+!\-_?<>=.&%$][\w*+!\-?<>=.&%$:#'/]*$/.test(token) && !/^[+-.][0-9]/.test(token)) return new EdnName('symbol', token);
    throw new EdnError(`cannot read ${JSON.stringify(token.slice(0, 40))}`, line);
  }
}

/** EDN text of a value (used for non-keyword map keys and in messages). */
export function ednText(value: EdnValue): string {
  if (value === null) return 'nil';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof EdnName) return String(value);
  if (Array.isArray(value)) return `[${value.map(ednText).join(' ')}]`;
  if (value instanceof EdnSet) return `#{${value.items.map(ednText).join(' ')}}`;
  return `{${[...value].map(([k, v]) => `:${k} ${ednText(v)}`).join(', ')}}`;
}
