/**
 * The run's event loop on the engine's queue (src/sim/eventQueue.ts: ordered by (tick, insertion order)):
 * an event is a row of three integer columns (type, a, b), so 10^6 events allocate no object each.
 */
import { EventQueue } from '../../../sim/eventQueue';
import { TICKS_PER_MS } from '../../../sim/kit/time';

export class Loop {
  private readonly queue = new EventQueue();
  private type = new Int32Array(1024);
  private a = new Int32Array(1024);
  private b = new Int32Array(1024);
  private free: number[] = [];
  private next = 0;
  /** Now, in engine ticks (µs). */
  tick = 0;
  handled = 0;

  get ms(): number {
    return this.tick / TICKS_PER_MS;
  }

  /** Schedules (type, a, b) at `ms` (rounded up to a tick, never before now). */
  at(ms: number, type: number, a = 0, b = 0): void {
    const t = Math.max(this.tick, Math.ceil(ms * TICKS_PER_MS - 1e-6));
    let row = this.free.pop();
    if (row === undefined) {
      if (this.next === this.type.length) this.grow();
      row = this.next++;
    }
    this.type[row] = type;
    this.a[row] = a;
    this.b[row] = b;
    this.queue.push(t, row);
  }

  private grow(): void {
    const n = this.type.length * 2;
    const g = (x: Int32Array) => { const y = new Int32Array(n); y.set(x); return y; };
    this.type = g(this.type);
    this.a = g(this.a);
    this.b = g(this.b);
  }

  /** Runs events in order until `endMs`, calling `handle(type, a, b)` with `tick` set. */
  run(endMs: number, handle: (type: number, a: number, b: number) => void): void {
    const end = Math.round(endMs * TICKS_PER_MS);
    while (this.queue.size > 0 && this.queue.peekTime() <= end) {
      this.tick = this.queue.peekTime();
      const row = this.queue.pop();
      const type = this.type[row], a = this.a[row], b = this.b[row];
      this.free.push(row);
      this.handled++;
      handle(type, a, b);
    }
    this.tick = end;
  }
}
