/**
 * One execution of a parsed ShiViz log as a causal graph, by ShiViz's rules (js/model/modelGraph.js):
 *
 *  1. A host's events are ordered by their own clock value, which must start at 1 and grow by exactly 1.
 *  2. Parents: walking a host's events with the running maximum of every entry seen on that host, each
 *     entry that grows names a candidate (that host's event with that value; the host and value must
 *     exist); a candidate named by another candidate's clock is implied and dropped; the rest are message
 *     parents.
 *  3. The events are ordered topologically (Kahn), by Lamport timestamp, then lane, then position, so the
 *     time axis is the Lamport timestamp. A clock that would make the log intransitive (a cycle) is
 *     reported and its parents that come later are dropped.
 *
 * Where ShiViz stops at the first broken rule, this reports each with its line and keeps drawing.
 */
import type { GraphColumns } from '../graph';
import { CausalKind } from '../types';
import type { ParsedExecution, ParsedLog } from './parse';
import type { Problems } from './problems';

export interface ExecutionModel {
  columns: GraphColumns;
  /** Per graph event: the parsed event it is, and its logged own clock value. */
  parsedOf: Uint32Array;
  counterOf: Uint32Array;
  /** Per parsed event: a problem was reported (the merge check skips it). */
  hasProblem: Uint8Array;
  /** Name id -> lane of this execution (-1: no events here). */
  laneOfName: Int32Array;
}

interface Work {
  log: ParsedLog;
  ex: ParsedExecution;
  problems: Problems;
  laneOfName: Int32Array;
  lanes: string[];
  /** Parsed events per lane, by clock value. */
  byLane: number[][];
  /** Position of each parsed event on its lane. */
  pos: Uint32Array;
  hasProblem: Uint8Array;
  edgeFrom: number[];
  edgeTo: number[];
}

const SLICE = 4096;
/** Clock entries examined between two yields of the parent search (candidates x their clocks). */
const SLICE_ENTRIES = 50_000;

export function* executionModelJob(log: ParsedLog, ex: ParsedExecution, problems: Problems): Generator<number, ExecutionModel, void> {
  const w = lanesOf(log, ex, problems);
  yield 0;
  for (let l = 0; l < w.byLane.length; l++) {
    orderLane(w, l);
    yield 0.1 * (l + 1) / w.byLane.length;
  }
  yield* parents(w);
  const { lamport, dead } = yield* topological(w);
  return yield* columnsOf(w, lamport, dead);
}

function lanesOf(log: ParsedLog, ex: ParsedExecution, problems: Problems): Work {
  const laneOfName = new Int32Array(log.names.length).fill(-1);
  const lanes: string[] = [];
  const byLane: number[][] = [];
  for (let i = 0; i < ex.count; i++) {
    const h = ex.host[i];
    if (laneOfName[h] < 0) {
      laneOfName[h] = lanes.length;
      lanes.push(log.names[h]);
      byLane.push([]);
    }
    byLane[laneOfName[h]].push(i);
  }
  return { log, ex, problems, laneOfName, lanes, byLane, pos: new Uint32Array(ex.count), hasProblem: new Uint8Array(ex.count), edgeFrom: [], edgeTo: [] };
}

/** Sorts a lane by clock value (stable; skipped when already in order) and checks rule 1. */
function orderLane(w: Work, l: number): void {
  const { ex } = w;
  const list = w.byLane[l];
  let isSorted = true;
  for (let p = 1; p < list.length && isSorted; p++) if (ex.counter[list[p]] < ex.counter[list[p - 1]]) isSorted = false;
  if (!isSorted) list.sort((a, b) => ex.counter[a] - ex.counter[b] || a - b);
  const host = w.lanes[l];
  for (let p = 0; p < list.length; p++) {
    const e = list[p];
    w.pos[e] = p;
    const c = ex.counter[e];
    const prev = p > 0 ? ex.counter[list[p - 1]] : 0;
    if (c === prev + 1) continue;
    const where = p > 0 ? ` (line ${ex.clockLine[list[p - 1]]})` : '';
    const message = p === 0
      ? `host "${host}" starts at clock value ${c}; a host's clock values must start at 1`
      : c === prev
        ? `host "${host}" has clock value ${c} twice${where}; each event of a host takes the next value`
        : `host "${host}"'s clock goes from ${prev}${where} to ${c}; it must grow by exactly 1 per event`;
    w.problems.add(ex.clockLine[e], message);
    w.hasProblem[e] = 1;
  }
}

