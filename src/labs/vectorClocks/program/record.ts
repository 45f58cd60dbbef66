/**
 * The observer of one run: each write as planned and as committed, every replica's clock readings, the
 * lease's holdings, the sentences the narration adds and every broken invariant. It only records; the
 * replicas never read it back to decide anything.
 */
import type { Simulation } from '../../../sim/index';
import { ticksToMs } from '../../../sim/kit/time';
import type { Violation } from '../result';
import type { Msg, Write } from './messages';

export interface Holding {
  holder: number;
  startTick: number;
  /** -1 while held. */
  endTick: number;
}

export class Recorder {
  /** Committed writes by index (undefined: never committed). */
  readonly committed: (Write | undefined)[] = [];
  readonly commitTick: number[] = [];
  /** True tick each write reached its replica (undefined: the replica was down). */
  readonly startTick: number[] = [];
  readonly holdings: Holding[] = [];
  /**
   * Per last-writer-wins store (wall, lamport, hlc): readFrom[k][w] is the write that store held at w's
   * replica when w committed (what w's client read and knowingly replaced; -1 none), and drops[k] every
   * (dropped, kept) pair a replica's store resolved.
   */
  readonly readFrom: number[][] = [[], [], []];
  readonly drops: [number, number][][] = [[], [], []];
  readonly violations: Violation[] = [];
  readonly remarks: { tick: number; node: number; text: string }[] = [];
  /** Largest offset (pt - true) any clock showed at any event so far, ticks: the bound on l - pt of HLC. */
  maxOffsetSeen = -Infinity;
  /** First true tick some clock was seen outside ±ε (Infinity: never). */
  boundBrokenTick = Infinity;

  constructor(private readonly sim: Simulation<Msg>, private readonly epsTicks: number) {}

  /** Reads every clock at the current event: the largest offset seen, and whether the bound still holds. */
  observeClocks(): void {
    const now = this.sim.now;
    for (let n = 0; n < this.sim.nodeCount; n++) {
      const off = this.sim.node(n).clock.offset(now);
      if (off > this.maxOffsetSeen) this.maxOffsetSeen = off;
      if (Math.abs(off) > this.epsTicks && now < this.boundBrokenTick) this.boundBrokenTick = now;
    }
  }

  started(index: number): void {
    this.startTick[index] = this.sim.now;
  }

  committedWrite(w: Write): void {
    this.committed[w.index] = w;
    this.commitTick[w.index] = this.sim.now;
  }

  read(store: number, index: number, from: number): void {
    this.readFrom[store][index] = from;
  }

  drop(store: number, dropped: number, kept: number): void {
    this.drops[store].push([dropped, kept]);
  }

  leaseStart(holder: number): void {
    this.holdings.push({ holder, startTick: this.sim.now, endTick: -1 });
  }

  /** Ends `holder`'s open holding at `tick` (its release, or the crash that stopped it). */
  leaseEnd(holder: number, tick: number): void {
    for (let i = this.holdings.length - 1; i >= 0; i--) {
      const h = this.holdings[i];
      if (h.holder === holder && h.endTick < 0) {
        h.endTick = Math.max(h.startTick, tick);
        return;
      }
    }
  }

  remark(node: number, text: string): void {
    this.remarks.push({ tick: this.sim.now, node, text });
  }

  violation(invariant: string, replica: number, text: string): void {
    this.violations.push({ invariant, tMs: ticksToMs(this.sim.now), replica, text });
  }
}
