/**
 * The stage's message table from the trace (and the stage log when the run kept one): one row per copy,
 * each with exactly one fate. Two passes: the first walks the trace and pins every end event (deliver,
 * discard, block, lose) on one copy; the second turns raw ticks into the dot's story in the lab's unit
 * (see StageMessages in src/core/stage/types.ts).
 *
 * Which copy an end event belongs to: a duplicate's two copies carry the same message id, and the network
 * may hand over the later-sent copy first. With a stage log the copies' due ticks are known and ends go to
 * copies in arrival order (ties: the original, which was scheduled first, as the engine's queue does);
 * without one, the first end goes to the original.
 */
import { Fate, type StageMessages } from '../../core/stage/types';
import { filled, type BufferBin } from '../bufferBin';
import type { StageLogColumns } from '../stageLog';
import type { TraceColumns } from '../trace';
import { TraceKind } from '../traceKind';

/** Raw end kind of a copy: a trace kind, NONE while open, or BLOCK_AT_SEND (cut before it left). */
const NONE = 255;
const BLOCK_AT_SEND = 254;

interface Raw {
  rows: number;
  originals: number;
  from: Uint16Array;
  to: Uint16Array;
  sendTick: Float64Array;
  dupOf: Int32Array;
  endTick: Float64Array;
  endKind: Uint8Array;
  /** Latest topology change (partition, cut, heal, crash) at or before the end: where a cut stops the dot. */
  topoTick: Float64Array;
  /** Due tick of the copy from the stage log (NaN when unknown). */
  dueTick: Float64Array;
}

function countCopies(trace: TraceColumns): { originals: number; duplicates: number } {
  let originals = 0;
  let duplicates = 0;
  for (let i = 0; i < trace.length; i++) {
    const k = trace.kind[i];
    if (k === TraceKind.send) originals++;
    else if (k === TraceKind.duplicate) duplicates++;
  }
  return { originals, duplicates };
}

/** The raw columns; `from`, `to` and `dupOf` become the table's, the rest are scratch (from `bin`, given back by `giveRaw`). */
function allocate(originals: number, duplicates: number, bin: BufferBin | undefined): Raw {
  const rows = originals + duplicates;
  return {
    rows, originals,
    from: new Uint16Array(rows), to: new Uint16Array(rows), sendTick: filled(bin, Float64Array, rows, 0),
    dupOf: new Int32Array(rows).fill(-1), endTick: filled(bin, Float64Array, rows, Infinity),
    endKind: filled(bin, Uint8Array, rows, NONE), topoTick: filled(bin, Float64Array, rows, -Infinity),
    dueTick: filled(bin, Float64Array, rows, NaN),
  };
}

function giveRaw(raw: Raw, bin: BufferBin | undefined): void {
  bin?.give(raw.sendTick, raw.endTick, raw.endKind, raw.topoTick, raw.dueTick);
}

function isTopology(kind: number): boolean {
  return kind === TraceKind.partition || kind === TraceKind.heal || kind === TraceKind.cut || kind === TraceKind.crash;
}

/** First pass: rows, copies and the end event of each. */
function scan(trace: TraceColumns, log: StageLogColumns | undefined, bin: BufferBin | undefined): Raw {
  const { originals, duplicates } = countCopies(trace);
  const raw = allocate(originals, duplicates, bin);
  const second = filled(bin, Int32Array, originals, -1);
  const ended = filled(bin, Uint8Array, originals, 0);
  let nextDup = originals;
  let topo = -Infinity;
  for (let i = 0; i < trace.length; i++) {
    const kind = trace.kind[i];
    const time = trace.time[i];
    const id = trace.payload[i];
    if (isTopology(kind)) topo = time;
    if (kind === TraceKind.send) {
      if (id >= originals) throw new Error(`invalid message id: ${id} (the trace holds ${originals} sends)`);
      raw.from[id] = trace.from[i];
      raw.to[id] = trace.to[i];
      raw.sendTick[id] = time;
      raw.dueTick[id] = log && id < log.messageCount ? log.arrive[id] : NaN;
    } else if (kind === TraceKind.duplicate) {
      const row = nextDup++;
      second[id] = row;
      raw.from[row] = raw.from[id];
      raw.to[row] = raw.to[id];
      raw.sendTick[row] = raw.sendTick[id];
      raw.dupOf[row] = id;
      raw.dueTick[row] = log && id < log.messageCount ? log.arriveDup[id] : NaN;
    } else if (kind === TraceKind.deliver || kind === TraceKind.discard || kind === TraceKind.block || kind === TraceKind.lose) {
      const row = copyEnding(raw, id, second[id], ended[id], log !== undefined);
      ended[id]++;
      const isAtSend = kind === TraceKind.block && isBlockAtSend(raw, row, time, second[id], log !== undefined);
      raw.endTick[row] = time;
      raw.endKind[row] = isAtSend ? BLOCK_AT_SEND : kind;
      raw.topoTick[row] = topo;
    }
  }
  bin?.give(second, ended);
  return raw;
}

