/**
 * A replication history: what happened, in simulation order, as plain data. Replicas apply their own
 * updates (`op`), snapshot their state into a message (`send`) and fold a message in (`deliver`, naming
 * the send step). Partitions and loss leave no step (a message that never arrives has no deliver); a
 * duplicate is a second deliver of the same send; reordering is delivers out of send order.
 *
 *   0 op n0 add x     1 send n0     2 op n1 add y     3 deliver n1 <- 1     4 deliver n1 <- 1 (duplicate)
 *
 * `replay` runs any type of ./types over a history; the anomaly detectors (./anomalies.ts) replay a foil
 * beside the specification and report where they part.
 */
import type { CrdtType } from './types';

export type HistoryStep<O> =
  | { type: 'op'; replica: number; op: O }
  | { type: 'send'; replica: number }
  | { type: 'deliver'; replica: number; send: number };

export type History<O> = readonly HistoryStep<O>[];

/** Throws on a step that names a missing replica or a deliver whose `send` is not an earlier send step. */
export function checkHistory<O>(history: History<O>, replicas: number): void {
  history.forEach((step, i) => {
    if (!(Number.isInteger(step.replica) && step.replica >= 0 && step.replica < replicas)) throw new Error(`invalid step ${i}: replica ${step.replica}`);
    if (step.type === 'deliver' && !(step.send < i && history[step.send]?.type === 'send')) throw new Error(`invalid step ${i}: send ${step.send}`);
  });
}

/**
 * Runs `type` over `history` with `replicas` replicas starting empty; calls `visit` after each step with
 * the step index and the replica whose state that step may have changed. Returns the final states.
 */
export function replay<S, O, V>(
  type: CrdtType<S, O, V>,
  history: History<O>,
  replicas: number,
  visit?: (index: number, replica: number, states: readonly S[]) => void,
): S[] {
  checkHistory(history, replicas);
  const states = Array.from({ length: replicas }, () => type.initial());
  const messages = new Map<number, S>();
  history.forEach((step, i) => {
    const r = step.replica;
    if (step.type === 'op') states[r] = type.apply(states[r], r, step.op);
    else if (step.type === 'send') messages.set(i, states[r]);
    else states[r] = type.merge(states[r], messages.get(step.send) as S);
    visit?.(i, r, states);
  });
  return states;
}
