/**
 * What a run records besides the trace: the replication history (src/core/crdt's History: updates, sends,
 * deliveries, with their ticks) that the anomaly detectors replay, and, per view, how many distinct states
 * the replicas hold after every change (the convergence check), plus the delta counter's over-counts.
 */
import { stateKey, type HistoryStep } from '../../../core/crdt';
import type { Member } from './family';
import type { Disk } from './replica';
import type { Update } from './workload';

/** A view's agreement over time: after tick[i] the replicas hold distinct[i] different states. */
export interface Agreement {
  tick: number[];
  distinct: number[];
}

export interface OverCount {
  tick: number;
  replica: number;
  value: number;
  expected: number;
}

export class Recorder {
  readonly history: HistoryStep<unknown>[] = [];
  readonly stepTick: number[] = [];
  /** Applied updates by history index of their op step. */
  readonly updateOf = new Map<number, Update>();
  /** Per view (members, then delta when kept): agreement over time. */
  readonly agreement: Agreement[];
  readonly overCounts: OverCount[] = [];
  private readonly keys: string[][];
  private readonly counts: Map<string, number>[];
  private readonly isOver: boolean[];
  /** Increments made so far, at every replica. */
  private incrementsMade = 0;
  /** Canonical keys of the (immutable) states seen, so a state is serialised once. */
  private readonly stateKeys = new WeakMap<object, string>();

  constructor(private readonly members: readonly Member[], private readonly hasDelta: boolean, replicas: number) {
    const views = members.length + (hasDelta ? 1 : 0);
    const initial = [...members.map((m) => stateKey(m.type.initial())), ...(hasDelta ? ['0'] : [])];
    this.keys = initial.map((k) => new Array<string>(replicas).fill(k));
    this.counts = initial.map((k) => new Map([[k, replicas]]));
    this.agreement = Array.from({ length: views }, () => ({ tick: [0], distinct: [1] }));
    this.isOver = new Array<boolean>(replicas).fill(false);
  }

  op(tick: number, replica: number, u: Update, disk: Disk): void {
    if (u.kind === 'inc') this.incrementsMade++;
    this.updateOf.set(this.history.length, u);
    this.push(tick, { type: 'op', replica, op: this.members[0].opOf(u, 0) });
    this.changed(tick, replica, disk);
  }

  /** A send step; returns its history index (the message carries it). */
  send(tick: number, replica: number): number {
    return this.push(tick, { type: 'send', replica });
  }

  deliver(tick: number, replica: number, send: number, disk: Disk): void {
    this.push(tick, { type: 'deliver', replica, send });
    this.changed(tick, replica, disk);
  }

  /** A change outside the history (the delta counter took increments). */
  touched(tick: number, replica: number, disk: Disk): void {
    this.changed(tick, replica, disk);
  }

  private push(tick: number, step: HistoryStep<unknown>): number {
    this.stepTick.push(tick);
    return this.history.push(step) - 1;
  }

  private changed(tick: number, replica: number, disk: Disk): void {
    this.members.forEach((_, v) => this.note(v, replica, this.keyOf(disk.states[v]), tick));
    if (!this.hasDelta || !disk.delta) return;
    this.note(this.members.length, replica, String(disk.delta.total), tick);
    // Counting more increments than were ever made anywhere: some arrived twice.
    const expected = this.incrementsMade;
    const isOver = disk.delta.total > expected;
    if (isOver && !this.isOver[replica]) this.overCounts.push({ tick, replica, value: disk.delta.total, expected });
    this.isOver[replica] = isOver;
  }

  private keyOf(state: unknown): string {
    let key = this.stateKeys.get(state as object);
    if (key === undefined) this.stateKeys.set(state as object, (key = stateKey(state)));
    return key;
  }

  private note(view: number, replica: number, key: string, tick: number): void {
    const old = this.keys[view][replica];
    if (old === key) return;
    const counts = this.counts[view];
    const left = counts.get(old)! - 1;
    if (left === 0) counts.delete(old);
    else counts.set(old, left);
    counts.set(key, (counts.get(key) ?? 0) + 1);
    this.keys[view][replica] = key;
    const a = this.agreement[view];
    if (a.distinct[a.distinct.length - 1] === counts.size) return;
    if (a.tick[a.tick.length - 1] === tick) {
      a.distinct[a.distinct.length - 1] = counts.size;
      if (a.distinct.length > 1 && a.distinct[a.distinct.length - 2] === counts.size) {
        a.tick.pop();
        a.distinct.pop();
      }
      return;
    }
    a.tick.push(tick);
    a.distinct.push(counts.size);
  }
}
