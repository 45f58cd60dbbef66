/**
 * Goal: k-staleness and t-visibility on histories where both are known by hand (staleness.ts's picture).
 */
import { describe, expect, it } from 'vitest';
import type { CheckOp } from './model';
import type { RegisterInput, RegisterOutput } from './models/register';
import { registerStaleness } from './staleness';

type Op = CheckOp<RegisterInput, RegisterOutput>;
const w = (value: number, call: number, ret: number): Op => ({ input: { f: 'write', value }, output: undefined, call, ret });
const r = (value: number | null, call: number, ret: number): Op => ({ input: { f: 'read' }, output: value, call, ret });

describe('registerStaleness', () => {
  it('registerStaleness(history) counts versions missed (k) and time since the oldest missed write completed (t)', () => {
    const report = registerStaleness([w(1, 0, 1), w(2, 2, 3), w(3, 4, 5), r(1, 10, 11), r(3, 10, 11), r(null, 10, 12)]);
    expect(report).toMatchObject({ reads: 3, staleReads: 2, kMax: 3, tVisibilityMax: 9, kCounts: [1, 0, 1, 1], unexplained: [] });
    expect(report.stale).toEqual([
      { op: 3, k: 2, t: 7, missed: 1 },
      { op: 5, k: 3, t: 9, missed: 0 },
    ]);
  });

  it('a read concurrent with a write is fresh whichever value it returns', () => {
    const report = registerStaleness([w(1, 0, 1), w(2, 5, 9), r(1, 6, 7), r(2, 6, 7)]);
    expect(report).toMatchObject({ reads: 2, staleReads: 0, kCounts: [2] });
  });

  it('a value no write wrote is unexplained; unknown writes and reads are handled', () => {
    const lost: Op = { input: { f: 'write', value: 4 }, output: undefined, call: 0, ret: Infinity, status: 'timeout' };
    const unknownRead: Op = { input: { f: 'read' }, output: undefined, call: 0, ret: Infinity, status: 'timeout' };
    const report = registerStaleness([w(1, 0, 1), lost, unknownRead, r(4, 5, 6), r(99, 5, 6)]);
    expect(report).toMatchObject({ reads: 2, staleReads: 0, unexplained: [4] });
  });
});
