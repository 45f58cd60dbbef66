/**
 * What the stage holds at simulated time t: pure lookups over StageData (./types.ts), allocation-free,
 * cheap enough for every animation frame (a bucket scan or a binary search each).
 */
import type { CardFields, ClockSegments, NodeIntervals, PartitionEpochs, StageData } from './types';

/** Last index i in [lo, hi) with a[i] <= t, or lo - 1 when none. */
export function lastAtOrBefore(a: ArrayLike<number>, t: number, lo = 0, hi = a.length): number {
  let l = lo;
  let h = hi;
  while (l < h) {
    const mid = (l + h) >>> 1;
    if (a[mid] <= t) l = mid + 1;
    else h = mid;
  }
  return l - 1;
}

/**
 * Writes the message rows on the stage at t (send <= t < visibleEnd) into `out`, in row order, and returns
 * how many. `out` must hold data.peakInFlight entries (extra rows are not written).
 */
export function inFlightAt(data: StageData, t: number, out: Uint32Array): number {
  const { bucketWidth, offsets, items } = data.inFlight;
  const buckets = offsets.length - 1;
  if (buckets <= 0 || !(t >= 0)) return 0;
  const b = Math.min(buckets - 1, Math.floor(t / bucketWidth));
  const send = data.messages.send;
  const visibleEnd = data.messages.visibleEnd;
  const cap = out.length;
  let n = 0;
  for (let k = offsets[b], end = offsets[b + 1]; k < end && n < cap; k++) {
    const row = items[k];
    if (send[row] <= t && t < visibleEnd[row]) out[n++] = row;
  }
  return n;
}

/** True when node `node` is inside one of its intervals at t (start <= t < end). */
export function isInside(intervals: NodeIntervals, node: number, t: number): boolean {
  const lo = intervals.offsets[node];
  const i = lastAtOrBefore(intervals.start, t, lo, intervals.offsets[node + 1]);
  return i >= lo && t < intervals.end[i];
}

/** Node `node`'s clock offset (local - true) at t, in the lab's unit. */
export function clockOffsetAt(clocks: ClockSegments, node: number, t: number): number {
  const lo = clocks.offsets[node];
  const i = lastAtOrBefore(clocks.start, t, lo, clocks.offsets[node + 1]);
  if (i < lo) return 0;
  return clocks.offset[i] + ((t - clocks.start[i]) * clocks.driftPpm[i]) / 1_000_000;
}

/** The partition epoch at t (0 before any partition). */
export function epochAt(epochs: PartitionEpochs, t: number): number {
  return Math.max(0, lastAtOrBefore(epochs.start, t, 0, epochs.count));
}

/** True when the link from -> to is blocked in epoch `e`. */
export function isBlocked(epochs: PartitionEpochs, e: number, from: number, to: number, nodeCount: number): boolean {
  const lo = epochs.pairOffsets[e];
  const hi = epochs.pairOffsets[e + 1];
  for (let i = lo; i < hi; i++) {
    if (epochs.pairFrom[i] === from && epochs.pairTo[i] === to) return epochs.pairCut[i] === 1;
  }
  const base = e * nodeCount;
  return epochs.groups[base + from] !== epochs.groups[base + to];
}

/** True when epoch `e` blocks any link (a partition or a one-way cut is in force). */
export function hasCuts(epochs: PartitionEpochs, e: number, nodeCount: number): boolean {
  for (let i = epochs.pairOffsets[e]; i < epochs.pairOffsets[e + 1]; i++) if (epochs.pairCut[i] === 1) return true;
  const base = e * nodeCount;
  for (let n = 1; n < nodeCount; n++) if (epochs.groups[base + n] !== epochs.groups[base]) return true;
  return false;
}

/** The change row in force for (node, field) at t, or -1 before the first change. */
export function fieldAt(fields: CardFields, node: number, field: number, t: number): number {
  const slot = node * fields.names.length + field;
  const lo = fields.offsets[slot];
  const i = lastAtOrBefore(fields.time, t, lo, fields.offsets[slot + 1]);
  return i >= lo ? i : -1;
}

/** A field change as text: the interned text, or the number as given. */
export function fieldText(fields: CardFields, row: number): string {
  if (row < 0) return '';
  const text = fields.text[row];
  return text >= 0 ? fields.texts[text] : String(fields.value[row]);
}

/** The first event time strictly after t (what "Step to the next event" jumps to), or undefined. */
export function nextEventTime(data: StageData, t: number): number | undefined {
  const i = lastAtOrBefore(data.events.time, t, 0, data.events.count) + 1;
  return i < data.events.count ? data.events.time[i] : undefined;
}

/** The last narrated row (an index into `narrated`) at or before t, or -1. */
export function narratedAt(data: StageData, t: number): number {
  const rows = data.narrated;
  const time = data.events.time;
  let l = 0;
  let h = rows.length;
  while (l < h) {
    const mid = (l + h) >>> 1;
    if (time[rows[mid]] <= t) l = mid + 1;
    else h = mid;
  }
  return l - 1;
}

/** Every buffer of `data`, to list as Transferables (moved, not copied, to the main thread). */
export function stageTransferables(data: StageData): ArrayBuffer[] {
  const m = data.messages;
  const arrays = [
    m.from, m.to, m.kind, m.label, m.send, m.arrive, m.end, m.visibleEnd, m.fate, m.dupOf, m.dropFrac,
    data.inFlight.offsets, data.inFlight.items, data.clients.home,
    data.crashes.offsets, data.crashes.start, data.crashes.end, data.pauses.offsets, data.pauses.start, data.pauses.end,
    data.clocks.offsets, data.clocks.start, data.clocks.offset, data.clocks.driftPpm,
    data.epochs.start, data.epochs.groups, data.epochs.pairOffsets, data.epochs.pairFrom, data.epochs.pairTo, data.epochs.pairCut,
    data.fields.offsets, data.fields.time, data.fields.value, data.fields.text,
    data.events.time, data.events.kind, data.events.from, data.events.to, data.events.payload, data.narrated,
    data.links.a, data.links.b, data.links.messages,
  ];
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}
