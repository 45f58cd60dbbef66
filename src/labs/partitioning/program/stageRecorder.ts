/**
 * What the stage will draw, recorded beside the served workload and never hashed (the run's trace hash
 * is the same with or without it): requests as messages (router -> node, or router -> directory ->
 * node), replies (node -> router), crashes and recoveries, and every node's
 * queue depth. ./stage.ts turns it into StageData after the run.
 *
 * The engine does not carry these messages (a constant hop is added by the Server), so rows are written
 * when the Server learns of them, into three streams that are each in time order and merged at the end:
 *
 *   early   a request's send, written when it arrives (now - hop)
 *   now     arrivals, discards at a crashed node, replies' sends, faults (now)
 *   late    a reply's arrival at the router (now + hop)
 *
 * Bounds (so 10^6 requests cost a bounded stage): one request in `sampleEvery` is drawn (with all its
 * parts and replies), and when a run would record more than FIELD_ROWS_MAX queue changes, each node's
 * depth is kept on a grid of `depthGapTicks` (the value at every grid line, at most one line late).
 */
import { filled, taken, type BufferBin, type TypedArrayConstructor } from '../../../sim/bufferBin';
import { TraceKind } from '../../../sim/traceKind';
import type { PartitioningScenario } from '../scenario';

/** Message kinds in colour-slot order: slot 4 is drawn hollow (replies), slots 0-3 filled. */
export const STAGE_KINDS = ['read', 'write', 'lookup', 'salted read', 'reply'] as const;
export const Kind = { read: 0, write: 1, lookup: 2, salted: 3, reply: 4 } as const;

/** Messages a run's stage draws at most (requests are sampled to stay under it). */
export const MESSAGES_MAX = 200_000;
/** Queue-depth changes recorded exactly at most; beyond, depths go on a grid. */
export const FIELD_ROWS_MAX = 400_000;

export interface StagePlan {
  /** Draw request i iff i % sampleEvery === 0. */
  sampleEvery: number;
  /** 0: every depth change; else depths on a grid of this many ticks. */
  depthGapTicks: number;
}

/**
 * How much of a run the stage keeps: `slots` nodes (storage and directory) plus the router, up to
 * `endTick`; `hotReads` reads of the key a salt event would fan out (each becomes k messages).
 */
export function stagePlan(s: PartitioningScenario, slots: number, endTick: number, hotReads: number): StagePlan {
  const saltK = s.events.reduce((k, e) => (e.type === 'salt' ? Math.max(k, e.k) : k), 1);
  const hops = s.strategy === 'directory' ? 2 : 1;
  // Every request: its hops and a reply; a salted read: k - 1 more parts and replies.
  const messages = 2 * (s.requests * hops + hotReads * (saltK - 1));
  const sampleEvery = Math.max(1, Math.ceil(messages / MESSAGES_MAX));
  // Every message changes a queue twice (in, out) or the router's count; the router counts each request twice.
  const changes = messages + 2 * s.requests;
  const depthGapTicks = changes <= FIELD_ROWS_MAX ? 0 : Math.ceil((endTick * (slots + 1)) / FIELD_ROWS_MAX);
  return { sampleEvery, depthGapTicks };
}

/** Growable trace-row columns; with a bin, their buffers come from it (a snapshot's never do: a cache keeps those). */
export class Rows {
  length = 0;
  time = new Float64Array(256);
  kind = new Uint8Array(256);
  from = new Int32Array(256);
  to = new Int32Array(256);
  payload = new Int32Array(256);

  constructor(private readonly bin?: BufferBin) {}

  push(time: number, kind: number, from: number, to: number, payload: number): void {
    if (this.length === this.time.length) this.grow();
    const i = this.length++;
    this.time[i] = time;
    this.kind[i] = kind;
    this.from[i] = from;
    this.to[i] = to;
    this.payload[i] = payload;
  }

  /** Copies of the rows (a checkpoint). */
  snapshot(): Rows {
    const r = new Rows();
    r.restore(this);
    return r;
  }

