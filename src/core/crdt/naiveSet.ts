/**
 * Foil: a plain set replicated by union. add and remove act on the local copy; merge is set union. It
 * converges (union is a join), but to the wrong set: a remove leaves no trace, so any replica still
 * holding the element gives it back on the next merge. The remove is undone.
 *
 *   n0, n1 hold {x}.   n0: remove x  {}        merge with n1's {x}: {x}   (the remove is undone)
 */
import type { SetOp } from './orSet';
import { type CrdtType, formatSet, hasSorted, insertSorted, unionSorted } from './types';

export interface NaiveSetState {
  elements: string[];
}

export const naiveSet: CrdtType<NaiveSetState, SetOp, string[]> = {
  id: 'naive-set',
  title: 'Set merged by union',
  flaw: 'a remove leaves no trace, so merging with a replica that still holds the element brings it back',
  initial: () => ({ elements: [] }),
  apply(state, _replica, op) {
    if (op.type === 'add') return hasSorted(state.elements, op.element) ? state : { elements: insertSorted(state.elements, op.element) };
    return hasSorted(state.elements, op.element) ? { elements: state.elements.filter((e) => e !== op.element) } : state;
  },
  merge: (local, received) => ({ elements: unionSorted(local.elements, received.elements) }),
  value: (state) => state.elements,
  describe: (state) => ({
    type: 'Set merged by union',
    value: formatSet(state.elements),
    rows: state.elements.map((e) => ({ label: e, text: 'present', tone: 'live' as const })),
    entries: state.elements.length,
  }),
  refusal(state, _replica, op) {
    if (op.type === 'add') return hasSorted(state.elements, op.element) ? `${op.element} is already present` : undefined;
    return hasSorted(state.elements, op.element) ? undefined : `${op.element} is not present here`;
  },
};
