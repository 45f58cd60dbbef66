/**
 * StageData (src/core/stage/types.ts) from a finished run: the trace, the stage log when the run kept one
 * (`SimOptions.stage`), and the lab's names. Pure; runs in the worker; the result's buffers go to the main
 * thread as Transferables (`stageTransferables` in src/core/stage/query.ts).
 *
 *   const sim = new Simulation({ ..., stage: { describe: { kind: (m) => m.k, label: (m) => `${m.k} w${m.value}` } } });
 *   sim.run();
 *   const stage = buildStage({ trace: sim.trace.columns(), log: sim.stageLog?.columns(), ticksPerUnit: 1000,
 *     timeUnit: 'ms', horizon: sim.now / 1000, nodeNames: ['n0', 'n1', 'n2'] });
 */
import { REMARK_KIND, type StageData, type StageEvents, type StageLinks } from '../../core/stage/types';
import { zeroed, type BufferBin } from '../bufferBin';
import type { StageLogColumns } from '../stageLog';
import type { TraceColumns } from '../trace';
import { TraceKind } from '../traceKind';
import { buildEpochs } from './epochs';
import { buildFields } from './fields';
import { buildInFlight, peakInFlight } from './inFlight';
import { buildMessages } from './messages';
import { buildClocks, buildDowntime } from './nodeState';

export interface StageInput {
  trace: TraceColumns;
  /** The run's stage log; without it messages have no kind or label, and clocks and partition groups are unknown. */
  log?: StageLogColumns;
  /** Engine ticks per unit of the lab's time (1000 when the lab counts ms and a tick is a µs). */
  ticksPerUnit: number;
  timeUnit: string;
  /** The run's end in the lab's unit (default: the last trace time). */
  horizon?: number;
  /** One name per node id ('n0'...): the node count. */
  nodeNames: readonly string[];
  /** Clients drawn beside a home node (their requests are the lab's own scripted events). */
  clients?: { names: readonly string[]; home: ArrayLike<number> };
  /**
   * The lab's own sentences for the narration (what no trace row says: "r1 meets a conflict on k0"), at
   * engine ticks in ascending order, each about a node; told after the trace rows of the same tick.
   */
  remarks?: StageRemarks;
  /** Trace kinds the narration skips besides protocol notes (a lab whose deliveries add nothing: [TraceKind.deliver]). */
  unnarrated?: readonly number[];
  /** Where the build's own scratch columns come from and go back to (../bufferBin.ts); the result's never do. */
  bin?: BufferBin;
}

export interface StageRemarks {
  tick: ArrayLike<number>;
  node: ArrayLike<number>;
  text: readonly string[];
}

export function buildStage(input: StageInput): StageData {
  const { trace, log, ticksPerUnit } = input;
  if (!(ticksPerUnit > 0 && Number.isFinite(ticksPerUnit))) throw new Error(`invalid ticksPerUnit: ${ticksPerUnit}`);
  const nodes = input.nodeNames.length;
  if (!(nodes >= 1 && nodes <= 65535)) throw new Error(`invalid node count: ${nodes}`);
  const lastTick = trace.length > 0 ? trace.time[trace.length - 1] : 0;
  const horizon = input.horizon ?? lastTick / ticksPerUnit;
  const bin = input.bin;
  const { messages, medianLatency, fade } = buildMessages(trace, log, ticksPerUnit, Math.max(lastTick, horizon * ticksPerUnit), bin);
  const { crashes, pauses } = buildDowntime(trace, nodes, ticksPerUnit);
  const events = stageEvents(trace, input.remarks, ticksPerUnit);
  return {
    timeUnit: input.timeUnit,
    ticksPerUnit,
    horizon,
    nodeNames: [...input.nodeNames],
    clients: { names: [...(input.clients?.names ?? [])], home: Int32Array.from(input.clients?.home ?? []) },
    kinds: log ? [...log.kinds] : [],
    labels: log ? [...log.labels] : [],
    messages,
    inFlight: buildInFlight(messages, horizon, medianLatency, bin),
    peakInFlight: peakInFlight(messages, bin),
    medianLatency,
    fade,
    crashes,
    pauses,
    clocks: buildClocks(log, nodes, ticksPerUnit),
    epochs: buildEpochs(trace, log, nodes, ticksPerUnit),
    fields: buildFields(log, nodes, ticksPerUnit),
    events,
    remarks: [...(input.remarks?.text ?? [])],
    narrated: narratedRows(events, input.unnarrated ?? []),
    links: stageLinks(messages.from, messages.to, messages.count, nodes, bin),
  };
}

