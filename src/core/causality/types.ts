/**
 * Causality over a run: events on lanes (one lane per node, client or log host), message edges between
 * them, and the clocks computed from that graph alone (Lamport timestamps and vector clocks), never kept by
 * the labs. Built from StageData (./fromStage.ts) or a ShiViz log (./shiviz), read by the space-time
 * diagram (src/viz/spaceTime) and the ShiViz CLI.
 *
 * Two invariants every graph keeps (the builders sort to make them true):
 *   - event index order is a topological order: an event's lane predecessor and every message parent have
 *     smaller indexes, so one pass in index order sees causes before effects;
 *   - time is non-decreasing in index order, so a time window is one binary search per lane or per edge list.
 *
 * A vector clock entry VC(e)[l] is the number of lane-l events in e's causal past, e included: the own entry
 * is e's position on its lane plus one, as in ShiViz logs (host counters start at 1).
 */

/** What an event is, for drawing. A message edge's ends are a send and a receive (an event may be both). */
export const CausalKind = {
  local: 0,
  send: 1,
  receive: 2,
  /** A crash, recovery, pause, resume or clock change of a node. */
  fault: 3,
  /** A client's call or its outcome (invoke, ok, fail, timeout). */
  op: 4,
} as const;
export type CausalKindCode = (typeof CausalKind)[keyof typeof CausalKind];

/** Limits of what a causal graph may hold: a log or a run over them is refused (or cut) with the limit named. */
export const CAUSALITY_LIMITS = {
  /** Lanes (nodes + clients, or log hosts). */
  lanesMax: 256,
  /** Events of one graph. */
  eventsMax: 250_000,
} as const;

export interface CausalGraph {
  lanes: string[];
  count: number;
  /** Per event: its lane. */
  lane: Uint16Array;
  /** Per event: its position on its lane (0-based). */
  seq: Uint32Array;
  /** Per event: where it sits on the time axis (the lab's unit, or a logical step for logs). */
  time: Float64Array;
  kind: Uint8Array;
  /** Per event: index into `texts` (its words: a message label, a log line's event text), -1 for none. */
  text: Int32Array;
  texts: string[];
  /** Per event: where it came from (the trace row, or the log line of its clock), -1 when unknown. */
  source: Int32Array;
  /** Events of lane l in order: laneEvents[laneOffsets[l] + seq]. */
  laneOffsets: Uint32Array;
  laneEvents: Uint32Array;
  /** Message edges, ordered by (from, to): a send event to a receive event on another lane. */
  edgeCount: number;
  edgeFrom: Uint32Array;
  edgeTo: Uint32Array;
  /** Incoming edges of event e: inEdges[inOffsets[e] .. inOffsets[e + 1]] (edge ids). */
  inOffsets: Uint32Array;
  inEdges: Uint32Array;
}

/**
 * Lamport timestamps and vector clocks, compact: a vector clock is stored as its changes. Event e lists the
 * entries (other lanes) that grew since its lane predecessor, in deltaOffsets[e]..deltaOffsets[e + 1]
 * (lane ascending); its own entry is implied (seq + 1). Every `checkpointEvery`-th event of a lane
 * (seq % checkpointEvery === 0) also has its full clock as a dense row, so any entry is found by reading
 * back at most checkpointEvery - 1 events' deltas.
 *
 *   lane n1:  e0 {n1:1}  e1 {n1:2, n0:3}  e2 {n1:3}  e3 {n1:4, n2:1}     deltas: -, n0:3, -, n2:1
 *             checkpoint rows (every 2): e0 [0,1,0]  e2 [3,3,0]
 */
export interface VectorClocks {
  lamport: Uint32Array;
  deltaOffsets: Uint32Array;
  deltaLane: Uint16Array;
  deltaValue: Uint32Array;
  checkpointEvery: number;
  /** Lane l's checkpoint rows start at checkpointBase[l]; row r holds lanes entries at r * lanes. */
  checkpointBase: Uint32Array;
  checkpoints: Uint32Array;
}

/** Per-lane intervals (CSR), ordered by start; end is Infinity while open at the end of the run. */
export interface LaneIntervals {
  offsets: Uint32Array;
  start: Float64Array;
  end: Float64Array;
}

/** Messages that never arrived: a stub from the sender toward the receiver, ending in a cross. */
export interface DroppedMessages {
  count: number;
  from: Uint16Array;
  to: Uint16Array;
  send: Float64Array;
  /** When the message stopped (lost, cut, thrown away by a crashed receiver), Infinity when still open. */
  stop: Float64Array;
  /** Fraction of the way to the receiver where it stopped. */
  frac: Float32Array;
  /** The stage's fate code (src/core/stage/types.ts Fate). */
  fate: Uint8Array;
}

/**
 * Partition epochs: epoch k covers [start[k], start[k + 1]). groups[k * lanes + lane] is the lane's side
 * while the cluster is split (-1: not split, or not a node); cut[k * lanes + lane] is 1 while some link
 * from or to the lane is cut on its own (a one-way cut, an isolated node).
 */
export interface LanePartitions {
  count: number;
  start: Float64Array;
  groups: Int32Array;
  cut: Uint8Array;
}

/** What a run adds to its causal graph on the lanes: downtime, dropped messages, partitions. */
export interface LaneMarks {
  crashes: LaneIntervals;
  pauses: LaneIntervals;
  dropped: DroppedMessages;
  partitions: LanePartitions;
}

/** Edges split by span for culling to a time window (./edgeIndex.ts). */
export interface EdgeIndex {
  /** Edges spanning at most `shortSpanMax`, by send time. */
  short: Uint32Array;
  shortSpanMax: number;
  /** The rest (held, slow or very long messages), checked on every frame. */
  long: Uint32Array;
}

/** Everything the space-time diagram draws: a graph, its clocks, the marks on its lanes, the time axis. */
export interface CausalRun {
  graph: CausalGraph;
  clocks: VectorClocks;
  marks: LaneMarks;
  edges: EdgeIndex;
  /** The time axis' unit ('ms', or 'step' for logs, where time is the Lamport timestamp). */
  timeUnit: string;
  /** Where the time axis ends. */
  horizon: number;
  /** Set when the source held more than a limit allows and the graph keeps only a prefix. */
  stoppedAtLimit?: string;
}

/** A resumable computation: yields its progress in [0, 1] between slices and returns its result. */
export type Job<T> = Generator<number, T, void>;
