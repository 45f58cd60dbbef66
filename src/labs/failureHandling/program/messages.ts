/**
 * Messages between callers and servers. A call carries its attempt id (unique per caller), the user
 * request id (the idempotency key), the key, whether it writes, and its deadline (the tick after which
 * nobody waits for it: passed on, so a shedding server can drop it unstarted).
 *
 *   c0 --call r17 try 1--> s2   (queue, slot, service time)   s2 --ok r17--> c0
 *                              s2 --503 r17--> c0   the queue is full (shed), or
 *                              s2 --429 r17--> c0   the token bucket is empty (throttled)
 *   c0 --replay k4--> s2  after a partition: a write taken locally, with the version it was based on
 */
export type CallKind = 'call' | 'retryq' | 'refresh' | 'replay';

export interface Call {
  k: CallKind;
  attempt: number;
  req: number;
  key: number;
  isWrite: boolean;
  deadline: number;
  /** try number (1 = first try) for calls; base version for replays. */
  n: number;
  /** replay: when the write was taken locally (ticks). */
  at: number;
}

export type ReplyCode = 'ok' | 'shed' | 'throttled';

export interface Reply {
  k: 'reply';
  code: ReplyCode;
  attempt: number;
  req: number;
  version: number;
}

export type Msg = Call | Reply;

export const MESSAGE_KINDS = ['call', 'retryq', 'refresh', 'replay', 'reply'] as const;

/** What a message is called on the stage ("r17 try 2", "ok r17", "503 r17"). */
export function labelOf(m: Msg): string {
  if (m.k === 'reply') return `${m.code === 'ok' ? 'ok' : m.code === 'shed' ? '503' : '429'} r${m.req}`;
  if (m.k === 'replay') return `replay k${m.key}`;
  if (m.k === 'refresh') return `refresh k${m.key}`;
  if (m.k === 'retryq') return `r${m.req} queued try ${m.n}`;
  return `r${m.req} try ${m.n}`;
}
