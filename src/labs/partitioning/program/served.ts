/**
 * What serving the workload produces (./serve.ts writes it, ./summarize.ts and ./stage.ts read it): the
 * workload's shape, per-request outcomes, per-part records, per node x bucket and per phase meters.
 */
import { filled, taken, zeroed, type BufferBin } from '../../../sim/bufferBin';
import { ticksToMs } from '../../../sim/kit/time';
import type { PartitioningScenario } from '../scenario';
import type { ServerCheckpoint } from './serve';
import type { StageRecorder } from './stageRecorder';

/** Request states. */
export const PENDING = 0;
export const OK = 1;
export const FAILED = 2;
/** Request flags. */
export const F_WRITE = 1;
export const F_HIT = 2;
export const F_STALE = 4;
export const F_FANOUT = 8;

/** The generated workload: the same for every strategy. */
export interface Workload {
  /** Client send time of each request, ticks, ascending. */
  t0: Float64Array;
  key: Uint32Array;
  /** F_WRITE set for writes. */
  flags: Uint8Array;
  /** The most requested key (mitigations.ts hottestKeyOf), when the maker of the workload computed it. */
  hottestKey?: number;
}

export interface Served {
  /** Per request: OK or FAILED (PENDING when the run ended first), end-to-end latency in µs, parts. */
  state: Uint8Array;
  latencyUs: Float32Array;
  parts: Uint8Array;
  /** Sub-requests of each salted read (k), 0 for every other request. */
  fanK: Uint8Array;
  /** Parts served: node, completion bucket, time in the node + two hops (µs). */
  partCount: number;
  partNode: Uint16Array;
  partBucket: Uint8Array;
  partUs: Float32Array;
  /** Per node x bucket: busy µs and the deepest queue. */
  busyUs: Float64Array;
  queueMax: Uint32Array;
  /** Per phase x node (phase-major: phase p, node n at p x nodeSlots + n): busy µs. */
  busyPhaseUs: Float64Array;
  /** Failed requests per scripted event that caused them (-1 cause not counted). */
  failedByEvent: Uint32Array;
  /** Failed requests per bucket (by failure time). */
  failedBucket: Uint32Array;
  okBucket: Uint32Array;
  /** Sub-requests per salted read while salting was on (per phase, 0 = off). */
  saltKByPhase: Uint8Array;
  /** Node count including the directory. */
  nodeSlots: number;
  widthTicks: number;
  endTick: number;
  engineEvents: number;
  stoppedAtLimit?: string;
  hash: string;
  /** What the stage draws (not hashed). */
  stage: StageRecorder;
  /** The workload's flags as the run left them (hits, stale reads, fan-outs added; the workload's own are not changed). */
  flags: Uint8Array;
  /** Checkpoints the run took (see ServerCheckpoint), and the one it resumed from. */
  checkpoints: ServerCheckpoint[];
  resumedFrom?: ServerCheckpoint;
  /** The run's other working columns (its live owners, cache stamps): handed to the bin with the rest (giveServed). */
  working: (ArrayBufferView | null)[];
}

/** Sizes of the time axis: BUCKETS buckets cover 125% of the arrivals' span. */
export function bucketWidthTicks(lastArrival: number, buckets: number): number {
  return Math.max(1, Math.ceil((lastArrival * 1.25 + 1) / buckets));
}

/**
 * A Served with every column allocated and zeroed (latencies NaN), for `requests` = stage.ended.length
 * requests; the per-request and per-part columns from `bin` when there is one.
 */
export function emptyServed(s: PartitioningScenario, slots: number, buckets: number, width: number, stage: StageRecorder, bin?: BufferBin): Served {
  const requests = stage.ended.length;
  const partsCap = requests + (s.events.some((e) => e.type === 'salt') ? requests : 0) + 16;
  const phases = s.events.length + 1;
  return {
    state: zeroed(bin, Uint8Array, requests), latencyUs: filled(bin, Float32Array, requests, NaN), parts: zeroed(bin, Uint8Array, requests), fanK: zeroed(bin, Uint8Array, requests),
    // Parts are read below partCount only: written before they are read.
    partCount: 0, partNode: taken(bin, Uint16Array, partsCap), partBucket: taken(bin, Uint8Array, partsCap), partUs: taken(bin, Float32Array, partsCap),
    busyUs: new Float64Array(slots * buckets), queueMax: new Uint32Array(slots * buckets), busyPhaseUs: new Float64Array(slots * phases),
    failedByEvent: new Uint32Array(s.events.length), failedBucket: new Uint32Array(buckets), okBucket: new Uint32Array(buckets),
    saltKByPhase: new Uint8Array(phases), nodeSlots: slots, widthTicks: width, endTick: width * buckets, engineEvents: 0, hash: '', stage, flags: new Uint8Array(0), checkpoints: [],
    working: [],
  };
}

/**
 * Hands a finished run's working columns to `bin` (its per-request and per-part columns, flags, stage
 * recorder, live owners): call it once nothing reads `o` any more. Nothing a result, the cache or a
 * checkpoint holds is among them: those are copies.
 */
export function giveServed(o: Served, bin: BufferBin | undefined): void {
  if (!bin) return;
  bin.give(o.state, o.latencyUs, o.parts, o.fanK, o.partNode, o.partBucket, o.partUs, o.flags, ...o.working);
  o.stage.give();
}

/** Why a run that ended with requests still queued stopped, or undefined when none were. */
export function unfinishedNote(o: Served): string | undefined {
  let unfinished = 0;
  for (let i = 0; i < o.state.length; i++) if (o.state[i] === PENDING) unfinished++;
  if (unfinished === 0) return undefined;
  return `the run ends at ${ticksToMs(o.endTick).toLocaleString('en-US')} ms (125% of the arrivals' span); ${unfinished.toLocaleString('en-US')} requests were still queued`;
}
