/**
 * The partitioning stage (src/viz/stage) from a served run: the storage nodes n0.., the directory when the
 * strategy has one, and the router as one more node; requests and replies as messages (./stageRecorder.ts);
 * each node's card fields over time:
 *
 *   waiting   requests queued or in service at a node; at the router, requests sent and not yet answered
 *   cpu       the node's CPU % over the time bucket holding t (the heatmap's cell): the card's heat
 *   hot       'hot' while the detector flags the node (one of its signs holds), else ''
 *
 * Built in the worker after the run; nothing here feeds the trace hash.
 */
import type { StageData } from '../../../core/stage/types';
import { filled, taken, type BufferBin } from '../../../sim/bufferBin';
import { msToTicks, ticksToMs, TICKS_PER_MS } from '../../../sim/kit/time';
import { buildStage } from '../../../sim/stage/buildStage';
import type { StageLogColumns } from '../../../sim/stageLog';
import type { TraceColumns } from '../../../sim/trace';
import { TraceKind } from '../../../sim/traceKind';
import type { Detection, StageInfo } from '../result';
import type { PartitioningEvent, PartitioningScenario } from '../scenario';
import type { Served, Workload } from './served';
import { STAGE_KINDS, FieldRows, type Rows, type StageRecorder } from './stageRecorder';

export const CARD_FIELDS = ['waiting', 'cpu', 'hot'] as const;
const HOT_TEXTS = ['hot', ''];

export interface StageInput {
  s: PartitioningScenario;
  served: Served;
  workload: Workload;
  /** CPU % per node x bucket (node-major) and the bucket count. */
  cpuPct: Float32Array;
  buckets: number;
  detections: readonly Detection[];
  endMs: number;
  directoryNode: number;
  /** Resumed from a checkpoint: the router's open-request deltas of the requests settled before it. */
  waiting?: WaitingPrefix;
  /** The settled requests of the checkpoints the run took (ascending): a WaitingPrefix for each. */
  marks?: readonly number[];
  /** Where the build's scratch columns (the merged trace, the stage log) come from and go back to. */
  bin?: BufferBin;
}

/**
 * The router's open-request deltas per grid line from requests [0, settled) (sends and ends: every one of
 * them had ended then), and their latest end: what a run resumed from a checkpoint adds the rest to.
 */
export interface WaitingPrefix {
  settled: number;
  gap: number;
  last: number;
  delta: Int32Array;
}

export function partitioningStage(input: StageInput): { stage: StageData; info: StageInfo; waitingAt: (WaitingPrefix | undefined)[] } {
  const { s, served } = input;
  const rec = served.stage;
  const slots = served.nodeSlots;
  const router = slots;
  const waitingAt = recordWaitingRouter(rec, input.workload.t0, router, input.waiting, input.marks ?? []);
  rec.depth.finish();
  const cpu = cpuRows(input.cpuPct, slots, input.buckets, served.widthTicks);
  const hot = hotRows(input.detections);
  const nodeNames = [...Array.from({ length: s.nodes }, (_, i) => `n${i}`), ...(input.directoryNode >= 0 ? ['directory'] : []), 'router'];
  const bin = input.bin;
  const trace = mergeStreams([rec.early, rec.now, rec.late], bin);
  // The fixes (salt, split, cache) are told in the lab's words, at the router: they act in front of the nodes.
  const fixes = s.events.filter((e) => e.type === 'salt' || e.type === 'split' || e.type === 'cache');
  const remarks = { tick: fixes.map((e) => msToTicks(e.t)), node: fixes.map(() => router), text: fixes.map(fixWords) };
  // The narration tells sends, losses at crashed nodes, faults and fixes (remarks); a delivery 0.5 ms after its send adds nothing.
  const log = logColumns(rec, cpu, hot, bin);
  const stage = buildStage({
    trace, log, ticksPerUnit: TICKS_PER_MS, timeUnit: 'ms', horizon: input.endMs, nodeNames, remarks, unnarrated: [TraceKind.deliver], bin,
  });
  // The stage holds copies of both (buildStage's result has buffers of its own).
  bin?.give(trace.time, trace.kind, trace.from, trace.to, trace.payload, log.arrive, log.arriveDup, log.fieldTime, log.fieldNode, log.fieldName, log.fieldValue, log.fieldText);
  return { stage, info: stageInfo(rec, slots), waitingAt };
}

/**
 * The router's open requests over time: +1 at each send (every request, drawn or not), -1 when it ends.
 * On a grid, the count at each grid line from per-line histograms (no sort of 10^6 end times), from
 * `prefix` on when given; each of `marks` (settled requests, ascending) gets its WaitingPrefix.
 */
