import { describe, expect, it } from 'vitest';
import { History } from './history';

describe('History', () => {
  it('invoke/ok/fail/timeout record intervals and statuses in invoke order', () => {
    const h = new History<string, string>();
    const a = h.invoke(1, 'put x=1', 10);
    const b = h.invoke(2, 'get x', 12);
    const c = h.invoke(3, 'put x=2', 13);
    h.ok(a, 'ok', 20);
    h.timeout(b, 50);
    h.fail(c, 'no leader', 30);
    expect(h.operations.map((op) => [op.index, op.process, op.call, op.ret, op.status, op.output])).toEqual([
      [0, 1, 10, 20, 'ok', 'ok'],
      [1, 2, 12, Infinity, 'timeout', undefined],
      [2, 3, 13, 30, 'fail', 'no leader'],
    ]);
  });

  it('forChecker() keeps ok and unknown operations (ret Infinity) and drops failed ones', () => {
    const h = new History();
    h.ok(h.invoke(1, 'a', 0), 'x', 5);
    h.fail(h.invoke(2, 'b', 1), undefined, 3);
    h.invoke(3, 'c', 2); // still pending at the end
    const ops = h.forChecker();
    expect(ops.map((op) => [op.process, op.ret])).toEqual([[1, 5], [3, Infinity]]);
    ops[0].ret = 99;
    expect(h.operations[0].ret).toBe(5); // copies: a checker cannot edit the history
  });

  it('a process runs one operation at a time and is retired after a timeout', () => {
    const h = new History();
    const a = h.invoke(1, 'a', 0);
    expect(() => h.invoke(1, 'b', 1)).toThrow('process 1 already runs operation 0');
    h.timeout(a, 5);
    expect(() => h.invoke(1, 'c', 6)).toThrow('process 1 timed out on operation 0; use a new process id');
    h.ok(h.invoke(1 + 100, 'c', 6), 'done', 7);
    expect(h.operations[1].status).toBe('ok');
  });

  it('refuses completing twice or before the call', () => {
    const h = new History();
    const a = h.invoke(1, 'a', 10);
    expect(() => h.ok(a, 'x', 9)).toThrow('cannot return at 9, before its call at 10');
    h.ok(a, 'x', 11);
    expect(() => h.fail(a, 'y', 12)).toThrow('operation 0 already completed (ok)');
    expect(() => h.ok(7, 'x', 12)).toThrow('invalid operation index: 7');
  });
});
