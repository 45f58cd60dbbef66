/**
 * What a linearizability checker is given: a history of operations with real-time intervals, and a model of
 * the object they ran against (Porcupine's `model.go`). A model is a record of pure functions: `step` returns
 * whether the operation is legal in a state and the next state, and never mutates the state it was given.
 *
 * Intervals are closed: an operation may take effect at any instant of [call, ret], both ends included.
 * Why: time comes in ticks (a simulation tick, a log line), and two events stamped with the same tick may
 * have happened in either order. A worked example, one register starting at 0:
 *
 *   t=0  A calls write(1)
 *   t=5  A's write returns ok          A |--write(1)--|
 *   t=5  B calls read()                B              |--read()->0--|
 *   t=8  B's read returns 0            0    ...      5             8
 *
 * With open intervals the write (ret 5) precedes the read (call 5), the read must see 1, and the history is
 * reported as a violation. With closed intervals both touch at t=5, so the read may be linearized first,
 * and the history is accepted. A checker may only claim a violation that certainly happened, so ties count
 * as concurrent (Porcupine sorts a call before a return at equal times for the same reason).
 *
 * An operation whose outcome is unknown (a client timeout: `ret = Infinity`, or status 'timeout'/'pending')
 * may have taken effect at any instant after its call, or never. As Porcupine does, its return is placed
 * after every other event and `step` is given the output `UNKNOWN`: a model accepts any result then. Placed
 * last, "it took effect after everything" stands for "it never took effect" (nothing observes it).
 */

/** The output of an operation whose client never learned the result. */
export const UNKNOWN: unique symbol = Symbol('unknown');
export type Unknown = typeof UNKNOWN;

/** One operation as the checker reads it; `History.forChecker()` from src/sim gives exactly this shape. */
export interface CheckOp<I = unknown, O = unknown> {
  /** Its id in explanations (the history's own index); defaults to its position in the array. */
  index?: number;
  /** The client process; only used to describe operations. */
  process?: number;
  input: I;
  /** Ignored when the outcome is unknown. */
  output: O | undefined;
  /** Real time of the invoke. */
  call: number;
  /** Real time of the response; Infinity when unknown. */
  ret: number;
  /** As in src/sim/history.ts: 'fail' operations are dropped, 'timeout' and 'pending' are unknown. */
  status?: 'ok' | 'fail' | 'timeout' | 'pending';
}

/** One partition of a history (P-compositionality: a history is linearizable iff each key's is). */
export interface Partition<I, O> {
  /** '' when the model does not partition. */
  key: string;
  operations: CheckOp<I, O>[];
}

export interface Model<S, I, O> {
  /** Shown in results ("register", "kv"). */
  name: string;
  init(): S;
  /** Is `input` returning `output` legal in `state`, and the state after it. Pure. */
  step(state: S, input: I, output: O | Unknown): { ok: boolean; state: S };
  /** Splits a history into independent parts (by key); absent = one part. */
  partition?(history: readonly CheckOp<I, O>[]): Partition<I, O>[];
  /**
   * Drops operations whose effect no other operation can observe, so the search need not place them
   * (each unknown-outcome write doubles the placements to try). Must not change the verdict; absent = keep all.
   */
  prune?(history: readonly CheckOp<I, O>[]): CheckOp<I, O>[];
  /** State equality for the visited cache; defaults to Object.is. */
  equal?(a: S, b: S): boolean;
  /** A 32-bit hash consistent with `equal`; defaults to hashValue (numbers, strings, null). */
  hash?(state: S): number;
  describeOperation?(input: I, output: O | Unknown): string;
  describeState?(state: S): string;
}

/** A partition function from a key of each input, keys in order of first appearance (deterministic). */
export function partitionByKey<I, O>(keyOf: (input: I) => string): (history: readonly CheckOp<I, O>[]) => Partition<I, O>[] {
  return (history) => {
    const byKey = new Map<string, CheckOp<I, O>[]>();
    for (const op of history) {
      const key = keyOf(op.input);
      let list = byKey.get(key);
      if (!list) byKey.set(key, (list = []));
      list.push(op);
    }
    return [...byKey].map(([key, operations]) => ({ key, operations }));
  };
}

/** A 32-bit hash of a primitive value (FNV-1a over a tagged string form; enough for a visited cache). */
export function hashValue(value: unknown): number {
  if (typeof value === 'number' && Number.isInteger(value)) return Math.imul(value | 0, 0x9e3779b1) ^ ((value / 4294967296) | 0);
  return hashString(typeof value === 'string' ? `s${value}` : `${typeof value}${String(value)}`);
}

export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h | 0;
}

/** Is the operation's outcome unknown (it may or may not have taken effect)? */
export function isUnknown(op: CheckOp<unknown, unknown>): boolean {
  return op.status === 'timeout' || op.status === 'pending' || op.ret === Infinity;
}
