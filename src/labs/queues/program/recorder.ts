/**
 * What the stage draws, recorded beside the run and never hashed (a run's trace hash is the same with or
 * without it): messages as dots (a produce batch, a fetch, a commit; a receive, a delete), crashes and
 * recoveries, card fields, and the lab's sentences for the narration. Rows are written out of time order
 * (a message's arrival when it is sent) and sorted once at the end (stable: ties keep recording order).
 *
 * Bounds, so 10^6 messages cost a bounded stage: at most MESSAGES_MAX dots (the caller samples with
 * `isDrawn`), at most FIELDS_MAX card changes (past it the caller records on its sample grid only) and
 * REMARKS_MAX sentences.
 */
import type { StageData } from '../../../core/stage/types';
import type { StageLogColumns } from '../../../sim/stageLog';
import { buildStage } from '../../../sim/stage/buildStage';
import type { TraceColumns } from '../../../sim/trace';
import { TraceKind } from '../../../sim/traceKind';
import { TICKS_PER_MS } from '../../../sim/kit/time';

export const MESSAGES_MAX = 60_000;
export const FIELDS_MAX = 200_000;
export const REMARKS_MAX = 2000;

class Grow {
  length = 0;
  f64: Float64Array[];
  i32: Int32Array[];
  constructor(floats: number, ints: number) {
    this.f64 = Array.from({ length: floats }, () => new Float64Array(256));
    this.i32 = Array.from({ length: ints }, () => new Int32Array(256));
  }
  /** Reserves a row; returns its index. */
  row(): number {
    if (this.length === this.f64[0]?.length || this.length === this.i32[0]?.length) {
      const n = this.length * 2;
      this.f64 = this.f64.map((a) => { const b = new Float64Array(n); b.set(a); return b; });
      this.i32 = this.i32.map((a) => { const b = new Int32Array(n); b.set(a); return b; });
    }
    return this.length++;
  }
}

export class StageRecorder {
  private readonly rows = new Grow(1, 4); // time | kind, from, to, payload
  private readonly msgs = new Grow(0, 2); // kind, label
  private readonly fields = new Grow(2, 3); // time, value | node, name, text
  private readonly kindIds = new Map<string, number>();
  private readonly labelIds = new Map<string, number>();
  private readonly textIds = new Map<string, number>();
  readonly kinds: string[];
  readonly labels: string[] = [];
  readonly texts: string[] = [];
  private readonly remarkTick: number[] = [];
  private readonly remarkNode: number[] = [];
  private readonly remarkText: string[] = [];
  /** Last value recorded per (node, field), so unchanged values are not written twice. */
  private readonly last = new Map<number, number | string>();
  /** Dots the run would draw at most unsampled, and one in `sampleEvery` is drawn. */
  readonly sampleEvery: number;
  private drawnCount = 0;

  constructor(kinds: readonly string[], readonly fieldNames: readonly string[], expectedMessages: number) {
    this.kinds = [...kinds];
    kinds.forEach((k, i) => this.kindIds.set(k, i));
    this.sampleEvery = Math.max(1, Math.ceil(expectedMessages / MESSAGES_MAX));
  }

  /** Whether dot number `i` of its sort is drawn (a stable sample: every `sampleEvery`-th). */
  isDrawn(i: number): boolean {
    return i % this.sampleEvery === 0 && this.drawnCount < MESSAGES_MAX;
  }

  get isFieldsFull(): boolean {
    return this.fields.length >= FIELDS_MAX;
  }

  private intern(map: Map<string, number>, list: string[], text: string): number {
    let id = map.get(text);
    if (id === undefined) {
      id = list.length;
      list.push(text);
      map.set(text, id);
    }
    return id;
  }

  private push(tick: number, kind: number, from: number, to: number, payload: number): void {
    const i = this.rows.row();
    this.rows.f64[0][i] = tick;
    this.rows.i32[0][i] = kind;
    this.rows.i32[1][i] = from;
    this.rows.i32[2][i] = to;
    this.rows.i32[3][i] = payload;
  }

  /** A dot from -> to sent at `sendMs`, arriving at `arriveMs` (delivered, or discarded at a crashed receiver). */
  message(kind: string, label: string, from: number, to: number, sendMs: number, arriveMs: number, isDelivered = true): void {
    this.drawnCount++;
    const id = this.msgs.row();
    this.msgs.i32[0][id] = this.intern(this.kindIds, this.kinds, kind);
    this.msgs.i32[1][id] = this.intern(this.labelIds, this.labels, label);
    this.push(Math.round(sendMs * TICKS_PER_MS), TraceKind.send, from, to, id);
    this.push(Math.round(arriveMs * TICKS_PER_MS), isDelivered ? TraceKind.deliver : TraceKind.discard, from, to, id);
  }

  /** A crash or recovery of `node` at `ms` (the stage draws it down in between). */
  fault(kind: 'crash' | 'recover', node: number, ms: number, scriptIndex: number): void {
    this.push(Math.round(ms * TICKS_PER_MS), kind === 'crash' ? TraceKind.crash : TraceKind.recover, node, -1, scriptIndex);
  }

