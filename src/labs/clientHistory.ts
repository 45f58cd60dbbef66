/**
 * A client history packed for the worker's message to the page. A result crosses to the page as a
 * structured clone, and the page rebuilds every object in it, in one task: 10^4 operations as objects
 * (each with its input) took 7-19 ms to rebuild (v8.deserialize in Node), and more in the page, where that
 * task also collects the garbage. Packed, they are four typed arrays and one string. The page reads them
 * only to save the history (app/runDownloads.ts).
 */
import type { ClientHistoryOp, PackedOperations } from './contract';

const STATUSES: readonly ClientHistoryOp['status'][] = ['pending', 'ok', 'fail', 'timeout'];

/** The operations as columns; inputs and outputs as one JSON text (an output left undefined stays so). */
export function packOperations(operations: readonly ClientHistoryOp[]): PackedOperations {
  const count = operations.length;
  const packed: PackedOperations = {
    count,
    process: new Float64Array(count),
    call: new Float64Array(count),
    ret: new Float64Array(count),
    status: new Uint8Array(count),
    values: '',
  };
  const values: unknown[][] = [];
  operations.forEach((op, i) => {
    packed.process[i] = op.process;
    packed.call[i] = op.call;
    packed.ret[i] = op.ret;
    packed.status[i] = STATUSES.indexOf(op.status);
    values.push(op.output === undefined ? [op.input] : [op.input, op.output]);
  });
  packed.values = JSON.stringify(values);
  return packed;
}

/** The operations `packOperations` packed, equal to them. */
export function unpackOperations(packed: PackedOperations): ClientHistoryOp[] {
  const values = JSON.parse(packed.values) as unknown[][];
  return values.map((pair, i) => ({
    process: packed.process[i],
    input: pair[0],
    output: pair.length > 1 ? pair[1] : undefined,
    call: packed.call[i],
    ret: packed.ret[i],
    status: STATUSES[packed.status[i]],
  }));
}
