/** The per-request columns of a leader-follower result, from the history and the recorder. */
import type { RegisterInput, RegisterOutput } from '../../../core/checkers';
import type { Operation } from '../../../sim/index';
import type { Recorder } from './record';
import { OpKind, RequestStatus, type RequestColumns } from '../result';

const STATUS_CODE = { pending: RequestStatus.pending, ok: RequestStatus.ok, fail: RequestStatus.fail, timeout: RequestStatus.timeout } as const;

export function requestColumns(
  history: readonly Operation<RegisterInput, RegisterOutput>[],
  rec: Recorder,
  stale: readonly { op: number; k: number }[],
  ticksPerMs: number,
): RequestColumns {
  const count = history.length;
  const cols: RequestColumns = {
    kind: new Uint8Array(count),
    process: new Int32Array(count),
    client: new Uint8Array(count),
    node: new Int8Array(count),
    epoch: new Int32Array(count),
    callMs: new Float64Array(count),
    retMs: new Float64Array(count),
    status: new Uint8Array(count),
    value: new Int32Array(count),
    index: new Int32Array(count),
    lagEntries: new Int32Array(count),
    isStale: new Uint8Array(count),
    staleK: new Uint16Array(count),
  };
  history.forEach((op, i) => {
    const isWrite = op.input.f === 'write';
    cols.kind[i] = isWrite ? OpKind.write : OpKind.read;
    cols.process[i] = op.process;
    cols.client[i] = rec.client[i];
    cols.node[i] = rec.node[i];
    cols.epoch[i] = rec.epoch[i];
    cols.callMs[i] = op.call / ticksPerMs;
    cols.retMs[i] = op.ret === Infinity ? NaN : op.ret / ticksPerMs;
    cols.status[i] = STATUS_CODE[op.status];
    if (op.input.f === 'write') {
      cols.value[i] = op.input.value as number;
      cols.index[i] = rec.writes[i]?.index ?? 0;
    } else {
      cols.value[i] = op.status === 'ok' ? ((op.output as number | null) ?? 0) : -1;
      cols.index[i] = rec.readIndex[i];
      cols.lagEntries[i] = rec.lagEntries[i];
    }
  });
  for (const { op, k } of stale) {
    cols.isStale[op] = 1;
    cols.staleK[op] = Math.min(k, 0xffff);
  }
  return cols;
}
