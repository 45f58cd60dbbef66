/**
 * Client operation history: what clients asked (invoke) and what they were told (ok, fail) or never
 * learned (timeout), with true-time intervals, in the shape a linearizability checker (Porcupine, Knossos)
 * consumes.
 *
 * Why the outcomes differ for a checker:
 *   ok       the operation took effect somewhere in [call, ret];
 *   fail     the system guarantees it did not take effect: the checker may drop it;
 *   timeout  unknown: it may have taken effect at any time after `call`, so its `ret` is Infinity.
 *
 *   process 1  |--put x=1--ok|
 *   process 2        |--get x--------?   timeout: the interval never closes
 *   process 3              |--get x=1--ok|
 *
 * Like Jepsen, a process runs one operation at a time, and a process whose operation timed out is retired
 * (a later invoke needs a new process id), because its next call could not be ordered after the unknown one.
 */

export type OpStatus = 'pending' | 'ok' | 'fail' | 'timeout';

export interface Operation<I = unknown, O = unknown> {
  /** Position in the history (invoke order). */
  index: number;
  /** The client process (any integer the lab chooses). */
  process: number;
  input: I;
  /** The result given to the client; undefined while pending or after a timeout. */
  output: O | undefined;
  /** True time of the invoke, in ticks. */
  call: number;
  /** True time of the response, in ticks; Infinity while pending or after a timeout. */
  ret: number;
  status: OpStatus;
}

export class History<I = unknown, O = unknown> {
  private readonly ops: Operation<I, O>[] = [];
  /** Index of each process's last operation (by process id). */
  private readonly last = new Map<number, number>();

  /** Every operation, in invoke order. */
  get operations(): readonly Operation<I, O>[] {
    return this.ops;
  }

  /** Records a call at true time `t`; returns the operation index. */
  invoke(process: number, input: I, t: number): number {
    if (!Number.isInteger(process)) throw new Error(`invalid process: ${process}`);
    const previous = this.last.get(process);
    if (previous !== undefined) {
      const status = this.ops[previous].status;
      if (status === 'pending') throw new Error(`process ${process} already runs operation ${previous}`);
      if (status === 'timeout') {
        throw new Error(`process ${process} timed out on operation ${previous}; use a new process id`);
      }
    }
    const index = this.ops.length;
    this.ops.push({ index, process, input, output: undefined, call: t, ret: Infinity, status: 'pending' });
    this.last.set(process, index);
    return index;
  }

  /** The operation took effect and returned `output` at `t`. */
  ok(index: number, output: O, t: number): void {
    this.complete(index, 'ok', output, t);
  }

  /** The operation certainly did not take effect (answered at `t`, optionally with an error value). */
  fail(index: number, output: O | undefined, t: number): void {
    this.complete(index, 'fail', output, t);
  }

  /** The client gave up at `t` without knowing the outcome; `ret` stays Infinity for checkers. */
  timeout(index: number, t: number): void {
    const op = this.pending(index);
    if (t < op.call) throw new Error(`operation ${index} cannot time out at ${t}, before its call at ${op.call}`);
    op.status = 'timeout';
  }

  /**
   * What a linearizability checker needs: ok operations and unknown ones (timeout and still pending,
   * ret = Infinity), in invoke order; failed ones are dropped as they cannot have taken effect.
   */
  forChecker(): Operation<I, O>[] {
    return this.ops.filter((op) => op.status !== 'fail').map((op) => ({ ...op }));
  }

  private pending(index: number): Operation<I, O> {
    const op = this.ops[index];
    if (!op) throw new Error(`invalid operation index: ${index}`);
    if (op.status !== 'pending') throw new Error(`operation ${index} already completed (${op.status})`);
    return op;
  }

  private complete(index: number, status: 'ok' | 'fail', output: O | undefined, t: number): void {
    const op = this.pending(index);
    if (t < op.call) throw new Error(`operation ${index} cannot return at ${t}, before its call at ${op.call}`);
    op.status = status;
    op.output = output;
    op.ret = t;
  }
}
