/**
 * PN-Counter: two G-Counters, P for increments and N for decrements; value = sum(P) - sum(N); merge is the
 * per-entry maximum of each. It can go below zero: "never below 0" needs coordination, which a CRDT avoids
 * by construction. (One signed count per replica merged by max would lose decrements: the older, larger
 * count wins.)
 */
import { type Counts, bump, covers, maxCounts, nonZero, sumCounts } from './counts';
import { type CardRow, type CrdtType, checkAmount, checkReplica, replicaName } from './types';

export interface PNCounterState {
  p: Counts;
  n: Counts;
}

export interface PNCounterOp {
  type: 'increment' | 'decrement';
  /** Positive integer, default 1. */
  by?: number;
}

function rows(state: PNCounterState): CardRow[] {
  const out: CardRow[] = [];
  const length = Math.max(state.p.length, state.n.length);
  for (let i = 0; i < length; i++) {
    const p = state.p[i] ?? 0;
    const n = state.n[i] ?? 0;
    if (p > 0 || n > 0) out.push({ label: replicaName(i), text: `+${p} -${n}` });
  }
  return out;
}

const valueOf = (state: PNCounterState) => sumCounts(state.p) - sumCounts(state.n);

export const pnCounter: CrdtType<PNCounterState, PNCounterOp, number> = {
  id: 'pn-counter',
  title: 'PN-Counter',
  initial: () => ({ p: [], n: [] }),
  apply(state, replica, op) {
    const by = checkAmount(op.by ?? 1);
    checkReplica(replica);
    return op.type === 'increment' ? { p: bump(state.p, replica, by), n: state.n } : { p: state.p, n: bump(state.n, replica, by) };
  },
  merge: (local, received) => (covers(local.p, received.p) && covers(local.n, received.n) ? local : { p: maxCounts(local.p, received.p), n: maxCounts(local.n, received.n) }),
  value: valueOf,
  describe: (state) => ({ type: 'PN-Counter', value: String(valueOf(state)), rows: rows(state), entries: nonZero(state.p) + nonZero(state.n) }),
  refusal: () => undefined,
};
