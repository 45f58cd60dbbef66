/**
 * Options of a simulation, with their defaults, units and limits. Every loop of the engine is bounded by
 * one of these limits; hitting one ends the run with `stoppedAtLimit` naming it, never a hang.
 */
import type { Protocol } from './actor';
import type { LinkOptions } from './link';
import type { StageOptions } from './stageLog';

/** Most nodes a simulation can hold (initial plus added). */
export const NODES_MAX = 1024;

export interface SimLimits {
  /** Most events the engine handles (deliveries, timers, callbacks, skipped ones included). Default 10^7, max 2^31-1. */
  maxEvents?: number;
  /** Most trace entries kept. Default 2 x 10^7 (~420 MB of columns at most), max 2^31-1. */
  maxTraceEntries?: number;
  /** Most events pending in the queue at once. Default 10^7, max 2^31-1. */
  maxPending?: number;
}

export interface SimOptions<M> {
  /** The scenario's seed (integer 0..2^32-1 or a string): the root of every random stream. */
  seed: number | string;
  /** Nodes at the start (ids 0..nodes-1), 1..NODES_MAX. */
  nodes: number;
  /** Builds each node's actor. */
  protocol: Protocol<M>;
  /** Behaviour of every link unless overridden with `network.setLink`. Defaults: see ./link.ts. */
  network?: LinkOptions;
  limits?: SimLimits;
  /**
   * Record what the stage shows besides the trace (message kinds and labels, card fields, clock offsets,
   * partition groups) into `sim.stageLog`. Default: off. Never changes the trace or its hash.
   */
  stage?: StageOptions<M>;
  /**
   * The event queue's calendar width, 2^bits one-tick buckets (./eventQueue.ts; default 12). Never changes
   * a run; a short run built by the thousand (an experiment's trial) allocates less with 10.
   */
  eventWindowBits?: number;
}

export const LIMIT_DEFAULTS: Required<SimLimits> = {
  maxEvents: 10_000_000,
  maxTraceEntries: 20_000_000,
  maxPending: 10_000_000,
};

const INT32_MAX = 2 ** 31 - 1;

/** Limits with defaults filled in, each checked against its range. */
export function resolveLimits(limits: SimLimits = {}): Required<SimLimits> {
  const out = { ...LIMIT_DEFAULTS, ...limits };
  for (const key of Object.keys(LIMIT_DEFAULTS) as (keyof SimLimits)[]) {
    const value = out[key];
    if (!(Number.isInteger(value) && value >= 1 && value <= INT32_MAX)) {
      throw new Error(`${key} must be an integer in 1..${INT32_MAX}, got ${value}`);
    }
  }
  return out;
}

export function checkNodeCount(nodes: number): void {
  if (!(Number.isInteger(nodes) && nodes >= 1 && nodes <= NODES_MAX)) {
    throw new Error(`nodes must be an integer in 1..${NODES_MAX}, got ${nodes}`);
  }
}
