/**
 * The run's ghost: what actors report as it happens (requests as clients saw them, transactions as
 * participants applied them), in true time. It checks the invariants at the step they could break and writes
 * the narration's remarks. Nothing here is seen by the actors: it never changes a run.
 */
import { InvariantBook } from '../../../sim/kit/invariantBook';
import type { RequestRow } from '../result';

export class Observer extends InvariantBook {
  readonly requests: (RequestRow & { tick: number })[] = [];
  /** shared-db: replication lags B's copy saw (ms), in order. */
  readonly lags: number[] = [];

  constructor(now: () => number, ticksPerMs: number) {
    super(now, ticksPerMs, true);
  }

  get nowMs(): number {
    return this.now() / this.ticksPerMs;
  }


  /** partition: spans (ticks) each side's thread pool was exhausted: [from, to) pairs, to NaN while open. */
  private readonly full: number[][] = [[], []];
  poolFull(side: 0 | 1, isFull: boolean): void {
    const f = this.full[side];
    if (isFull) f.push(this.now(), NaN);
    else if (f.length > 0 && Number.isNaN(f[f.length - 1])) f[f.length - 1] = this.now();
  }

  /** ms the pool of `side` spent exhausted up to `endMs`. */
  poolFullMs(side: 0 | 1, endMs: number): number {
    const f = this.full[side];
    let total = 0;
    for (let i = 0; i < f.length; i += 2) total += (Number.isNaN(f[i + 1]) ? endMs * this.ticksPerMs : f[i + 1]) - f[i];
    return total / this.ticksPerMs;
  }

  /** locality: cross-region calls and bytes per side. */
  readonly cross = [0, 0];
  readonly crossBytes = [0, 0];
  crossCall(side: 0 | 1, bytes: number): void {
    this.cross[side]++;
    this.crossBytes[side] += bytes;
  }

  /** shared-db: A's order count in its own store (the ghost reads the disk). */
  sourceOf: () => number = () => 0;
  copySeen(orders: number): void {
    const source = this.sourceOf();
    if (orders > source) this.broke('copy-behind', `b1's copy has ${orders} orders, d1 ${source}`);
  }

  /** shared-db: queries refused for a schema mismatch, by the service that sent them. */
  private readonly schemaRefused = new Map<number, number>();
  schemaError(node: number): void {
    this.schemaRefused.set(node, (this.schemaRefused.get(node) ?? 0) + 1);
  }
  schemaErrors(node: number): number {
    return this.schemaRefused.get(node) ?? 0;
  }

  lag(ms: number): void {
    this.lags.push(ms);
  }

  request(row: RequestRow): void {
    this.requests.push({ ...row, tick: this.now() });
  }
}
