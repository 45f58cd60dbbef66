/**
 * Foil: a G-Counter merged by per-entry sum instead of maximum. The merge is commutative and associative
 * but not idempotent, so every gossip of a state already received counts its increments again:
 * at-least-once delivery (a duplicate, a second anti-entropy round) double-counts. The same counts merged
 * by maximum (gCounter.ts) shrug duplicates off.
 *
 *   n0 +1 [1]; n0 sends to n1 twice:  n1 = [1] + [1] = [2], value 2 for one increment
 */
import { bump, countRows, nonZero, sumCounts } from './counts';
import type { GCounterOp, GCounterState } from './gCounter';
import { type CrdtType, checkAmount, checkReplica } from './types';

function addCounts(a: readonly number[], b: readonly number[]): number[] {
  const out = a.length >= b.length ? a.slice() : b.slice();
  const short = a.length >= b.length ? b : a;
  for (let i = 0; i < short.length; i++) out[i] = a[i] + b[i];
  return out;
}

export const sumCounter: CrdtType<GCounterState, GCounterOp, number> = {
  id: 'sum-counter',
  title: 'Counter merged by sum',
  flaw: 'merge adds the counts, so a state received twice is counted twice (not idempotent)',
  initial: () => ({ counts: [] }),
  apply: (state, replica, op) => ({ counts: bump(state.counts, checkReplica(replica), checkAmount(op.by ?? 1)) }),
  merge: (local, received) => ({ counts: addCounts(local.counts, received.counts) }),
  value: (state) => sumCounts(state.counts),
  describe: (state) => ({ type: 'Counter merged by sum', value: String(sumCounts(state.counts)), rows: countRows(state.counts), entries: nonZero(state.counts) }),
  refusal: () => undefined,
};
