/**
 * Why a partition is not linearizable, as data (Elle's habit: data first, prose in prose.ts).
 *
 * From the search's deepest dead end: the longest linearizable prefix found, and the operation X whose
 * response came while X could not be linearized after that prefix. Then, replaying the prefix through the
 * model, three operations that name the conflict for a person (and the timeline's highlight):
 *
 *   source       the last prefix operation after which X would have been legal (a stale read's write);
 *   overwrittenBy the first operation after the source that changed the state (what X missed);
 *   precededBy   the latest prefix operation that returned before X was called: X had to come after it.
 *
 *   P1 |--w(1)--|                          source = w(1)
 *   P2            |--w(2)--|               overwrittenBy = w(2) = precededBy
 *   P3                        |--r()->1--| cannotPlace = r()->1
 */
import { UNKNOWN, isUnknown, type CheckOp, type Model } from './model';

export interface ExplainedOperation {
  id: number;
  process?: number;
  call: number;
  /** null when the outcome is unknown (Infinity does not survive JSON). */
  ret: number | null;
  /** The model's description ("write(3)", "read() -> 2"). */
  text: string;
}

export interface Explanation {
  /** The partition's key, when the model partitions the history. */
  key?: string;
  /** Operation ids in a linearization order: the longest linearizable prefix the search found. */
  longestPrefix: number[];
  /** The operation that cannot be placed after that prefix. */
  cannotPlace: number;
  /** The operations it conflicts with (ids; source, overwrittenBy, precededBy when known). */
  conflicting: number[];
  /** The state the prefix leaves, described by the model. */
  stateAfterPrefix: string;
  /** The prefix operation after which cannotPlace would have been legal; 'initial' = before any operation. */
  source?: number | 'initial';
  overwrittenBy?: number;
  precededBy?: number;
  /** cannotPlace and the conflicting operations, described (for prose and a timeline's labels). */
  operations: ExplainedOperation[];
}

export function idOf(op: CheckOp<unknown, unknown>, position: number): number {
  return op.index ?? position;
}

/** `ops` is the partition; `positions` its indexes in the checked history (for ids without an index). */
export function explain<S, I, O>(
  model: Model<S, I, O>,
  ops: readonly CheckOp<I, O>[],
  positions: readonly number[],
  prefix: readonly number[],
  cannotPlace: number,
  key: string | undefined,
): Explanation {
  const id = (p: number) => idOf(ops[p], positions[p]);
  const outputOf = (p: number) => (isUnknown(ops[p]) ? UNKNOWN : (ops[p].output as O));
  const equal = model.equal ?? Object.is;
  const states: S[] = [model.init()];
  for (const p of prefix) states.push(model.step(states[states.length - 1], ops[p].input, outputOf(p)).state);

  const x = ops[cannotPlace];
  let sourceAt = -1;
  for (let i = states.length - 1; i >= 0; i--) {
    if (model.step(states[i], x.input, outputOf(cannotPlace)).ok) {
      sourceAt = i;
      break;
    }
  }
  let overwriteAt = -1;
  for (let i = Math.max(sourceAt, 0); i < prefix.length; i++) {
    if (!equal(states[i], states[i + 1])) {
      overwriteAt = i;
      break;
    }
  }
  let precededAt = -1;
  for (let i = prefix.length - 1; i >= 0; i--) {
    const p = ops[prefix[i]];
    if (!isUnknown(p) && p.ret < x.call) {
      precededAt = i;
      break;
    }
  }
  const source = sourceAt < 0 ? undefined : sourceAt === 0 ? ('initial' as const) : id(prefix[sourceAt - 1]);
  const overwrittenBy = overwriteAt < 0 ? undefined : id(prefix[overwriteAt]);
  const precededBy = precededAt < 0 ? undefined : id(prefix[precededAt]);
  const conflictingAt = [sourceAt > 0 ? sourceAt - 1 : -1, overwriteAt, precededAt].filter((i, k, all) => i >= 0 && all.indexOf(i) === k);
  const involved = [cannotPlace, ...conflictingAt.map((i) => prefix[i])];
  const describe = (p: number): ExplainedOperation => {
    const op = ops[p];
    const out = outputOf(p);
    return {
      id: id(p),
      ...(op.process === undefined ? {} : { process: op.process }),
      call: op.call,
      ret: isUnknown(op) ? null : op.ret,
      text: model.describeOperation ? model.describeOperation(op.input, out) : `${JSON.stringify(op.input)} -> ${out === UNKNOWN ? '?' : JSON.stringify(out)}`,
    };
  };
  const stateAfter = states[states.length - 1];
  return {
    ...(key === undefined ? {} : { key }),
    longestPrefix: prefix.map(id),
    cannotPlace: id(cannotPlace),
    conflicting: conflictingAt.map((i) => id(prefix[i])),
    stateAfterPrefix: model.describeState ? model.describeState(stateAfter) : JSON.stringify(stateAfter) ?? String(stateAfter),
    ...(source === undefined ? {} : { source }),
    ...(overwrittenBy === undefined ? {} : { overwrittenBy }),
    ...(precededBy === undefined ? {} : { precededBy }),
    operations: involved.map(describe),
  };
}
