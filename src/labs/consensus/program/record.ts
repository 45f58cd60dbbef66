/**
 * The result's growing tables: per-server changes (role, term, vote, log, commit, apply, configuration,
 * status) and leadership intervals, kept as plain number arrays while the run goes and packed into typed
 * columns at the end (./program.ts). Times are true time in ticks here.
 */
import { ChangeKind, type ChangeColumns, type LeaderColumns } from '../result';

type ChangeKindCode = (typeof ChangeKind)[keyof typeof ChangeKind];

export class ChangeLog {
  readonly tick: number[] = [];
  readonly step: number[] = [];
  readonly server: number[] = [];
  readonly kind: number[] = [];
  readonly a: number[] = [];
  readonly b: number[] = [];
  readonly c: number[] = [];

  push(tick: number, step: number, server: number, kind: ChangeKindCode, a: number, b = 0, c = 0): void {
    this.tick.push(tick);
    this.step.push(step);
    this.server.push(server);
    this.kind.push(kind);
    this.a.push(a);
    this.b.push(b);
    this.c.push(c);
  }

  columns(ticksPerMs: number): ChangeColumns {
    return {
      tMs: Float64Array.from(this.tick, (t) => t / ticksPerMs),
      step: Int32Array.from(this.step),
      server: Uint8Array.from(this.server),
      kind: Uint8Array.from(this.kind),
      a: Int32Array.from(this.a),
      b: Int32Array.from(this.b),
      c: Int32Array.from(this.c),
    };
  }
}

export class LeaderLog {
  private readonly server: number[] = [];
  private readonly term: number[] = [];
  private readonly start: number[] = [];
  private readonly end: number[] = [];
  private readonly open = new Map<number, number>();

  begin(server: number, term: number, tick: number): void {
    this.finish(server, tick);
    this.open.set(server, this.server.length);
    this.server.push(server);
    this.term.push(term);
    this.start.push(tick);
    this.end.push(Infinity);
  }

  finish(server: number, tick: number): void {
    const row = this.open.get(server);
    if (row === undefined) return;
    this.end[row] = tick;
    this.open.delete(server);
  }

  get count(): number {
    return this.server.length;
  }

  columns(endTick: number, ticksPerMs: number): LeaderColumns {
    return {
      server: Uint8Array.from(this.server),
      term: Int32Array.from(this.term),
      startMs: Float64Array.from(this.start, (t) => t / ticksPerMs),
      endMs: Float64Array.from(this.end, (t) => Math.min(t, endTick) / ticksPerMs),
    };
  }
}
