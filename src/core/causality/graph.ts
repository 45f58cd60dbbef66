/**
 * A CausalGraph (./types.ts) from plain columns: positions on lanes, the per-lane index, edges sorted by
 * (from, to) and the incoming-edge index, all by counting sorts (linear, no comparisons).
 *
 * The caller hands events already in a topological order with non-decreasing time (the builders in
 * ./fromStage.ts and ./shiviz/model.ts do); a violation is a programming error and throws.
 */
import { runJob } from './job';
import { CAUSALITY_LIMITS, type CausalGraph, type Job } from './types';

export interface GraphColumns {
  lanes: string[];
  count: number;
  lane: Uint16Array;
  time: Float64Array;
  kind: Uint8Array;
  text: Int32Array;
  texts: string[];
  source: Int32Array;
  edgeCount: number;
  edgeFrom: Uint32Array;
  edgeTo: Uint32Array;
}

/** The causal graph of `c`; it keeps views of the columns' arrays, so no one may change them after. */
export function makeGraph(c: GraphColumns): CausalGraph {
  return runJob(makeGraphJob(c));
}

/**
 * The same in a few slices (each pass over the events or the edges is one), for the main thread. Every pass
 * is a plain function: V8 does not optimize a loop inside a generator while it runs (no on-stack
 * replacement there), so a pass written in the generator ran interpreted, 3-5x slower (a 24 ms slice at
 * 10^4 quorum operations).
 */
export function* makeGraphJob(c: GraphColumns): Job<CausalGraph> {
  const lanes = c.lanes.length;
  if (!(lanes >= 1 && lanes <= CAUSALITY_LIMITS.lanesMax)) throw new Error(`invalid lane count: ${lanes}`);
  const n = c.count;
  checkTimeOrder(c.time, n);
  yield 0.2;
  const { seq, laneOffsets, laneEvents } = laneIndex(c.lane, n, lanes);
  yield 0.4;
  const { from, to, count } = yield* sortedEdges(c, n);
  yield 0.8;
  const { inOffsets, inEdges } = inEdgesOf(to, count, n);
  yield 0.9;
  // Views, not copies: the graph keeps the columns' buffers (every caller builds its columns for the graph
  // alone). Copying them was the slice's longest part: 11 ms for 250,000 events on a 2-core machine.
  return {
    lanes: [...c.lanes], count: n, lane: c.lane.subarray(0, n), seq, time: c.time.subarray(0, n), kind: c.kind.subarray(0, n),
    text: c.text.subarray(0, n), texts: c.texts, source: c.source.subarray(0, n), laneOffsets, laneEvents,
    edgeCount: count, edgeFrom: from, edgeTo: to, inOffsets, inEdges,
  };
}

function checkTimeOrder(time: Float64Array, n: number): void {
  for (let e = 1; e < n; e++) if (!(time[e] >= time[e - 1])) throw new Error(`invalid event order: time falls at event ${e}`);
}

/** Each event's incoming edges: inEdges[inOffsets[e]..inOffsets[e + 1]) are the edges into e. */
function inEdgesOf(to: Uint32Array, count: number, n: number): { inOffsets: Uint32Array; inEdges: Uint32Array } {
  const inOffsets = new Uint32Array(n + 1);
  for (let k = 0; k < count; k++) inOffsets[to[k] + 1]++;
  for (let e = 0; e < n; e++) inOffsets[e + 1] += inOffsets[e];
  const fill = inOffsets.slice(0, n);
  const inEdges = new Uint32Array(count);
  for (let k = 0; k < count; k++) inEdges[fill[to[k]]++] = k;
  return { inOffsets, inEdges };
}

function laneIndex(lane: Uint16Array, n: number, lanes: number) {
  const laneOffsets = new Uint32Array(lanes + 1);
  for (let e = 0; e < n; e++) {
    if (lane[e] >= lanes) throw new Error(`invalid lane: ${lane[e]} at event ${e}`);
    laneOffsets[lane[e] + 1]++;
  }
  for (let l = 0; l < lanes; l++) laneOffsets[l + 1] += laneOffsets[l];
  const fill = laneOffsets.slice(0, lanes);
  const seq = new Uint32Array(n);
  const laneEvents = new Uint32Array(n);
  for (let e = 0; e < n; e++) {
    const l = lane[e];
    seq[e] = fill[l] - laneOffsets[l];
    laneEvents[fill[l]++] = e;
  }
  return { seq, laneOffsets, laneEvents };
}

/**
 * Edges sorted by (from, to), without self-lane edges (implied by lane order) and duplicates. Two stable
 * counting sorts: by `to`, then by `from`.
 */
/** The edges sorted by sender then receiver, without same-lane and repeated ones; a slice per pass (at 10^5
 * messages the whole was one 15-30 ms step). */
function* sortedEdges(c: GraphColumns, n: number): Job<{ from: Uint32Array; to: Uint32Array; count: number }> {
  const m = c.edgeCount;
  checkEdges(c.edgeFrom, c.edgeTo, m, n);
  yield 0.5;
  const byTo = countingOrder(c.edgeTo, m, n, undefined);
  yield 0.6;
  const order = countingOrder(c.edgeFrom, m, n, byTo);
  yield 0.7;
  return distinctEdges(c, order, m);
}

function checkEdges(edgeFrom: Uint32Array, edgeTo: Uint32Array, m: number, n: number): void {
  for (let k = 0; k < m; k++) {
    const a = edgeFrom[k];
    const b = edgeTo[k];
    if (!(a < b && b < n)) throw new Error(`invalid edge: ${a} -> ${b} (edges go forward in index order)`);
  }
}

/** The edges in `order`, less those within a lane and the repeats of the one before. */
function distinctEdges(c: GraphColumns, order: Uint32Array, m: number): { from: Uint32Array; to: Uint32Array; count: number } {
  const from = new Uint32Array(m);
  const to = new Uint32Array(m);
  let count = 0;
  for (let i = 0; i < m; i++) {
    const k = order[i];
    const a = c.edgeFrom[k];
    const b = c.edgeTo[k];
    if (c.lane[a] === c.lane[b]) continue;
    if (count > 0 && from[count - 1] === a && to[count - 1] === b) continue;
    from[count] = a;
    to[count] = b;
    count++;
  }
  return { from: from.slice(0, count), to: to.slice(0, count), count };
}

/** A stable counting sort of edge ids by key[id] in [0, n), visiting ids in `within` order (or 0..m-1). */
function countingOrder(key: Uint32Array, m: number, n: number, within: Uint32Array | undefined): Uint32Array {
  const start = new Uint32Array(n + 1);
  for (let k = 0; k < m; k++) start[key[k] + 1]++;
  for (let v = 0; v < n; v++) start[v + 1] += start[v];
  const out = new Uint32Array(m);
  for (let i = 0; i < m; i++) {
    const k = within ? within[i] : i;
    out[start[key[k]]++] = k;
  }
  return out;
}
