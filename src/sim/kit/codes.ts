/**
 * The codes of a client history's columns, shared by every replicated-system lab's result (types and
 * constants only: a lab's result.ts re-exports them, so a Panel reads them without simulation code).
 */

/** kind column: what the operation asked. */
export const OpKind = { read: 0, write: 1 } as const;

/** status column: as the client saw it (timeout = the client does not know whether it took effect). */
export const RequestStatus = { pending: 0, ok: 1, fail: 2, timeout: 3 } as const;

/** The columns every request table starts with (one row per history operation, same index). */
export interface HistoryColumns {
  /** OpKind code. */
  kind: Uint8Array;
  /** Client process id in the history (a process retires after a timeout: client c uses c, c + clients...). */
  process: Int32Array;
  callMs: Float64Array;
  /** When the client got its answer; NaN when it never did (timeout, pending). */
  retMs: Float64Array;
  /** RequestStatus code. */
  status: Uint8Array;
}

/** Staleness of reads, from the history alone (see core/checkers registerStaleness). */
export interface StaleColumns {
  /** Read: 1 when it certainly missed a completed write (k-staleness >= 1). */
  isStale: Uint8Array;
  /** Read: versions certainly missed (k, at most 65,535); 0 when fresh. */
  staleK: Uint16Array;
}
