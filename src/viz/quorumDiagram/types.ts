/**
 * What the quorum diagram draws for one request (a lab's selector builds it; no simulation logic here):
 * the cluster's nodes, the coordinator, and each message the coordinator sent for the request, as a bar
 * from the send to the reply in the node's row, grouped by phase (query, store, write-back, repair).
 */

export interface DiagramNode {
  id: number;
  /** "n0". */
  label: string;
  /** A replica of the key (preference list) or a sloppy-quorum fallback. */
  role: 'replica' | 'fallback';
  isCoordinator: boolean;
}

export interface DiagramContact {
  node: number;
  /** Phase code: 0 query, 1 store, 2 write-back, 3 repair (the colour and the phase name). */
  phase: number;
  sentMs: number;
  /** NaN: no reply before the deadline (drawn dashed to the end, "silent"). */
  replyMs: number;
  /** Text at the reply: "10 @ 3.1" for a query reply, "ack" for a store. */
  label: string;
  /** The reply came while the coordinator still needed it (it counted toward the quorum). */
  isCounted: boolean;
  /** A query reply older than the version the request chose (a stale replica). */
  isBehind: boolean;
  /** The preferred replica this fallback stood in for; -1 for a preferred replica. */
  hintFor: number;
}

export interface QuorumDiagramData {
  nodes: DiagramNode[];
  /** Names of phase codes ("query", "store", "write-back", "repair"). */
  phaseNames: readonly string[];
  callMs: number;
  /** When the client got its answer; NaN when it never did. */
  retMs: number;
  /** When the coordinator gives up (call + timeout). */
  deadlineMs: number;
  contacts: DiagramContact[];
  /** What the request returned or stored, in a sentence ("ok: returned 10, version (3, w10)"). */
  outcome: string;
  /** The value chosen, shortest form, shown on the answer mark ("10 (3, w10)"); '' for none. */
  chosen: string;
  /** The outcome was a stale read. */
  isStale: boolean;
}

/** The read set / write set overlap of one read, over the node row. */
export interface OverlapData {
  nodes: DiagramNode[];
  /** Nodes whose query reply counted for the read. */
  readSet: number[];
  /** Nodes whose store ack counted for the write before the client was told ok. */
  writeSet: number[];
  /** Short names of the two operations ("read #12", "write 10 (#9)"). */
  readName: string;
  writeName: string;
}
