/**
 * The Kafka scene's invariants, checked as the run goes (./kafka.ts calls these at every fetch, commit
 * and assignment) and reported at the end:
 *   partition-order  a member fetches a partition from where it left off, or from the committed offset
 *                    after an assignment (so, without rebalances, each partition is read in offset order);
 *   commit-bound     a commit never passes the last processed record + 1 (commit after processing);
 *   one-owner        no two members fetch one partition in the same generation, and only members own;
 *   idempotent-output the idempotent output holds each message once.
 */
import type { Check } from '../result';

export class KafkaChecks {
  private orderBrokeMs = Number.NaN;
  private orderDetail = '';
  private commitBrokeMs = Number.NaN;
  private commitDetail = '';
  private ownerBrokeMs = Number.NaN;
  private ownerDetail = '';
  private assignments = 0;
  private commits = 0;
  /** Who last fetched p, in which generation. */
  private readonly fetcher: Int32Array;
  private readonly fetchGen: Int32Array;

  constructor(partitions: number) {
    this.fetcher = new Int32Array(partitions).fill(-1);
    this.fetchGen = new Int32Array(partitions).fill(-1);
  }

  /** c fetches p from `first` in `generation`; it should start at `expected` (position, or committed after an assignment). */
  fetch(c: number, p: number, first: number, expected: number, logEnd: number, generation: number, now: number): void {
    if (Number.isNaN(this.orderBrokeMs) && (first !== expected || first > logEnd)) {
      this.orderBrokeMs = now;
      this.orderDetail = `c${c} fetched p${p} from ${first}, expected ${expected}`;
    }
    if (this.fetchGen[p] === generation && this.fetcher[p] !== c && Number.isNaN(this.ownerBrokeMs)) {
      this.ownerBrokeMs = now;
      this.ownerDetail = `c${this.fetcher[p]} and c${c} both fetched p${p} in generation ${generation}`;
    }
    this.fetcher[p] = c;
    this.fetchGen[p] = generation;
  }

  /** c commits p at `offset` after processing, with offsets up to `maxProcessed` processed so far. */
  commitAfter(c: number, p: number, offset: number, maxProcessed: number, now: number): void {
    this.commits++;
    if (offset > maxProcessed + 1 && Number.isNaN(this.commitBrokeMs)) {
      this.commitBrokeMs = now;
      this.commitDetail = `c${c} committed p${p} at ${offset} with only offsets up to ${maxProcessed} processed`;
    }
  }

  /** After an assignment: only members own partitions. */
  owners(owner: Int32Array, member: Uint8Array, now: number): void {
    this.assignments++;
    if (!Number.isNaN(this.ownerBrokeMs)) return;
    for (let p = 0; p < owner.length; p++) {
      const o = owner[p];
      if (o >= 0 && !member[o]) {
        this.ownerBrokeMs = now;
        this.ownerDetail = `p${p} is owned by c${o}, which is not a member`;
        return;
      }
    }
  }

  list(r: { commitMode: 'after' | 'before'; commits: number; skipped: number; isQuiet: boolean; idempotentOk: boolean; idempotentRows: number; distinct: number; idempotentTwiceMs: number }): Check[] {
    const after = r.commitMode === 'after';
    return [
      {
        id: 'partition-order',
        name: 'Each member reads a partition in offset order: from where it left off, or from the committed offset after an assignment',
        ok: Number.isNaN(this.orderBrokeMs),
        detail: Number.isNaN(this.orderBrokeMs) ? `every fetch checked${r.isQuiet ? '; no rebalance after the first, so each partition was read in order by one member' : ''}` : this.orderDetail,
        tMs: this.orderBrokeMs,
      },
      {
        id: 'commit-bound',
        name: after ? 'A commit never passes the last processed record + 1' : 'Commits come before processing (at-most-once): a crash mid-batch skips records',
        ok: after ? Number.isNaN(this.commitBrokeMs) : r.skipped === 0,
        detail: after ? (Number.isNaN(this.commitBrokeMs) ? `${r.commits.toLocaleString('en-US')} commits checked` : this.commitDetail) : `${r.skipped.toLocaleString('en-US')} records committed past without being processed`,
        tMs: after ? this.commitBrokeMs : Number.NaN,
      },
      {
        id: 'one-owner',
        name: 'At most one owner per partition in each generation, and only members own',
        ok: Number.isNaN(this.ownerBrokeMs),
        detail: Number.isNaN(this.ownerBrokeMs) ? `${this.assignments} assignments checked` : this.ownerDetail,
        tMs: this.ownerBrokeMs,
      },
      {
        id: 'idempotent-output',
        name: 'The idempotent output holds each message once',
        ok: r.idempotentOk,
        detail: `${r.idempotentRows.toLocaleString('en-US')} rows for ${r.distinct.toLocaleString('en-US')} distinct messages`,
        tMs: r.idempotentTwiceMs,
      },
    ];
  }
}
