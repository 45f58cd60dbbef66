/**
 * The data types a run holds side by side, by the scenario's `type`: the CRDT first, then its foils, all
 * driven by the same client updates and the same gossip messages (src/core/crdt implements each). Every
 * member is a state-based type (a record of pure functions); the one exception, the counter that adds the
 * increments each message carries, lives in ./deltaCounter.ts and is the `delta` view.
 *
 *   g-counter     g (G-Counter)            delta (increments added as they arrive: not idempotent)
 *   pn-counter    pn (PN-Counter)          max (one signed count per replica, merged by max)
 *   or-set        or (OR-Set)              naive (set merged by union), tp (two-phase set)
 *   lww-register  lww (Lamport stamps)     wall (wall-clock stamps)
 *
 * Each member also names its card fields (what a node card shows of its state) and reads them.
 */
import {
  type CrdtType, gCounter, type GCounterState, lwwRegisterOf, type LwwState, maxCounter, type MaxCounterState, naiveSet, type NaiveSetState,
  orSet, type OrSetState, pnCounter, type PNCounterState, twoPhaseSet, type TwoPhaseSetState,
} from '../../../core/crdt';
import { formatVector } from '../../../core/clocks';
import type { CrdtTypeParam } from '../scenario';
import type { Update } from './workload';

/** A state-based member: its type, how an update becomes its op, and its card fields. */
export interface Member {
  key: string;
  type: CrdtType<unknown, unknown, unknown>;
  /** The member's op for a client update at a replica whose clock reads `localTicks`. */
  opOf(update: Update, localTicks: number): unknown;
  /** Card field names (without the `key.` prefix) and their text for a state. */
  fields: readonly string[];
  read(state: unknown, field: number, replicas: number): string;
}

/** Element names of the sets: a, b, c, ... */
export const ELEMENT_NAMES = ['a', 'b', 'c', 'd', 'e', 'f'] as const;

const value = (m: CrdtType<unknown, unknown, unknown>, state: unknown) => m.describe(state).value;
const vector = (counts: readonly number[], replicas: number) => formatVector(counts as number[], replicas);

function member<S, O, V>(key: string, type: CrdtType<S, O, V>, opOf: Member['opOf'], fields: readonly string[], read: (s: S, field: number, replicas: number) => string): Member {
  // States are immutable, and the stage's probe reads every field after every event: each state's texts
  // are formatted once.
  const texts = new WeakMap<object, string[]>();
  const cached = (state: unknown, field: number, replicas: number): string => {
    let row = texts.get(state as object);
    if (!row) texts.set(state as object, (row = []));
    return (row[field] ??= read(state as S, field, replicas));
  };
  return { key, type: type as unknown as CrdtType<unknown, unknown, unknown>, opOf, fields, read: cached };
}

const increment = (u: Update) => ({ type: u.kind === 'dec' ? 'decrement' : 'increment' });
const setOp = (u: Update) => ({ type: u.kind === 'remove' ? 'remove' : 'add', element: u.element });

/** An OR-Set element's card line: "n0:1 n2:3" live tags, then "✝n1:2" tombstones; '' when never added. */
export function orSetLine(state: OrSetState, element: string): string {
  const e = state.entries.find((x) => x.element === element);
  if (!e) return '';
  const live = e.tags.map((d) => `n${d.node}:${d.counter}`);
  const dead = e.tombstones.map((d) => `✝n${d.node}:${d.counter}`);
  return [...live, ...dead].join(' ');
}

const lww = lwwRegisterOf<string>();
/** A Lamport stamp "7 n1"; a wall-clock one in ms, "1,620.3 ms n1" (the clock reading in µs ticks). */
const stamp = (s: LwwState<string>) => (s.replica < 0 ? 'never' : `${s.time} n${s.replica}`);
const wallStamp = (s: LwwState<string>) => (s.replica < 0 ? 'never' : `${(s.time / 1000).toFixed(1).replace(/\B(?=(\d{3})+(?!\d))/g, ',')} ms n${s.replica}`);

function setMembers(elements: number): Member[] {
  const names = ELEMENT_NAMES.slice(0, elements);
  return [
    member<OrSetState, unknown, unknown>('or', orSet as CrdtType<OrSetState, unknown, unknown>, setOp, ['value', 'context', ...names], (s, f, n) => {
      if (f === 0) return value(orSet as CrdtType<unknown, unknown, unknown>, s);
      if (f === 1) return vector(s.context, n);
      return orSetLine(s, names[f - 2]);
    }),
    member<NaiveSetState, unknown, unknown>('naive', naiveSet as CrdtType<NaiveSetState, unknown, unknown>, setOp, ['value'], (s) => `{${s.elements.join(', ')}}`),
    member<TwoPhaseSetState, unknown, unknown>('tp', twoPhaseSet as CrdtType<TwoPhaseSetState, unknown, unknown>, setOp, ['value', 'added', 'removed'], (s, f) => {
      if (f === 0) return value(twoPhaseSet as CrdtType<unknown, unknown, unknown>, s);
      return `{${(f === 1 ? s.added : s.removed).join(', ')}}`;
    }),
  ];
}

/** The state-based members of a scenario's type, the CRDT first. */
export function membersOf(type: CrdtTypeParam, elements: number): Member[] {
  switch (type) {
    case 'g-counter':
      return [member<GCounterState, unknown, unknown>('g', gCounter as CrdtType<GCounterState, unknown, unknown>, increment, ['value', 'counts'], (s, f, n) => (f === 0 ? String(gCounter.value(s)) : vector(s.counts, n)))];
    case 'pn-counter':
      return [
        member<PNCounterState, unknown, unknown>('pn', pnCounter as CrdtType<PNCounterState, unknown, unknown>, increment, ['value', 'p', 'n'], (s, f, n) => (f === 0 ? String(pnCounter.value(s)) : vector(f === 1 ? s.p : s.n, n))),
        member<MaxCounterState, unknown, unknown>('max', maxCounter as CrdtType<MaxCounterState, unknown, unknown>, increment, ['value', 'counts'], (s, f, n) => (f === 0 ? String(maxCounter.value(s)) : vector(s.counts, n))),
      ];
    case 'or-set':
      return setMembers(elements);
    default:
      return [
        member<LwwState<string>, unknown, unknown>('lww', lww as CrdtType<LwwState<string>, unknown, unknown>, (u) => ({ type: 'set', value: u.value }), ['value', 'stamp'], (s, f) => (f === 0 ? (s.value ?? 'nil') : stamp(s))),
        member<LwwState<string>, unknown, unknown>('wall', lww as CrdtType<LwwState<string>, unknown, unknown>, (u, local) => ({ type: 'set', value: u.value, time: Math.max(0, local) }), ['value', 'stamp'], (s, f) => (f === 0 ? (s.value ?? 'nil') : wallStamp(s))),
      ];
  }
}
