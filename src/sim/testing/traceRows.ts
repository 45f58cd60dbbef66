/** Test helper: a trace as readable rows ({t, kind, from, to, payload}), for assertions and failure output. */
import type { TraceColumns } from '../trace';
import { type TraceKindName, traceKindNames } from '../traceKind';

export interface TraceRow {
  t: number;
  kind: TraceKindName;
  from: number;
  to: number;
  payload: number;
}

export function traceRows(columns: TraceColumns): TraceRow[] {
  const rows: TraceRow[] = [];
  for (let i = 0; i < columns.length; i++) {
    rows.push({
      t: columns.time[i],
      kind: traceKindNames[columns.kind[i]],
      from: columns.from[i],
      to: columns.to[i],
      payload: columns.payload[i],
    });
  }
  return rows;
}
