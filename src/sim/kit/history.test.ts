import { describe, expect, it } from 'vitest';
import type { RegisterInput, RegisterOutput } from '../../core/checkers';
import { History } from '../history';
import { OpKind, RequestStatus } from './codes';
import {
  checkRegisterHistory, historyColumns, historyInMs, historyOp, okLatencyMs, registerValue, staleColumns, statusCounts, verdictMetric,
  type RegisterOp,
} from './history';

/**
 * A register history in ticks (µs):
 *   p0  |--write 1 (0..2000)--ok|
 *   p1        |--read (1000..3000) -> 1--ok|
 *   p2              |--write 3 (1500..)--timeout
 *   p3                    |--read (2500..2600)--fail|
 */
function sample(): readonly RegisterOp[] {
  const h = new History<RegisterInput, RegisterOutput>();
  h.invoke(0, { f: 'write', value: 1 }, 0);
  h.invoke(1, { f: 'read' }, 1000);
  h.invoke(2, { f: 'write', value: 3 }, 1500);
  h.ok(0, undefined, 2000);
  h.invoke(3, { f: 'read' }, 2500);
  h.fail(3, undefined, 2600);
  h.ok(1, 1, 3000);
  h.timeout(2, 4000);
  return h.operations;
}

describe('history recorder (read side)', () => {
  it('historyOp(op) narrows a register operation to plain data: a nil read returns null, a write undefined', () => {
    const h = new History<RegisterInput, RegisterOutput>();
    h.invoke(5, { f: 'read' }, 0);
    h.ok(0, null, 10);
    expect(historyOp(h.operations[0])).toEqual({ index: 0, process: 5, input: { f: 'read' }, output: null, call: 0, ret: 10, status: 'ok' });
    expect(historyOp(sample()[0]).output).toBeUndefined();
    expect(historyOp(sample()[2])).toMatchObject({ input: { f: 'write', value: 3 }, ret: Infinity, status: 'timeout' });
  });

  it('historyInMs(history) divides call and return times by 1000 and keeps an unknown return at Infinity', () => {
    const ms = historyInMs(sample());
    expect(ms.map((op) => [op.call, op.ret])).toEqual([[0, 2], [1, 3], [1.5, Infinity], [2.5, 2.6]]);
    expect(sample()[0].ret).toBe(2000); // the engine's history is left as it was
  });

  it('historyColumns(history, isWrite) packs kind, process, times in ms (NaN: no answer) and status codes', () => {
    const cols = historyColumns(sample(), (input) => input.f === 'write');
    expect(Array.from(cols.kind)).toEqual([OpKind.write, OpKind.read, OpKind.write, OpKind.read]);
    expect(Array.from(cols.process)).toEqual([0, 1, 2, 3]);
    expect(Array.from(cols.callMs)).toEqual([0, 1, 1.5, 2.5]);
    expect(Array.from(cols.retMs)).toEqual([2, 3, NaN, 2.6]);
    expect(Array.from(cols.status)).toEqual([RequestStatus.ok, RequestStatus.ok, RequestStatus.timeout, RequestStatus.fail]);
  });

  it('registerValue(op) is a write\'s value, an ok read\'s (0 for nil), and -1 for a read that returned nothing', () => {
    expect(sample().map(registerValue)).toEqual([1, 1, 3, -1]);
  });

  it('staleColumns(count, stale) marks the stale reads and caps k at 65,535', () => {
    const cols = staleColumns(3, [{ op: 1, k: 2 }, { op: 2, k: 100_000 }]);
    expect([Array.from(cols.isStale), Array.from(cols.staleK)]).toEqual([[0, 1, 1], [0, 2, 0xffff]]);
  });

  it('statusCounts and okLatencyMs count outcomes and the ok latencies (ms, ascending)', () => {
    expect(statusCounts(sample())).toEqual({ ok: 2, failed: 1, timeouts: 1 });
    expect(Array.from(okLatencyMs(sample()))).toEqual([2, 2]);
    expect(Array.from(okLatencyMs(sample(), (op) => op.input.f === 'read'))).toEqual([2]);
    expect(Array.from(okLatencyMs([]))).toEqual([]);
  });

  it('checkRegisterHistory(history) checks in ms: the sample is linearizable; a read of an overwritten value is not', () => {
    const ok = checkRegisterHistory(sample(), 10_000);
    expect([ok.check.verdict, ok.ops[1].ret, ok.staleness.staleReads]).toEqual(['linearizable', 3, 0]);
    const h = new History<RegisterInput, RegisterOutput>();
    h.invoke(0, { f: 'write', value: 1 }, 0);
    h.ok(0, undefined, 1000);
    h.invoke(0, { f: 'write', value: 2 }, 2000);
    h.ok(1, undefined, 3000);
    h.invoke(1, { f: 'read' }, 4000);
    h.ok(2, 1, 5000);
    const bad = checkRegisterHistory(h.operations, 10_000);
    expect([bad.check.verdict, bad.check.explanation?.cannotPlace, bad.staleness.staleReads]).toEqual(['not linearizable', 2, 1]);
  });

  it('verdictMetric(verdict) is 1, 0 or -1', () => {
    expect([verdictMetric('linearizable'), verdictMetric('not linearizable'), verdictMetric('unknown')]).toEqual([1, 0, -1]);
  });
});