/** The copy of message `id` that the next end event ends (see the header). */
function copyEnding(raw: Raw, id: number, dupRow: number, endedBefore: number, hasLog: boolean): number {
  if (dupRow < 0) return id;
  const dupFirst = hasLog && raw.dueTick[dupRow] < raw.dueTick[id];
  const first = dupFirst ? dupRow : id;
  const other = dupFirst ? id : dupRow;
  return endedBefore === 0 ? first : other;
}

/** A block recorded when the message was sent (the link was already cut), not on its arrival. */
function isBlockAtSend(raw: Raw, row: number, time: number, dupRow: number, hasLog: boolean): boolean {
  if (hasLog) return Number.isNaN(raw.dueTick[row]);
  return time === raw.sendTick[row] && dupRow < 0;
}

/** Delivered copies sampled for the median at most (a stride over rows: deterministic, and no 10^6-entry sort). */
const MEDIAN_SAMPLE_MAX = 1 << 16;

/** Median duration of delivered copies, in ticks (1/20 of the span, at least 1 tick, when none was delivered). */
function medianTicks(raw: Raw, spanTicks: number): number {
  const stride = Math.max(1, Math.ceil(raw.rows / MEDIAN_SAMPLE_MAX));
  const d = new Float64Array(Math.ceil(raw.rows / stride));
  let n = 0;
  for (let r = 0; r < raw.rows; r += stride) {
    if (raw.endKind[r] !== TraceKind.deliver) continue;
    const due = raw.dueTick[r];
    d[n++] = (Number.isNaN(due) ? raw.endTick[r] : Math.min(due, raw.endTick[r])) - raw.sendTick[r];
  }
  if (n === 0) return Math.max(1, spanTicks / 20);
  const sorted = d.subarray(0, n).sort();
  return Math.max(sorted[n >> 1], 1e-9);
}

export interface BuiltMessages {
  messages: StageMessages;
  medianLatency: number;
  fade: number;
}

/** The message table, in the lab's unit. `kind` and `label` come from the stage log (-1 without one). */
export function buildMessages(trace: TraceColumns, log: StageLogColumns | undefined, ticksPerUnit: number, spanTicks: number, bin?: BufferBin): BuiltMessages {
  const raw = scan(trace, log, bin);
  const median = medianTicks(raw, spanTicks) / ticksPerUnit;
  const fade = median / 2;
  const n = raw.rows;
  const m: StageMessages = {
    count: n, originals: raw.originals, from: raw.from, to: raw.to,
    kind: new Int32Array(n).fill(-1), label: new Int32Array(n).fill(-1),
    send: new Float64Array(n), arrive: new Float64Array(n), end: new Float64Array(n), visibleEnd: new Float64Array(n),
    fate: new Uint8Array(n), dupOf: raw.dupOf, dropFrac: new Float32Array(n),
  };
  for (let r = 0; r < n; r++) {
    const id = r < raw.originals ? r : raw.dupOf[r];
    if (log && id < log.messageCount) {
      m.kind[r] = log.messageKind[id];
      m.label[r] = log.messageLabel[id];
    }
    finishRow(m, raw, r, ticksPerUnit, median, fade);
  }
  giveRaw(raw, bin);
  return { messages: m, medianLatency: median, fade };
}

/** Second pass for one row: fate, stop point and times in the lab's unit. */
function finishRow(m: StageMessages, raw: Raw, r: number, tpu: number, median: number, fade: number): void {
  const send = raw.sendTick[r] / tpu;
  const end = raw.endTick[r] / tpu;
  const due = Number.isNaN(raw.dueTick[r]) ? end : Math.min(raw.dueTick[r] / tpu, end);
  m.send[r] = send;
  let fate: number;
  switch (raw.endKind[r]) {
    case TraceKind.deliver:
    case TraceKind.discard:
      fate = raw.endKind[r] === TraceKind.deliver ? Fate.delivered : Fate.toCrashed;
      setStory(m, r, due, end, 1);
      break;
    case TraceKind.block: {
      // Cut on the way: the dot stops where it was when the link went down (and waits there until the end).
      fate = Fate.cut;
      const cutAt = Math.min(Math.max(raw.topoTick[r] / tpu, send), due);
      setStory(m, r, cutAt, end, due > send ? (cutAt - send) / (due - send) : 0.5);
      break;
    }
    case NONE:
      fate = Fate.open;
      setStory(m, r, Number.isNaN(raw.dueTick[r]) ? send + median : raw.dueTick[r] / tpu, Infinity, 1);
      break;
    default:
      // Lost, or cut before it left: it runs half a median latency to the middle of its link and falls.
      fate = raw.endKind[r] === TraceKind.lose ? Fate.lost : Fate.cut;
      setStory(m, r, send + median / 2, send + median / 2, 0.5);
  }
  m.fate[r] = fate;
  m.visibleEnd[r] = fate === Fate.delivered ? m.end[r] : m.end[r] + fade;
}

function setStory(m: StageMessages, r: number, arrive: number, end: number, dropFrac: number): void {
  m.arrive[r] = arrive;
  m.end[r] = end;
  m.dropFrac[r] = dropFrac;
}
