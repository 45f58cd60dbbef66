/**
 * What the stage shows besides the trace: each message's kind and label and when each copy was due to
 * arrive, the card fields a protocol reports (role, term, log length...), clock readings after each clock
 * fault, and the groups of each partition. Recorded OUTSIDE the trace and its hash: a run with a stage log
 * gives the same trace, byte for byte, as one without, so golden hashes never move when a lab opts in.
 *
 * Opt-in (`SimOptions.stage`); unused, it costs the engine one `undefined` check per send. Strings are
 * interned: a column holds the index into `kinds`, `labels`, `fields` or `texts`.
 */
import type { NodeContext } from './nodeContext';

/** How a lab names its messages on the stage. Both functions must be pure (they run on every send). */
export interface MessageDescriber<M> {
  /** The message's kind: one short word shared by all messages of that sort ('append', 'ack', 'vote?'). */
  kind(msg: M): string;
  /** Its label on the stage and in the narration ('write w2'); default: the kind. */
  label?(msg: M): string;
  /** Every kind, in a fixed order: kind k gets colour slot k in every run (else: the order first sent). */
  kinds?: readonly string[];
}

/**
 * Card fields read from a node's state by the engine, so a protocol need not call `ctx.card` itself: after
 * every event that may change them (the node's start, deliveries and timers; every running node after a
 * scripted call such as a client request), each field is read and recorded when it changed.
 */
export interface CardProbe<M> {
  fields: readonly string[];
  /** Field `field` (an index into `fields`) of a running node; pure. */
  read(node: NodeContext<M>, field: number): number | string;
}

export interface StageOptions<M> {
  describe?: MessageDescriber<M>;
  probe?: CardProbe<M>;
}

/** The log's contents as columns (copies, the caller's to keep or transfer). */
export interface StageLogColumns {
  /** Messages by id (the trace's payload of send rows): 0..messageCount-1. */
  messageCount: number;
  /** Index into `kinds` (-1: not described). */
  messageKind: Int32Array;
  /** Index into `labels` (-1: not described). */
  messageLabel: Int32Array;
  /** Tick the first copy was due to arrive (NaN: never scheduled, i.e. lost or cut at the send). */
  arrive: Float64Array;
  /** Tick the duplicate copy was due to arrive (NaN: no duplicate). */
  arriveDup: Float64Array;
  kinds: string[];
  labels: string[];
  /** Card field changes, in the order recorded (time order). */
  fieldCount: number;
  fieldTime: Float64Array;
  fieldNode: Int32Array;
  /** Index into `fields`. */
  fieldName: Int32Array;
  /** The numeric value (NaN when the value is a text). */
  fieldValue: Float64Array;
  /** Index into `texts` (-1 when the value is a number). */
  fieldText: Int32Array;
  fields: string[];
  texts: string[];
  /** Clock readings after each clock fault: offset (local - true) in ticks at `clockTime`, drift in ppm. */
  clockCount: number;
  clockTime: Float64Array;
  clockNode: Int32Array;
  clockOffset: Float64Array;
  clockDrift: Int32Array;
  /** One group vector (group number per node, as ./partition.ts `groupOf`) per partition fault, in order. */
  partitions: Int32Array[];
}

/** A column that grows by doubling. */
class Column<A extends Float64Array | Int32Array> {
  data: A;
  constructor(private readonly make: (n: number) => A) {
    this.data = make(64);
  }
  set(i: number, value: number): void {
    if (i >= this.data.length) {
      const bigger = this.make(Math.max(this.data.length * 2, i + 1));
      bigger.set(this.data);
      if (bigger instanceof Float64Array) bigger.fill(NaN, this.data.length);
      this.data = bigger;
    }
    this.data[i] = value;
  }
  copy(n: number): A {
    return this.data.slice(0, n) as A;
  }
}

const f64 = (n: number) => new Float64Array(n).fill(NaN);
const i32 = (n: number) => new Int32Array(n);

/** Strings to small integers, in first-seen order. */
class Interner {
  readonly list: string[] = [];
  private readonly ids = new Map<string, number>();
  id(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.list.length;
      this.list.push(text);
      this.ids.set(text, id);
    }
    return id;
  }
}

export class StageLog<M> {
  private readonly describe: MessageDescriber<M> | undefined;
  private messages = 0;
  private readonly kind = new Column(i32);
  private readonly label = new Column(i32);
  private readonly arrive = new Column(f64);
  private readonly arriveDup = new Column(f64);
  private readonly kinds = new Interner();
  private readonly labels = new Interner();
  private fieldCount = 0;
  private readonly fieldTime = new Column(f64);
  private readonly fieldNode = new Column(i32);
  private readonly fieldName = new Column(i32);
  private readonly fieldValue = new Column(f64);
  private readonly fieldText = new Column(i32);
  private readonly fields = new Interner();
  private readonly texts = new Interner();
  private clockCount = 0;
  private readonly clockTime = new Column(f64);
  private readonly clockNode = new Column(i32);
  private readonly clockOffset = new Column(f64);
  private readonly clockDrift = new Column(i32);
  private readonly partitions: Int32Array[] = [];
  private readonly probe: CardProbe<M> | undefined;
  /** The probe's last reading per node and field: probed[node][field]. */
  private readonly probed: (number | string)[][] = [];

