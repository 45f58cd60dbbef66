/**
 * What Raft servers say to each other, with one readable kind per message (MESSAGE_KINDS, and
 * `describeMessage` for one message: "AppendEntries ×3"), and `messageDescriber`, the engine's
 * stage hook (SimOptions.stage.describe) made of the two, for the stage to draw later.
 *
 *   RequestVote         candidate -> voters: elect me leader of `term`; my log ends at (lastLogTerm, lastLogIndex).
 *   RequestVote reply   granted or not, with the voter's term.
 *   PreVote             would-be candidate -> voters: would you vote for me at `term` (my term + 1)? Nobody's term changes.
 *   PreVote reply       granted or not (`term`: the asked term when granted, the voter's term when refused).
 *   AppendEntries       leader -> follower: entries after (prevLogIndex, prevLogTerm), none for a heartbeat, and leaderCommit.
 *   AppendEntries reply success with the index matched, or failure with a hint (the follower's last index, or
 *                       prevLogIndex - 1 when that entry's term differs), and the follower's term.
 */
import type { MessageDescriber } from '../../../sim/index';

export const MsgKind = {
  requestVote: 0,
  requestVoteReply: 1,
  preVote: 2,
  preVoteReply: 3,
  appendEntries: 4,
  appendEntriesReply: 5,
} as const;
export type MsgKindCode = (typeof MsgKind)[keyof typeof MsgKind];

/** Names by kind code, in code order (the stage's legend). */
export const MESSAGE_KINDS: readonly { code: MsgKindCode; name: string; help: string }[] = [
  { code: MsgKind.requestVote, name: 'RequestVote', help: 'A candidate asks for a vote in its new term.' },
  { code: MsgKind.requestVoteReply, name: 'RequestVote reply', help: 'A vote granted or refused.' },
  { code: MsgKind.preVote, name: 'PreVote', help: 'Would you vote for me? Asked before raising the term.' },
  { code: MsgKind.preVoteReply, name: 'PreVote reply', help: 'A pre-vote granted or refused.' },
  { code: MsgKind.appendEntries, name: 'AppendEntries', help: 'Entries to append (none: a heartbeat) and the leader\'s commit index.' },
  { code: MsgKind.appendEntriesReply, name: 'AppendEntries reply', help: 'Entries matched, or where the logs differ.' },
];

export interface VoteMsg {
  k: typeof MsgKind.requestVote | typeof MsgKind.preVote;
  term: number;
  lastLogIndex: number;
  lastLogTerm: number;
}

export interface VoteReplyMsg {
  k: typeof MsgKind.requestVoteReply | typeof MsgKind.preVoteReply;
  term: number;
  granted: boolean;
}

export interface AppendMsg {
  k: typeof MsgKind.appendEntries;
  term: number;
  prevLogIndex: number;
  prevLogTerm: number;
  terms: number[];
  values: number[];
  leaderCommit: number;
}

export interface AppendReplyMsg {
  k: typeof MsgKind.appendEntriesReply;
  term: number;
  success: boolean;
  /** Success: the last index the follower now matches. Failure: the leader may resume after this index. */
  index: number;
}

export type RaftMsg = VoteMsg | VoteReplyMsg | AppendMsg | AppendReplyMsg;

/**
 * A message's label on the stage and in the narration, RaftScope's way (replies carry + or −):
 *   "RequestVote t3"   "RequestVote reply +"   "PreVote t4"   "PreVote reply −"
 *   "AppendEntries ×2" (×0: a heartbeat)     "AppendEntries reply + 12" (matched up to 12)   "AppendEntries reply −"
 */
export function describeMessage(m: RaftMsg): string {
  const name = MESSAGE_KINDS[m.k].name;
  switch (m.k) {
    case MsgKind.appendEntries:
      return `${name} ×${m.terms.length}`;
    case MsgKind.requestVoteReply:
    case MsgKind.preVoteReply:
      return `${name} ${m.granted ? '+' : '−'}`;
    case MsgKind.appendEntriesReply:
      return m.success ? `${name} + ${m.index}` : `${name} −`;
    default:
      return `${name} t${m.term}`;
  }
}

/** The stage's message describer: kind = the name in MESSAGE_KINDS (fixed colour order), label = describeMessage. */
export const messageDescriber: MessageDescriber<RaftMsg> = {
  kind: (m) => MESSAGE_KINDS[m.k].name,
  label: describeMessage,
  kinds: MESSAGE_KINDS.map((k) => k.name),
};
