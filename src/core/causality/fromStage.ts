/**
 * A CausalRun from a lab's StageData: one lane per node (n0..) and per client (c0..), the trace's events on
 * them, message edges from each send to each delivery of its copies, and the run's crashes, pauses,
 * partitions and undelivered messages as marks. Clocks come from the graph (./clocks.ts), not from the lab.
 *
 *   on a node lane    send, deliver (receive), timer (local), crash, recover, pause, resume, clock changes
 *   on a client lane  invoke, ok, fail, timeout (process p is client p mod clients)
 *   not events        losses, blocks, duplicates, discards (the message's fate: a dropped stub), partitions,
 *                     heals and link changes (marks), protocol notes and script rows (annotations of a step)
 *
 * The trace does not say which node served a client's call, so client lanes hold local events only.
 * A run with more events than CAUSALITY_LIMITS.eventsMax keeps the first ones (a prefix of the trace is
 * causally closed) and says so in `stoppedAtLimit`; more lanes than lanesMax is refused.
 */
import type { StageData } from '../stage/types';
import { clocksJob } from './clocks';
import { edgeIndex } from './edgeIndex';
import { makeGraphJob, type GraphColumns } from './graph';
import { share } from './job';
import { stageMarks } from './stageMarks';
import { CAUSALITY_LIMITS, CausalKind, type CausalRun, type Job } from './types';

/** Trace kind codes (src/sim/traceKind.ts; copied: core may not import sim; a test checks the copy). */
export const TRACE = {
  send: 0, deliver: 1, timer: 6, crash: 7, recover: 8, pause: 9, resume: 10, clockJump: 14, skew: 15, drift: 16,
  invoke: 17, ok: 18, fail: 19, timeout: 20,
} as const;

const FAULT_NAMES: Record<number, string> = {
  [TRACE.crash]: 'crash', [TRACE.recover]: 'recover', [TRACE.pause]: 'pause', [TRACE.resume]: 'resume',
  [TRACE.clockJump]: 'clock jump', [TRACE.skew]: 'clock skew', [TRACE.drift]: 'clock drift',
};
const OP_NAMES: Record<number, string> = { [TRACE.invoke]: 'invoke', [TRACE.ok]: 'ok', [TRACE.fail]: 'fail', [TRACE.timeout]: 'timeout' };

/** A source over a limit the diagram cannot cut to fit (too many lanes, a log over its limits). */
export class CausalityLimitError extends Error {
  override name = 'CausalityLimitError';
}

/** Rows scanned between two yields while picking the events (a test per row). */
const SLICE_ROWS = 16_384;
/** Events described between two yields: each builds its sentence, ~5 us on a 2-core machine, so 4,096 made
 * 20-40 ms slices on the main thread at 10^4 operations (quorums). */
const SLICE_EVENTS = 512;

/** The run's causal graph, clocks and marks, in slices. */
export function* causalRunFromStageJob(stage: StageData, eventsMax: number = CAUSALITY_LIMITS.eventsMax): Job<CausalRun> {
  const nodes = stage.nodeNames.length;
  const clients = stage.clients.names.length;
  const lanes = nodes + clients;
  if (lanes > CAUSALITY_LIMITS.lanesMax) {
    throw new CausalityLimitError(`the run has ${nodes} nodes and ${clients} clients; the space-time diagram draws at most ${CAUSALITY_LIMITS.lanesMax} lanes (lanesMax)`);
  }
  const { rows, total } = yield* eventRows(stage, eventsMax);
  const columns = yield* stageColumns(stage, rows);
  const graph = yield* share(makeGraphJob(columns), 0.25, 0.35);
  const clocks = yield* share(clocksJob(graph), 0.35, 0.95);
  const marks = stageMarks(stage, lanes);
  yield 0.96;
  const edges = edgeIndex(graph);
  yield 0.98;
  const run: CausalRun = { graph, clocks, marks, edges, timeUnit: stage.timeUnit, horizon: stage.horizon };
  if (total > rows.length) run.stoppedAtLimit = `the run has ${total.toLocaleString('en-US')} events; the diagram shows the first ${rows.length.toLocaleString('en-US')} (eventsMax)`;
  return run;
}

function laneOfRow(stage: StageData, row: number): number {
  const kind = stage.events.kind[row];
  const nodes = stage.nodeNames.length;
  const clients = stage.clients.names.length;
  if (kind === TRACE.deliver) return stage.events.to[row];
  if (kind === TRACE.invoke || kind === TRACE.ok || kind === TRACE.fail || kind === TRACE.timeout) {
    const p = stage.events.from[row];
    return clients > 0 && p >= 0 ? nodes + (p % clients) : -1;
  }
  if (kind === TRACE.send || kind === TRACE.timer || FAULT_NAMES[kind] !== undefined) {
    const n = stage.events.from[row];
    return n >= 0 && n < nodes ? n : -1;
  }
  return -1;
}