  /** Node `node`'s card field `name` shows `value` from `ms` on (skipped when unchanged). */
  field(ms: number, node: number, name: number, value: number | string): void {
    const slot = node * this.fieldNames.length + name;
    if (Object.is(this.last.get(slot), value)) return;
    this.last.set(slot, value);
    const i = this.fields.row();
    this.fields.f64[0][i] = Math.round(ms * TICKS_PER_MS);
    this.fields.i32[0][i] = node;
    this.fields.i32[1][i] = name;
    const isText = typeof value === 'string';
    this.fields.f64[1][i] = isText ? Number.NaN : value;
    this.fields.i32[2][i] = isText ? this.intern(this.textIds, this.texts, value) : -1;
  }

  /** A sentence of the narration about `node` at `ms`. */
  remark(ms: number, node: number, text: string): void {
    if (this.remarkText.length >= REMARKS_MAX) return;
    this.remarkTick.push(Math.round(ms * TICKS_PER_MS));
    this.remarkNode.push(node);
    this.remarkText.push(text);
  }

  /** Whether another sentence would be kept: build a remark's text only when it is. */
  get canRemark(): boolean {
    return this.remarkText.length < REMARKS_MAX;
  }

  get remarkCount(): number {
    return this.remarkText.length;
  }

  private trace(): TraceColumns {
    const n = this.rows.length;
    const time = this.rows.f64[0];
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => time[a] - time[b] || a - b);
    const out: TraceColumns = { length: n, hash: '', time: new Float64Array(n), kind: new Uint8Array(n), from: new Int32Array(n), to: new Int32Array(n), payload: new Int32Array(n) };
    for (let k = 0; k < n; k++) {
      const i = order[k];
      out.time[k] = time[i];
      out.kind[k] = this.rows.i32[0][i];
      out.from[k] = this.rows.i32[1][i];
      out.to[k] = this.rows.i32[2][i];
      out.payload[k] = this.rows.i32[3][i];
    }
    return out;
  }

  private log(): StageLogColumns {
    const m = this.msgs.length;
    const f = this.fields.length;
    const order = Array.from({ length: f }, (_, i) => i).sort((a, b) => this.fields.f64[0][a] - this.fields.f64[0][b] || a - b);
    const pick = <A extends Float64Array | Int32Array>(src: A, make: (n: number) => A) => {
      const out = make(f);
      for (let k = 0; k < f; k++) out[k] = src[order[k]];
      return out;
    };
    return {
      messageCount: m,
      messageKind: this.msgs.i32[0].slice(0, m),
      messageLabel: this.msgs.i32[1].slice(0, m),
      arrive: new Float64Array(m).fill(Number.NaN),
      arriveDup: new Float64Array(m).fill(Number.NaN),
      kinds: this.kinds,
      labels: this.labels,
      fieldCount: f,
      fieldTime: pick(this.fields.f64[0], (n) => new Float64Array(n)),
      fieldNode: pick(this.fields.i32[0], (n) => new Int32Array(n)),
      fieldName: pick(this.fields.i32[1], (n) => new Int32Array(n)),
      fieldValue: pick(this.fields.f64[1], (n) => new Float64Array(n)),
      fieldText: pick(this.fields.i32[2], (n) => new Int32Array(n)),
      fields: [...this.fieldNames],
      texts: this.texts,
      clockCount: 0, clockTime: new Float64Array(0), clockNode: new Int32Array(0), clockOffset: new Float64Array(0), clockDrift: new Int32Array(0),
      partitions: [],
    };
  }

  build(nodeNames: readonly string[], horizonMs: number): StageData {
    const order = Array.from({ length: this.remarkText.length }, (_, i) => i).sort((a, b) => this.remarkTick[a] - this.remarkTick[b] || a - b);
    const stage = buildStage({
      trace: this.trace(),
      log: this.log(),
      ticksPerUnit: TICKS_PER_MS,
      timeUnit: 'ms',
      horizon: horizonMs,
      nodeNames,
      remarks: { tick: order.map((i) => this.remarkTick[i]), node: order.map((i) => this.remarkNode[i]), text: order.map((i) => this.remarkText[i]) },
    });
    stage.narrated = toldRows(stage);
    return stage;
  }
}

/** Rows the narration tells: the lab's sentences and faults; message sends only while there are few of them. */
function toldRows(stage: StageData): Uint32Array {
  const rows = stage.narrated;
  const tellSends = stage.messages.count <= 400;
  const out = new Uint32Array(rows.length);
  let n = 0;
  for (let i = 0; i < rows.length; i++) {
    const kind = stage.events.kind[rows[i]];
    if (kind === TraceKind.deliver || (kind === TraceKind.send && !tellSends)) continue;
    out[n++] = rows[i];
  }
  return out.slice(0, n);
}
