/**
 * LWW-Register: one value with a stamp (time, replica); merge keeps the larger stamp. Ties on time go to the
 * higher replica id, and (only possible when one replica reuses a wall-clock reading) to the larger value
 * by its JSON text, so merge is a total-order maximum: commutative, associative, idempotent.
 *
 * The stamp's time: by default a Lamport clock (one more than the stamp the replica holds), which respects
 * causality: a write after a read always wins over what was read. An op may instead carry `time`, a
 * wall-clock reading from the (possibly skewed) simulated clock: then a later write from a slow clock loses,
 * even locally, which is the lesson of wall-clock LWW.
 *
 *   n0 reads 5, writes 6 at t3      n1 reads 5, writes 6 at t3      merge: (6, t3, n1): one increment lost
 */
import { type CrdtType, checkReplica, replicaName } from './types';

export type LwwValue = string | number | boolean | null;

export interface LwwState<T extends LwwValue = LwwValue> {
  value: T | null;
  /** The write's time (0 before any write). */
  time: number;
  /** The writing replica (-1 before any write). */
  replica: number;
}

export interface LwwOp<T extends LwwValue = LwwValue> {
  type: 'set';
  value: T;
  /** A wall-clock reading (non-negative integer); absent: Lamport time, the held stamp's time + 1. */
  time?: number;
}

/** Stamp order: time, then replica, then the value's JSON text. Positive when `a` wins. */
export function compareStamps(a: LwwState, b: LwwState): number {
  if (a.time !== b.time) return a.time - b.time;
  if (a.replica !== b.replica) return a.replica - b.replica;
  const x = JSON.stringify(a.value);
  const y = JSON.stringify(b.value);
  return x < y ? -1 : x > y ? 1 : 0;
}

function written<T extends LwwValue>(state: LwwState<T>, replica: number, op: LwwOp<T>): LwwState<T> {
  const time = op.time ?? state.time + 1;
  if (!(Number.isSafeInteger(time) && time >= 0)) throw new Error(`invalid time: ${time}`);
  return { value: op.value, time, replica: checkReplica(replica) };
}

const stampText = (s: LwwState) => (s.replica < 0 ? 'never written' : `t${s.time} by ${replicaName(s.replica)}`);

/** The register over values of type T (a lab fixes T: numbers for the counter-as-register scenario). */
export function lwwRegisterOf<T extends LwwValue>(): CrdtType<LwwState<T>, LwwOp<T>, T | null> {
  return {
    id: 'lww-register',
    title: 'LWW-Register',
    initial: () => ({ value: null, time: 0, replica: -1 }),
    apply(state, replica, op) {
      const next = written(state, replica, op);
      return compareStamps(next, state) > 0 ? next : state;
    },
    merge: (local, received) => (compareStamps(received, local) > 0 ? received : local),
    value: (state) => state.value,
    describe: (state) => ({
      type: 'LWW-Register',
      value: JSON.stringify(state.value),
      rows: [{ label: 'stamp', text: stampText(state), tone: 'meta' }],
      entries: 1,
    }),
    refusal(state, replica, op) {
      const next = written(state, replica, op);
      if (compareStamps(next, state) > 0) return undefined;
      return `the write's stamp (${stampText(next)}) is not after the held one (${stampText(state)}): it loses at once`;
    },
  };
}

export const lwwRegister = lwwRegisterOf<LwwValue>();
