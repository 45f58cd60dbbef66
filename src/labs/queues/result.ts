/**
 * What the queues program returns (types and names only: both the program and the UI read this file).
 *
 * Vocabulary: time in simulated ms; a "processing" is one run of a consumer's handler on one message (a
 * message processed twice has two); a "duplicate" is a processing of a message already processed before;
 * "lag" of a partition is its log end offset minus the group's committed offset.
 */
import type { StageData } from '../../core/stage/types';
import type { LabResult } from '../contract';

export const MODES = ['kafka', 'sqs'] as const;
export type Mode = (typeof MODES)[number];
export const ASSIGNORS = ['eager', 'cooperative'] as const;
export type Assignor = (typeof ASSIGNORS)[number];
export const COMMITS = ['after', 'before'] as const;
export type Commit = (typeof COMMITS)[number];

/**
 * The scene's nodes by engine id: consumers first, so an event's `node` is its consumer's number (c2 is 2),
 * then the producer w0, then the partitions p0.. (kafka) or the queues q0, q1 and their DLQs d0, d1 (sqs).
 */
export function nodeNamesOf(mode: Mode, partitions: number, consumerSlots: number, secondGroup = false): string[] {
  const consumers = Array.from({ length: consumerSlots }, (_, i) => `c${i}`);
  if (mode === 'kafka') return [...consumers, 'w0', ...Array.from({ length: partitions }, (_, i) => `p${i}`), ...(secondGroup ? ['a0'] : [])];
  return [...consumers, 'w0', 'q0', 'q1', 'd0', 'd1'];
}

/** An invariant, checked at every step it can break; `detail` says where it broke, or what was checked. */
export interface Check {
  id: string;
  /** The invariant in one sentence. */
  name: string;
  ok: boolean;
  detail: string;
  /** When it first broke (ms), NaN while it holds. */
  tMs: number;
}

/** What the two consumer outputs hold after the same deliveries. */
export interface Outputs {
  /** Processings that ran (every delivery the handler finished). */
  processings: number;
  /** Distinct messages processed. */
  distinct: number;
  /** Non-idempotent output: rows written, one per processing (duplicates = rows - distinct). */
  plainRows: number;
  plainDuplicates: number;
  /** Idempotent output: rows written after dedup by message id, and processings it skipped as seen. */
  idempotentRows: number;
  idempotentSkipped: number;
}

/** One rebalance of the Kafka group. */
export interface Rebalance {
  startMs: number;
  /** When the last partition was assigned again (NaN: still running at the end). */
  endMs: number;
  /** What set it off, in words ("c3 joins", "c0's session timed out"). */
  reason: string;
  /** Generation the group reached. */
  generation: number;
  /** Partitions that stopped being fetched during it. */
  paused: number;
  /** Partitions whose owner changed. */
  moved: number;
}

export interface KafkaOutcome {
  produced: number;
  /** Producer retries appended as second records (no idempotent producer). */
  producerDuplicates: number;
  /** Producer retries the broker recognised and dropped (idempotent producer). */
  producerRetriesDropped: number;
  /** Records each partition holds (its log end offset) at the end. */
  logEnd: Int32Array;
  /** The group's committed offset per partition at the end (0: nothing committed yet). */
  committed: Int32Array;
  /** Lag samples: lag[s x partitions + p] at time sampleMs x (s + 1). */
  lag: Float32Array;
  sampleMs: number;
  samples: number;
  rebalances: Rebalance[];
  /** Total ms partitions spent paused by rebalances (summed over partitions). */
  pausedMs: number;
  commits: number;
  commitsFailed: number;
  /** First processings of a record after a later record of the same key (order per key). */
  keyOutOfOrder: number;
  /** First processings of a record after a record the producer sent later, on any partition. */
  globalOutOfOrder: number;
  /** Records committed past but never processed (at-most-once loses them). */
  skipped: number;
  /** Consumers with no partition at the end (more consumers than partitions). */
  idleConsumers: number;
  /** Records per partition over the run, and the hot partition's share of all records. */
  perPartition: Int32Array;
  hotPartition: number;
  outputs: Outputs;
  /** The second group (a0), when the scenario has one: its own committed offsets and outputs. */
  second?: { committed: Int32Array; outputs: Outputs; endLag: number };
}

/** One SQS queue (standard or FIFO) over the run. */
export interface QueueSide {
  sent: number;
  /** Sends the queue accepted but did not enqueue (FIFO dedup within 5 minutes). */
  deduplicated: number;
  receives: number;
  emptyReceives: number;
  deletes: number;
  /** Deletes with a receipt handle from an older receive: accepted, message not deleted. */
  staleDeletes: number;
  /** Receives of a message already received (visibility expired, or a standard queue's extra copy). */
  redeliveries: number;
  /** Deliveries that came after a later message of the same group had been delivered. */
  outOfOrder: number;
  dlq: number;
  /** Messages still in the queue at the end (visible or in flight). */
  leftVisible: number;
  leftInFlight: number;
  /** Receive-count histogram of deleted or moved messages: receiveHistogram[k] = messages received k times (k capped at 10). */
  receiveHistogram: number[];
  /** Samples at sampleMs x (s + 1): visible, in flight, DLQ depth. */
  visibleSeries: Float32Array;
  inFlightSeries: Float32Array;
  dlqSeries: Float32Array;
  outputs: Outputs;
}

export interface SqsOutcome {
  standard: QueueSide;
  fifo: QueueSide;
  sampleMs: number;
  samples: number;
}

export interface QueuesResult extends LabResult {
  lab: 'queues';
  mode: Mode;
  stage: StageData;
  checks: Check[];
  kafka?: KafkaOutcome;
  sqs?: SqsOutcome;
  /** Simulated messages handled per second of wall time is measured by the bench, not here. */
}
