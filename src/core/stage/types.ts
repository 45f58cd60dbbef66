/**
 * StageData: everything the stage draws, built once per run in the worker (src/sim/stage/buildStage.ts)
 * from the trace and the stage log, moved to the main thread as typed arrays, and read at any playhead t by
 * the pure queries in ./query.ts. Types live in core because viz may import core but not sim.
 *
 * Times are in the lab's unit (`timeUnit`, e.g. ms), converted from engine ticks with `ticksPerUnit`.
 * Node ids are 0..nodeNames.length-1 (the engine's ids); message rows are described below.
 */

/** How a message copy left the network. */
export const Fate = {
  /** Handed to its receiver. */
  delivered: 0,
  /** Lost at random by its link. */
  lost: 1,
  /** Blocked by a partition or a one-way cut, at the send or on the way. */
  cut: 2,
  /** Arrived at a crashed node and was thrown away. */
  toCrashed: 3,
  /** Still in the network when the run ended. */
  open: 4,
} as const;
export type FateCode = (typeof Fate)[keyof typeof Fate];
export const FATE_NAMES = ['delivered', 'lost', 'cut', 'to crashed node', 'open at horizon'] as const;

/**
 * One row per copy of a message. Rows 0..originals-1 are the messages in id order (row = the trace's message
 * id), duplicate copies follow with `dupOf` naming their original. A copy's dot:
 *
 *   send ---- moving ----> arrive ---- waiting ----> end ---- falling (not delivered) ----> visibleEnd
 *   frac 0                 frac dropFrac              (at its stop point: a paused receiver's rim, a cut)
 *
 * Delivered copies vanish at `end`; the others fall off and fade over `StageData.fade`.
 */
export interface StageMessages {
  count: number;
  originals: number;
  from: Uint16Array;
  to: Uint16Array;
  /** Index into StageData.kinds (-1: the lab did not describe it). */
  kind: Int32Array;
  /** Index into StageData.labels (-1: none). */
  label: Int32Array;
  send: Float64Array;
  /** When the dot reaches its stop point (the receiver's rim, or where it was cut or lost). */
  arrive: Float64Array;
  /** When the copy left the network (delivered, discarded, blocked, lost); Infinity while open at the horizon. */
  end: Float64Array;
  /** Until when the dot is drawn: `end` when delivered, `end + fade` otherwise, Infinity when open. */
  visibleEnd: Float64Array;
  /** Fate code. */
  fate: Uint8Array;
  /** The original's row for a duplicate copy, -1 for an original. */
  dupOf: Int32Array;
  /** Fraction of the link the dot runs before stopping: 1 at the receiver, 0.5 when lost, where it was cut. */
  dropFrac: Float32Array;
}

/**
 * Messages on the stage at t, indexed by time buckets in CSR form: bucket b covers [b, b+1) x bucketWidth and
 * lists (items[offsets[b]..offsets[b+1]]) every row whose [send, visibleEnd) overlaps it. A query scans one
 * bucket and keeps rows with send <= t < visibleEnd (~0.03 ms for ~3,500 in flight, stage.md section 2).
 */
export interface InFlightIndex {
  bucketWidth: number;
  offsets: Uint32Array;
  items: Uint32Array;
}

/** Per-node intervals in CSR form: node n's are rows offsets[n]..offsets[n+1], ordered by start. */
export interface NodeIntervals {
  offsets: Uint32Array;
  start: Float64Array;
  /** Infinity while still open at the horizon. */
  end: Float64Array;
}

/** Per-node clock segments (CSR): from `start` on, local - true = offset + (t - start) x driftPpm / 10^6. */
export interface ClockSegments {
  offsets: Uint32Array;
  start: Float64Array;
  offset: Float64Array;
  driftPpm: Int32Array;
}

/**
 * Partition epochs: epoch e covers [start[e], start[e+1]); epoch 0 starts at 0 with every link working.
 * A link a -> b is blocked when a pair override says so (1 cut, 0 open), else when the groups differ.
 */
export interface PartitionEpochs {
  count: number;
  start: Float64Array;
  /** count x nodeCount: groups[e * nodeCount + node]. */
  groups: Int32Array;
  /** Directed pair overrides of epoch e: rows pairOffsets[e]..pairOffsets[e+1], sorted by (from, to). */
  pairOffsets: Uint32Array;
  pairFrom: Int32Array;
  pairTo: Int32Array;
  pairCut: Uint8Array;
}

/**
 * Card field changes per (node, field), CSR over slot = node x names.length + field, ordered by time.
 * A change holds a number (`text` -1) or a text (index into `texts`, `value` NaN).
 */
export interface CardFields {
  names: string[];
  texts: string[];
  offsets: Uint32Array;
  time: Float64Array;
  value: Float64Array;
  text: Int32Array;
}

/**
 * The kind code of a lab's remark among StageEvents (not an engine trace kind): a sentence the lab adds to
 * the narration ("r1 meets a conflict on k0"), `from` the node it is about, `payload` its index into
 * StageData.remarks. Recorded outside the trace, so remarks never change a run's hash.
 */
export const REMARK_KIND = 255;

/**
 * The trace's rows with times in the lab's unit (kinds and columns as src/sim/traceKind.ts), and the lab's
 * remarks (REMARK_KIND) merged in by time, each after the trace rows of its own time.
 */
export interface StageEvents {
  count: number;
  time: Float64Array;
  kind: Uint8Array;
  from: Int32Array;
  to: Int32Array;
  payload: Int32Array;
}

/** Links that carried messages (unordered pairs a < b), with how many copies crossed them. */
export interface StageLinks {
  count: number;
  a: Uint16Array;
  b: Uint16Array;
  messages: Uint32Array;
}

/** Clients drawn beside their home node. */
export interface StageClients {
  names: string[];
  home: Int32Array;
}

export interface StageData {
  timeUnit: string;
  ticksPerUnit: number;
  /** The run's end, in the lab's unit. */
  horizon: number;
  nodeNames: string[];
  clients: StageClients;
  kinds: string[];
  labels: string[];
  messages: StageMessages;
  inFlight: InFlightIndex;
  /** Most rows visible at once: the size of the buffers a frame fills. */
  peakInFlight: number;
  /** Median latency of delivered copies: the time a lost dot takes to its drop point is half of it. */
  medianLatency: number;
  /** How long a dropped dot falls and fades (half the median latency). */
  fade: number;
  crashes: NodeIntervals;
  pauses: NodeIntervals;
  clocks: ClockSegments;
  epochs: PartitionEpochs;
  fields: CardFields;
  events: StageEvents;
  /** The lab's remarks: the sentences of REMARK_KIND rows of `events`, by payload. */
  remarks: string[];
  /** Rows of `events` the narration tells (every kind but protocol notes), ascending. */
  narrated: Uint32Array;
  links: StageLinks;
}
