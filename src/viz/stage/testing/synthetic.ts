/**
 * Test and bench support: StageData written by hand (a few messages with known stories) or generated busy
 * (n nodes, ~k messages in flight at any t), without running a simulation. The in-flight index and peak
 * come from the real builders (src/sim/stage/inFlight.ts), so queries behave as on real results.
 */
import { Fate, type FateCode, type NodeIntervals, type StageData, type StageEvents } from '../../../core/stage/types';
import { buildInFlight, peakInFlight } from '../../../sim/stage/inFlight';
import { TraceKind } from '../../../sim/traceKind';

export interface SyntheticMessage {
  from: number;
  to: number;
  send: number;
  /** Default: `end` (or send + 10). */
  arrive?: number;
  /** Default: send + 10. */
  end?: number;
  fate?: FateCode;
  kind?: number;
  label?: number;
  dupOf?: number;
  dropFrac?: number;
}

export interface SyntheticOptions {
  nodes: number;
  horizon: number;
  messages: SyntheticMessage[];
  kinds?: string[];
  labels?: string[];
  /** [node, start, end] */
  crashes?: [number, number, number][];
  pauses?: [number, number, number][];
  fields?: { names: string[]; texts: string[]; changes: { node: number; field: number; time: number; value?: number; text?: number }[] };
  clients?: { names: string[]; home: number[] };
  medianLatency?: number;
}

function intervals(nodes: number, list: [number, number, number][] = []): NodeIntervals {
  const sorted = [...list].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const offsets = new Uint32Array(nodes + 1);
  for (const [node] of sorted) offsets[node + 1]++;
  for (let n = 0; n < nodes; n++) offsets[n + 1] += offsets[n];
  return { offsets, start: Float64Array.from(sorted, (x) => x[1]), end: Float64Array.from(sorted, (x) => x[2]) };
}

const END_KIND = [TraceKind.deliver, TraceKind.lose, TraceKind.block, TraceKind.discard];

function events(messages: SyntheticMessage[], crashes: [number, number, number][]): StageEvents {
  const rows: [number, number, number, number, number][] = [];
  messages.forEach((m, id) => {
    if (m.dupOf === undefined) rows.push([m.send, TraceKind.send, m.from, m.to, id]);
    const fate = m.fate ?? Fate.delivered;
    if (fate !== Fate.open) rows.push([m.end ?? m.send + 10, END_KIND[fate], m.from, m.to, m.dupOf ?? id]);
  });
  for (const [node, start, end] of crashes) {
    rows.push([start, TraceKind.crash, node, -1, -1]);
    if (Number.isFinite(end)) rows.push([end, TraceKind.recover, node, -1, -1]);
  }
  rows.sort((a, b) => a[0] - b[0]);
  return {
    count: rows.length, time: Float64Array.from(rows, (r) => r[0]), kind: Uint8Array.from(rows, (r) => r[1]),
    from: Int32Array.from(rows, (r) => r[2]), to: Int32Array.from(rows, (r) => r[3]), payload: Int32Array.from(rows, (r) => r[4]),
  };
}

export function syntheticStage(o: SyntheticOptions): StageData {
  const list = o.messages;
  const n = list.length;
  const median = o.medianLatency ?? 10;
  const fade = median / 2;
  const end = Float64Array.from(list, (m) => (m.fate === Fate.open ? Infinity : (m.end ?? m.send + 10)));
  const fate = Uint8Array.from(list, (m) => m.fate ?? Fate.delivered);
  const messages = {
    count: n, originals: list.filter((m) => m.dupOf === undefined).length,
    from: Uint16Array.from(list, (m) => m.from), to: Uint16Array.from(list, (m) => m.to),
    kind: Int32Array.from(list, (m) => m.kind ?? -1), label: Int32Array.from(list, (m) => m.label ?? -1),
    send: Float64Array.from(list, (m) => m.send), arrive: Float64Array.from(list, (m, i) => m.arrive ?? Math.min(end[i], m.send + median)),
    end, visibleEnd: Float64Array.from(list, (_, i) => (fate[i] === Fate.delivered ? end[i] : end[i] + fade)),
    fate, dupOf: Int32Array.from(list, (m) => m.dupOf ?? -1), dropFrac: Float32Array.from(list, (m) => m.dropFrac ?? 1),
  };
  const nodes = o.nodes;
  const changes = [...(o.fields?.changes ?? [])].sort((a, b) => a.node - b.node || a.field - b.field || a.time - b.time);
  const fieldNames = o.fields?.names ?? [];
  const fieldOffsets = new Uint32Array(nodes * fieldNames.length + 1);
  for (const c of changes) fieldOffsets[c.node * fieldNames.length + c.field + 1]++;
  for (let s = 0; s + 1 < fieldOffsets.length; s++) fieldOffsets[s + 1] += fieldOffsets[s];
  const ev = events(list, o.crashes ?? []);
  return {
    timeUnit: 'ms', ticksPerUnit: 1000, horizon: o.horizon,
    nodeNames: Array.from({ length: nodes }, (_, i) => `n${i}`),
    clients: { names: o.clients?.names ?? [], home: Int32Array.from(o.clients?.home ?? []) },
    kinds: o.kinds ?? [], labels: o.labels ?? [], messages,
    inFlight: buildInFlight(messages, o.horizon, median), peakInFlight: peakInFlight(messages),
    medianLatency: median, fade, crashes: intervals(nodes, o.crashes), pauses: intervals(nodes, o.pauses),
    clocks: { offsets: new Uint32Array(nodes + 1), start: new Float64Array(0), offset: new Float64Array(0), driftPpm: new Int32Array(0) },
    epochs: { count: 1, start: new Float64Array(1), groups: new Int32Array(nodes), pairOffsets: new Uint32Array(2), pairFrom: new Int32Array(0), pairTo: new Int32Array(0), pairCut: new Uint8Array(0) },
    fields: {
      names: fieldNames, texts: o.fields?.texts ?? [], offsets: fieldOffsets, time: Float64Array.from(changes, (c) => c.time),
      value: Float64Array.from(changes, (c) => c.value ?? NaN), text: Int32Array.from(changes, (c) => c.text ?? -1),
    },
    events: ev, remarks: [], narrated: Uint32Array.from({ length: ev.count }, (_, i) => i),
    links: { count: 0, a: new Uint16Array(0), b: new Uint16Array(0), messages: new Uint32Array(0) },
  };
}

/**
 * A busy stage: `nodes` nodes exchanging messages of latency 5..15 ms (deterministic), sent at a steady
 * rate so that about `inFlight` are on the stage at any t over `horizon` ms; kinds cycle over four.
 */
export function busyStage(nodes: number, inFlight: number, horizon: number): StageData {
  const meanLatency = 10;
  const count = Math.round((inFlight * horizon) / meanLatency);
  const messages: SyntheticMessage[] = [];
  for (let i = 0; i < count; i++) {
    const from = i % nodes;
    const to = (from + 1 + ((i * 7) % Math.max(1, nodes - 1))) % nodes;
    const send = (i * horizon) / count;
    const latency = 5 + ((i * 37) % 11);
    messages.push({ from, to: to === from ? (from + 1) % nodes : to, send, end: send + latency, kind: i % 4, label: i % 4 });
  }
  return syntheticStage({ nodes, horizon, messages, kinds: ['append', 'ack', 'vote?', 'heartbeat'], labels: ['append', 'ack', 'vote?', 'hb'], medianLatency: meanLatency });
}