/** Trace rows that become events (the first `eventsMax`), and how many there were in all. The loops are
 * plain functions called per slice: V8 does not optimize a loop inside a generator while it runs (no
 * on-stack replacement), so a slice's loop written here ran interpreted, 20 ms for 16,384 rows. */
function* eventRows(stage: StageData, eventsMax: number): Job<{ rows: Uint32Array; total: number }> {
  const count = stage.events.count;
  const isEvent = new Uint8Array(count);
  let total = 0;
  for (let from = 0; from < count; from += SLICE_ROWS) {
    const to = Math.min(count, from + SLICE_ROWS);
    total += markEvents(stage, isEvent, from, to);
    yield 0.05 * (to / count);
  }
  const rows = new Uint32Array(Math.min(total, eventsMax));
  collectRows(isEvent, rows);
  return { rows, total };
}

/** Marks rows from..to-1 that become events; returns how many. */
function markEvents(stage: StageData, isEvent: Uint8Array, from: number, to: number): number {
  let marked = 0;
  for (let i = from; i < to; i++) {
    if (laneOfRow(stage, i) >= 0) {
      isEvent[i] = 1;
      marked++;
    }
  }
  return marked;
}

function collectRows(isEvent: Uint8Array, rows: Uint32Array): void {
  for (let i = 0, k = 0; i < isEvent.length && k < rows.length; i++) if (isEvent[i]) rows[k++] = i;
}

/** What describing a slice of events fills in: the columns, and the sends seen so far and the texts. */
interface Describing {
  stage: StageData;
  rows: Uint32Array;
  lanes: readonly string[];
  c: GraphColumns;
  sendOf: Int32Array;
  texts: Map<string, number>;
}

function* stageColumns(stage: StageData, rows: Uint32Array): Job<GraphColumns> {
  const n = rows.length;
  const lanes = [...stage.nodeNames, ...stage.clients.names];
  const c: GraphColumns = {
    lanes, count: n, lane: new Uint16Array(n), time: new Float64Array(n), kind: new Uint8Array(n), text: new Int32Array(n),
    texts: [], source: new Int32Array(n), edgeCount: 0, edgeFrom: new Uint32Array(n), edgeTo: new Uint32Array(n),
  };
  const d: Describing = { stage, rows, lanes, c, sendOf: new Int32Array(stage.messages.originals).fill(-1), texts: new Map() };
  for (let from = 0; from < n; from += SLICE_EVENTS) {
    const to = Math.min(n, from + SLICE_EVENTS);
    describeEvents(d, from, to);
    yield 0.05 + 0.2 * (to / n);
  }
  c.texts = [...d.texts.keys()];
  return c;
}

/** Fills events from..to-1 of the columns: lane, time, kind, words, and the message edges. */
function describeEvents(d: Describing, from: number, to: number): void {
  const { stage, rows, lanes, c, sendOf, texts } = d;
  for (let e = from; e < to; e++) {
    const row = rows[e];
    c.lane[e] = laneOfRow(stage, row);
    c.time[e] = stage.events.time[row];
    c.source[e] = row;
    const { kind, words } = describeRow(stage, row, lanes);
    c.kind[e] = kind;
    let text = texts.get(words);
    if (text === undefined) texts.set(words, (text = texts.size));
    c.text[e] = text;
    const id = stage.events.payload[row];
    const k = stage.events.kind[row];
    if (k === TRACE.send && id >= 0 && id < sendOf.length) sendOf[id] = e;
    else if (k === TRACE.deliver && id >= 0 && id < sendOf.length && sendOf[id] >= 0) {
      c.edgeFrom[c.edgeCount] = sendOf[id];
      c.edgeTo[c.edgeCount++] = e;
    }
  }
}

/** An event's kind and words ("send append #4 to n1", "receive ack 6 from n2", "timer", "invoke op 12"). */
function describeRow(stage: StageData, row: number, lanes: readonly string[]): { kind: number; words: string } {
  const k = stage.events.kind[row];
  const id = stage.events.payload[row];
  if (k === TRACE.send || k === TRACE.deliver) {
    const what = messageWords(stage, id);
    return k === TRACE.send
      ? { kind: CausalKind.send, words: `send ${what} to ${lanes[stage.events.to[row]] ?? '?'}` }
      : { kind: CausalKind.receive, words: `receive ${what} from ${lanes[stage.events.from[row]] ?? '?'}` };
  }
  if (k === TRACE.timer) return { kind: CausalKind.local, words: 'timer' };
  if (FAULT_NAMES[k] !== undefined) return { kind: CausalKind.fault, words: FAULT_NAMES[k] };
  return { kind: CausalKind.op, words: `${OP_NAMES[k]} op ${id}` };
}

function messageWords(stage: StageData, id: number): string {
  const m = stage.messages;
  if (id < 0 || id >= m.count) return 'message';
  const label = m.label[id] >= 0 ? stage.labels[m.label[id]] : undefined;
  const kind = m.kind[id] >= 0 ? stage.kinds[m.kind[id]] : undefined;
  return label ?? kind ?? `message ${id}`;
}
