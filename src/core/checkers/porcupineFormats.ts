/**
 * Readers for Porcupine's test histories (test-data/porcupine, a copy of ../shared/data/porcupine; see its README) and for a JSON history
 * (what `History.forChecker()` gives, serialized). Pure: text in, operations or an error naming the line out.
 *
 * Time is the line number in Porcupine's files (they carry no timestamps; the log's order is real time).
 */
import type { CheckOp } from './model';
import type { RegisterInput, RegisterOutput, RegisterValue } from './models/register';
import type { KvInput, KvOutput } from './models/kv';
import { OpenOps } from './openOps';

export type HistoryFormat = 'jepsen' | 'kv' | 'json' | 'edn';

export type Parsed<I, O> = { ok: true; operations: CheckOp<I, O>[] } | { ok: false; message: string };

/** Which reader a text needs, from its first non-empty line; undefined when none fits. */
export function detectFormat(text: string): HistoryFormat | undefined {
  const first = text.split('\n').find((line) => line.trim() !== '')?.trim() ?? '';
  // Jepsen/Knossos EDN: one vector or list of maps, maybe after ';' comments.
  if (/^[[(]\s*(\{\s*:|$)/.test(text.replace(/^(\s*;[^\n]*\n)*\s*/, '')) || first.startsWith(';')) return 'edn';
  if (/^INFO\s+jepsen\.util\s/.test(first)) return 'jepsen';
  if (/^\{\s*:/.test(first)) return 'kv';
  if (/^[[{]/.test(first)) return 'json';
  return undefined;
}

const JEPSEN = /^INFO\s+jepsen\.util\s+-\s+(\d+)\s+:(invoke|ok|fail|info)\s+:(read|write|cas)\s+(.*?)\s*$/;

/** Porcupine's `parseJepsenLog`: a single etcd register with read, write and cas. */
export function parseJepsenLog(text: string): Parsed<RegisterInput, RegisterOutput> {
  const ops = new OpenOps<RegisterInput, RegisterOutput>();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '');
    const lineNo = i + 1;
    if (line.trim() === '') continue;
    const m = JEPSEN.exec(line);
    const fail = (why: string): Parsed<RegisterInput, RegisterOutput> => ({ ok: false, message: `line ${lineNo}: ${why}: ${JSON.stringify(line.slice(0, 120))}` });
    if (!m) return fail('not a jepsen.util line (expected "INFO jepsen.util - <process> :<type> :<f> <value>")');
    const process = Number(m[1]);
    const [type, f, arg] = [m[2], m[3], m[4]];
    let error: string | undefined;
    if (type === 'info') {
      // `:info :write :timed-out`: the operation stays open (it may or may not take effect).
      if (arg !== ':timed-out') return fail('an :info line should say :timed-out');
      continue;
    }
    if (type === 'invoke') {
      const input = jepsenInput(f, arg);
      if (!input) return fail(`cannot read the ${f} argument ${JSON.stringify(arg)}`);
      error = ops.invoke(process, input, lineNo);
    } else if (f === 'read' && type === 'fail') {
      if (arg !== ':timed-out') return fail('a failed read should say :timed-out');
      error = ops.complete(process, f, (input) => input.f, 'timeout', undefined, lineNo);
    } else if (f === 'read') {
      const value = jepsenValue(arg);
      if (value === undefined) return fail(`cannot read the value ${JSON.stringify(arg)}`);
      error = ops.complete(process, f, (input) => input.f, 'ok', value, lineNo);
    } else if (f === 'write') {
      if (type !== 'ok') return fail('a write completes with :ok or :info');
      error = ops.complete(process, f, (input) => input.f, 'ok', undefined, lineNo);
    } else {
      if (!jepsenInput(f, arg)) return fail(`cannot read the cas argument ${JSON.stringify(arg)}`);
      error = ops.complete(process, f, (input) => input.f, 'ok', type === 'ok', lineNo);
    }
    if (error) return fail(error);
  }
  return { ok: true, operations: ops.finish() };
}

function jepsenValue(text: string): RegisterValue | undefined {
  if (text === 'nil') return null;
  return /^-?\d+$/.test(text) ? Number(text) : undefined;
}

function jepsenInput(f: string, arg: string): RegisterInput | undefined {
  if (f === 'read') return arg === 'nil' ? { f: 'read' } : undefined;
  if (f === 'write') {
    const value = jepsenValue(arg);
    return value === undefined || value === null ? undefined : { f: 'write', value };
  }
  const m = /^\[\s*(-?\d+)\s+(-?\d+)\s*\]$/.exec(arg);
  return m ? { f: 'cas', from: Number(m[1]), to: Number(m[2]) } : undefined;
}

const EDN_ENTRY = /\s*:([\w-]+)\s+("(?:[^"\\]|\\.)*"|nil|:[\w-]+|-?\d+)\s*,?/y;

/** One EDN map of keyword keys to strings, nil, keywords or integers; undefined if it is not one. */
function ednMap(line: string): Map<string, string | number | null> | undefined {
  const body = /^\s*\{(.*)\}\s*$/.exec(line)?.[1];
  if (body === undefined) return undefined;
  const map = new Map<string, string | number | null>();
  EDN_ENTRY.lastIndex = 0;
  while (EDN_ENTRY.lastIndex < body.length) {
    const at = EDN_ENTRY.lastIndex;
    const m = EDN_ENTRY.exec(body);
    if (!m) return body.slice(at).trim() === '' ? map : undefined;
    const raw = m[2];
    map.set(m[1], raw === 'nil' ? null : raw.startsWith('"') ? (JSON.parse(raw) as string) : raw.startsWith(':') ? raw : Number(raw));
  }
  return map;
}

/** Porcupine's `parseKvLog`: EDN maps with :process, :type, :f (get/put/append), :key and :value. */
export function parseKvLog(text: string): Parsed<KvInput, KvOutput> {
  const ops = new OpenOps<KvInput, KvOutput>();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '');
    const lineNo = i + 1;
    if (line.trim() === '') continue;
    const fail = (why: string): Parsed<KvInput, KvOutput> => ({ ok: false, message: `line ${lineNo}: ${why}: ${JSON.stringify(line.slice(0, 120))}` });
    const map = ednMap(line);
    if (!map) return fail('not an EDN map like {:process 0, :type :invoke, :f :get, :key "1", :value nil}');
    const process = map.get('process');
    const type = map.get('type');
    const f = map.get('f');
    const key = map.get('key');
    const value = map.get('value');
    if (typeof process !== 'number' || !Number.isInteger(process)) return fail(':process must be an integer');
    if (type !== ':invoke' && type !== ':ok' && type !== ':fail' && type !== ':info') return fail(':type must be :invoke, :ok, :fail or :info');
    if (f !== ':get' && f !== ':put' && f !== ':append') return fail(':f must be :get, :put or :append');
    if (typeof key !== 'string') return fail(':key must be a string');
    const name = f.slice(1);
    let error: string | undefined;
    if (type === ':invoke') {
      if (name !== 'get' && typeof value !== 'string') return fail(`${f} needs a string :value`);
      const input: KvInput = name === 'get' ? { f: 'get', key } : { f: name as 'put' | 'append', key, value: value as string };
      error = ops.invoke(process, input, lineNo);
    } else if (type === ':info') {
      continue;
    } else {
      if (name === 'get' && type === ':ok' && typeof value !== 'string' && value !== null) return fail('a get returns a string :value');
      const output = name === 'get' ? ((value as string | null) ?? '') : undefined;
      error = ops.complete(process, name, (input) => input.f, type === ':ok' ? 'ok' : 'fail', output, lineNo);
    }
    if (error) return fail(error);
  }
  return { ok: true, operations: ops.finish() };
}

/**
 * A JSON history: an array of operations, or `{ "model": "register" | "kv" | "etcd", "operations": [...] }`.
 * Each operation: `{ "input", "output"?, "call", "ret" (null or absent = unknown), "process"?, "index"?,
 * "status"? }`, the shape of `History.forChecker()`. Inputs are checked by the model's reader (checkInputs).
 */
export function parseJsonHistory(text: string): { ok: true; model?: string; operations: CheckOp<unknown, unknown>[] } | { ok: false; message: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `not JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
  let model: string | undefined;
  let list: unknown = data;
  if (isRecord(data)) {
    if (data.model !== undefined && typeof data.model !== 'string') return { ok: false, message: '"model" must be a string' };
    model = data.model as string | undefined;
    list = data.operations;
  }
  if (!Array.isArray(list)) return { ok: false, message: 'expected an array of operations, or {"model": …, "operations": [...]}' };
  const operations: CheckOp<unknown, unknown>[] = [];
  for (let i = 0; i < list.length; i++) {
    const op = list[i];
    const fail = (why: string) => ({ ok: false as const, message: `operation ${i}: ${why}` });
    if (!isRecord(op)) return fail('not an object');
    if (typeof op.call !== 'number' || !Number.isFinite(op.call)) return fail('"call" must be a finite number');
    const ret = op.ret === null || op.ret === undefined ? Infinity : op.ret;
    if (typeof ret !== 'number' || !(ret >= op.call)) return fail(`"ret" must be a number >= call (${op.call}) or null for unknown`);
    const status = op.status;
    if (status !== undefined && status !== 'ok' && status !== 'fail' && status !== 'timeout' && status !== 'pending') return fail('"status" must be ok, fail, timeout or pending');
    if (op.process !== undefined && !Number.isInteger(op.process)) return fail('"process" must be an integer');
    if (op.index !== undefined && !Number.isInteger(op.index)) return fail('"index" must be an integer');
    operations.push({
      index: (op.index as number | undefined) ?? i,
      ...(op.process === undefined ? {} : { process: op.process as number }),
      input: op.input,
      output: op.output,
      call: op.call,
      ret,
      ...(status === undefined ? {} : { status }),
    });
  }
  return { ok: true, ...(model === undefined ? {} : { model }), operations };
}

/** Why `input` is not a register input, or undefined if it is one. */
export function registerInputProblem(input: unknown): string | undefined {
  const x = input as Record<string, unknown> | null;
  const isValue = (v: unknown) => v === null || typeof v === 'number' || typeof v === 'string';
  if (typeof x !== 'object' || x === null) return 'input must be an object like {"f": "read"}';
  if (x.f === 'read') return undefined;
  if (x.f === 'write') return isValue(x.value) ? undefined : 'write needs a "value" (number, string or null)';
  if (x.f === 'cas') return isValue(x.from) && isValue(x.to) ? undefined : 'cas needs "from" and "to" values';
  return `input.f must be read, write or cas, got ${JSON.stringify(x.f)}`;
}

/** Why `input` is not a kv input, or undefined if it is one. */
export function kvInputProblem(input: unknown): string | undefined {
  const x = input as Record<string, unknown> | null;
  if (typeof x !== 'object' || x === null) return 'input must be an object like {"f": "get", "key": "x"}';
  if (typeof x.key !== 'string') return 'input needs a string "key"';
  if (x.f === 'get') return undefined;
  if (x.f === 'put' || x.f === 'append') return typeof x.value === 'string' ? undefined : `${x.f} needs a string "value"`;
  return `input.f must be get, put or append, got ${JSON.stringify(x.f)}`;
}
