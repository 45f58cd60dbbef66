/**
 * Checkpoints of the engine: a queue, a trace or a whole simulation restored from a snapshot goes on
 * exactly as the original does (same pops, same hash, same counts), and what no checkpoint can hold is refused.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { rng } from '../core/random/rng';
import { EventQueue } from './eventQueue';
import { Simulation } from './simulation';
import { Trace } from './trace';
import { TraceKind } from './traceKind';

describe('EventQueue snapshot/restore', () => {
  it('a restored queue pops and numbers events as the original does', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.integer({ min: 0, max: 3000 }), (seed, before) => {
        const r = rng(seed);
        const a = new EventQueue(4);
        let now = 0;
        const step = (q: EventQueue, draw: () => number): number[] => {
          const out: number[] = [];
          const x = draw();
          if (x % 3 !== 0 || q.size === 0) {
            // Near (bucketed), far (heap) and non-integer (heap) times.
            const t = x % 5 === 0 ? now + 5000 + (x % 9000) : x % 7 === 0 ? now + 0.5 : now + (x % 40);
            out.push(q.push(t, x % 1000));
          } else {
            const t = q.peekTime();
            now = Math.floor(t);
            out.push(t, q.pop());
          }
          return out;
        };
        for (let i = 0; i < before; i++) step(a, () => r.u32());
        const saved = a.snapshot();
        const savedNow = now;
        const b = new EventQueue();
        b.restore(saved);
        const draws = Array.from({ length: 2000 }, () => r.u32());
        const fromA = draws.flatMap((x) => step(a, () => x));
        now = savedNow;
        const fromB = draws.flatMap((x) => step(b, () => x));
        expect(fromB).toEqual(fromA);
        expect(b.size).toBe(a.size);
      }),
      { numRuns: 30 },
    );
  });
});

describe('Trace snapshot/restore', () => {
  it('a restored trace keeps the entries and goes on to the same hash', () => {
    const a = new Trace(200_000);
    for (let i = 0; i < 70_000; i++) a.record(i >> 2, TraceKind.note, i % 5, i % 3, i);
    const b = new Trace(200_000);
    b.restore(a.snapshot());
    for (const t of [a, b]) for (let i = 0; i < 70_000; i++) t.record(20_000 + (i >> 1), TraceKind.note, 1, 2, -i);
    expect(b.hash()).toBe(a.hash());
    expect(b.columns()).toEqual(a.columns());
  });
});

/** A toy lab on data events: arrivals draw a service time from a node's stream, completions count. */
function toy(seed: number) {
  const sim = new Simulation<never>({ seed, nodes: 4, protocol: () => ({ onMessage() {} }) });
  const svc = Array.from({ length: 4 }, (_, i) => sim.node(i).rng.fork('svc'));
  const done = new Float64Array(4);
  sim.onCall((code, a, b) => {
    if (code === 0) {
      const node = a % 4;
      sim.call(sim.now + 1 + svc[node].int(50), 1, node, b);
      if (a < 3000) sim.call(sim.now + 3, 0, a + 1, sim.now);
    } else {
      done[a] += b;
      sim.note(a, 7, sim.now);
    }
  });
  return { sim, svc, done };
}

describe('Simulation snapshot/restore', () => {
  it('restore then run gives the same trace hash, events and state as never stopping', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 9000 }), (seed, cut) => {
        const whole = toy(seed);
        whole.sim.call(0, 0, 0, 0);
        whole.sim.run(1999);
        whole.sim.runFirst(2000, () => whole.sim.record(TraceKind.script, -1, -1, 0));
        const end = whole.sim.run();

        const first = toy(seed);
        first.sim.call(0, 0, 0, 0);
        const c = Math.min(cut, 1999);
        first.sim.run(c);
        const saved = first.sim.snapshot();
        const second = toy(seed);
        second.sim.restore(saved);
        second.svc.forEach((r, i) => r.restore(first.svc[i].save()));
        second.done.set(first.done);
        second.sim.run(1999);
        second.sim.runFirst(2000, () => second.sim.record(TraceKind.script, -1, -1, 0));
        const resumed = second.sim.run();
        expect(resumed).toEqual(end);
        expect(second.sim.trace.hash()).toBe(whole.sim.trace.hash());
        expect(second.done).toEqual(whole.done);
      }),
      { numRuns: 25 },
    );
  });

  it('runFirst comes before every event pending at its time, as a call scheduled first does', () => {
    const order = (first: boolean): number[] => {
      const seen: number[] = [];
      const sim = new Simulation<never>({ seed: 1, nodes: 1, protocol: () => ({ onMessage() {} }) });
      sim.onCall((code) => seen.push(code));
      if (first) sim.at(10, () => seen.push(-1));
      sim.call(10, 1, 0, 0);
      sim.call(10, 2, 0, 0);
      if (first) sim.run();
      else {
        sim.run(9);
        sim.runFirst(10, () => seen.push(-1));
        sim.run();
      }
      expect(sim.events).toBe(3);
      return seen;
    };
    expect(order(false)).toEqual(order(true));
    expect(order(false)).toEqual([-1, 1, 2]);
  });

  it('refuses pending closures and a restore into a simulation that ran', () => {
    const sim = new Simulation<never>({ seed: 1, nodes: 2, protocol: () => ({ onMessage() {} }) });
    sim.at(5, () => {});
    expect(() => sim.snapshot()).toThrow(/pending callback/);
    sim.run();
    const other = new Simulation<never>({ seed: 1, nodes: 2, protocol: () => ({ onMessage() {} }) });
    expect(() => sim.restore(other.snapshot())).toThrow(/not run/);
    expect(() => new Simulation<never>({ seed: 1, nodes: 3, protocol: () => ({ onMessage() {} }) }).restore(other.snapshot())).toThrow(/nodes/);
  });
});
