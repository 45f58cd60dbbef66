/**
 * The leaderless register store's vocabulary, as its results carry it (types and constants only: the
 * quorums lab's result.ts re-exports them, so a Panel reads them without simulation code).
 *
 *   - request i = client operation i of the history (same index), coordinated by one node.
 *   - contact: one message a coordinator sent to one node for request i in one phase (query, store,
 *     write-back, repair), and the reply it got, if any, before the request's deadline.
 *   - version: (counter, writer) packed in one integer, see src/core/quorum/version.ts; 0 = never written.
 *   - value: the integer written (operation index + 1, unique per write); 0 = nil (never written).
 */
import type { HistoryColumns, StaleColumns } from '../codes';

/** Deliberately broken coordinators (the checker must catch them). */
export const BUGS = ['none', 'first-reply', 'early-ack'] as const;
export type Bug = (typeof BUGS)[number];

/** How a client picks its coordinator: a random node per operation, or always node (client mod nodes). */
export const COORDINATOR_CHOICES = ['random', 'sticky'] as const;
export type CoordinatorChoice = (typeof COORDINATOR_CHOICES)[number];

/** contacts.phase */
export const Phase = {
  /** Ask for the replica's version (a read, or a write choosing its version). */
  query: 0,
  /** Store the write's version (a write's second round). */
  store: 1,
  /** ABD: a read stores the version it chose before answering. */
  writeBack: 2,
  /** Read repair: after answering, the chosen version sent to a replica that replied with an older one. */
  repair: 3,
} as const;
export const PHASE_NAMES = ['query', 'store', 'write-back', 'repair'] as const;

/** Per request (history index): the shared columns (kind, process, callMs, retMs, status; isStale, staleK), and: */
export interface StoreRequestColumns extends HistoryColumns, StaleColumns {
  /** The node that coordinated the request. */
  coordinator: Uint8Array;
  /** Write: the value written. Read: the value returned (0 = nil); -1 when it returned none. */
  value: Int32Array;
  /** Write: its version (0 until chosen). Read: the version chosen (-1 when none was). */
  version: Int32Array;
  /** Highest version among every reply the request got (the freshest any asked node held), -1 if none. */
  versionSeenMax: Int32Array;
  /** 1 for a one-off request of the script (a 'request' event, ../clientRequest.ts), 0 for the budget's. */
  isRequest: Uint8Array;
}

export interface ContactColumns {
  /** The request (history index) the contact belongs to. */
  request: Uint32Array;
  node: Uint8Array;
  /** Phase code. */
  phase: Uint8Array;
  /** Sloppy quorum: the preferred replica this fallback stood in for; -1 for a preferred replica. */
  hintFor: Int8Array;
  sentMs: Float64Array;
  /** When the reply reached the coordinator; NaN when none came before the request's deadline. */
  replyMs: Float64Array;
  /** Query: the version the node returned (-1: no reply). Store/write-back/repair: the version sent. */
  version: Int32Array;
  /** Query: the value the node returned (-1: no reply). Otherwise the value sent. */
  value: Int32Array;
  /** 1 when the reply counted toward the quorum (it came before the coordinator had enough). */
  isCounted: Uint8Array;
  /** Query replies: 1 when the node's version is older than the one its request chose (a stale replica). */
  isBehind: Uint8Array;
}

/** Hints kept by sloppy-quorum fallbacks and their handoff. */
export interface HandoffColumns {
  /** The fallback node holding the hint. */
  holder: Uint8Array;
  /** The preferred replica it is meant for. */
  replica: Uint8Array;
  version: Int32Array;
  storedMs: Float64Array;
  /** When the replica acknowledged it; NaN when never handed over within the run. */
  deliveredMs: Float64Array;
}
