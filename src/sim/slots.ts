/**
 * What a queued event carries, in a table the event queue points into by index (the queue's int32
 * payload). Columns instead of one object per event, and a free list so slots are reused: the steady
 * state of a run allocates nothing per event except the protocol's own messages.
 */

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
} as const;

const CAPACITY_INITIAL = 1024;

export class Slots {
  kind: Uint8Array;
  from: Int32Array;
  to: Int32Array;
  id: Float64Array;
  incarnation: Int32Array;
  obj: unknown[];
  private freeList: Int32Array;
  private freeCount = 0;
  private used = 0;

  constructor() {
    this.kind = new Uint8Array(CAPACITY_INITIAL);
    this.from = new Int32Array(CAPACITY_INITIAL);
    this.to = new Int32Array(CAPACITY_INITIAL);
    this.id = new Float64Array(CAPACITY_INITIAL);
    this.incarnation = new Int32Array(CAPACITY_INITIAL);
    this.obj = new Array(CAPACITY_INITIAL);
    this.freeList = new Int32Array(CAPACITY_INITIAL);
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

  private grow(): void {
    const n = this.kind.length * 2;
    this.kind = grown(new Uint8Array(n), this.kind);
    this.from = grown(new Int32Array(n), this.from);
    this.to = grown(new Int32Array(n), this.to);
    this.id = grown(new Float64Array(n), this.id);
    this.incarnation = grown(new Int32Array(n), this.incarnation);
    this.freeList = grown(new Int32Array(n), this.freeList);
    this.obj.length = n;
  }
}

function grown<T extends Uint8Array | Int32Array | Float64Array>(into: T, from: T): T {
  into.set(from as never);
  return into;
}
