/**
 * Goal: the closed loop keeps its promises whatever the workload: it issues exactly the budget, a client
 * never runs two operations at once, pauses stay within 0..2 x thinkMs, a timed-out client moves to a new
 * process, late answers are ignored, and it knows when the last client finished. Method: drive a real
 * Simulation (no nodes do anything) with answers at drawn delays, and read the engine's history back.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rng, type Rng } from '../../core/random/rng';
import { Simulation } from '../simulation';
import { ClosedLoop, type ClosedLoopOptions, type NextAction } from './closedLoop';
import { msToTicks } from './time';

function engine(): Simulation {
  return new Simulation({ seed: 1, nodes: 1, protocol: () => ({ onMessage() {} }) });
}

const options = (over: Partial<ClosedLoopOptions> = {}): ClosedLoopOptions => ({ clients: 2, ops: 6, thinkMs: 1, root: rng(7), workPerOp: 3, ...over });

describe('ClosedLoop', () => {
  it('issues exactly the budget: each action invokes one operation and answers it 1 ms later; doneTick is the last answer', () => {
    const sim = engine();
    let work = 0;
    const loop: ClosedLoop = new ClosedLoop(sim, options({ work: (u) => (work += u) }), (c) => ({
      ops: 1,
      start: () => {
        const op = loop.invoke(c, { c });
        sim.at(sim.now + msToTicks(1), () => loop.answer(op, 'done'));
      },
    }));
    loop.start();
    expect(loop.doneTick).toBe(Infinity);
    sim.run();
    const ops = sim.history.operations;
    expect(ops.map((op) => op.status)).toEqual(new Array(6).fill('ok'));
    expect(work).toBe(6 * 3);
    expect(loop.doneTick).toBe(Math.max(...ops.map((op) => op.ret)));
    expect(loop.doneTick).toBe(sim.now);
  });

  it('pauses are uniform in 0..2 x thinkMs: between one answer and the client\'s next call', () => {
    const sim = engine();
    const loop: ClosedLoop = new ClosedLoop(sim, options({ clients: 1, ops: 200, thinkMs: 5 }), (c) => ({
      ops: 1,
      start: () => loop.answer(loop.invoke(c, null), null),
    }));
    loop.start();
    sim.run();
    const calls = sim.history.operations.map((op) => op.call);
    const pauses = calls.slice(1).map((t, i) => t - calls[i]);
    expect(Math.min(...pauses)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...pauses)).toBeLessThanOrEqual(msToTicks(10));
    expect(Math.max(...pauses)).toBeGreaterThan(msToTicks(8)); // 200 draws reach the top fifth of the range
  });

  it('giveUp(op, true) times the operation out and retires the process: the client goes on as process c + clients', () => {
    const sim = engine();
    const loop: ClosedLoop = new ClosedLoop(sim, options({ clients: 3, ops: 6, thinkMs: 0 }), (c) => ({
      ops: 1,
      start: () => {
        const op = loop.invoke(c, null);
        if (c === 1) loop.giveUp(op, true);
        else loop.giveUp(op, false);
      },
    }));
    loop.start();
    sim.run();
    const byClient = (c: number) => sim.history.operations.filter((op) => op.process % 3 === c);
    expect(byClient(1).map((op) => [op.process, op.status])).toEqual([[1, 'timeout'], [4, 'timeout']]);
    expect(new Set(byClient(0).map((op) => op.process))).toEqual(new Set([0]));
    expect(byClient(0).every((op) => op.status === 'fail')).toBe(true);
  });

  it('deadline(op, ticks, mayHaveEffect) gives up after `ticks`; an answer arriving later is ignored (answer returns false)', () => {
    const sim = engine();
    const late: boolean[] = [];
    const loop: ClosedLoop = new ClosedLoop(sim, options({ clients: 1, ops: 2, thinkMs: 0 }), (c) => ({
      ops: 1,
      start: () => {
        const op = loop.invoke(c, null);
        loop.deadline(op, 100, false);
        sim.at(sim.now + 150, () => late.push(loop.answer(op, 'late')));
      },
    }));
    loop.start();
    sim.run();
    expect(sim.history.operations.map((op) => [op.status, op.ret - op.call])).toEqual([['fail', 100], ['fail', 100]]);
    expect(late).toEqual([false, false]);
  });

  it('an action may spend two operations of the budget (read then write); `remaining` says what is left', () => {
    const sim = engine();
    const seen: number[] = [];
    const loop: ClosedLoop = new ClosedLoop(sim, options({ clients: 1, ops: 5, thinkMs: 0 }), (c, remaining) => {
      seen.push(remaining);
      const isUpdate = remaining >= 2;
      return {
        ops: isUpdate ? 2 : 1,
        start: () => {
          const read = loop.invoke(c, 'read');
          if (!loop.ok(read, 'x')) return;
          if (isUpdate) loop.answer(loop.invoke(c, 'write'), 'ok');
          else loop.next(c);
        },
      };
    });
    loop.start();
    sim.run();
    expect(seen).toEqual([5, 3, 1]);
    expect(sim.history.operations.map((op) => op.input)).toEqual(['read', 'write', 'read', 'write', 'read']);
  });

  it('quietTick(events, settle) is Infinity while clients run, then settle after the later of the last answer and the last event', () => {
    const sim = engine();
    const loop: ClosedLoop = new ClosedLoop(sim, options({ clients: 1, ops: 1, thinkMs: 0 }), (c) => ({ ops: 1, start: () => loop.answer(loop.invoke(c, null), null) }));
    expect(loop.quietTick([], 10)).toBe(Infinity);
    loop.start();
    sim.run();
    expect(loop.doneTick).toBe(0);
    expect(loop.quietTick([], 10)).toBe(10);
    expect(loop.quietTick([{ t: 2 }, { t: 3.5 }], 10)).toBe(3510);
  });

  it('over random workloads: the budget is spent exactly, no process overlaps itself, every operation ends (fc seed 20261125)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 0xffffffff }), (clients, ops, thinkMs, seed) => {
        const sim = engine();
        const outcome: Rng = rng(seed).fork('outcome');
        const loop: ClosedLoop = new ClosedLoop(sim, { clients, ops, thinkMs, root: rng(seed), workPerOp: 1 }, (c): NextAction => ({
          ops: 1,
          start: () => serve(c),
        }));
        // An operation is answered, fails, or times out (a deadline racing a late answer), at drawn delays.
        const serve = (c: number) => {
          const op = loop.invoke(c, null);
          const delay = outcome.range(0, 3000);
          const kind = outcome.int(3);
          if (kind === 0) sim.at(sim.now + delay, () => loop.answer(op, null));
          else loop.deadline(op, delay, kind === 1);
          sim.at(sim.now + outcome.range(0, 3000), () => loop.answer(op, 'late'));
        };
        loop.start();
        sim.run(); // History.invoke throws if a process starts an operation while one is pending or timed out
        const history = sim.history.operations;
        expect(history.length).toBe(ops);
        expect(history.every((op) => op.status !== 'pending')).toBe(true);
        // The last client finished after every answer (a timeout's moment is not in the history).
        expect(loop.doneTick).toBeLessThan(Infinity);
        expect(loop.doneTick).toBeGreaterThanOrEqual(Math.max(...history.map((op) => (op.ret === Infinity ? op.call : op.ret))));
      }),
      { seed: 20261125, numRuns: 150 },
    );
  });
  it('request(c, start) starts at once when c thinks, after its current operation when busy (in order), and brings a finished client back for one', () => {
    const sim = engine();
    // One client, 2 operations of 10 ticks each, no pauses: op 0 runs 0..10, op 1 runs 10..20 without requests.
    const loop: ClosedLoop = new ClosedLoop(sim, options({ clients: 1, ops: 2, thinkMs: 0 }), (c) => ({ ops: 1, start: () => serve(c, 'budget') }));
    const serve = (c: number, input: string) => {
      const op = loop.invoke(c, input);
      sim.at(sim.now + 10, () => loop.answer(op, null));
    };
    sim.at(5, () => loop.request(0, () => serve(0, 'r1')));
    sim.at(6, () => loop.request(0, () => serve(0, 'r2')));
    sim.at(100, () => loop.request(0, () => serve(0, 'r3')));
    loop.start();
    sim.run();
    expect(sim.history.operations.map((op) => [op.input, op.call, op.ret])).toEqual([
      ['budget', 0, 10], ['r1', 10, 20], ['r2', 20, 30], ['budget', 30, 40], ['r3', 100, 110],
    ]);
    expect(loop.requests.map((r) => [r.op, r.askedTick, r.startTick])).toEqual([[1, 5, 10], [2, 6, 20], [4, 100, 100]]);
    expect(loop.doneTick).toBe(110);
  });

  it('an action of the budget that comes due while a request runs starts when the request ends', () => {
    const sim = engine();
    const loop: ClosedLoop = new ClosedLoop(sim, options({ clients: 1, ops: 2, thinkMs: 50 }), (c) => ({ ops: 1, start: () => serve(c, 'budget') }));
    const serve = (c: number, input: string) => {
      const op = loop.invoke(c, input);
      sim.at(sim.now + msToTicks(200), () => loop.answer(op, null));
    };
    loop.start();
    sim.at(0, () => loop.request(0, () => serve(0, 'request'))); // thinking at 0: the request starts at once
    sim.run();
    const [request, first] = sim.history.operations;
    expect([request.input, request.call]).toEqual(['request', 0]);
    expect([first.input, first.call]).toEqual(['budget', msToTicks(200)]);
  });

  it('over random workloads with random requests: the budget plus one per request, no process overlaps itself, every operation ends (fc seed 20261206)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 0xffffffff }), fc.array(fc.tuple(fc.nat(60_000), fc.nat(5)), { maxLength: 8 }), (clients, ops, thinkMs, seed, asks) => {
        const sim = engine();
        const outcome: Rng = rng(seed).fork('outcome');
        const loop: ClosedLoop = new ClosedLoop(sim, { clients, ops, thinkMs, root: rng(seed), workPerOp: 1 }, (c): NextAction => ({ ops: 1, start: () => serve(c) }));
        const serve = (c: number) => {
          const op = loop.invoke(c, null);
          const delay = outcome.range(0, 3000);
          const kind = outcome.int(3);
          if (kind === 0) sim.at(sim.now + delay, () => loop.answer(op, null));
          else loop.deadline(op, delay, kind === 1);
          sim.at(sim.now + outcome.range(0, 3000), () => loop.answer(op, 'late'));
        };
        for (const [tick, client] of asks) sim.at(tick, () => loop.request(client % clients, () => serve(client % clients)));
        loop.start();
        sim.run(); // History.invoke throws if a process starts an operation while one is pending or timed out
        const history = sim.history.operations;
        expect(history.length).toBe(ops + asks.length);
        expect(loop.requests.length).toBe(asks.length);
        for (const r of loop.requests) expect(r.startTick).toBeGreaterThanOrEqual(r.askedTick);
        expect(history.every((op) => op.status !== 'pending')).toBe(true);
        expect(loop.doneTick).toBeGreaterThanOrEqual(Math.max(...history.map((op) => (op.ret === Infinity ? op.call : op.ret))));
      }),
      { seed: 20261206, numRuns: 150 },
    );
  });
});
