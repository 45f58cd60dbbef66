import { describe, expect, it } from 'vitest';
import { generateRegisterHistory } from '../core/checkers';
import { rng } from '../core/random/rng';
import { checkHistoryText } from './check';

const clock = () => 0;

function asJson(staleReads: number, operations: number): string {
  const { operations: ops } = generateRegisterHistory(rng(7), { operations, staleReads });
  return JSON.stringify({ model: 'register', operations: ops.map((op) => ({ process: op.process ?? op.index! % 8, input: op.input, output: op.output ?? null, call: op.call, ret: op.ret })) });
}

describe('checkHistoryText (the page\'s worker)', () => {
  it('checks 10^4 operations and hands the timeline one row per operation, with their kinds and words', () => {
    const reply = checkHistoryText(asJson(0, 10_000), undefined, 10_000, clock);
    if (!reply.ok) throw new Error(reply.message);
    expect(reply).toMatchObject({ format: 'json', model: 'register', verdict: 'linearizable', operations: 10_000 });
    expect(reply.columns.call).toHaveLength(10_000);
    expect([...reply.kindNames].sort()).toEqual(['read', 'write']);
    expect(reply.texts[0]).toMatch(/^(read\(\) -> |write\()/);
  });

  it('a stale read makes it not linearizable, and the explanation names a row the timeline has', () => {
    const reply = checkHistoryText(asJson(1, 500), undefined, 10_000, clock);
    if (!reply.ok) throw new Error(reply.message);
    expect(reply.verdict).toBe('not linearizable');
    expect([...reply.ids]).toContain(reply.explanation!.cannotPlace);
  });

  it('refuses what npm run check refuses, in the same words', () => {
    expect(checkHistoryText('hello', undefined, 1000, clock)).toEqual({ ok: false, message: 'unknown format (expected a jepsen etcd log, a kv log, Jepsen/Knossos EDN or JSON)' });
    expect(checkHistoryText('[{:process 0, :type :invoke, :f :read, :value nil}]', 'kv', 1000, clock)).toEqual({ ok: false, message: 'a Jepsen/Knossos EDN history needs the model cas-register or multi-register, not kv' });
  });
});
