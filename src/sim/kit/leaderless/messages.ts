/**
 * What the nodes of the leaderless store say to each other, and what a node is configured with and
 * reports. `c` is the contact index (./recorder.ts) a reply carries back, like an RPC id; `op` is the
 * client operation (-1 for a fallback handing a hint over, which no client asked for).
 */
import type { Bug } from './codes';
import type { StoreRecorder } from './recorder';

export type Msg =
  | { k: 'get'; op: number; c: number; hintFor: number }
  | { k: 'got'; op: number; c: number; version: number; value: number }
  | { k: 'put'; op: number; c: number; version: number; value: number; hintFor: number }
  | { k: 'ack'; op: number; c: number; version: number };

export interface NodeConfig {
  nodes: number;
  n: number;
  w: number;
  r: number;
  timeoutTicks: number;
  fallbackTicks: number;
  handoffTicks: number;
  readRepair: boolean;
  writeBack: boolean;
  sloppyQuorum: boolean;
  bug: Bug;
}

/** What a node reports to the program: client answers, and the time after which handoff retries stop. */
export interface NodeHost {
  readonly rec: StoreRecorder;
  /** The request answered the client: ok with `output` (a read's value, 0 = nil). */
  answer(op: number, output: number): void;
  /** The coordinator gave up; `mayHaveEffect`: a write whose store round started (the client times out). */
  giveUp(op: number, mayHaveEffect: boolean): void;
  /** Handoff retries stop at this true time (ticks): the run's end. */
  readonly quietTick: number;
}