/** The trace's columns with times in the lab's unit, the remarks merged in (copies: the trace stays the caller's). */
function stageEvents(trace: TraceColumns, remarks: StageRemarks | undefined, ticksPerUnit: number): StageEvents {
  const r = remarks?.text.length ?? 0;
  const n = trace.length + r;
  const ev: StageEvents = { count: n, time: new Float64Array(n), kind: new Uint8Array(n), from: new Int32Array(n), to: new Int32Array(n), payload: new Int32Array(n) };
  let i = 0;
  for (let j = 0; j <= r; j++) {
    // Trace rows up to the remark's tick (all of them after the last remark), then the remark.
    const until = j < r ? remarks!.tick[j] : Infinity;
    if (j > 0 && until < remarks!.tick[j - 1]) throw new Error(`invalid remarks: tick ${until} after ${remarks!.tick[j - 1]}`);
    for (; i < trace.length && trace.time[i] <= until; i++) {
      const k = i + j;
      ev.time[k] = trace.time[i] / ticksPerUnit;
      ev.kind[k] = trace.kind[i];
      ev.from[k] = trace.from[i];
      ev.to[k] = trace.to[i];
      ev.payload[k] = trace.payload[i];
    }
    if (j === r) break;
    const k = i + j;
    ev.time[k] = until / ticksPerUnit;
    ev.kind[k] = REMARK_KIND;
    ev.from[k] = remarks!.node[j];
    ev.to[k] = -1;
    ev.payload[k] = j;
  }
  return ev;
}

/** Every row but protocol notes (the protocol's own integers, which only the lab can put in words) and the `skipped` kinds. */
function narratedRows(events: StageEvents, skipped: readonly number[]): Uint32Array {
  const skip = new Uint8Array(256);
  skip[TraceKind.note] = 1;
  for (const k of skipped) skip[k & 255] = 1;
  // Counted first: the column is allocated at its size (no column of every row cut down after).
  let count = 0;
  for (let i = 0; i < events.count; i++) if (skip[events.kind[i]] === 0) count++;
  const rows = new Uint32Array(count);
  let n = 0;
  for (let i = 0; i < events.count; i++) if (skip[events.kind[i]] === 0) rows[n++] = i;
  return rows;
}

/** Unordered node pairs that carried copies, by (a, b), with their counts (a dense count matrix: nodes <= 65535). */
function stageLinks(from: Uint16Array, to: Uint16Array, count: number, nodes: number, bin: BufferBin | undefined): StageLinks {
  const isDense = nodes <= 2048;
  const dense = isDense ? zeroed(bin, Uint32Array, nodes * nodes) : undefined;
  const sparse = isDense ? undefined : new Map<number, number>();
  for (let r = 0; r < count; r++) {
    const a = Math.min(from[r], to[r]);
    const b = Math.max(from[r], to[r]);
    if (a === b) continue;
    const key = a * nodes + b;
    if (dense) dense[key]++;
    else sparse!.set(key, (sparse!.get(key) ?? 0) + 1);
  }
  const keys: number[] = [];
  if (dense) for (let key = 0; key < dense.length; key++) if (dense[key] > 0) keys.push(key);
  if (sparse) keys.push(...[...sparse.keys()].sort((x, y) => x - y));
  const links: StageLinks = {
    count: keys.length, a: new Uint16Array(keys.length), b: new Uint16Array(keys.length), messages: new Uint32Array(keys.length),
  };
  keys.forEach((key, i) => {
    links.a[i] = Math.floor(key / nodes);
    links.b[i] = key % nodes;
    links.messages[i] = dense ? dense[key] : sparse!.get(key)!;
  });
  bin?.give(dense);
  return links;
}
