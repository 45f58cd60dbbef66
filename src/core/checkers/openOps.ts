import type { CheckOp } from './model';

/** Opens and closes operations per process, as a history of invokes and completions is read. */
export class OpenOps<I, O> {
  readonly operations: CheckOp<I, O>[] = [];
  private readonly open = new Map<number, number>();

  invoke(process: number, input: I, time: number): string | undefined {
    const openIndex = this.open.get(process);
    if (openIndex !== undefined) return `process ${process} invokes while its operation from line ${this.operations[openIndex].call} is still open`;
    this.open.set(process, this.operations.length);
    this.operations.push({ index: this.operations.length, process, input, output: undefined, call: time, ret: Infinity, status: 'pending' });
    return undefined;
  }

  complete(process: number, f: string, fOf: (input: I) => string, status: 'ok' | 'fail' | 'timeout', output: O | undefined, time: number): string | undefined {
    const openIndex = this.open.get(process);
    if (openIndex === undefined) return `process ${process} completes an operation it never invoked`;
    const op = this.operations[openIndex];
    if (fOf(op.input) !== f) return `process ${process} completes ${f} but invoked ${fOf(op.input)} on line ${op.call}`;
    this.open.delete(process);
    op.status = status;
    if (status !== 'timeout') {
      op.ret = time;
      op.output = output;
    }
    return undefined;
  }

  /** Still-open operations become unknown (ret Infinity), as Porcupine appends an unknown return. */
  finish(): CheckOp<I, O>[] {
    for (const index of this.open.values()) this.operations[index].status = 'timeout';
    return this.operations;
  }
}
