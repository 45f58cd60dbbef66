import { describe, expect, it } from 'vitest';
import type { Actor } from './actor';
import { applyFault } from './faults';
import type { NodeContext } from './nodeContext';
import { Simulation } from './simulation';
import { traceRows } from './testing/traceRows';

type Script = (ctx: NodeContext<string>, seen: string[]) => Partial<Actor<string>>;

/** A simulation whose nodes run `script`; every handled event lands in `seen` as "t node what". */
function sim(script: Script, options: { nodes?: number; limits?: object; network?: object } = {}) {
  const seen: string[] = [];
  const s = new Simulation<string>({
    seed: 1,
    nodes: options.nodes ?? 2,
    network: { latency: { kind: 'constant', ticks: 10 }, ...options.network },
    limits: options.limits,
    protocol: (ctx) => ({
      onMessage: (from, msg) => seen.push(`${ctx.now()} n${ctx.id} got ${msg} from n${from}`),
      onTimer: (tag) => seen.push(`${ctx.now()} n${ctx.id} timer ${tag}`),
      ...script(ctx, seen),
    }),
  });
  return { s, seen };
}

describe('Simulation timers', () => {
  it('setTimer fires after its delay; cancelTimer stops it and reports whether it was pending', () => {
    const { s, seen } = sim((ctx) => ({
      onStart() {
        if (ctx.id !== 0) return;
        ctx.setTimer(5, 1);
        const h = ctx.setTimer(7, 2);
        expect(ctx.cancelTimer(h)).toBe(true);
        expect(ctx.cancelTimer(h)).toBe(false);
        ctx.setTimer(5, 3); // same time as tag 1: fires after it (scheduling order)
      },
    }));
    s.run();
    expect(seen).toEqual(['5 n0 timer 1', '5 n0 timer 3']);
  });

  it('a crash cancels the node timers; recover builds a new actor over the same storage', () => {
    const starts: string[] = [];
    const { s, seen } = sim((ctx) => ({
      onStart() {
        ctx.storage.boots = ((ctx.storage.boots as number) ?? 0) + 1;
        starts.push(`${ctx.now()} n${ctx.id} incarnation ${ctx.incarnation} boots ${ctx.storage.boots}`);
        if (ctx.id === 0) ctx.setTimer(50, ctx.incarnation);
      },
    }));
    s.at(20, () => applyFault(s, { type: 'crash', node: 0 }));
    s.at(30, () => applyFault(s, { type: 'recover', node: 0 }));
    s.run();
    expect(starts).toEqual(['0 n0 incarnation 0 boots 1', '0 n1 incarnation 0 boots 1', '30 n0 incarnation 1 boots 2']);
    expect(seen).toEqual(['80 n0 timer 1']); // the timer set before the crash (due at 50) never fired
  });
});

describe('Simulation faults', () => {
  it('a paused node holds messages and timers, then handles them in arrival order at resume', () => {
    const { s, seen } = sim((ctx) => ({
      onStart() {
        if (ctx.id === 1) ['a', 'b'].forEach((m) => ctx.send(0, m));
        if (ctx.id === 0) ctx.setTimer(15, 9);
      },
    }));
    s.at(5, () => applyFault(s, { type: 'pause', node: 0 }));
    s.at(40, () => applyFault(s, { type: 'resume', node: 0 }));
    s.run();
    expect(seen).toEqual(['40 n0 got a from n1', '40 n0 got b from n1', '40 n0 timer 9']);
  });

  it('a crashed node discards arriving messages and sends nothing', () => {
    const { s, seen } = sim((ctx) => ({
      onStart() {
        if (ctx.id === 1) ctx.send(0, 'x');
      },
    }));
    s.at(0, () => applyFault(s, { type: 'crash', node: 0 }));
    s.at(1, () => s.send(0, 1, 'from the dead'));
    s.run();
    expect(seen).toEqual([]);
    const kinds = traceRows(s.trace.columns()).map((r) => r.kind);
    expect(kinds).toEqual(['send', 'crash', 'discard']);
  });

  it('faults that change nothing are ignored and not traced', () => {
    const { s } = sim(() => ({}));
    s.at(1, () => {
      applyFault(s, { type: 'resume', node: 0 });
      applyFault(s, { type: 'recover', node: 0 });
      applyFault(s, { type: 'crash', node: 1 });
      applyFault(s, { type: 'crash', node: 1 });
      applyFault(s, { type: 'pause', node: 1 });
    });
    s.run();
    expect(traceRows(s.trace.columns()).map((r) => r.kind)).toEqual(['crash']);
  });

  it('heal with from/to restores that one direction only', () => {
    const { s, seen } = sim((ctx) => ({
      onStart() {
        ctx.setTimer(1);
      },
      onTimer() {
        ctx.send(1 - ctx.id, `hi from ${ctx.id}`);
      },
    }));
    applyFault(s, { type: 'partition', groups: '0|1' });
    applyFault(s, { type: 'heal', from: 1, to: 0 });
    s.run();
    expect(seen).toEqual(['11 n0 got hi from 1 from n1']);
  });
});