  constructor(options: StageOptions<M> = {}) {
    this.describe = options.describe;
    this.probe = options.probe;
    for (const kind of options.describe?.kinds ?? []) this.kinds.id(kind);
  }

  /** Reads the probe's fields of `node` (running) at tick `t`, recording those that changed. */
  probeNode(t: number, node: NodeContext<M>): void {
    const probe = this.probe;
    if (probe === undefined || node.actor === undefined) return;
    const last = (this.probed[node.id] ??= []);
    for (let f = 0; f < probe.fields.length; f++) {
      const value = probe.read(node, f);
      if (f < last.length && Object.is(last[f], value)) continue;
      last[f] = value;
      this.field(t, node.id, probe.fields[f], value);
    }
  }

  /** probeNode for every node (after an event that may touch any of them). */
  probeAll(t: number, nodes: readonly NodeContext<M>[]): void {
    if (this.probe === undefined) return;
    for (let i = 0; i < nodes.length; i++) this.probeNode(t, nodes[i]);
  }

  /** Message `id` (sequential from 0) was sent. */
  sent(id: number, msg: M): void {
    if (id !== this.messages) throw new Error(`invalid message id: ${id} (expected ${this.messages})`);
    this.messages = id + 1;
    const describe = this.describe;
    if (describe === undefined) {
      this.kind.set(id, -1);
      this.label.set(id, -1);
      return;
    }
    const kind = describe.kind(msg);
    this.kind.set(id, this.kinds.id(kind));
    this.label.set(id, this.labels.id(describe.label ? describe.label(msg) : kind));
  }

  /** A copy of message `id` is due at tick `t` (the first call for the original, a second for a duplicate). */
  scheduled(id: number, t: number): void {
    if (id >= this.arrive.data.length || Number.isNaN(this.arrive.data[id])) this.arrive.set(id, t);
    else this.arriveDup.set(id, t);
  }

  /** Node `node`'s card field `name` shows `value` from tick `t` on. */
  field(t: number, node: number, name: string, value: number | string): void {
    const i = this.fieldCount++;
    this.fieldTime.set(i, t);
    this.fieldNode.set(i, node);
    this.fieldName.set(i, this.fields.id(name));
    const isText = typeof value === 'string';
    this.fieldValue.set(i, isText ? NaN : value);
    this.fieldText.set(i, isText ? this.texts.id(value) : -1);
  }

  /** Node `node`'s clock reads `offsetTicks` ahead of true time at tick `t` and drifts `driftPpm` from then on. */
  clock(t: number, node: number, offsetTicks: number, driftPpm: number): void {
    const i = this.clockCount++;
    this.clockTime.set(i, t);
    this.clockNode.set(i, node);
    this.clockOffset.set(i, offsetTicks);
    this.clockDrift.set(i, driftPpm);
  }

  /** A partition fault set these groups (group number per node). */
  partition(groups: Int32Array): void {
    this.partitions.push(groups.slice());
  }

  columns(): StageLogColumns {
    const m = this.messages;
    const arriveDup = new Float64Array(m).fill(NaN);
    arriveDup.set(this.arriveDup.data.subarray(0, Math.min(m, this.arriveDup.data.length)));
    const arrive = new Float64Array(m).fill(NaN);
    arrive.set(this.arrive.data.subarray(0, Math.min(m, this.arrive.data.length)));
    const f = this.fieldCount;
    const c = this.clockCount;
    return {
      messageCount: m, messageKind: this.kind.copy(m), messageLabel: this.label.copy(m), arrive, arriveDup,
      kinds: [...this.kinds.list], labels: [...this.labels.list],
      fieldCount: f, fieldTime: this.fieldTime.copy(f), fieldNode: this.fieldNode.copy(f), fieldName: this.fieldName.copy(f),
      fieldValue: this.fieldValue.copy(f), fieldText: this.fieldText.copy(f), fields: [...this.fields.list], texts: [...this.texts.list],
      clockCount: c, clockTime: this.clockTime.copy(c), clockNode: this.clockNode.copy(c),
      clockOffset: this.clockOffset.copy(c), clockDrift: this.clockDrift.copy(c),
      partitions: this.partitions.map((g) => g.slice()),
    };
  }
}
