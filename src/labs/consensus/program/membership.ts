/**
 * Membership changes, one server at a time (dissertation ch. 4): any majority of the old configuration
 * meets any majority of the new one, so no two leaders can be elected by disjoint majorities.
 *
 *   - A configuration is used as soon as it is in a server's log, committed or not (./server.ts).
 *   - A leader takes a change only once an entry of its own term committed (its no-op: the 2015 fix) and
 *     no earlier change is uncommitted.
 *   - A joining server first catches up as a non-voter (it receives AppendEntries but does not count);
 *     when it stores the whole log, the leader appends C_new = C + server. It gives up after
 *     CATCH_UP_ROUNDS_MAX heartbeats.
 *   - Removing: the leader appends C_new = C - server; a leader that removed itself keeps leading, not
 *     counting itself, until C_new commits, then steps down.
 */
import { isMember, memberCount } from '../../../core/raft/config';
import { configValue, lastIndex } from '../../../core/raft/log';
import { CATCH_UP_ROUNDS_MAX } from './host';
import { advanceCommit, broadcastAppend, sendAppend } from './leader';
import type { RaftServer } from './server';

export type ChangeKind = 'addServer' | 'removeServer';

/** Asks this server (as leader) to change the configuration; returns '' when taken, else why not. */
export function requestChange(s: RaftServer, kind: ChangeKind, node: number): string {
  if (!s.isLeader) return 'not the leader';
  if (s.v.commitIndex < s.noopIndex) return 'no entry of the leader\'s term is committed yet';
  if (s.configIndex > s.v.commitIndex) return 'an earlier configuration change is not committed yet';
  if (s.learner >= 0) return `s${s.learner} is still catching up`;
  if (kind === 'addServer') {
    if (isMember(s.config, node)) return `s${node} is a member already`;
    s.learner = node;
    s.learnerRounds = 0;
    s.v.nextIndex[node] = lastIndex(s.disk.log) + 1;
    s.v.matchIndex[node] = 0;
    sendAppend(s, node);
    return '';
  }
  if (!isMember(s.config, node)) return `s${node} is not a member`;
  if (memberCount(s.config) <= 1) return `s${node} is the last member`;
  appendConfig(s, s.config & ~(1 << node));
  return '';
}

/** After a reply: a joining server that stores the whole log becomes a voter. */
export function onLearnerProgress(s: RaftServer, from: number): void {
  if (from !== s.learner || s.v.matchIndex[from] < lastIndex(s.disk.log)) return;
  s.learner = -1;
  appendConfig(s, s.config | (1 << from));
}

/** Every heartbeat: a joining server that has not caught up in time is dropped. */
export function onLearnerRound(s: RaftServer): void {
  if (s.learner < 0 || ++s.learnerRounds <= CATCH_UP_ROUNDS_MAX) return;
  s.host.catchUpFailed(s.id, s.learner);
  s.learner = -1;
}

/** Once the latest configuration commits, a leader outside it steps down. */
export function afterLeaderCommit(s: RaftServer): void {
  if (s.isLeader && s.configIndex <= s.v.commitIndex && !isMember(s.config, s.id)) {
    s.becomeFollower();
    s.v.leaderId = -1;
  }
}

function appendConfig(s: RaftServer, mask: number): void {
  s.append(s.term, configValue(mask));
  broadcastAppend(s);
  advanceCommit(s);
}
