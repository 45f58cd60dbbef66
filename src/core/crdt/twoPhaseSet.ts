/**
 * Foil: the two-phase set (2P-Set): a grow-only set of adds A and one of removes R (tombstones); member iff
 * in A and not in R; merge unions both. A remove applies only to an element present locally. It is a real
 * CRDT (both halves only grow), but removal is forever: a re-add is refused, and an add concurrent with a
 * remove loses (remove wins). Beside the OR-Set, the re-added element that the 2P-Set loses is the lesson.
 *
 *   n0: add x, remove x  A {x} R {x}     n0: add x  refused: x stays out for good
 */
import type { SetOp } from './orSet';
import { type CrdtType, formatSet, hasSorted, insertSorted, unionSorted } from './types';

export interface TwoPhaseSetState {
  added: string[];
  /** Tombstones: a subset of `added`. */
  removed: string[];
}

const isMember = (state: TwoPhaseSetState, element: string) => hasSorted(state.added, element) && !hasSorted(state.removed, element);
const members = (state: TwoPhaseSetState) => state.added.filter((e) => !hasSorted(state.removed, e));

export const twoPhaseSet: CrdtType<TwoPhaseSetState, SetOp, string[]> = {
  id: 'two-phase-set',
  title: '2P-Set',
  flaw: 'a removed element can never come back: a re-add is refused, and an add concurrent with a remove is lost',
  initial: () => ({ added: [], removed: [] }),
  apply(state, _replica, op) {
    if (op.type === 'add') return hasSorted(state.added, op.element) ? state : { added: insertSorted(state.added, op.element), removed: state.removed };
    return isMember(state, op.element) ? { added: state.added, removed: insertSorted(state.removed, op.element) } : state;
  },
  merge: (local, received) => ({ added: unionSorted(local.added, received.added), removed: unionSorted(local.removed, received.removed) }),
  value: members,
  describe: (state) => ({
    type: '2P-Set',
    value: formatSet(members(state)),
    rows: [
      { label: 'added', text: formatSet(state.added), tone: 'live' },
      { label: 'removed', text: formatSet(state.removed), tone: 'dead' },
    ],
    entries: state.added.length + state.removed.length,
  }),
  refusal(state, _replica, op) {
    if (op.type === 'add') {
      if (hasSorted(state.removed, op.element)) return `${op.element} was removed: a 2P-Set never re-adds`;
      return hasSorted(state.added, op.element) ? `${op.element} is already present` : undefined;
    }
    return isMember(state, op.element) ? undefined : `${op.element} is not present here: a 2P-Set removes only what it holds`;
  },
};
