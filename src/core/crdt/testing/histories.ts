/**
 * Test support: fast-check arbitraries for replication histories with partitions, loss, duplication and
 * reordering, built the way a simulation would record them, and a closing anti-entropy round that heals
 * everything and delivers every replica's state to every other (in a drawn order).
 */
import fc from 'fast-check';
import type { GCounterOp } from '../gCounter';
import type { History, HistoryStep } from '../history';
import type { LwwOp } from '../lwwRegister';
import type { SetOp } from '../orSet';
import type { PNCounterOp } from '../pnCounter';

export type Action<O> =
  | { kind: 'op'; replica: number; op: O }
  | { kind: 'send'; from: number; to: number }
  | { kind: 'deliver'; pick: number; duplicate: boolean }
  | { kind: 'drop'; pick: number }
  | { kind: 'partition'; sides: number[] }
  | { kind: 'heal' };

interface InFlight {
  send: number;
  from: number;
  to: number;
}

/** Turns drawn actions into the history a simulation would record: a partition drops what crosses it. */
export function historyOf<O>(actions: readonly Action<O>[], replicas: number): HistoryStep<O>[] {
  const steps: HistoryStep<O>[] = [];
  let inFlight: InFlight[] = [];
  let side = new Array<number>(replicas).fill(0);
  for (const a of actions) {
    if (a.kind === 'op') steps.push({ type: 'op', replica: a.replica % replicas, op: a.op });
    else if (a.kind === 'send') {
      inFlight.push({ send: steps.length, from: a.from % replicas, to: a.to % replicas });
      steps.push({ type: 'send', replica: a.from % replicas });
    } else if (a.kind === 'partition') side = Array.from({ length: replicas }, (_, r) => a.sides[r] ?? 0);
    else if (a.kind === 'heal') side = side.map(() => 0);
    else if (inFlight.length > 0) {
      const at = a.pick % inFlight.length;
      const m = inFlight[at];
      if (a.kind === 'deliver' && side[m.from] === side[m.to]) steps.push({ type: 'deliver', replica: m.to, send: m.send });
      if (a.kind === 'drop' || !a.duplicate) inFlight = inFlight.filter((_, i) => i !== at);
    }
  }
  return steps;
}

/** Appends a full anti-entropy round: every replica snapshots, then every pair is delivered in `order`. */
export function withAntiEntropy<O>(history: History<O>, replicas: number, order: readonly number[]): HistoryStep<O>[] {
  const steps = history.slice();
  const sends: number[] = [];
  for (let r = 0; r < replicas; r++) {
    sends.push(steps.length);
    steps.push({ type: 'send', replica: r });
  }
  const pairs: { to: number; send: number }[] = [];
  for (let from = 0; from < replicas; from++) for (let to = 0; to < replicas; to++) if (from !== to) pairs.push({ to, send: sends[from] });
  const rest = pairs.slice();
  for (const pick of order) {
    if (rest.length === 0) break;
    const [p] = rest.splice(pick % rest.length, 1);
    steps.push({ type: 'deliver', replica: p.to, send: p.send });
  }
  for (const p of rest) steps.push({ type: 'deliver', replica: p.to, send: p.send });
  return steps;
}

const replica = fc.nat({ max: 7 });

export function actions<O>(op: fc.Arbitrary<O>, maxLength = 40): fc.Arbitrary<Action<O>[]> {
  const action: fc.Arbitrary<Action<O>> = fc.oneof(
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('op' as const), replica, op }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('send' as const), from: replica, to: replica }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('deliver' as const), pick: fc.nat(), duplicate: fc.boolean() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('drop' as const), pick: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('partition' as const), sides: fc.array(fc.nat({ max: 1 }), { minLength: 4, maxLength: 4 }) }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'heal' as const }) },
  );
  return fc.array(action, { maxLength, size: 'max' });
}

/** A history over 2..4 replicas (partitions, loss, duplicates, reordering), without a closing round. */
export function histories<O>(op: fc.Arbitrary<O>, maxLength = 40): fc.Arbitrary<{ replicas: number; history: HistoryStep<O>[] }> {
  return fc.record({ replicas: fc.integer({ min: 2, max: 4 }), actions: actions(op, maxLength) }).map(({ replicas, actions: a }) => ({ replicas, history: historyOf(a, replicas) }));
}

export const elements = fc.constantFrom('x', 'y', 'z');
export const setOps: fc.Arbitrary<SetOp> = fc.record({ type: fc.constantFrom('add' as const, 'remove' as const), element: elements });
export const gCounterOps: fc.Arbitrary<GCounterOp> = fc.record({ type: fc.constant('increment' as const), by: fc.integer({ min: 1, max: 3 }) });
export const pnCounterOps: fc.Arbitrary<PNCounterOp> = fc.record({ type: fc.constantFrom('increment' as const, 'decrement' as const), by: fc.integer({ min: 1, max: 3 }) });
/** Lamport writes, and wall-clock writes with small times (so equal stamps and slow clocks happen). */
export const lwwOps: fc.Arbitrary<LwwOp<string>> = fc.record(
  { type: fc.constant('set' as const), value: fc.constantFrom('a', 'b', 'c'), time: fc.nat({ max: 5 }) },
  { requiredKeys: ['type', 'value'] },
);

/** A drawn history closed by a full anti-entropy round delivered in a drawn order. */
export function closedHistories<O>(op: fc.Arbitrary<O>, maxLength = 60): fc.Arbitrary<{ replicas: number; history: HistoryStep<O>[] }> {
  return fc
    .record({ drawn: histories(op, maxLength), order: fc.array(fc.nat(), { maxLength: 12 }) })
    .map(({ drawn, order }) => ({ replicas: drawn.replicas, history: withAntiEntropy(drawn.history, drawn.replicas, order) }));
}
