/**
 * The causal past of every replica along a history: which updates each replica's state could reflect.
 * Update j at replica s gets the dot (s, j); a replica's past is a version vector over these dots, grown
 * by its own updates and by the past a delivered message carried when it was sent. This is the oracle's
 * view (what the specification may depend on), computed from the history alone, never from a CRDT's state.
 */
import { type Dot, type VersionVector, entry, merge, withEntry } from '../clocks';
import type { History, HistoryStep } from './history';

export class CausalPast {
  private readonly pasts: VersionVector[];
  private readonly sent = new Map<number, VersionVector>();

  constructor(replicas: number) {
    this.pasts = Array.from({ length: replicas }, () => [] as VersionVector);
  }

  /** Replica `replica`'s past before the next step. */
  of(replica: number): VersionVector {
    return this.pasts[replica];
  }

  /** Advances over step `index`; returns the dot of an `op` step (undefined for send and deliver). */
  step<O>(index: number, step: HistoryStep<O>): Dot | undefined {
    const r = step.replica;
    if (step.type === 'send') this.sent.set(index, this.pasts[r]);
    else if (step.type === 'deliver') this.pasts[r] = merge(this.pasts[r], this.sent.get(step.send) ?? []);
    else {
      const dot = { node: r, counter: entry(this.pasts[r], r) + 1 };
      this.pasts[r] = withEntry(this.pasts[r], r, dot.counter);
      return dot;
    }
    return undefined;
  }
}

/** Every replica's final past (what each has seen at the end of the history). */
export function finalPasts<O>(history: History<O>, replicas: number): VersionVector[] {
  const causal = new CausalPast(replicas);
  history.forEach((step, i) => causal.step(i, step));
  return Array.from({ length: replicas }, (_, r) => causal.of(r));
}
