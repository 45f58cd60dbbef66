/**
 * G-Counter (grow-only counter; riak_dt_gcounter): one count per replica; replica i increments only its
 * own entry; the value is the sum; merge takes the per-entry maximum. The maximum, not the sum: gossiping
 * the same state twice must change nothing (see sumCounter.ts for what a sum does).
 *
 *   n0 +1 +1   [2]        n1 +1   [0,1]       merge: [2,1], value 3, in either order, any number of times
 */
import { type Counts, bump, countRows, covers, maxCounts, nonZero, sumCounts } from './counts';
import { type CrdtType, checkAmount, checkReplica } from './types';

export interface GCounterState {
  counts: Counts;
}

export interface GCounterOp {
  type: 'increment';
  /** Positive integer, default 1. */
  by?: number;
}

export const gCounter: CrdtType<GCounterState, GCounterOp, number> = {
  id: 'g-counter',
  title: 'G-Counter',
  initial: () => ({ counts: [] }),
  apply: (state, replica, op) => ({ counts: bump(state.counts, checkReplica(replica), checkAmount(op.by ?? 1)) }),
  // A received state the local one already covers changes nothing: the local state is the merge.
  merge: (local, received) => (covers(local.counts, received.counts) ? local : { counts: maxCounts(local.counts, received.counts) }),
  value: (state) => sumCounts(state.counts),
  describe: (state) => ({
    type: 'G-Counter',
    value: String(sumCounts(state.counts)),
    rows: countRows(state.counts),
    entries: nonZero(state.counts),
  }),
  refusal: () => undefined,
};
