/**
 * Foil: one signed count per replica, merged by per-entry maximum (the G-Counter's merge on a counter that
 * also decrements). A decrement lowers the entry, so the older, larger copy wins the next merge: the
 * decrement vanishes. The PN-Counter keeps decrements in their own grow-only half instead.
 *
 *   n0 +1 [1], gossiped to n1.   n0 -1 [0].   n1 merges n0's [0] with its [1]: max 1, the decrement is lost
 */
import type { PNCounterOp } from './pnCounter';
import { type CrdtType, checkAmount, checkReplica, replicaName } from './types';

export interface MaxCounterState {
  /** Signed count per replica, trailing zeros trimmed. */
  counts: number[];
}

function trimmed(counts: number[]): number[] {
  let n = counts.length;
  while (n > 0 && counts[n - 1] === 0) n--;
  counts.length = n;
  return counts;
}

function maxMerge(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) out.push(Math.max(a[i] ?? 0, b[i] ?? 0));
  return trimmed(out);
}

const sum = (counts: readonly number[]) => counts.reduce((s, c) => s + c, 0);

export const maxCounter: CrdtType<MaxCounterState, PNCounterOp, number> = {
  id: 'max-counter',
  title: 'Signed counter merged by max',
  flaw: 'a decrement lowers its entry, so the older, larger copy wins the next merge and the decrement vanishes',
  initial: () => ({ counts: [] }),
  apply(state, replica, op) {
    const by = checkAmount(op.by ?? 1);
    const counts = state.counts.slice();
    while (counts.length <= checkReplica(replica)) counts.push(0);
    counts[replica] += op.type === 'increment' ? by : -by;
    return { counts: trimmed(counts) };
  },
  merge: (local, received) => ({ counts: maxMerge(local.counts, received.counts) }),
  value: (state) => sum(state.counts),
  describe: (state) => ({
    type: 'Signed counter merged by max',
    value: String(sum(state.counts)),
    rows: state.counts.flatMap((c, i) => (c !== 0 ? [{ label: replicaName(i), text: String(c) }] : [])),
    entries: state.counts.filter((c) => c !== 0).length,
  }),
  refusal: () => undefined,
};
