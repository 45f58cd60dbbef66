/**
 * What the replicas say to each other, the write they replicate, and what a replica is configured with.
 */
import type { Hlc, Version } from '../../../core/clocks';
import type { RunKind } from '../result';

/**
 * One write of x with every stamp the stores compare: its dot and context (version vectors), its
 * wall-clock stamp, Lamport stamp and HLC stamp, all taken at commit by the writing replica.
 */
export interface Write extends Version<string> {
  /** Index in the run's write list (start order). */
  index: number;
  replica: number;
  /** Wall-clock stamp, ticks of the writer's physical clock. */
  wall: number;
  lamport: number;
  hlc: Hlc;
}

/**
 * rep: a write, resent until acknowledged; ack: the receiver has it. acq: a replica asks r0 for the lease;
 * grant: r0 gives it until `expiry`, a reading of r0's clock (ticks).
 */
export type Msg =
  | { k: 'rep'; w: Write; lamport: number; hlc: Hlc }
  | { k: 'ack'; index: number }
  | { k: 'acq' }
  | { k: 'grant'; expiry: number };

/** A write a client will ask for: at which replica, at what true time (ticks), under which name. */
export interface PlannedWrite {
  index: number;
  replica: number;
  tick: number;
  name: string;
}

/**
 * Deliberately broken rules, for the tests to catch: 'no-wait' commits at once with the stamp pt + ε (no
 * commit wait); 'lease-no-margin' judges the lease by bare clock readings in the commit-wait run.
 */
export type ClockBug = 'none' | 'no-wait' | 'lease-no-margin';

export interface ReplicaConfig {
  kind: RunKind;
  bug: ClockBug;
  replicas: number;
  /** ε in ticks. */
  epsTicks: number;
  leaseTicks: number;
  retryTicks: number;
  /** Each replica's planned writes, in time order. */
  plan: PlannedWrite[][];
  /** Resends and lease requests stop after this true tick. */
  quietTick: number;
}
