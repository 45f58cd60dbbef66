/**
 * Jepsen/Knossos EDN histories (test-data/knossos, a copy of ../shared/data/knossos; see its README): one
 * vector or list of operation maps in real-time order,
 *
 *   {:process 7, :type :invoke, :f :cas, :value [2 3]}   {:process 7, :type :fail, :f :cas, :value [2 3]}
 *
 * read as Knossos reads them: `:ok` happened, `:fail` certainly did not (dropped), `:info` may or may not
 * have happened at any time after its invocation (an unknown outcome), and an invocation never completed
 * is unknown too. Operations of a process that is not an integer (Jepsen's `:nemesis`) are not client
 * operations and are skipped. Time is the line each map starts on, as in Porcupine's formats.
 *
 * Models, as Knossos' own tests use them on this data: `cas-register` (read, write, cas [from to]; the
 * register starts at 0) and `multi-register` (:txn of [:read k v] / [:write k v]; x and y start at 0).
 */
import { EdnName, ednText, readEdn, type EdnMap, type EdnValue } from './edn';
import type { CheckOp, Model } from './model';
import { multiRegisterModel, type MicroOp, type MultiInput, type MultiOutput } from './models/multiRegister';
import { registerModel, type RegisterInput, type RegisterOutput, type RegisterValue } from './models/register';
import { OpenOps } from './openOps';

export type KnossosModelName = 'cas-register' | 'multi-register';

/** The initial values Knossos' tests give this data (README: "initial value 0", "both initially 0"). */
export const KNOSSOS_INITIAL = { casRegister: 0, multiRegister: { x: 0, y: 0 } } as const;

/** The model Knossos' tests check this data with: initial values as above, a nil read matching any value. */
export function knossosModel(name: KnossosModelName): Model<unknown, unknown, unknown> {
  const model = name === 'multi-register'
    ? multiRegisterModel(KNOSSOS_INITIAL.multiRegister)
    : registerModel({ initial: KNOSSOS_INITIAL.casRegister, name, nilReadMatchesAny: true });
  return model as unknown as Model<unknown, unknown, unknown>;
}

/** Most operation maps a history may hold. */
export const KNOSSOS_EVENTS_MAX = 1_000_000;

export type KnossosParsed =
  | { ok: true; model: 'cas-register'; operations: CheckOp<RegisterInput, RegisterOutput>[] }
  | { ok: true; model: 'multi-register'; operations: CheckOp<MultiInput, MultiOutput>[] }
  | { ok: false; message: string };

/** Reads an EDN history; the model is `wanted`, else the one its operations' :f names. */
export function parseKnossosHistory(text: string, wanted?: KnossosModelName): KnossosParsed {
  const read = readEdn(text);
  if (!read.ok) return { ok: false, message: `line ${read.line}: ${read.message}` };
  if (!Array.isArray(read.value)) return { ok: false, message: 'line 1: a history is one EDN vector [...] or list (...) of operation maps' };
  const events = read.value;
  if (events.length > KNOSSOS_EVENTS_MAX) return { ok: false, message: `the history holds ${events.length} operation maps; at most ${KNOSSOS_EVENTS_MAX} are read` };
  if ((wanted ?? guessModel(events)) === 'multi-register') {
    const ops = readOps(events, read.lines, txnInput, txnOutput, () => 'txn');
    return 'message' in ops ? { ok: false, message: ops.message } : { ok: true, model: 'multi-register', operations: ops.operations };
  }
  const ops = readOps(events, read.lines, registerInput, registerOutput, (input) => input.f);
  return 'message' in ops ? { ok: false, message: ops.message } : { ok: true, model: 'cas-register', operations: ops.operations };
}

/** :txn anywhere makes a multi-register history; otherwise a cas register. */
function guessModel(events: readonly EdnValue[]): KnossosModelName {
  for (const event of events) {
    if (event instanceof Map && keyword(event.get('f')) === 'txn') return 'multi-register';
  }
  return 'cas-register';
}

function keyword(value: EdnValue | undefined): string | undefined {
  return value instanceof EdnName && value.kind === 'keyword' ? value.name : undefined;
}

type InputReader<I> = (f: string, value: EdnValue | undefined) => I | string;
type OutputReader<I, O> = (input: I, value: EdnValue | undefined) => O | string;

