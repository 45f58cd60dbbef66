/**
 * The search for one partition: Wing & Gong's algorithm with Lowe's just-in-time linearization and a cache
 * of visited configurations (what Porcupine's `checkSingle` does).
 *
 * The history becomes one list of call and return entries in time order (calls first at equal times: closed
 * intervals, see model.ts). The search walks the list from its head:
 *
 * - at a call entry, it tries to linearize that operation now: if the model accepts it and the
 *   configuration (linearized set, state) was never seen, the operation is pushed on a stack, its call and
 *   return entries are lifted out of the list, and the walk restarts at the head;
 * - at a return entry, the operation must have been linearized already, and it was not: this branch is
 *   dead. Pop the last linearized operation, put its entries back, and try the entry after its call.
 *
 *   A |--w(1)----------------|         list: callA callB retB callC retA retC
 *   B     |--w(2)--|                    A, then B, then C fails (it reads 1): dead at retC; undo B:
 *   C                |--r()->1--|       dead at retB; undo A; B first, then A, then C: linearized.
 *
 * The list is empty when every operation is linearized: the stack is a linearization. The stack is empty
 * at a dead end: no linearization exists. The visited cache makes the search polynomial on typical histories
 * (two branches reaching the same set with the same state cannot differ afterwards).
 *
 * The deepest dead end is remembered as the explanation's material: the stack there is the longest
 * linearizable prefix found, and the return entry that stopped it is the operation that cannot be placed.
 */
import { LinearizedSet, VisitedCache } from './linearizedSet';
import { UNKNOWN, hashValue, isUnknown, type CheckOp, type Model } from './model';

/** How much search is allowed; shared by all partitions of one check. */
export interface Budget {
  /** Search steps left (one step = one entry visited). */
  stepsLeft: number;
  /** An injected clock (ms) and the instant at which to give up; src/core never reads the wall clock itself. */
  now?: () => number;
  deadlineMs?: number;
}

export type PartitionVerdict = 'linearizable' | 'not linearizable' | 'unknown';

export interface SearchResult {
  verdict: PartitionVerdict;
  steps: number;
  /** Positions in the partition's operations, in linearization order (when linearizable). */
  linearization?: number[];
  /** When not linearizable: the deepest dead end. */
  deadEnd?: { prefix: number[]; cannotPlace: number };
}

const CLOCK_EVERY_STEPS = 1024;

interface EntryList {
  next: Int32Array;
  prev: Int32Array;
  /** Operation of each entry. */
  op: Int32Array;
  /** Call entry -> its return entry; -1 for return entries. */
  match: Int32Array;
  /** Operation -> its call entry. */
  callOf: Int32Array;
  head: number;
}

/** Entries in time order, calls before returns at equal times, then by operation. */
function entryList(ops: readonly CheckOp<unknown, unknown>[]): EntryList {
  const n = ops.length;
  const time = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    const op = ops[i];
    const ret = isUnknown(op) ? Infinity : op.ret;
    if (!Number.isFinite(op.call) || !(ret >= op.call)) throw new Error(`invalid operation ${op.index ?? i}: call ${op.call}, ret ${op.ret}`);
    time[i] = op.call;
    time[n + i] = ret;
  }
  // Entry e < n is the call of operation e; e >= n is the return of operation e - n.
  const order = Array.from({ length: 2 * n }, (_, e) => e);
  order.sort((a, b) => time[a] - time[b] || (a >= n ? 1 : 0) - (b >= n ? 1 : 0) || a - b || 0);
  const head = 2 * n;
  const list: EntryList = {
    next: new Int32Array(2 * n + 1),
    prev: new Int32Array(2 * n + 1),
    op: new Int32Array(2 * n),
    match: new Int32Array(2 * n).fill(-1),
    callOf: new Int32Array(n),
    head,
  };
  const where = new Int32Array(2 * n);
  order.forEach((e, k) => (where[e] = k));
  for (let k = 0; k < 2 * n; k++) {
    const e = order[k];
    list.op[k] = e % n;
    if (e < n) {
      list.match[k] = where[n + e];
      list.callOf[e] = k;
    }
    list.next[k] = k + 1 < 2 * n ? k + 1 : head;
    list.prev[k] = k > 0 ? k - 1 : head;
  }
  list.next[head] = n > 0 ? 0 : head;
  list.prev[head] = n > 0 ? 2 * n - 1 : head;
  return list;
}

function lift(l: EntryList, call: number): void {
  const ret = l.match[call];
  l.next[l.prev[call]] = l.next[call];
  l.prev[l.next[call]] = l.prev[call];
  l.next[l.prev[ret]] = l.next[ret];
  l.prev[l.next[ret]] = l.prev[ret];
}

/** Undoes lift(call), in reverse order (dancing links). */
function unlift(l: EntryList, call: number): void {
  const ret = l.match[call];
  l.next[l.prev[ret]] = ret;
  l.prev[l.next[ret]] = ret;
  l.next[l.prev[call]] = call;
  l.prev[l.next[call]] = call;
}

export function searchPartition<S, I, O>(model: Model<S, I, O>, ops: readonly CheckOp<I, O>[], budget: Budget): SearchResult {
  const n = ops.length;
  const list = entryList(ops);
  const outputs = ops.map((op) => (isUnknown(op) ? UNKNOWN : (op.output as O)));
  const equal = model.equal ?? Object.is;
  const hash = model.hash ?? hashValue;
  const linearized = new LinearizedSet(n);
  const cache = new VisitedCache<S>();
  const stackOp = new Int32Array(n);
  const stackState: S[] = new Array(n);
  let depth = 0;
  let state = model.init();
  let steps = 0;
  // The deepest dead end so far; `common` is how much of the stack is unchanged since it was recorded.
  const deepest: number[] = [];
  let deepestDepth = -1;
  let deepestOp = -1;
  let common = 0;

  let entry = list.next[list.head];
  while (entry !== list.head) {
    steps++;
    if (--budget.stepsLeft < 0 || (steps % CLOCK_EVERY_STEPS === 0 && budget.now && budget.deadlineMs !== undefined && budget.now() >= budget.deadlineMs)) {
      budget.stepsLeft = Math.min(budget.stepsLeft, 0);
      return { verdict: 'unknown', steps };
    }
    const op = list.op[entry];
    if (list.match[entry] >= 0) {
      const next = model.step(state, ops[op].input, outputs[op]);
      if (next.ok) {
        linearized.set(op);
        if (cache.add(linearized, next.state, hash(next.state), equal)) {
          stackOp[depth] = op;
          stackState[depth] = state;
          depth++;
          state = next.state;
          lift(list, entry);
          entry = list.next[list.head];
          continue;
        }
        linearized.clear(op);
      }
      entry = list.next[entry];
      continue;
    }
    // A return entry: its operation should have been linearized by now.
    if (depth > deepestDepth) {
      deepest.length = common;
      for (let i = common; i < depth; i++) deepest.push(stackOp[i]);
      deepestDepth = depth;
      deepestOp = op;
      common = depth;
    }
    if (depth === 0) return { verdict: 'not linearizable', steps, deadEnd: { prefix: deepest, cannotPlace: deepestOp } };
    depth--;
    if (depth < common) common = depth;
    const undone = stackOp[depth];
    state = stackState[depth];
    stackState[depth] = undefined as S;
    linearized.clear(undone);
    const call = list.callOf[undone];
    unlift(list, call);
    entry = list.next[call];
  }
  return { verdict: 'linearizable', steps, linearization: Array.from(stackOp.subarray(0, depth)) };
}
