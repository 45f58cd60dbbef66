/**
 * Every message of the three scenes, one union tagged by `k`, and how the stage names them.
 *
 *   Raft         vote / voteReply, append / appendReply (entries are ids of records in the run's entry table),
 *                cmd (client -> server: a command with the client's sequence number), cmdReply (leader -> client),
 *                redirect (follower -> client: the leader it knows).
 *   Redlock      set (SET key value NX PX ttl), setReply (OK or nil), del (delete if the value is still mine).
 *   Storage      read (with the client's token; fencing storage remembers it), readReply (version),
 *                write (token, the version it read), writeReply (accepted or rejected).
 *   Snowflake    idReq, idReply.     Gossip: gput (a write x := value, from a client or a replica).
 */
import type { MessageDescriber } from '../../../sim/index';

export type Command =
  | { op: 'noop' }
  | { op: 'acquire'; client: number; seq: number; ttlTicks: number }
  | { op: 'release'; client: number; seq: number; token: number }
  | { op: 'nextId'; client: number; seq: number }
  | { op: 'set'; client: number; seq: number; value: number };

/** What the lock service (or the ID or broadcast state machine) answers a command. */
export interface CmdResult {
  ok: boolean;
  /** acquire: the fencing token (index of the granting entry); nextId: the id; set: the index. */
  value: number;
  /** acquire refused: the holder. */
  holder: number;
  /** A retried command the log had answered before: the answer is the first one's, nothing changed. */
  replay?: boolean;
}

export type Msg =
  | { k: 'vote'; term: number; lastLogIndex: number; lastLogTerm: number }
  | { k: 'voteReply'; term: number; granted: boolean }
  | { k: 'append'; term: number; prevLogIndex: number; prevLogTerm: number; terms: number[]; values: number[]; leaderCommit: number }
  | { k: 'appendReply'; term: number; success: boolean; index: number }
  | { k: 'cmd'; cmd: Command }
  | { k: 'cmdReply'; seq: number; result: CmdResult; leader: number }
  | { k: 'redirect'; seq: number; leader: number }
  | { k: 'set'; value: number; ttlTicks: number; attempt: number }
  | { k: 'setReply'; ok: boolean; attempt: number }
  | { k: 'del'; value: number }
  | { k: 'read'; token: number; side: number }
  | { k: 'readReply'; version: number; side: number }
  | { k: 'write'; token: number; baseVersion: number; side: number }
  | { k: 'writeReply'; ok: boolean; side: number; version: number }
  | { k: 'idReq'; seq: number }
  | { k: 'idReply'; seq: number; id: number; text: string }
  | { k: 'gput'; value: number };

export const KINDS = ['RequestVote', 'vote reply', 'AppendEntries', 'append reply', 'command', 'reply', 'redirect', 'SET NX PX', 'SET reply', 'DEL', 'read', 'read reply', 'write', 'write reply', 'ID?', 'ID', 'gossip'] as const;
const KIND_OF: Record<Msg['k'], (typeof KINDS)[number]> = {
  vote: 'RequestVote', voteReply: 'vote reply', append: 'AppendEntries', appendReply: 'append reply', cmd: 'command', cmdReply: 'reply',
  redirect: 'redirect', set: 'SET NX PX', setReply: 'SET reply', del: 'DEL', read: 'read', readReply: 'read reply', write: 'write',
  writeReply: 'write reply', idReq: 'ID?', idReply: 'ID', gput: 'gossip',
};

function cmdLabel(c: Command): string {
  switch (c.op) {
    case 'acquire': return `acquire c${c.client}`;
    case 'release': return `release #${c.token}`;
    case 'nextId': return 'next ID';
    case 'set': return `x := ${c.value}`;
    default: return 'no-op';
  }
}

/** A message's label on the stage and in the narration ("SET NX PX 1000", "write #3", "reply grant #3"). */
export function describeMsg(m: Msg, ticksPerMs: number): string {
  switch (m.k) {
    case 'vote': return `RequestVote t${m.term}`;
    case 'voteReply': return `vote ${m.granted ? '+' : '−'}`;
    case 'append': return `AppendEntries ×${m.terms.length}`;
    case 'appendReply': return m.success ? `append + ${m.index}` : 'append −';
    case 'cmd': return cmdLabel(m.cmd);
    case 'cmdReply': return m.result.ok ? `ok ${m.result.value}` : `refused${m.result.holder >= 0 ? ` (c${m.result.holder} holds)` : ''}`;
    case 'redirect': return m.leader >= 0 ? `try s${m.leader}` : 'no leader';
    case 'set': return `SET NX PX ${Math.round(m.ttlTicks / ticksPerMs)}`;
    case 'setReply': return m.ok ? 'OK' : 'nil';
    case 'del': return 'DEL';
    case 'read': return m.token > 0 ? `read #${m.token}` : 'read';
    case 'readReply': return `v${m.version}`;
    case 'write': return m.token > 0 ? `write #${m.token}` : `write v${m.baseVersion + 1}`;
    case 'writeReply': return m.ok ? `ok v${m.version}` : 'rejected';
    case 'idReq': return 'ID?';
    case 'idReply': return m.text;
    case 'gput': return `x := ${m.value}`;
  }
}

export function messageDescriber(ticksPerMs: number): MessageDescriber<Msg> {
  return { kind: (m) => KIND_OF[m.k], label: (m) => describeMsg(m, ticksPerMs), kinds: KINDS };
}