function recordWaitingRouter(rec: StageRecorder, t0: Float64Array, router: number, prefix: WaitingPrefix | undefined, marks: readonly number[]): (WaitingPrefix | undefined)[] {
  const gap = rec.depth.gap;
  if (gap > 0) return waitingOnGrid(rec, t0, router, gap, prefix && prefix.gap === gap ? prefix : undefined, marks);
  let n = 0;
  const ends = new Float64Array(rec.ended.length);
  for (let i = 0; i < rec.ended.length; i++) if (!Number.isNaN(rec.ended[i])) ends[n++] = rec.ended[i];
  const sorted = ends.subarray(0, n).sort();
  let open = 0;
  let j = 0;
  for (let i = 0; i < t0.length; i++) {
    while (j < n && sorted[j] <= t0[i]) rec.depth.set(router, --open, sorted[j++]);
    rec.depth.set(router, ++open, t0[i]);
  }
  while (j < n) rec.depth.set(router, --open, sorted[j++]);
  return marks.map(() => undefined);
}

/** Open requests at each grid line L (tick L x gap): sends at or before it minus ends at or before it. */
function waitingOnGrid(rec: StageRecorder, t0: Float64Array, router: number, gap: number, prefix: WaitingPrefix | undefined, marks: readonly number[]): WaitingPrefix[] {
  const ended = rec.ended;
  const n = ended.length;
  const from = prefix ? prefix.settled : 0;
  let last = prefix ? prefix.last : 0;
  let i = from;
  const lastAt = marks.map((m) => {
    for (; i < m; i++) if (ended[i] > last) last = ended[i];
    return last;
  });
  for (; i < n; i++) if (ended[i] > last) last = ended[i];
  const lines = Math.ceil(Math.max(last, t0[t0.length - 1]) / gap) + 1;
  const delta = new Int32Array(lines);
  if (prefix) delta.set(prefix.delta);
  const at: WaitingPrefix[] = [];
  i = from;
  const add = (to: number): void => {
    for (; i < to; i++) {
      delta[Math.ceil(t0[i] / gap)]++;
      if (!Number.isNaN(ended[i])) delta[Math.ceil(ended[i] / gap)]--;
    }
  };
  marks.forEach((m, k) => {
    add(m);
    const top = Math.ceil(Math.max(lastAt[k], m > 0 ? t0[m - 1] : 0) / gap) + 1;
    at.push({ settled: m, gap, last: lastAt[k], delta: delta.slice(0, top) });
  });
  add(n);
  let open = 0;
  let written = 0;
  for (let line = 0; line < lines; line++) {
    open += delta[line];
    if (open !== written) rec.depth.rows.push(line * gap, router, open);
    written = open;
  }
  return at;
}

/** A row per node whenever its CPU % (rounded) changes from one bucket to the next, at the bucket's start. */
function cpuRows(cpuPct: Float32Array, slots: number, buckets: number, widthTicks: number): FieldRows {
  const rows = new FieldRows();
  for (let node = 0; node < slots; node++) {
    let last = Number.NaN;
    for (let b = 0; b < buckets; b++) {
      const v = Math.round(cpuPct[node * buckets + b]);
      if (v !== last) rows.push(b * widthTicks, node, v);
      last = v;
    }
  }
  return rows;
}

/** 'hot' (text 0) from the start of a node's detection episodes (merged where they overlap) to their end ('', text 1). */
function hotRows(detections: readonly Detection[]): FieldRows {
  const byNode = new Map<number, [number, number][]>();
  for (const d of detections) {
    if (!byNode.has(d.node)) byNode.set(d.node, []);
    byNode.get(d.node)!.push([d.t, d.untilT]);
  }
  const rows = new FieldRows();
  for (const node of [...byNode.keys()].sort((a, b) => a - b)) {
    const spans = byNode.get(node)!.sort((a, b) => a[0] - b[0]);
    let [from, to] = spans[0];
    for (const [a, b] of spans.slice(1)) {
      if (a <= to) to = Math.max(to, b);
      else {
        rows.push(from * TICKS_PER_MS, node, 0);
        rows.push(to * TICKS_PER_MS, node, 1);
        [from, to] = [a, b];
      }
    }
    rows.push(from * TICKS_PER_MS, node, 0);
    rows.push(to * TICKS_PER_MS, node, 1);
  }
  return rows;
}

/**
 * The three streams (each in time order) as one trace in time order; at equal times: early, now, late.
 * Its columns from `bin` when given (every row is written).
 */
