/**
 * checkLinearizability(model, history, options): is there a total order of the history's operations that
 * respects real time (closed intervals) and that the model accepts? Porcupine's API in one call: a
 * three-valued verdict (Ok / Illegal / Unknown when the budget ran out), per-partition results, and when
 * a violation is found an explanation as data (explain.ts; prose in prose.ts).
 *
 * The history is split with the model's `partition` (P-compositionality, Herlihy & Wing: a history is
 * linearizable iff each key's sub-history is), and each part is searched on its own (search.ts).
 *
 * No wall clock here: the budget is a count of search steps, plus an optional injected `now()` with a
 * duration, which the CLI and the worker supply.
 */
import { explain, type Explanation } from './explain';
import { UNKNOWN, isUnknown, type CheckOp, type Model } from './model';
import { searchPartition, type Budget, type PartitionVerdict } from './search';

export type Verdict = PartitionVerdict;

export interface CheckOptions {
  /** Search steps allowed over all partitions (default 50,000,000: a few seconds in Node). */
  stepsMax?: number;
  /** An injected clock in ms (the CLI passes performance.now) ... */
  now?: () => number;
  /** ... and how long the search may take by that clock. */
  timeMsMax?: number;
  /** Keep each linearizable partition's linearization (operation ids) in the result. */
  keepLinearization?: boolean;
}

export const STEPS_MAX_DEFAULT = 50_000_000;

export interface PartitionResult {
  /** '' when the model does not partition. */
  key: string;
  operations: number;
  verdict: Verdict;
  steps: number;
  explanation?: Explanation;
  /** With keepLinearization: operation ids in a linearization order. */
  linearization?: number[];
}

export interface CheckResult {
  verdict: Verdict;
  model: string;
  /** Operations checked (failed ones are dropped: they certainly had no effect). */
  operations: number;
  partitions: PartitionResult[];
  /** The first violation found (in partition order). */
  explanation?: Explanation;
  steps: number;
}

export function checkLinearizability<S, I, O>(model: Model<S, I, O>, history: readonly CheckOp<I, O>[], options: CheckOptions = {}): CheckResult {
  // Remember each operation's position, so operations without an `index` keep their position as their id.
  const kept: CheckOp<I, O>[] = [];
  const positionOf = new Map<CheckOp<I, O>, number>();
  history.forEach((op, position) => {
    if (op.status === 'fail') return;
    const copy = op.index === undefined ? { ...op, index: position } : op;
    positionOf.set(copy, position);
    kept.push(copy);
  });
  const parts = model.partition ? model.partition(kept) : [{ key: '', operations: kept }];
  const budget: Budget = { stepsLeft: options.stepsMax ?? STEPS_MAX_DEFAULT };
  if (options.now && options.timeMsMax !== undefined) {
    budget.now = options.now;
    budget.deadlineMs = options.now() + options.timeMsMax;
  }
  let steps = 0;
  const partitions = parts.map((whole): PartitionResult => {
    const base = { key: whole.key, operations: whole.operations.length };
    if (budget.stepsLeft <= 0) return { ...base, verdict: 'unknown', steps: 0 };
    const part = model.prune ? { key: whole.key, operations: model.prune(whole.operations) } : whole;
    const found = searchPartition(model, part.operations, budget);
    steps += found.steps;
    const result: PartitionResult = { ...base, verdict: found.verdict, steps: found.steps };
    if (found.deadEnd) {
      const positions = part.operations.map((op) => positionOf.get(op) ?? -1);
      const key = model.partition ? part.key : undefined;
      result.explanation = explain(model, part.operations, positions, found.deadEnd.prefix, found.deadEnd.cannotPlace, key);
    }
    if (options.keepLinearization && found.linearization) result.linearization = found.linearization.map((p) => part.operations[p].index!);
    return result;
  });
  const failed = partitions.find((p) => p.verdict === 'not linearizable');
  const verdict: Verdict = failed ? 'not linearizable' : partitions.some((p) => p.verdict === 'unknown') ? 'unknown' : 'linearizable';
  return {
    verdict,
    model: model.name,
    operations: kept.length,
    partitions,
    ...(failed?.explanation ? { explanation: failed.explanation } : {}),
    steps,
  };
}

/**
 * Is `order` (operation ids) a linearization of those operations of `history`: every id once, the model
 * accepts them in that order, and no operation comes before one that returned before it was called?
 * A direct oracle for tests and for checking an explanation's prefix.
 */
export function isLinearization<S, I, O>(model: Model<S, I, O>, history: readonly CheckOp<I, O>[], order: readonly number[]): boolean {
  const byId = new Map<number, CheckOp<I, O>>();
  history.forEach((op, position) => byId.set(op.index ?? position, op));
  const ops = order.map((id) => byId.get(id));
  if (ops.some((op) => op === undefined) || new Set(order).size !== order.length) return false;
  let state = model.init();
  let callMax = -Infinity;
  for (const op of ops as CheckOp<I, O>[]) {
    // Real time: op may not follow an operation called after op returned.
    if (!isUnknown(op) && op.ret < callMax) return false;
    callMax = Math.max(callMax, op.call);
    const next = model.step(state, op.input, isUnknown(op) ? UNKNOWN : (op.output as O));
    if (!next.ok) return false;
    state = next.state;
  }
  return true;
}