  /** Becomes a copy of `from`'s rows. */
  restore(from: Rows): void {
    const n = from.length;
    this.give();
    const size = capacityFor(n);
    const bin = this.bin;
    this.time = taken(bin, Float64Array, size);
    this.kind = taken(bin, Uint8Array, size);
    this.from = taken(bin, Int32Array, size);
    this.to = taken(bin, Int32Array, size);
    this.payload = taken(bin, Int32Array, size);
    this.time.set(from.time.subarray(0, n));
    this.kind.set(from.kind.subarray(0, n));
    this.from.set(from.from.subarray(0, n));
    this.to.set(from.to.subarray(0, n));
    this.payload.set(from.payload.subarray(0, n));
    this.length = n;
  }

  /** Hands the columns' buffers to the bin (the rows are not read again). */
  give(): void {
    this.bin?.give(this.time, this.kind, this.from, this.to, this.payload);
  }

  private grow(): void {
    const n = this.time.length * 2;
    this.time = widen(this.bin, this.time, Float64Array, n);
    this.kind = widen(this.bin, this.kind, Uint8Array, n);
    this.from = widen(this.bin, this.from, Int32Array, n);
    this.to = widen(this.bin, this.to, Int32Array, n);
    this.payload = widen(this.bin, this.payload, Int32Array, n);
  }
}

type Column = Float64Array | Uint8Array | Int32Array;

/** Rows' capacity for `n` rows: a power of two, at least 256 (what growing by doubling reaches). */
function capacityFor(n: number): number {
  let size = 256;
  while (size < n) size *= 2;
  return size;
}

/** `a`'s rows in a column of `n` (from the bin when there is one, which gets `a`'s buffer back). */
function widen<A extends Column>(bin: BufferBin | undefined, a: A, type: TypedArrayConstructor<A>, n: number): A {
  const b = taken(bin, type, n);
  b.set(a);
  bin?.give(a);
  return b;
}

/** A node's numeric card field over time: (tick, node, value) rows, per node in time order. */
export class FieldRows {
  length = 0;
  time = new Float64Array(256);
  node = new Int32Array(256);
  value = new Float64Array(256);

  constructor(private readonly bin?: BufferBin) {}

  push(time: number, node: number, value: number): void {
    if (this.length === this.time.length) {
      const n = this.time.length * 2;
      this.time = widen(this.bin, this.time, Float64Array, n);
      this.node = widen(this.bin, this.node, Int32Array, n);
      this.value = widen(this.bin, this.value, Float64Array, n);
    }
    const i = this.length++;
    this.time[i] = time;
    this.node[i] = node;
    this.value[i] = value;
  }

  /** Becomes a copy of `from`'s rows. */
  restore(from: FieldRows): void {
    const n = from.length;
    this.give();
    const size = capacityFor(n);
    this.time = taken(this.bin, Float64Array, size);
    this.node = taken(this.bin, Int32Array, size);
    this.value = taken(this.bin, Float64Array, size);
    this.time.set(from.time.subarray(0, n));
    this.node.set(from.node.subarray(0, n));
    this.value.set(from.value.subarray(0, n));
    this.length = n;
  }

  /** Hands the columns' buffers to the bin (the rows are not read again). */
  give(): void {
    this.bin?.give(this.time, this.node, this.value);
  }
}

/** Growable message columns: kind and label per message id. */
export class MessageRows {
  length = 0;
  kind = new Int32Array(256);
  label = new Int32Array(256);

  constructor(private readonly bin?: BufferBin) {}

  /** Adds a message; returns its id. */
  push(kind: number, label: number): number {
    if (this.length === this.kind.length) {
      this.kind = widen(this.bin, this.kind, Int32Array, this.length * 2);
      this.label = widen(this.bin, this.label, Int32Array, this.length * 2);
    }
    this.kind[this.length] = kind;
    this.label[this.length] = label;
    return this.length++;
  }