function readOps<I, O>(
  events: readonly EdnValue[],
  lines: readonly number[],
  inputOf: InputReader<I>,
  outputOf: OutputReader<I, O>,
  fOf: (input: I) => string,
): { operations: CheckOp<I, O>[] } | { message: string } {
  const ops = new OpenOps<I, O>();
  const inputs = new Map<number, I>();
  for (let i = 0; i < events.length; i++) {
    const event = events[i];
    const line = lines[i];
    const fail = (why: string) => ({ message: `line ${line}: ${why}: ${ednText(event).slice(0, 120)}` });
    if (!(event instanceof Map)) return fail('each operation is a map {:process .., :type .., :f .., :value ..}');
    const map: EdnMap = event;
    const process = map.get('process');
    if (!(typeof process === 'number' && Number.isInteger(process))) {
      if (process instanceof EdnName) continue; // :nemesis and other non-client processes
      return fail(':process must be an integer (or a keyword such as :nemesis, skipped)');
    }
    const type = keyword(map.get('type'));
    const f = keyword(map.get('f'));
    if (type !== 'invoke' && type !== 'ok' && type !== 'fail' && type !== 'info') return fail(':type must be :invoke, :ok, :fail or :info');
    if (f === undefined) return fail(':f must be a keyword');
    let error: string | undefined;
    if (type === 'invoke') {
      const input = inputOf(f, map.get('value'));
      if (typeof input === 'string') return fail(input);
      inputs.set(process, input);
      error = ops.invoke(process, input, line);
    } else {
      const input = inputs.get(process);
      inputs.delete(process);
      let output: O | undefined;
      if (input !== undefined && fOf(input) !== f) return fail(`process ${process} completes ${f} but invoked ${fOf(input)}`);
      if (type === 'ok' && input !== undefined) {
        const read = outputOf(input, map.get('value'));
        if (typeof read === 'string') return fail(read);
        output = read;
      }
      const status = type === 'ok' ? 'ok' : type === 'fail' ? 'fail' : 'timeout';
      error = ops.complete(process, f, fOf, status, output, line);
    }
    if (error) return fail(error);
  }
  return { operations: ops.finish() };
}

function registerValue(value: EdnValue | undefined): RegisterValue | undefined {
  if (value === null || value === undefined) return null;
  return typeof value === 'number' || typeof value === 'string' ? value : undefined;
}

const registerInput: InputReader<RegisterInput> = (f, value) => {
  switch (f) {
    case 'read':
      return { f: 'read' };
    case 'write': {
      const v = registerValue(value);
      return v === undefined || v === null ? 'a write needs a number or string :value' : { f: 'write', value: v };
    }
    case 'cas': {
      const pair = Array.isArray(value) && value.length === 2 ? value.map(registerValue) : undefined;
      if (!pair || pair[0] === undefined || pair[1] === undefined) return 'a cas needs :value [expected new]';
      return { f: 'cas', from: pair[0], to: pair[1] };
    }
    default:
      return `:f must be :read, :write or :cas for a cas register, got :${f}`;
  }
};

const registerOutput: OutputReader<RegisterInput, RegisterOutput> = (input, value) => {
  if (input.f === 'read') {
    const v = registerValue(value);
    return v === undefined ? 'a read returns a number, a string or nil' : v;
  }
  return input.f === 'cas' ? true : undefined; // an ok cas swapped; a write's output is ignored
};

function microOps(value: EdnValue | undefined, what: string): MicroOp[] | string {
  if (!Array.isArray(value)) return `${what} needs :value [[:read k v] [:write k v] ...]`;
  const out: MicroOp[] = [];
  for (const micro of value) {
    const f = Array.isArray(micro) && micro.length === 3 ? keyword(micro[0]) : undefined;
    const key = Array.isArray(micro) ? micro[1] : undefined;
    const v = Array.isArray(micro) ? registerValue(micro[2]) : undefined;
    if ((f !== 'read' && f !== 'write') || !(key instanceof EdnName) || v === undefined) return `${what}: each step is [:read k v] or [:write k v], got ${ednText(micro)}`;
    out.push([f, key.name, v]);
  }
  return out;
}

const txnInput: InputReader<MultiInput> = (f, value) => {
  if (f !== 'txn') return `:f must be :txn for a multi-register, got :${f}`;
  const ops = microOps(value, 'a txn');
  return ops;
};

const txnOutput: OutputReader<MultiInput, MultiOutput> = (input, value) => {
  const ops = microOps(value, 'an ok txn');
  if (typeof ops === 'string') return ops;
  if (ops.length !== input.length || ops.some((op, i) => op[0] !== input[i][0] || op[1] !== input[i][1])) return 'an ok txn must return the steps it invoked, in order';
  return ops;
};
