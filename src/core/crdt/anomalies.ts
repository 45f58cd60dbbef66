/**
 * Anomaly detectors: replay a type over a history beside the specification (./setSpec.ts for sets, the
 * sum of the updates in the causal past for counters) and report, as data, each time a replica starts to
 * read something the specification forbids. An anomaly is counted once when it appears at a replica, not
 * again at every later step while it lasts; if the replica agrees again and later parts anew, that counts
 * again.
 *
 *   remove-undone    the type holds e, though every add of e the replica has seen was seen by a remove
 *                    (the naive set: a merge gives back what was removed)
 *   re-add-lost      the type lacks e, though an add of e made after a remove of e is live
 *                    (the 2P-Set: removal is forever)
 *   add-lost         the type lacks e, though an add of e concurrent with every remove is live (remove wins)
 *   over-count       a counter reads more than the updates in its past sum to (merge by sum counts a
 *                    duplicate twice; merge by max of signed counts drops a decrement)
 *   under-count      a counter reads less (an increment lost: a counter kept as an LWW integer)
 */
import { CausalPast } from './causal';
import { replay, type History } from './history';
import type { GCounterOp } from './gCounter';
import type { SetOp } from './orSet';
import type { PNCounterOp } from './pnCounter';
import { SetSpec } from './setSpec';
import type { CrdtType } from './types';
import { entry, type VersionVector } from '../clocks';

export type SetAnomalyKind = 'remove-undone' | 're-add-lost' | 'add-lost';
export type CounterAnomalyKind = 'over-count' | 'under-count';

export interface SetAnomaly {
  kind: SetAnomalyKind;
  /** History index of the step after which the replica first read the forbidden value. */
  step: number;
  replica: number;
  element: string;
  /** History indices of the ops behind it: the removes undone, or the live adds lost. */
  ops: number[];
}

export interface CounterAnomaly {
  kind: CounterAnomalyKind;
  step: number;
  replica: number;
  /** What the counter read, and the sum of the updates in the replica's causal past. */
  value: number;
  expected: number;
}

/** The anomaly a replica shows for `element`, or undefined when it reads what the specification says. */
function setVerdict(spec: SetSpec, element: string, past: VersionVector, has: boolean): SetAnomalyKind | undefined {
  if (has === spec.isMember(element, past)) return undefined;
  if (has) return 'remove-undone';
  return spec.liveAdds(element, past).some((a) => a.isReadd) ? 're-add-lost' : 'add-lost';
}

/** The ops behind an anomaly: the removes undone, or the live adds lost (re-adds only, for re-add-lost). */
function culprits(spec: SetSpec, kind: SetAnomalyKind, element: string, past: VersionVector): number[] {
  if (kind === 'remove-undone') return spec.removesIn(element, past).map((rm) => rm.index);
  return spec.liveAdds(element, past).filter((a) => kind === 'add-lost' || a.isReadd).map((a) => a.index);
}

/**
 * The set anomalies of `type` (a set over SetOp) on `history`, in order of appearance. After an update
 * only its element can change at its replica; after a delivery every element is checked there.
 */
export function setAnomalies<S>(type: CrdtType<S, SetOp, string[]>, history: History<SetOp>, replicas: number): SetAnomaly[] {
  const causal = new CausalPast(replicas);
  const spec = new SetSpec(replicas);
  const ongoing = new Map<string, SetAnomalyKind>();
  const found: SetAnomaly[] = [];
  replay(type, history, replicas, (i, r, states) => {
    const step = history[i];
    const past = causal.of(r);
    const dot = causal.step(i, step);
    if (step.type === 'send') return;
    if (step.type === 'op' && dot) {
      if (step.op.type === 'add') spec.add(i, dot, step.op.element, past);
      else spec.remove(i, dot, step.op.element, past);
    }
    const held = new Set(type.value(states[r]));
    for (const element of step.type === 'op' ? [step.op.element] : spec.elements()) {
      const kind = setVerdict(spec, element, causal.of(r), held.has(element));
      const key = `${r}\u0000${element}`;
      if (kind && ongoing.get(key) !== kind) found.push({ kind, step: i, replica: r, element, ops: culprits(spec, kind, element, causal.of(r)) });
      if (kind) ongoing.set(key, kind);
      else ongoing.delete(key);
    }
  });
  return found;
}

type CounterOp = GCounterOp | PNCounterOp;

/** The counter anomalies of `type` (a counter) on `history`: where it reads other than the updates it has seen. */
export function counterAnomalies<S, O extends CounterOp>(type: CrdtType<S, O, number>, history: History<O>, replicas: number): CounterAnomaly[] {
  const causal = new CausalPast(replicas);
  const prefix: number[][] = Array.from({ length: replicas }, () => [0]);
  const ongoing = new Map<number, CounterAnomalyKind>();
  const found: CounterAnomaly[] = [];
  replay(type, history, replicas, (i, r, states) => {
    const step = history[i];
    causal.step(i, step);
    if (step.type === 'op') {
      const op: CounterOp = step.op;
      const by = op.by ?? 1;
      const sums = prefix[r];
      sums.push(sums[sums.length - 1] + (op.type === 'decrement' ? -by : by));
    }
    if (step.type === 'send') return;
    const past = causal.of(r);
    let expected = 0;
    for (let s = 0; s < replicas; s++) expected += prefix[s][entry(past, s)];
    const value = type.value(states[r]);
    const kind: CounterAnomalyKind | undefined = value > expected ? 'over-count' : value < expected ? 'under-count' : undefined;
    if (kind && ongoing.get(r) !== kind) found.push({ kind, step: i, replica: r, value, expected });
    if (kind) ongoing.set(r, kind);
    else ongoing.delete(r);
  });
  return found;
}

/** One sentence for a set anomaly ("n1 holds x again after step 3: the remove at step 2 was undone"). */
export function explainSetAnomaly(a: SetAnomaly): string {
  const at = `n${a.replica} after step ${a.step}`;
  const ops = a.ops.join(', ');
  if (a.kind === 'remove-undone') return `${at} holds ${a.element} again: the remove at step ${ops} was undone`;
  if (a.kind === 're-add-lost') return `${at} lacks ${a.element}: the re-add at step ${ops} was lost`;
  return `${at} lacks ${a.element}: the add at step ${ops}, concurrent with the remove, was lost`;
}

export function explainCounterAnomaly(a: CounterAnomaly): string {
  const by = Math.abs(a.value - a.expected);
  return `n${a.replica} after step ${a.step} reads ${a.value} where its updates sum to ${a.expected}: ${by} too ${a.kind === 'over-count' ? 'many' : 'few'}`;
}
