/**
 * A single-register client history as a lab result carries it (plain objects the worker can post), shared
 * by the labs whose clients read and write one register (quorums, leader-follower): the engine's
 * operations narrowed to integer values, nil as null.
 */
import type { RegisterInput, RegisterOutput } from '../core/checkers';
import type { Operation } from '../sim/index';

export type RegisterOp = Operation<RegisterInput, RegisterOutput>;

export interface HistoryOp {
  index: number;
  process: number;
  input: { f: 'read' } | { f: 'write'; value: number };
  /** read: the value (null = nil); write: undefined. */
  output: number | null | undefined;
  call: number;
  ret: number;
  status: 'pending' | 'ok' | 'fail' | 'timeout';
}

export function historyOp(op: RegisterOp): HistoryOp {
  return {
    index: op.index,
    process: op.process,
    input: op.input.f === 'write' ? { f: 'write', value: op.input.value as number } : { f: 'read' },
    output: op.input.f === 'read' ? ((op.output as number | null | undefined) ?? null) : undefined,
    call: op.call,
    ret: op.ret,
    status: op.status,
  };
}
