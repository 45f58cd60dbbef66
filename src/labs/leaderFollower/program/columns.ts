/** The per-request columns of a leader-follower result: the history's shared columns, and the recorder's. */
import { historyColumns, registerValue, staleColumns, type RegisterOp } from '../../../sim/kit/history';
import type { RequestRow } from '../../../sim/kit/closedLoop';
import type { Recorder } from './record';
import type { RequestColumns } from '../result';

export function requestColumns(history: readonly RegisterOp[], rec: Recorder, stale: readonly { op: number; k: number }[], requests: readonly RequestRow[] = []): RequestColumns {
  const count = history.length;
  const isRequest = new Uint8Array(count);
  for (const r of requests) isRequest[r.op] = 1;
  const index = new Int32Array(count);
  const lagEntries = new Int32Array(count);
  history.forEach((op, i) => {
    if (op.input.f === 'write') {
      index[i] = rec.writes[i]?.index ?? 0;
    } else {
      index[i] = rec.readIndex[i];
      lagEntries[i] = rec.lagEntries[i];
    }
  });
  const perOp = (of: readonly number[]) => (_: unknown, i: number) => of[i];
  return {
    ...historyColumns(history, (input) => input.f === 'write'),
    ...staleColumns(count, stale),
    client: Uint8Array.from({ length: count }, perOp(rec.client)),
    node: Int8Array.from({ length: count }, perOp(rec.node)),
    epoch: Int32Array.from({ length: count }, perOp(rec.epoch)),
    value: Int32Array.from(history, registerValue),
    index,
    lagEntries,
    isRequest,
  };
}
