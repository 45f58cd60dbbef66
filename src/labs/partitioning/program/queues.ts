/**
 * The waiting lines of the served workload: one FIFO per node (request ids and the tick each joined,
 * in ring buffers whose size is a power of two, grown by doubling), and the directory's forwards (a
 * constant delay, so a FIFO of due ticks drained by one pending engine callback).
 */

/** NodeQueues' contents at a checkpoint. */
export interface NodeQueuesState {
  readonly ids: readonly Int32Array[];
  readonly ats: readonly Float64Array[];
  readonly head: Uint32Array;
  readonly len: Uint32Array;
}

/** Per node FIFO of request ids, each with the tick it joined the queue. */
export class NodeQueues {
  private ids: Int32Array[];
  private ats: Float64Array[];
  private readonly head: Uint32Array;
  private readonly len: Uint32Array;

  constructor(nodes: number) {
    this.ids = Array.from({ length: nodes }, () => new Int32Array(16));
    this.ats = Array.from({ length: nodes }, () => new Float64Array(16));
    this.head = new Uint32Array(nodes);
    this.len = new Uint32Array(nodes);
  }

  /** Requests waiting or in service at `node`. */
  length(node: number): number {
    return this.len[node];
  }

  /** Appends request `id`, joining at tick `at`; returns the new length. */
  push(node: number, id: number, at: number): number {
    if (this.len[node] === this.ids[node].length) this.grow(node);
    const ids = this.ids[node];
    const slot = (this.head[node] + this.len[node]) & (ids.length - 1);
    ids[slot] = id;
    this.ats[node][slot] = at;
    return ++this.len[node];
  }

  /** The head's request id (the one in service). */
  headId(node: number): number {
    return this.ids[node][this.head[node]];
  }

  /** The tick the head joined the queue. */
  headAt(node: number): number {
    return this.ats[node][this.head[node]];
  }

  /** Removes the head; returns the new length. */
  shift(node: number): number {
    this.head[node] = (this.head[node] + 1) & (this.ids[node].length - 1);
    return --this.len[node];
  }

  /** Empties `node`'s queue, calling `each` on every request id in it, head first. */
  drop(node: number, each: (id: number) => void): void {
    const ids = this.ids[node];
    for (let j = 0; j < this.len[node]; j++) each(ids[(this.head[node] + j) & (ids.length - 1)]);
    this.len[node] = 0;
    this.head[node] = 0;
  }

  /** Copies of every queue (a checkpoint): `restore` of it gives back these queues. */
  snapshot(): NodeQueuesState {
    return { ids: this.ids.map((a) => a.slice()), ats: this.ats.map((a) => a.slice()), head: this.head.slice(), len: this.len.slice() };
  }

  /** Becomes a copy of a `snapshot()` of as many queues. */
  restore(st: NodeQueuesState): void {
    this.ids = st.ids.map((a) => a.slice());
    this.ats = st.ats.map((a) => a.slice());
    this.head.set(st.head);
    this.len.set(st.len);
  }

  private grow(node: number): void {
    const ids = this.ids[node];
    const ats = this.ats[node];
    const size = ids.length;
    const nIds = new Int32Array(size * 2);
    const nAts = new Float64Array(size * 2);
    const head = this.head[node];
    for (let j = 0; j < size; j++) {
      nIds[j] = ids[(head + j) & (size - 1)];
      nAts[j] = ats[(head + j) & (size - 1)];
    }
    this.ids[node] = nIds;
    this.ats[node] = nAts;
    this.head[node] = 0;
  }
}

/** Request ids in flight from the directory to their node, each due at a tick (due ticks ascend). */
export class DelayLine {
  private ids = new Int32Array(1024);
  private dues = new Float64Array(1024);
  private head = 0;
  private len = 0;

  /** Adds request `id` due at tick `due`; true when the line was empty (the caller schedules a drain). */
  push(id: number, due: number): boolean {
    if (this.len === this.ids.length) this.grow();
    const at = (this.head + this.len) % this.ids.length;
    this.ids[at] = id;
    this.dues[at] = due;
    return this.len++ === 0;
  }

  /** Calls `each` on every id due at or before `now`, in order; returns the next due tick, or NaN when empty. */
  drain(now: number, each: (id: number) => void): number {
    while (this.len > 0 && this.dues[this.head] <= now) {
      const id = this.ids[this.head];
      this.head = (this.head + 1) % this.ids.length;
      this.len--;
      each(id);
    }
    return this.len > 0 ? this.dues[this.head] : Number.NaN;
  }

  /** A copy (a checkpoint, or a restore of one). */
  copy(): DelayLine {
    const d = new DelayLine();
    d.ids = this.ids.slice();
    d.dues = this.dues.slice();
    d.head = this.head;
    d.len = this.len;
    return d;
  }

  private grow(): void {
    const size = this.ids.length;
    const ids = new Int32Array(size * 2);
    const dues = new Float64Array(size * 2);
    for (let j = 0; j < size; j++) {
      ids[j] = this.ids[(this.head + j) % size];
      dues[j] = this.dues[(this.head + j) % size];
    }
    this.ids = ids;
    this.dues = dues;
    this.head = 0;
  }
}
