/**
 * A single register with read, write and compare-and-set: Porcupine's `etcdModel` (its Jepsen etcd tests)
 * and the shape the labs' client histories use for one key.
 *
 *   read()            output: the value read (null = never written / absent)
 *   write(v)          output: ignored (a write is always legal)
 *   cas(from, to)     output: true if it swapped, false if it did not (the value was not `from`)
 *
 * With an unknown outcome (UNKNOWN) every operation is legal and a cas swaps when the value is `from`, as
 * in Porcupine: the checker decides where (if anywhere) it took effect.
 */
import { UNKNOWN, hashValue, isUnknown, type CheckOp, type Model, type Unknown } from '../model';

export type RegisterValue = number | string | null;

export type RegisterInput =
  | { f: 'read' }
  | { f: 'write'; value: RegisterValue }
  | { f: 'cas'; from: RegisterValue; to: RegisterValue };

/** read: the value; cas: whether it swapped; write: anything (ignored). */
export type RegisterOutput = RegisterValue | boolean | undefined;

export interface RegisterOptions {
  /** The value before any write (default null: absent). */
  initial?: RegisterValue;
  /** Shown in results (default "register"). */
  name?: string;
  /**
   * Knossos' rule: a read that returned nil saw nothing definite and is legal in any state (its CASRegister
   * steps a read when `(or (nil? v) (= value v))`). Default false: nil is the absent value, read as such.
   */
  nilReadMatchesAny?: boolean;
}

export function registerModel(options: RegisterOptions = {}): Model<RegisterValue, RegisterInput, RegisterOutput> {
  const initial = options.initial ?? null;
  const nilMatches = options.nilReadMatchesAny ?? false;
  return {
    name: options.name ?? 'register',
    init: () => initial,
    step(state, input, output) {
      switch (input.f) {
        case 'read':
          // A lab may report an absent value as undefined: the same as null here.
          if (nilMatches && output === null) return { ok: true, state };
          return { ok: output === UNKNOWN || (output === undefined ? null : output) === state, state };
        case 'write':
          return { ok: true, state: input.value };
        case 'cas': {
          const swaps = state === input.from;
          const ok = output === UNKNOWN || swaps === (output === true);
          return { ok, state: swaps ? input.to : state };
        }
      }
    },
    prune: (history) => pruneUnobservedWrites(history, initial),
    hash: hashValue,
    describeOperation: describeRegisterOperation,
    describeState: (state) => showValue(state),
  };
}

export function describeRegisterOperation(input: RegisterInput, output: RegisterOutput | Unknown): string {
  const result = output === UNKNOWN ? ' -> ?' : '';
  switch (input.f) {
    case 'read':
      return `read() -> ${output === UNKNOWN ? '?' : showValue(output as RegisterValue)}`;
    case 'write':
      return `write(${showValue(input.value)})${result}`;
    case 'cas':
      return `cas(${showValue(input.from)}, ${showValue(input.to)}) -> ${output === UNKNOWN ? '?' : output === true ? 'ok' : 'fail'}`;
  }
}

export function showValue(value: RegisterValue | undefined): string {
  return value === null || value === undefined ? 'nil' : typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/**
 * A write whose outcome is unknown (the client timed out) and whose value no other operation mentions (no
 * read returned it, no cas compares or sets it, no other write writes it, and it is not the initial value)
 * can be dropped: in any linearization it must be directly overwritten (or come last), since a read
 * between it and the next write would return its value; so removing it keeps a linearization legal, and
 * a linearization without it stays one with it placed last. Lab histories are full of such writes (every
 * timeout under a partition), and each doubled the search.
 */
export function pruneUnobservedWrites(history: readonly CheckOp<RegisterInput, RegisterOutput>[], initial: RegisterValue): CheckOp<RegisterInput, RegisterOutput>[] {
  const mentions = new Map<RegisterValue, number>();
  const mention = (v: RegisterValue) => mentions.set(v, (mentions.get(v) ?? 0) + 1);
  for (const op of history) {
    const input = op.input;
    if (input.f === 'write') mention(input.value);
    else if (input.f === 'cas') {
      mention(input.from);
      mention(input.to);
    } else if (!isUnknown(op)) mention((op.output as RegisterValue | undefined) ?? null);
  }
  return history.filter((op) => !(op.input.f === 'write' && isUnknown(op) && op.input.value !== initial && mentions.get(op.input.value) === 1));
}
