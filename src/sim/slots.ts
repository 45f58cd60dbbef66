/**
 * What a queued event carries, in a table the event queue points into by index (the queue's int32
 * payload). Columns instead of one object per event, and a free list so slots are reused: the steady
 * state of a run allocates nothing per event except the protocol's own messages.
 */
import { columnLayout } from './columns';

/** Slot kinds. `free` slots sit on the free list; `cancelled` ones wait in the queue to be skipped. */
export const SlotKind = {
  free: 0,
  /** A message arriving: from, to, id (message id), obj (the message). */
  deliver: 1,
  /** A timer firing: from (node), to (the tag), id (the handle), incarnation (of the node that set it). */
  timer: 2,
  /** A callback of the scenario or the lab: obj (a function of no arguments). */
  call: 3,
  /** A cancelled timer: skipped when popped. */
  cancelled: 4,
  /** Data for the simulation's call handler: from (the code), to and id (its two numbers). */
  data: 5,
} as const;

/** A Slots table's columns (a checkpoint): see `Slots.snapshot`. */
export interface SlotsState {
  readonly kind: Uint8Array;
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly id: Float64Array;
  readonly incarnation: Int32Array;
  readonly obj: readonly unknown[];
  readonly freeList: Int32Array;
}

const CAPACITY_INITIAL = 128;

export class Slots {
  // Set by setColumns, which the constructor calls.
  kind!: Uint8Array;
  from!: Int32Array;
  to!: Int32Array;
  id!: Float64Array;
  incarnation!: Int32Array;
  obj: unknown[];
  private freeList!: Int32Array;
  private freeCount = 0;
  private used = 0;

  constructor() {
    this.setColumns(CAPACITY_INITIAL, slotColumns(0));
    this.obj = new Array(CAPACITY_INITIAL);
  }

  /** A slot index to fill (reused when one is free). */
  take(kind: number): number {
    let s: number;
    if (this.freeCount > 0) s = this.freeList[--this.freeCount];
    else {
      if (this.used === this.kind.length) this.grow();
      s = this.used++;
    }
    this.kind[s] = kind;
    return s;
  }

  /** Returns a slot to the free list (and drops its object so the message can be collected). */
  release(s: number): void {
    this.kind[s] = SlotKind.free;
    this.obj[s] = undefined;
    this.freeList[this.freeCount++] = s;
  }

  /**
   * Copies of the slots in use (a checkpoint). Objects (messages) are kept by reference: a message must not
   * change once sent. A pending callback (`call`) is a function, which no checkpoint can hold: refused.
   */
  snapshot(): SlotsState {
    const used = this.used;
    for (let s = 0; s < used; s++) {
      if (this.kind[s] === SlotKind.call) throw new Error('a simulation with a pending callback (sim.at) cannot be checkpointed: schedule data (sim.call)');
    }
    return {
      kind: this.kind.slice(0, used),
      from: this.from.slice(0, used),
      to: this.to.slice(0, used),
      id: this.id.slice(0, used),
      incarnation: this.incarnation.slice(0, used),
      obj: this.obj.slice(0, used),
      freeList: this.freeList.slice(0, this.freeCount),
    };
  }

  /** Becomes the table a `snapshot()` was taken of (copied: the state stays the caller's). */
  restore(state: SlotsState): void {
    const used = state.kind.length;
    let n = CAPACITY_INITIAL;
    while (n < used) n *= 2;
    this.setColumns(n, state);
    this.obj = state.obj.slice();
    this.obj.length = n;
    this.used = used;
    this.freeCount = state.freeList.length;
  }

  private grow(): void {
    const n = this.kind.length * 2;
    this.setColumns(n, { kind: this.kind, from: this.from, to: this.to, id: this.id, incarnation: this.incarnation, freeList: this.freeList });
    this.obj.length = n;
  }

  /** Columns of n entries holding `from`'s (as long as they are). */
  private setColumns(n: number, from: Omit<SlotsState, 'obj'>): void {
    const c = slotColumns(n);
    c.kind.set(from.kind);
    c.from.set(from.from);
    c.to.set(from.to);
    c.id.set(from.id);
    c.incarnation.set(from.incarnation);
    c.freeList.set(from.freeList);
    this.kind = c.kind;
    this.from = c.from;
    this.to = c.to;
    this.id = c.id;
    this.incarnation = c.incarnation;
    this.freeList = c.freeList;
  }
}

/** The typed columns of n slots, in one buffer (./columns.ts). */
const slotColumns = columnLayout({ id: 'f64', from: 'i32', to: 'i32', incarnation: 'i32', freeList: 'i32', kind: 'u8' });