  /** Becomes a copy of `from`'s rows. */
  restore(from: MessageRows): void {
    const n = from.length;
    this.give();
    const size = capacityFor(n);
    this.kind = taken(this.bin, Int32Array, size);
    this.label = taken(this.bin, Int32Array, size);
    this.kind.set(from.kind.subarray(0, n));
    this.label.set(from.label.subarray(0, n));
    this.length = n;
  }

  /** Hands the columns' buffers to the bin (the rows are not read again). */
  give(): void {
    this.bin?.give(this.kind, this.label);
  }
}

/**
 * A node's depth as field rows: every change (gap 0), or the value at each grid line of `gap` ticks,
 * written when the next change (or `finish`) shows what it was.
 */
export class DepthGrid {
  readonly rows: FieldRows;
  private cell: Float64Array;
  private value: Float64Array;
  private written: Float64Array;

  constructor(nodes: number, readonly gap: number, bin?: BufferBin) {
    this.rows = new FieldRows(bin);
    this.cell = new Float64Array(nodes).fill(-1);
    this.value = new Float64Array(nodes);
    this.written = new Float64Array(nodes);
    for (let node = 0; node < nodes; node++) this.rows.push(0, node, 0);
  }

  set(node: number, depth: number, now: number): void {
    if (this.gap === 0) {
      this.rows.push(now, node, depth);
      return;
    }
    const c = Math.floor(now / this.gap);
    if (c > this.cell[node]) {
      this.flush(node);
      this.cell[node] = c;
    }
    this.value[node] = depth;
  }

  /** Copies of the grid's rows and cells (a checkpoint). */
  snapshot(): DepthGrid {
    const g = new DepthGrid(0, this.gap);
    g.restore(this);
    return g;
  }

  /** Becomes a copy of `from` (a grid of as many nodes and the same gap, or a snapshot of one). */
  restore(from: DepthGrid): void {
    if (from.gap !== this.gap) throw new Error(`depth grid gap ${from.gap}, not ${this.gap}`);
    this.rows.restore(from.rows);
    this.cell = from.cell.slice();
    this.value = from.value.slice();
    this.written = from.written.slice();
  }

  /** Writes what the grid still owes: each node's value at the line after its last change. */
  finish(): void {
    if (this.gap > 0) for (let node = 0; node < this.value.length; node++) this.flush(node);
  }

  private flush(node: number): void {
    if (this.value[node] === this.written[node]) return;
    this.rows.push((this.cell[node] + 1) * this.gap, node, this.value[node]);
    this.written[node] = this.value[node];
  }
}

/** What a StageRecorder holds at a checkpoint (copies). */
export interface StageRecorderState {
  readonly early: Rows;
  readonly now: Rows;
  readonly late: Rows;
  readonly messages: MessageRows;
  readonly labels: readonly string[];
  readonly labelIds: readonly (readonly [number, number])[];
  readonly depth: DepthGrid;
  readonly ended: Float64Array;
}

/** Bytes a recorder's state holds (for the run cache's bound). */
export function stageStateBytes(st: StageRecorderState): number {
  return 21 * (st.early.length + st.now.length + st.late.length) + 8 * st.messages.length + 20 * st.depth.rows.length + 8 * st.ended.length;
}

export class StageRecorder {
  readonly early: Rows;
  readonly now: Rows;
  readonly late: Rows;
  /** Per message id: kind (index into STAGE_KINDS) and label (index into `labels`). */
  readonly messages: MessageRows;
  readonly labels: string[] = [];
  /** Label id by kind (+ STAGE_KINDS.length x (key + 1) for a named key): no string is built twice. */
  private readonly labelIds = new Map<number, number>();
  readonly depth: DepthGrid;
  /** Tick each request ended at the router (answered, or failed); NaN while open. */
  readonly ended: Float64Array;

  /** 1 for the keys whose messages carry their name ('read key-4469'); the others read 'read', 'reply'. */
  private readonly isNamed: Uint8Array;

