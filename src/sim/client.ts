/**
 * Clients' view of the history: each call records the operation at the current true time in the History
 * (for checkers) and in the trace (kinds invoke / ok / fail / timeout, from = process, payload = op index),
 * so the timeline can draw operations beside the messages that served them.
 */
import type { History } from './history';
import { TraceKind } from './traceKind';

/** The part of the simulation a client needs: the clock and the trace. */
export interface ClientHost {
  readonly now: number;
  record(kind: number, from: number, to: number, payload: number): void;
}

export class Clients<I = unknown, O = unknown> {
  private readonly host: ClientHost;
  private readonly history: History<I, O>;

  constructor(host: ClientHost, history: History<I, O>) {
    this.host = host;
    this.history = history;
  }

  /** Process `process` calls with `input` now; returns the operation index. */
  invoke(process: number, input: I): number {
    const op = this.history.invoke(process, input, this.host.now);
    this.host.record(TraceKind.invoke, process, -1, op);
    return op;
  }

  /** Operation `op` returned `output` now. */
  ok(op: number, output: O): void {
    this.history.ok(op, output, this.host.now);
    this.host.record(TraceKind.ok, this.history.operations[op].process, -1, op);
  }

  /** Operation `op` failed now and certainly had no effect. */
  fail(op: number, output?: O): void {
    this.history.fail(op, output, this.host.now);
    this.host.record(TraceKind.fail, this.history.operations[op].process, -1, op);
  }

  /** The client of `op` gave up now, not knowing whether it took effect. */
  timeout(op: number): void {
    this.history.timeout(op, this.host.now);
    this.host.record(TraceKind.timeout, this.history.operations[op].process, -1, op);
  }
}
