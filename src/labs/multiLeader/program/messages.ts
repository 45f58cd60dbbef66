/**
 * What the leaders of the multi-leader store say to each other, the write they replicate, and what a
 * leader is configured with and reports to the program.
 */
import type { Version } from '../../../core/clocks';
import type { Recorder } from './record';

import type { Resolution } from '../result';

/**
 * One write, as every region stores it: the value, its dot (the writing leader, its write counter), the
 * context the client had read, and the writing leader's clock reading in ticks (what LWW compares).
 * Both resolutions carry the dot and context; LWW never reads them to decide, only to account for lost updates.
 */
export interface Write extends Version<number> {
  key: number;
  ts: number;
  /** The client operation (history index) that wrote it. */
  op: number;
}

/**
 * rep: the writes of the sender's log from index `first` on (a batch); ack: the receiver has applied the
 * sender's log up to `next` (exclusive), answering the batch that started at `first`. `sentTick` is echoed so the sender measures the round trip.
 */
export type Msg =
  | { k: 'rep'; first: number; writes: readonly Write[]; sentTick: number }
  | { k: 'ack'; first: number; next: number; sentTick: number };

/**
 * A deliberately broken siblings store, for the tests to catch: 'vector-order' orders versions by their
 * whole version vectors instead of checking dots, so a write through a leader whose counter moved on
 * "dominates" an earlier concurrent write made there and silently replaces it.
 */
export type SiblingsBug = 'none' | 'vector-order';

export interface NodeConfig {
  regions: number;
  keys: number;
  resolution: Resolution;
  retryTicks: number;
  bug: SiblingsBug;
}

export interface NodeHost {
  readonly rec: Recorder;
  /** Resends stop at this true time (ticks): the run's end. */
  readonly quietTick: number;
}