  /** With a bin, the recorder's columns come from it; `give()` hands them back once the stage is built. */
  constructor(
    readonly plan: StagePlan, slots: number, requests: number, private readonly keyOf: Uint32Array, keyCount: number, namedKeys: ArrayLike<number>,
    private readonly bin?: BufferBin,
  ) {
    this.early = new Rows(bin);
    this.now = new Rows(bin);
    this.late = new Rows(bin);
    this.messages = new MessageRows(bin);
    this.isNamed = new Uint8Array(keyCount);
    for (let i = 0; i < namedKeys.length; i++) this.isNamed[namedKeys[i]] = 1;
    this.depth = new DepthGrid(slots, plan.depthGapTicks, bin);
    this.ended = filled(bin, Float64Array, requests, Number.NaN);
  }

  /** Hands every column to the bin: the recorder is not read again. */
  give(): void {
    this.early.give();
    this.now.give();
    this.late.give();
    this.messages.give();
    this.depth.rows.give();
    this.bin?.give(this.ended);
  }

  /** Copies of what is recorded so far, for requests below `requests` (a checkpoint). */
  snapshot(requests: number): StageRecorderState {
    return {
      early: this.early.snapshot(), now: this.now.snapshot(), late: this.late.snapshot(),
      messages: (() => { const m = new MessageRows(); m.restore(this.messages); return m; })(),
      labels: [...this.labels], labelIds: [...this.labelIds], depth: this.depth.snapshot(), ended: this.ended.slice(0, requests),
    };
  }

  /** Becomes a copy of a `snapshot()` of a recorder with the same plan, nodes and requests. */
  restore(state: StageRecorderState): void {
    this.early.restore(state.early);
    this.now.restore(state.now);
    this.late.restore(state.late);
    this.messages.restore(state.messages);
    this.labels.length = 0;
    this.labels.push(...state.labels);
    this.labelIds.clear();
    for (const [k, v] of state.labelIds) this.labelIds.set(k, v);
    this.depth.restore(state.depth);
    this.ended.set(state.ended);
  }

  isDrawn(i: number): boolean {
    return i % this.plan.sampleEvery === 0;
  }

  /** Request i's message from -> to, sent at `send`, arriving at `arrive`: handed over, or lost at a crashed node. */
  request(i: number, kind: number, from: number, to: number, send: number, arrive: number, isDelivered: boolean): void {
    if (!this.isDrawn(i)) return;
    const id = this.message(kind, this.keyOf[i]);
    this.early.push(send, TraceKind.send, from, to, id);
    this.now.push(arrive, isDelivered ? TraceKind.deliver : TraceKind.discard, from, to, id);
  }

  /** `node` answers request i at `send`; the reply reaches the router at `arrive`. */
  reply(i: number, node: number, router: number, send: number, arrive: number): void {
    if (!this.isDrawn(i)) return;
    const id = this.message(Kind.reply, this.keyOf[i]);
    this.now.push(send, TraceKind.send, node, router, id);
    this.late.push(arrive, TraceKind.deliver, node, router, id);
  }

  fault(kind: typeof TraceKind.crash | typeof TraceKind.recover, node: number, now: number, index: number): void {
    this.now.push(now, kind, node, -1, index);
  }

  /**
   * A new message of `kind` about `key` ('read key-4469' for a named key, else 'read'); returns its id. Only
   * the hottest keys are named: a label per key would send 10^5 strings to the main thread at scale.
   */
  private message(kind: number, key: number): number {
    const named = this.isNamed[key] === 1;
    const k = named ? kind + STAGE_KINDS.length * (key + 1) : kind;
    let l = this.labelIds.get(k);
    if (l === undefined) {
      l = this.labels.length;
      this.labels.push(named ? `${STAGE_KINDS[kind]} key-${key}` : STAGE_KINDS[kind]);
      this.labelIds.set(k, l);
    }
    return this.messages.push(kind, l);
  }
}
