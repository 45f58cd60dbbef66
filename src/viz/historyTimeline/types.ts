/**
 * The input of the client-history timeline: one row per operation, in columns (typed arrays or plain
 * arrays), so any lab that records a client history (quorums, leader-follower, multi-leader, CAP) can
 * draw it without converting to objects. Row i is operation i; highlights name rows.
 */

/** status column codes (the same as the sim's history and the quorums lab's RequestStatus). */
export const OpStatus = { pending: 0, ok: 1, fail: 2, timeout: 3 } as const;

/** flags column bits. */
export const OpFlag = {
  /** A read that certainly missed a completed write (drawn with a marker). */
  stale: 1,
} as const;

export interface HistoryColumns {
  /** Client process of each operation: one lane per distinct value, lanes in ascending order. */
  process: ArrayLike<number>;
  /** Invocation time (any unit; the timeline only scales it). */
  call: ArrayLike<number>;
  /** Return time; NaN or Infinity when the client never learned the outcome (drawn with an open end). */
  ret: ArrayLike<number>;
  /** Index into `kindNames` (0 = the first kind: e.g. read, 1 = write); colour follows it. */
  kind: ArrayLike<number>;
  /** OpStatus code. */
  status: ArrayLike<number>;
  /** OpFlag bits. */
  flags: ArrayLike<number>;
}

/** An operation the checker's explanation points at, drawn on top with its label. */
export interface TimelineHighlight {
  /** Row of the operation. */
  op: number;
  /** A short role name ("cannot be placed", "overwritten by"). */
  label: string;
  /** The operation the explanation is about (drawn heavier than the ones it conflicts with). */
  isPrimary: boolean;
}
