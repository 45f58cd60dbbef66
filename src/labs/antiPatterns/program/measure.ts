/** Figures over the clients' request rows, shared by the scenes' analyses. */
import { quantile } from '../../../core/stats/index';
import type { RequestRow } from '../result';

export const rowsOf = (rows: readonly RequestRow[], side: 0 | 1, what: string): RequestRow[] => rows.filter((r) => r.side === side && r.what === what);

/** p-quantile (0..1) of the latencies of answered requests (ok or fallback), ms; NaN when none. */
export function latencyQ(rows: readonly RequestRow[], p: number): number {
  return quantile(rows.filter((r) => r.outcome === 'ok' || r.outcome === 'fallback').map((r) => r.latencyMs), p);
}

export const count = (rows: readonly RequestRow[], ...outcomes: RequestRow['outcome'][]): number => rows.filter((r) => outcomes.includes(r.outcome)).length;

/** Share of requests answered ok, in percent (NaN when none). */
export function okPercent(rows: readonly RequestRow[]): number {
  return rows.length === 0 ? NaN : (100 * count(rows, 'ok')) / rows.length;
}

export const ms1 = (v: number): string => (Number.isFinite(v) ? `${v.toFixed(1)} ms` : '–');
export const pct = (v: number): string => (Number.isFinite(v) ? `${v.toFixed(1)} %` : '–');