/** The event of lane l with clock value v (the first when repeated), or -1. */
function eventAt(w: Work, l: number, v: number): number {
  const list = w.byLane[l];
  const counter = w.ex.counter;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (counter[list[mid]] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo < list.length && counter[list[lo]] === v ? list[lo] : -1;
}

/** Rule 2, host by host. */
function* parents(w: Work): Generator<number, void, void> {
  const L = w.lanes.length;
  const running = new Uint32Array(L);
  const candidateAt = new Int32Array(L).fill(-1);
  let work = 0;
  for (let l = 0; l < L; l++) {
    running.fill(0);
    for (const e of w.byLane[l]) {
      const candidates = candidatesOf(w, e, l, running);
      for (const c of candidates) candidateAt[w.laneOfName[w.ex.host[c]]] = w.ex.counter[c];
      const implied = new Set<number>();
      for (const c of candidates) {
        const own = w.laneOfName[w.ex.host[c]];
        for (let k = w.ex.clockOffsets[c]; k < w.ex.clockOffsets[c + 1]; k++) {
          const lane = w.laneOfName[w.ex.clockHost[k]];
          if (lane >= 0 && lane !== own && candidateAt[lane] === w.ex.clockValue[k]) implied.add(lane);
        }
      }
      for (const c of candidates) {
        const lane = w.laneOfName[w.ex.host[c]];
        candidateAt[lane] = -1;
        if (implied.has(lane)) continue;
        w.edgeFrom.push(c);
        w.edgeTo.push(e);
      }
      work += w.ex.clockOffsets[e + 1] - w.ex.clockOffsets[e] + 1;
      for (const c of candidates) work += w.ex.clockOffsets[c + 1] - w.ex.clockOffsets[c];
      if (work > SLICE_ENTRIES) {
        work = 0;
        yield 0.2;
      }
    }
  }
}

/** The events this one's clock names for the first time on its host (checking each entry's host and value). */
function candidatesOf(w: Work, e: number, l: number, running: Uint32Array): number[] {
  const { ex } = w;
  running[l] = ex.counter[e];
  const out: number[] = [];
  for (let k = ex.clockOffsets[e]; k < ex.clockOffsets[e + 1]; k++) {
    const lane = w.laneOfName[ex.clockHost[k]];
    const v = ex.clockValue[k];
    if (lane === l) continue;
    if (lane < 0) {
      report(w, e, `the clock names host "${w.log.names[ex.clockHost[k]]}", which has no events${ex.label ? ` in execution "${ex.label}"` : ''}`);
      continue;
    }
    if (v <= running[lane]) continue;
    running[lane] = v;
    const target = eventAt(w, lane, v);
    if (target < 0) {
      report(w, e, `the clock gives host "${w.lanes[lane]}" the value ${v}, but that host has no event with that value`);
      continue;
    }
    out.push(target);
  }
  return out;
}

function report(w: Work, e: number, message: string): void {
  w.problems.add(w.ex.clockLine[e], message);
  w.hasProblem[e] = 1;
}

/** Rule 3: Kahn's order with Lamport timestamps; a cycle is broken at its earliest line. */
function* topological(w: Work): Generator<number, { lamport: Uint32Array; dead: Uint8Array }, void> {
  const n = w.ex.count;
  const m = w.edgeFrom.length;
  const indegree = new Uint32Array(n);
  const outStart = new Uint32Array(n + 1);
  const inStart = new Uint32Array(n + 1);
  for (let k = 0; k < m; k++) {
    indegree[w.edgeTo[k]]++;
    outStart[w.edgeFrom[k] + 1]++;
    inStart[w.edgeTo[k] + 1]++;
  }
  for (let e = 0; e < n; e++) if (w.pos[e] > 0) indegree[e]++;
  for (let e = 0; e < n; e++) {
    outStart[e + 1] += outStart[e];
    inStart[e + 1] += inStart[e];
  }
  const outEdges = csr(outStart, w.edgeFrom, m);
  const inEdges = csr(inStart, w.edgeTo, m);
  yield 0.5;
  const lamport = new Uint32Array(n).fill(1);
  const dead = new Uint8Array(m);
  const isDone = new Uint8Array(n);
  const queue: number[] = [];
  for (let e = 0; e < n; e++) if (indegree[e] === 0) queue.push(e);
  const head = new Uint32Array(w.lanes.length);
  let processed = 0;
  const finish = (e: number, to: number) => {
    if (lamport[e] + 1 > lamport[to]) lamport[to] = lamport[e] + 1;
    if (--indegree[to] === 0) queue.push(to);
  };
  while (processed < n) {
    if (queue.length === 0) queue.push(breakCycle(w, head, isDone, { inStart, inEdges }, dead, indegree));
    for (let q = 0; q < queue.length; q++) {
      const e = queue[q];
      isDone[e] = 1;
      processed++;
      const l = w.laneOfName[w.ex.host[e]];
      head[l]++;
      const list = w.byLane[l];
      if (w.pos[e] + 1 < list.length) finish(e, list[w.pos[e] + 1]);
      for (let i = outStart[e]; i < outStart[e + 1]; i++) if (!dead[outEdges[i]]) finish(e, w.edgeTo[outEdges[i]]);
      if (processed % SLICE === 0) yield 0.5 + 0.5 * (processed / n);
    }
    queue.length = 0;
  }
  return { lamport, dead };
}

/** Edge ids grouped by `key` (CSR over `start`). */
function csr(start: Uint32Array, key: number[], m: number): Uint32Array {
  const fill = start.slice(0, start.length - 1);
  const out = new Uint32Array(m);
  for (let k = 0; k < m; k++) out[fill[key[k]]++] = k;
  return out;
}

/** Among the lanes' next events, the one with the earliest line: its parents still to come are dropped. */
function breakCycle(w: Work, head: Uint32Array, isDone: Uint8Array, incoming: { inStart: Uint32Array; inEdges: Uint32Array }, dead: Uint8Array, indegree: Uint32Array): number {
  let pick = -1;
  for (let l = 0; l < w.lanes.length; l++) {
    const e = w.byLane[l][head[l]];
    if (e !== undefined && (pick < 0 || w.ex.clockLine[e] < w.ex.clockLine[pick])) pick = e;
  }
  for (let i = incoming.inStart[pick]; i < incoming.inStart[pick + 1]; i++) {
    const k = incoming.inEdges[i];
    if (isDone[w.edgeFrom[k]] || dead[k]) continue;
    dead[k] = 1;
    indegree[pick]--;
  }
  report(w, pick, `this clock names an event that itself comes after this one (the log is intransitive: a cycle of happened-before)`);
  return pick;
}

/** Graph columns in (Lamport, lane, position) order: a counting sort by Lamport over lanes in order. */
function* columnsOf(w: Work, lamport: Uint32Array, dead: Uint8Array): Generator<number, ExecutionModel, void> {
  const { ex } = w;
  const n = ex.count;
  let top = 0;
  for (let e = 0; e < n; e++) if (lamport[e] > top) top = lamport[e];
  const start = new Uint32Array(top + 2);
  for (let e = 0; e < n; e++) start[lamport[e] + 1]++;
  for (let t = 0; t <= top; t++) start[t + 1] += start[t];
  const parsedOf = new Uint32Array(n);
  const indexOf = new Uint32Array(n);
  for (const list of w.byLane) for (const e of list) parsedOf[(indexOf[e] = start[lamport[e]]++)] = e;
  yield 1;
  const hasIn = new Uint8Array(n);
  const hasOut = new Uint8Array(n);
  const live: number[] = [];
  for (let k = 0; k < w.edgeFrom.length; k++) {
    if (dead[k]) continue;
    live.push(k);
    hasOut[w.edgeFrom[k]] = 1;
    hasIn[w.edgeTo[k]] = 1;
  }
  const columns: GraphColumns = {
    lanes: w.lanes, count: n, lane: new Uint16Array(n), time: new Float64Array(n), kind: new Uint8Array(n),
    text: new Int32Array(n), texts: new Array<string>(n), source: new Int32Array(n),
    edgeCount: live.length, edgeFrom: Uint32Array.from(live, (k) => indexOf[w.edgeFrom[k]]), edgeTo: Uint32Array.from(live, (k) => indexOf[w.edgeTo[k]]),
  };
  yield 1;
  const counterOf = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const e = parsedOf[i];
    columns.lane[i] = w.laneOfName[ex.host[e]];
    columns.time[i] = lamport[e];
    columns.kind[i] = hasIn[e] ? CausalKind.receive : hasOut[e] ? CausalKind.send : CausalKind.local;
    columns.text[i] = i;
    columns.texts[i] = ex.text[e];
    columns.source[i] = ex.clockLine[e];
    counterOf[i] = ex.counter[e];
  }
  return { columns, parsedOf, counterOf, hasProblem: w.hasProblem, laneOfName: w.laneOfName };
}
