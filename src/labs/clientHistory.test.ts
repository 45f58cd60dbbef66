import { describe, expect, it } from 'vitest';
import { packOperations, unpackOperations } from './clientHistory';
import type { ClientHistoryOp } from './contract';

describe('packed client histories', () => {
  it('unpack gives back the operations: every status, an unknown return, outputs undefined, null, a value and a list', () => {
    const ops: ClientHistoryOp[] = [
      { process: 0, input: { f: 'write', value: 1 }, output: undefined, call: 0.5, ret: 2.25, status: 'ok' },
      { process: 3, input: { f: 'read' }, output: null, call: 1, ret: Infinity, status: 'timeout' },
      { process: 7, input: { f: 'read' }, output: 1, call: 3, ret: 4, status: 'ok' },
      { process: 2, input: { f: 'get', key: 'k0' }, output: ['a', 'b'], call: 5, ret: 6, status: 'fail' },
      { process: 1, input: { f: 'put', key: 'k1', value: 'x' }, output: undefined, call: 7, ret: Infinity, status: 'pending' },
    ];
    const packed = packOperations(ops);
    expect(packed.count).toBe(ops.length);
    const back = unpackOperations(structuredClone(packed));
    expect(back).toStrictEqual(ops);
    expect(unpackOperations(packOperations([]))).toEqual([]);
  });
});
