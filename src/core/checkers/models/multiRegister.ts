/**
 * Registers read and written together in transactions: Knossos' `multi-register` model (its
 * test data multi-register/good/). A transaction is a list of micro-operations applied atomically:
 *
 *   input   [['read', 'x', null], ['write', 'y', 2]]     (what the client invoked)
 *   output  [['read', 'x', 0], ['write', 'y', 2]]        (what it returned: each read filled in)
 *
 * A transaction is legal when every read returns the register's value at that point of the transaction; as
 * in Knossos, a read that returned nil saw nothing definite and is legal whatever the value. A register never
 * written holds its initial value (Knossos' test starts x and y at 0), else null. With an unknown outcome
 * every read is accepted and the writes take effect.
 */
import { UNKNOWN, hashString, type Model, type Unknown } from '../model';

export type MultiValue = number | string | null;
export type MicroOp = readonly ['read' | 'write', string, MultiValue];
export type MultiInput = readonly MicroOp[];
export type MultiOutput = readonly MicroOp[] | undefined;
/** Register name -> value, as sorted entries (a canonical form for equality and hashing). */
export type MultiState = ReadonlyMap<string, MultiValue>;

export function multiRegisterModel(initial: Readonly<Record<string, MultiValue>> = {}): Model<MultiState, MultiInput, MultiOutput> {
  const start: MultiState = new Map(Object.entries(initial));
  const valueOf = (state: MultiState, key: string): MultiValue => (state.has(key) ? state.get(key)! : null);
  return {
    name: 'multi-register',
    init: () => start,
    step(state, input, output) {
      let next: Map<string, MultiValue> | undefined;
      const current = () => next ?? state;
      for (let i = 0; i < input.length; i++) {
        const [f, key, value] = input[i];
        if (f === 'write') {
          next ??= new Map(state);
          next.set(key, value);
        } else if (output !== UNKNOWN && output !== undefined) {
          const read = output[i];
          if (!read || read[0] !== 'read' || read[1] !== key) return { ok: false, state };
          if (read[2] !== null && read[2] !== valueOf(current(), key)) return { ok: false, state };
        }
      }
      return { ok: true, state: current() };
    },
    equal: (a, b) => stateText(a) === stateText(b),
    hash: (state) => hashString(stateText(state)),
    describeOperation: describeTxn,
    describeState: stateText,
  };
}

function stateText(state: MultiState): string {
  return `{${[...state].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${k}: ${v === null ? 'nil' : String(v)}`).join(', ')}}`;
}

export function describeTxn(input: MultiInput, output: MultiOutput | Unknown): string {
  const parts = input.map(([f, key, value], i) => {
    if (f === 'write') return `write ${key} ${String(value)}`;
    const read = output === UNKNOWN || output === undefined ? undefined : output[i];
    return `read ${key} -> ${read ? (read[2] === null ? 'nil' : String(read[2])) : '?'}`;
  });
  return `txn [${parts.join(', ')}]`;
}
