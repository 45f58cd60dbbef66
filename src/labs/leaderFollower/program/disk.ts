/**
 * What a node keeps on its disk (ctx.storage: survives a crash): its role, its epochs, the log and how
 * far it applied it. Everything else a node knows is volatile.
 */
import type { Entry } from './log';

export const Role = { follower: 0, candidate: 1, leader: 2 } as const;
export type RoleCode = (typeof Role)[keyof typeof Role];

export interface Disk {
  /** A leader restarts as leader; a candidate restarts as a follower. */
  role: RoleCode;
  /** The newest epoch this node follows (or leads). */
  epoch: number;
  /** The highest epoch it voted in (its own candidacies included). */
  votedEpoch: number;
  log: Entry[];
  applied: number;
}

/** The cluster as set up: n0 leads epoch 1, every other node follows it, every log empty. */
export function initialDisk(node: number): Disk {
  return { role: node === 0 ? Role.leader : Role.follower, epoch: 1, votedEpoch: 1, log: [], applied: 0 };
}
