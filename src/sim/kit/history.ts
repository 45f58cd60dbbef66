/**
 * The history recorder's read side: a run's client history (the engine's, in ticks) as results and
 * checkers take it. Register histories (one integer register: quorums, leader-follower, CAP) travel in
 * the one `HistoryOp` shape; any history packs into the shared request columns (./codes.ts).
 */
import {
  checkLinearizability, registerModel, registerStaleness,
  type CheckResult, type RegisterInput, type RegisterOutput, type StalenessReport, type Verdict,
} from '../../core/checkers';
import type { Operation } from '../history';
import { OpKind, RequestStatus, type HistoryColumns, type StaleColumns } from './codes';
import { ticksToMs } from './time';

export type RegisterOp = Operation<RegisterInput, RegisterOutput>;

/** A register operation as a lab result carries it (plain data the worker can post); nil is null. */
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

/** The history with call and return times in ms (ret stays Infinity when unknown): what checkers read. */
export function historyInMs<I, O>(history: readonly Operation<I, O>[]): Operation<I, O>[] {
  return history.map((op) => ({ ...op, call: ticksToMs(op.call), ret: ticksToMs(op.ret) }));
}

/** A register history checked: its ops in ms, the linearizability verdict and the reads' staleness. */
export interface CheckedHistory {
  ops: RegisterOp[];
  check: CheckResult;
  staleness: StalenessReport;
}

/** Checks a register history (ticks) in ms, so explanations and staleness speak the scenarios' unit. */
export function checkRegisterHistory(history: readonly RegisterOp[], stepsMax: number): CheckedHistory {
  const ops = historyInMs(history);
  return { ops, check: checkLinearizability(registerModel(), ops, { stepsMax }), staleness: registerStaleness(ops) };
}

/** A verdict as a metric: 1 linearizable, 0 not, -1 unknown (the search gave up). */
export function verdictMetric(verdict: Verdict): number {
  return verdict === 'linearizable' ? 1 : verdict === 'not linearizable' ? 0 : -1;
}

/** The shared request columns of a history in ticks; `isWrite` tells the lab's writes from its reads. */
export function historyColumns<I, O>(history: readonly Operation<I, O>[], isWrite: (input: I) => boolean): HistoryColumns {
  return {
    kind: Uint8Array.from(history, (op) => (isWrite(op.input) ? OpKind.write : OpKind.read)),
    process: Int32Array.from(history, (op) => op.process),
    callMs: Float64Array.from(history, (op) => ticksToMs(op.call)),
    retMs: Float64Array.from(history, (op) => (op.ret === Infinity ? NaN : ticksToMs(op.ret))),
    status: Uint8Array.from(history, (op) => RequestStatus[op.status]),
  };
}

/** A register operation's value: a write's value, an ok read's (0 = nil), -1 for a read that returned none. */
export function registerValue(op: RegisterOp): number {
  if (op.input.f === 'write') return op.input.value as number;
  return op.status === 'ok' ? ((op.output as number | null) ?? 0) : -1;
}

/** The stale reads of a staleness report as columns over `count` operations. */
export function staleColumns(count: number, stale: readonly { op: number; k: number }[]): StaleColumns {
  const cols: StaleColumns = { isStale: new Uint8Array(count), staleK: new Uint16Array(count) };
  for (const { op, k } of stale) {
    cols.isStale[op] = 1;
    cols.staleK[op] = Math.min(k, 0xffff);
  }
  return cols;
}

/** Operations by how they ended. */
export function statusCounts(history: readonly Operation[]): { ok: number; failed: number; timeouts: number } {
  let ok = 0;
  let failed = 0;
  let timeouts = 0;
  for (const op of history) {
    if (op.status === 'ok') ok++;
    else if (op.status === 'fail') failed++;
    else if (op.status === 'timeout') timeouts++;
  }
  return { ok, failed, timeouts };
}

/** Latencies (ms, ascending) of the ok operations `filter` keeps. */
export function okLatencyMs<I, O>(history: readonly Operation<I, O>[], filter: (op: Operation<I, O>) => boolean = () => true): Float64Array {
  const out: number[] = [];
  for (const op of history) if (op.status === 'ok' && filter(op)) out.push(ticksToMs(op.ret - op.call));
  return Float64Array.from(out).sort();
}