describe('Simulation network', () => {
  it('duplication delivers a second copy with the same message id', () => {
    const { s, seen } = sim((ctx) => ({ onStart: () => ctx.id === 0 && ctx.send(1, 'm') }), { network: { duplicate: 1 } });
    s.run();
    expect(seen).toEqual(['10 n1 got m from n0', '10 n1 got m from n0']);
    const rows = traceRows(s.trace.columns()).filter((r) => r.kind === 'deliver');
    expect(rows.map((r) => r.payload)).toEqual([0, 0]);
  });

  it('loss drops about its share of messages, decided per link', () => {
    const { s, seen } = sim((ctx) => ({ onStart: () => { for (let i = 0; i < 10_000; i++) ctx.send(1 - ctx.id, 'm'); } }), {
      network: { loss: 0.25 },
    });
    s.run();
    expect(Math.abs(seen.length / 20_000 - 0.75)).toBeLessThan(0.02);
  });

  it('reordering adds 1..reorderTicksMax extra ticks to about its share of messages', () => {
    const { s, seen } = sim((ctx) => ({ onStart: () => { if (ctx.id === 0) for (let i = 0; i < 4000; i++) ctx.send(1, 'm'); } }), {
      network: { reorder: 0.5, reorderTicksMax: 20 },
    });
    s.run();
    const late = seen.map((line) => Number(line.split(' ')[0])).filter((t) => t > 10);
    expect(Math.abs(late.length / 4000 - 0.5)).toBeLessThan(0.03);
    expect(Math.max(...late)).toBeLessThanOrEqual(30);
  });
});

describe('Simulation limits', () => {
  it('an endless ping-pong stops at maxEvents with a visible reason', () => {
    const { s } = sim((ctx) => ({
      onStart: () => ctx.id === 0 && ctx.send(1, 'ping'),
      onMessage: (from, msg) => ctx.send(from, msg),
    }), { limits: { maxEvents: 1000 } });
    const result = s.run();
    expect(result.stoppedAtLimit).toBe('maxEvents = 1,000');
    expect(result.events).toBe(1000);
    expect(s.run().events).toBe(1000); // a stopped simulation stays stopped
  });

  it('a full trace and a full queue stop the run too', () => {
    const loop = sim((ctx) => ({ onStart: () => ctx.send(0, 'x'), onMessage: () => ctx.send(0, 'x') }), {
      limits: { maxTraceEntries: 101 },
    }).s;
    expect(loop.run().stoppedAtLimit).toBe('maxTraceEntries = 101');
    const flood = sim((ctx) => ({ onStart: () => { for (let i = 0; i < 500; i++) ctx.setTimer(i); } }), {
      limits: { maxPending: 300 },
    }).s;
    expect(flood.run().stoppedAtLimit).toBe('maxPending = 300');
  });

  it('run(until) stops before later events and resumes from there', () => {
    const { s, seen } = sim((ctx) => ({ onStart: () => { ctx.setTimer(10, 1); ctx.setTimer(30, 2); } }), { nodes: 1 });
    expect(s.run(20)).toEqual({ endTime: 20, events: 1, stoppedAtLimit: undefined });
    expect(seen).toEqual(['10 n0 timer 1']);
    s.run();
    expect(seen).toEqual(['10 n0 timer 1', '30 n0 timer 2']);
  });

  it('refuses bad options with the limit named', () => {
    const protocol = () => ({ onMessage() {} });
    expect(() => new Simulation({ seed: 1, nodes: 0, protocol })).toThrow('nodes must be an integer in 1..1024, got 0');
    expect(() => new Simulation({ seed: 1, nodes: 2, protocol, limits: { maxEvents: 0 } })).toThrow('maxEvents must be an integer');
    expect(() => new Simulation({ seed: 1, nodes: 2, protocol, network: { loss: 2 } })).toThrow('invalid loss: 2 (must be 0..1)');
  });
});

describe('Simulation clients and nodes', () => {
  it('clients.invoke/ok record the history and trace entries at the current time', () => {
    const { s } = sim(() => ({}));
    s.at(5, () => {
      const op = s.clients.invoke(7, 'put');
      s.at(9, () => s.clients.ok(op, 'done'));
    });
    s.run();
    expect(s.history.operations.map((o) => [o.process, o.call, o.ret, o.status])).toEqual([[7, 5, 9, 'ok']]);
    expect(traceRows(s.trace.columns()).map((r) => [r.t, r.kind, r.from, r.payload])).toEqual([[5, 'invoke', 7, 0], [9, 'ok', 7, 0]]);
  });

  it('addNode during a run starts the new node at once and lets others reach it', () => {
    const { s, seen } = sim((ctx) => ({ onStart: () => ctx.id === 2 && ctx.send(0, 'hello') }));
    s.at(3, () => expect(s.addNode()).toBe(2));
    s.run();
    expect(seen).toEqual(['13 n0 got hello from n2']);
  });

  it('note(code, value) adds a protocol entry to the trace', () => {
    const { s } = sim((ctx) => ({ onStart: () => ctx.note(42, -7) }), { nodes: 1 });
    s.run();
    expect(traceRows(s.trace.columns())).toEqual([{ t: 0, kind: 'note', from: 0, to: 42, payload: -7 }]);
  });
});
