/**
 * The two consumer outputs fed the same processings: a plain one that writes a row per processing (a
 * redelivered message is written again) and an idempotent one that remembers message ids and skips what
 * it has applied (dedup by message id). A bitmap per message: no object per message.
 */
import type { Outputs } from '../result';

export class OutputPair {
  /** Times each message was processed (saturating at 255). */
  readonly times: Uint8Array;
  /** The idempotent output's seen ids (its own memory: what makes it idempotent). */
  private readonly applied: Uint8Array;
  processings = 0;
  distinct = 0;
  plainRows = 0;
  idempotentRows = 0;
  idempotentSkipped = 0;
  /** Set once the idempotent output applies an id twice (its invariant; never, unless it is broken). */
  idempotentTwiceMs = Number.NaN;

  constructor(messages: number) {
    this.times = new Uint8Array(messages);
    this.applied = new Uint8Array(messages);
  }

  /** Message m was processed at `ms`; returns true when it was its first processing. */
  process(m: number, ms: number): boolean {
    this.processings++;
    this.plainRows++;
    const first = this.times[m] === 0;
    if (this.times[m] < 255) this.times[m]++;
    if (first) this.distinct++;
    if (this.applied[m] === 1) this.idempotentSkipped++;
    else {
      this.applied[m] = 1;
      this.idempotentRows++;
    }
    if (this.idempotentRows > this.distinct && Number.isNaN(this.idempotentTwiceMs)) this.idempotentTwiceMs = ms;
    return first;
  }

  summary(): Outputs {
    return {
      processings: this.processings,
      distinct: this.distinct,
      plainRows: this.plainRows,
      plainDuplicates: this.plainRows - this.distinct,
      idempotentRows: this.idempotentRows,
      idempotentSkipped: this.idempotentSkipped,
    };
  }
}
