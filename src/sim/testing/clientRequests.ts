/**
 * Test helper for the client request event (../kit/clientRequest.ts), shared by the closed-loop labs'
 * tests: from a run without requests, find a moment when a client is thinking and one when it is busy;
 * then check that a run with a request at that moment adds exactly one operation, the client's, starting
 * at t (thinking) or when the operation open at t ends (busy), with everything called before t unchanged.
 */
import { expect } from 'vitest';
import type { RequestRow } from '../kit/closedLoop';
import type { Operation } from '../history';

export interface RequestRun {
  history: readonly Operation[];
  requests: readonly RequestRow[];
}

/** A moment (ms, a whole µs) and what the request asked then should start at (ticks). */
export interface RequestMoment {
  tMs: number;
  startTick: number;
}

const byClient = (history: readonly Operation[], clients: number, c: number) => history.filter((op) => op.process % clients === c);
const midMs = (a: number, b: number) => Math.round((a + b) / 2) / 1000;

/** A moment client c thinks between two answered operations (a gap over 2 µs), or undefined. */
export function thinkingMoment(run: RequestRun, clients: number, c: number): RequestMoment | undefined {
  const ops = byClient(run.history, clients, c);
  for (let i = 1; i < ops.length; i++) {
    const [a, b] = [ops[i - 1], ops[i]];
    if (a.status === 'ok' && b.call - a.ret > 2) {
      const tMs = midMs(a.ret, b.call);
      return { tMs, startTick: Math.round(tMs * 1000) };
    }
  }
  return undefined;
}

/** A moment client c is busy with an operation answered later (over 2 µs long): the request starts at its answer. */
export function busyMoment(run: RequestRun, clients: number, c: number): RequestMoment | undefined {
  const op = byClient(run.history, clients, c).find((o) => o.status === 'ok' && o.ret - o.call > 2);
  return op ? { tMs: midMs(op.call, op.ret), startTick: op.ret } : undefined;
}

/**
 * `after` is `before` plus one request of client c at `moment.tMs` for `f` ('write' | 'read', as its
 * history input's f names it, or the lab's 'put' | 'get'): one operation more, marked as the request,
 * the client's, starting when the moment says; every operation called before t is the same.
 */
export function expectOneRequest(before: RequestRun, after: RequestRun, clients: number, c: number, moment: RequestMoment, f: readonly string[]): void {
  expect(before.requests).toEqual([]);
  expect(after.history.length).toBe(before.history.length + 1);
  expect(after.requests.length).toBe(1);
  const [row] = after.requests;
  const op = after.history[row.op];
  expect(row.client).toBe(c);
  expect(op.process % clients).toBe(c);
  expect(f).toContain((op.input as { f: string }).f);
  expect(row.askedTick).toBe(Math.round(moment.tMs * 1000));
  expect(op.call).toBe(moment.startTick);
  expect(row.startTick).toBe(moment.startTick);
  const tick = Math.round(moment.tMs * 1000);
  const early = (h: readonly Operation[]) => h.filter((o) => o.call < tick).map((o) => [o.process, o.input, o.call]);
  expect(early(after.history)).toEqual(early(before.history));
}
