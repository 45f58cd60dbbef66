/**
 * What the nodes of the leader-follower store say to each other, what a node is configured with, and what
 * it reports to the program (client answers, and observations for the recorder).
 *
 *   append       leader -> follower: entries after (prevIndex, prevEpoch); empty = a heartbeat. `round`
 *                numbers the heartbeat rounds a lease is counted on (-1: not a heartbeat).
 *   appendReply  follower -> leader: ok (entries matched up to `matched`) or not (resume after `hint`);
 *                `applied` is what the follower applied of the leader's log; `epoch` is the follower's.
 *   applied      follower -> leader: its apply thread got further (what sync and semi-sync wait for).
 *   vote         candidate -> all: elect me leader of `epoch`; my log ends at (lastEpoch, lastIndex).
 *   voteReply    granted or not, with the voter's own log end and the highest epoch it voted in.
 */
import type { Entry } from './log';
import type { ReplicationMode } from '../result';
import type { Recorder } from './record';

export type Msg =
  | { k: 'append'; epoch: number; prevIndex: number; prevEpoch: number; entries: readonly Entry[]; round: number }
  | { k: 'appendReply'; epoch: number; ok: boolean; round: number; matched: number; applied: number; hint: number }
  | { k: 'applied'; epoch: number; applied: number }
  | { k: 'vote'; epoch: number; lastEpoch: number; lastIndex: number }
  | { k: 'voteReply'; epoch: number; granted: boolean; lastEpoch: number; lastIndex: number; votedEpoch: number };

export interface NodeConfig {
  nodes: number;
  mode: ReplicationMode;
  fencing: boolean;
  heartbeatTicks: number;
  detectTicks: number;
  leaseTicks: number;
  applyTicks: number;
}

/** What a node reports to the program. */
export interface NodeHost {
  readonly rec: Recorder;
  /** Write `op` is acknowledged to its client now. */
  acknowledge(op: number): void;
  /** Timers stop re-arming at this true time (ticks): the run's end. */
  readonly quietTick: number;
}
