/**
 * The disks a scenario starts from (see BOOTSTRAP_HELP in ../result.ts). Servers 0..servers-1 are
 * installed with the first configuration {s0..s(servers-1)}; a server that joins later starts with no
 * configuration at all and learns one from the log it receives.
 *
 *   election  term 0, no vote, empty log: the cluster's first act is an election.
 *   leader    as if s0 had just won term 1 with every vote: term 1, votedFor s0, empty logs.
 *   figure16  as `leader`, but s0, s1 and s2 hold three no-ops of term 1 and s3, s4 only two, so once s0
 *             is gone only s1 and s2 can win (the Raft paper's Figure 16 set-up).
 */
import { firstServers } from '../../../core/raft/config';
import { NOOP, appendEntry } from '../../../core/raft/log';
import { freshPersistent, type PersistentState } from '../../../core/raft/persistent';
import type { ConsensusScenario } from '../scenario';

export function initialDisk(s: Pick<ConsensusScenario, 'servers' | 'bootstrap'>, node: number): PersistentState {
  const isMember = node < s.servers;
  const disk = freshPersistent(isMember ? firstServers(s.servers) : 0);
  if (s.bootstrap === 'election' || !isMember) return disk;
  disk.currentTerm = 1;
  disk.votedFor = 0;
  const entries = s.bootstrap === 'figure16' ? (node <= 2 ? 3 : 2) : 0;
  for (let i = 0; i < entries; i++) appendEntry(disk.log, 1, NOOP);
  return disk;
}

/** s0 starts as the leader of term 1 (first start only: a restart is always a follower). */
export function startsAsLeader(s: Pick<ConsensusScenario, 'bootstrap'>, node: number, incarnation: number): boolean {
  return s.bootstrap !== 'election' && node === 0 && incarnation === 0;
}
