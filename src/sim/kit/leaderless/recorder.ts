/**
 * The observer of a store run: what each request asked, who answered and with what, and the hints of
 * sloppy quorums. It only records (the protocol never reads it back to decide anything), then packs
 * everything into typed columns (./codes.ts).
 */
import { ticksToMs } from '../time';
import { Phase, type ContactColumns, type HandoffColumns } from './codes';

export class StoreRecorder {
  // Per request (by history index), filled by the program and the coordinator.
  readonly coordinator: number[] = [];
  readonly version: number[] = [];
  readonly seenMax: number[] = [];
  // Per contact, in creation order.
  private readonly cRequest: number[] = [];
  private readonly cNode: number[] = [];
  private readonly cPhase: number[] = [];
  private readonly cHintFor: number[] = [];
  private readonly cSent: number[] = [];
  private readonly cReply: number[] = [];
  private readonly cVersion: number[] = [];
  private readonly cValue: number[] = [];
  private readonly cCounted: number[] = [];
  // Hints.
  private readonly hHolder: number[] = [];
  private readonly hReplica: number[] = [];
  private readonly hVersion: number[] = [];
  private readonly hStored: number[] = [];
  private readonly hDelivered: number[] = [];

  request(op: number, coordinator: number): void {
    this.coordinator[op] = coordinator;
    this.version[op] = -1;
    this.seenMax[op] = -1;
  }

  /** A message sent for request `op`; returns the contact's index (carried by the message and its reply). */
  contact(op: number, node: number, phase: number, hintFor: number, tick: number, version: number, value: number): number {
    const c = this.cRequest.length;
    this.cRequest.push(op);
    this.cNode.push(node);
    this.cPhase.push(phase);
    this.cHintFor.push(hintFor);
    this.cSent.push(tick);
    this.cReply.push(NaN);
    this.cVersion.push(version);
    this.cValue.push(value);
    this.cCounted.push(0);
    return c;
  }

  /** The reply to contact `c` reached the coordinator at `tick`; a query's reply carries the node's version. */
  reply(c: number, tick: number, isQuery: boolean, version: number, value: number, isCounted: boolean): void {
    if (!Number.isNaN(this.cReply[c])) return; // a duplicate reply: the first one is the one drawn
    this.cReply[c] = tick;
    this.cCounted[c] = isCounted ? 1 : 0;
    if (isQuery) {
      this.cVersion[c] = version;
      this.cValue[c] = value;
      const op = this.cRequest[c];
      this.seenMax[op] = Math.max(this.seenMax[op], version);
    }
  }

  /** The phase code of contact `c`. */
  phaseOf(c: number): number {
    return this.cPhase[c];
  }

  /** The reply to contact `c` reached its open request but did not count (the round had its quorum, or had moved on). */
  isLate(c: number): boolean {
    return !Number.isNaN(this.cReply[c]) && this.cCounted[c] === 0;
  }

  hintStored(holder: number, replica: number, version: number, tick: number): void {
    this.hHolder.push(holder);
    this.hReplica.push(replica);
    this.hVersion.push(version);
    this.hStored.push(tick);
    this.hDelivered.push(NaN);
  }

  /** Every hint of `holder` for `replica` at or below `version` is now delivered. */
  hintDelivered(holder: number, replica: number, version: number, tick: number): void {
    for (let i = 0; i < this.hHolder.length; i++) {
      if (this.hHolder[i] === holder && this.hReplica[i] === replica && this.hVersion[i] <= version && Number.isNaN(this.hDelivered[i])) {
        this.hDelivered[i] = tick;
      }
    }
  }

  get hintsStored(): number {
    return this.hHolder.length;
  }

  get hintsDelivered(): number {
    return this.hDelivered.filter((t) => !Number.isNaN(t)).length;
  }

  /** Contacts sent in `phase` (a Phase code). */
  contactsIn(phase: number): number {
    return this.cPhase.filter((p) => p === phase).length;
  }

  /** Contacts grouped by request (stable: creation order within a request), and the CSR offsets. */
  contacts(requests: number): { columns: ContactColumns; start: Uint32Array } {
    const count = this.cRequest.length;
    const order = Array.from({ length: count }, (_, i) => i).sort((a, b) => this.cRequest[a] - this.cRequest[b] || a - b);
    const columns: ContactColumns = {
      request: Uint32Array.from(order, (i) => this.cRequest[i]),
      node: Uint8Array.from(order, (i) => this.cNode[i]),
      phase: Uint8Array.from(order, (i) => this.cPhase[i]),
      hintFor: Int8Array.from(order, (i) => this.cHintFor[i]),
      sentMs: Float64Array.from(order, (i) => ticksToMs(this.cSent[i])),
      replyMs: Float64Array.from(order, (i) => ticksToMs(this.cReply[i])),
      version: Int32Array.from(order, (i) => this.cVersion[i]),
      value: Int32Array.from(order, (i) => this.cValue[i]),
      isCounted: Uint8Array.from(order, (i) => this.cCounted[i]),
      isBehind: Uint8Array.from(order, (i) => (this.isBehind(i) ? 1 : 0)),
    };
    const start = new Uint32Array(requests + 1);
    for (const i of order) start[this.cRequest[i] + 1]++;
    for (let r = 0; r < requests; r++) start[r + 1] += start[r];
    return { columns, start };
  }

  /** Contact c is a query reply older than the version its request chose: a stale replica. */
  private isBehind(c: number): boolean {
    const chosen = this.version[this.cRequest[c]];
    return this.cPhase[c] === Phase.query && !Number.isNaN(this.cReply[c]) && chosen >= 0 && this.cVersion[c] < chosen;
  }

  handoffs(): HandoffColumns {
    return {
      holder: Uint8Array.from(this.hHolder),
      replica: Uint8Array.from(this.hReplica),
      version: Int32Array.from(this.hVersion),
      storedMs: Float64Array.from(this.hStored, ticksToMs),
      deliveredMs: Float64Array.from(this.hDelivered, ticksToMs),
    };
  }
}