export function mergeStreams(streams: readonly Rows[], bin?: BufferBin): TraceColumns {
  const length = streams.reduce((n, r) => n + r.length, 0);
  const out: TraceColumns = {
    length, hash: '', time: taken(bin, Float64Array, length), kind: taken(bin, Uint8Array, length),
    from: taken(bin, Int32Array, length), to: taken(bin, Int32Array, length), payload: taken(bin, Int32Array, length),
  };
  if (streams.length === 3) {
    // The lab's three streams: three cursors in locals (the general loop below walks the streams per row).
    const [x, y, z] = streams;
    const [tx, ty, tz] = [x.time, y.time, z.time];
    const [nx, ny, nz] = [x.length, y.length, z.length];
    let i = 0;
    let j = 0;
    let l = 0;
    for (let k = 0; k < length; k++) {
      const vx = i < nx ? tx[i] : Infinity;
      const vy = j < ny ? ty[j] : Infinity;
      const vz = l < nz ? tz[l] : Infinity;
      // Ties to the earlier stream, as the general loop does (a later stream wins only when strictly earlier).
      let r: Rows;
      let at: number;
      if (i < nx && vx <= vy && vx <= vz) {
        r = x;
        at = i++;
      } else if (j < ny && vy <= vz) {
        r = y;
        at = j++;
      } else {
        r = z;
        at = l++;
      }
      out.time[k] = r.time[at];
      out.kind[k] = r.kind[at];
      out.from[k] = r.from[at];
      out.to[k] = r.to[at];
      out.payload[k] = r.payload[at];
    }
    return out;
  }
  const at = streams.map(() => 0);
  for (let k = 0; k < length; k++) {
    let pick = -1;
    for (let s = 0; s < streams.length; s++) {
      if (at[s] < streams[s].length && (pick < 0 || streams[s].time[at[s]] < streams[pick].time[at[pick]])) pick = s;
    }
    const r = streams[pick];
    const i = at[pick]++;
    out.time[k] = r.time[i];
    out.kind[k] = r.kind[i];
    out.from[k] = r.from[i];
    out.to[k] = r.to[i];
    out.payload[k] = r.payload[i];
  }
  return out;
}

/**
 * The stage log's columns: message kinds and labels (views on the recorder's), and the three card fields
 * (from `bin` when given: buildStage copies what it keeps of them).
 */
function logColumns(rec: StageRecorder, cpu: FieldRows, hot: FieldRows, bin: BufferBin | undefined): StageLogColumns {
  const m = rec.messages.length;
  const parts: [FieldRows, number, boolean][] = [[rec.depth.rows, 0, false], [cpu, 1, false], [hot, 2, true]];
  const count = parts.reduce((n, [rows]) => n + rows.length, 0);
  const fieldTime = taken(bin, Float64Array, count);
  const fieldNode = taken(bin, Int32Array, count);
  const fieldName = taken(bin, Int32Array, count);
  const fieldValue = taken(bin, Float64Array, count);
  const fieldText = taken(bin, Int32Array, count);
  let k = 0;
  for (const [rows, name, isText] of parts) {
    for (let i = 0; i < rows.length; i++, k++) {
      fieldTime[k] = rows.time[i];
      fieldNode[k] = rows.node[i];
      fieldName[k] = name;
      fieldValue[k] = isText ? Number.NaN : rows.value[i];
      fieldText[k] = isText ? rows.value[i] : -1;
    }
  }
  return {
    messageCount: m, messageKind: rec.messages.kind.subarray(0, m), messageLabel: rec.messages.label.subarray(0, m),
    arrive: filled(bin, Float64Array, m, Number.NaN), arriveDup: filled(bin, Float64Array, m, Number.NaN),
    kinds: [...STAGE_KINDS], labels: rec.labels,
    fieldCount: count, fieldTime, fieldNode, fieldName, fieldValue, fieldText, fields: [...CARD_FIELDS], texts: HOT_TEXTS,
    clockCount: 0, clockTime: new Float64Array(0), clockNode: new Int32Array(0), clockOffset: new Float64Array(0), clockDrift: new Int32Array(0),
    partitions: [],
  };
}

function fixWords(e: PartitioningEvent): string {
  switch (e.type) {
    case 'salt': return e.k > 1 ? `the hot key is salted ${e.k} ways: writes go to one salt, reads ask all ${e.k}` : 'salting stops';
    case 'split': return 'the hottest range splits; its upper half moves to the quietest node';
    case 'cache': return e.ttlMs > 0 ? `a cache with a ${e.ttlMs} ms TTL goes in front of the nodes` : 'the cache goes away';
    default: return `${e.type} n${e.node}`;
  }
}

function stageInfo(rec: StageRecorder, slots: number): StageInfo {
  const used = new Uint8Array(STAGE_KINDS.length);
  for (let i = 0; i < rec.messages.length; i++) used[rec.messages.kind[i]] = 1;
  let queuePeak = 0;
  const d = rec.depth.rows;
  for (let i = 0; i < d.length; i++) if (d.node[i] < slots && d.value[i] > queuePeak) queuePeak = d.value[i];
  return {
    kinds: [...used.keys()].filter((k) => used[k] === 1),
    queuePeak,
    sampleEvery: rec.plan.sampleEvery,
    depthGapMs: ticksToMs(rec.plan.depthGapTicks),
  };
}
