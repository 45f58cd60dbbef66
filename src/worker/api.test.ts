/**
 * The worker API, driven in Node with a fake lab: it refuses what it must (unknown lab, invalid scenario,
 * over-budget cost), enforces the budget during the run, throttles progress, and moves every buffer.
 */
import { describe, expect, it } from 'vitest';
import { cached, type LabProgram, type LabResult, type LabSpec } from '../labs/contract';
import { collectTransferables, createWorkerApi, runContext } from './api';
import { fakeLab, type FakeScenario } from './testing/fakeLab';

function apiWith(spec: LabSpec<FakeScenario>, budget = 1000) {
  const transfers: ArrayBuffer[][] = [];
  const api = createWorkerApi({
    findLab: (id) => (id === spec.id ? (spec as unknown as LabSpec) : undefined),
    budget,
    transfer: (value, list) => {
      transfers.push(list as ArrayBuffer[]);
      return value;
    },
  });
  return { api, transfers };
}

describe('workerApi.run', () => {
  it('run(lab, scenario) returns the result and transfers every distinct typed-array buffer once', async () => {
    const { api, transfers } = apiWith(fakeLab());
    const reply = await api.run('fake', { seed: 1, events: [{ t: 2, type: 'poke' }], items: 5 });
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    const result = reply.result as LabResult & { values: Float32Array; nested: { ids: Uint32Array } };
    expect(Array.from(result.values)).toEqual([0, 0.5, 1, 1.5, 2]);
    expect(transfers).toHaveLength(1);
    const list = transfers[0];
    expect(list).toHaveLength(3); // marks, values, ids (alias shares ids' buffer)
    expect(new Set(list)).toEqual(new Set([result.marks.buffer, result.values.buffer, result.nested.ids.buffer]));
  });

  it('run(unknown lab) is refused as data, not thrown', async () => {
    const { api, transfers } = apiWith(fakeLab());
    const reply = await api.run('nope', { seed: 1, events: [], items: 5 });
    expect(reply).toEqual({ ok: false, error: { kind: 'unknown-lab', message: 'There is no lab called "nope".' } });
    expect(transfers).toHaveLength(0);
  });

  it('run(invalid scenario) re-validates and names the limit', async () => {
    const { api } = apiWith(fakeLab());
    const reply = await api.run('fake', { seed: 1, events: [], items: 5000 });
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error.kind).toBe('invalid-scenario');
    expect(reply.error.message).toContain('items must be 1..1000, got 5000');
  });

  it('run() refuses before starting when spec.cost() exceeds the budget, naming the budget', async () => {
    let loaded = false;
    const spec = fakeLab({
      loadProgram: async () => {
        loaded = true;
        return { program: (() => { throw new Error('must not run'); }) as unknown as LabProgram<FakeScenario, LabResult> };
      },
    });
    const { api } = apiWith(spec, 100);
    const reply = await api.run('fake', { seed: 1, events: [], items: 500 });
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error.kind).toBe('over-budget');
    expect(reply.error.message).toContain('the work budget is 100');
    expect(reply.error.message).toContain('500');
    expect(loaded).toBe(false);
  });

  it('run() stops a program that works past the budget although its cost estimate fit', async () => {
    const { api } = apiWith(fakeLab({ cost: () => 1 }), 100);
    const reply = await api.run('fake', { seed: 1, events: [], items: 500 });
    expect(reply).toEqual({
      ok: false,
      error: { kind: 'budget-exceeded', message: 'The run was stopped: it exceeded the work budget of 100 units.' },
    });
  });

  it('run() turns a program that throws into a structured crashed error', async () => {
    const spec = fakeLab({
      loadProgram: async () => ({
        program: (() => { throw new TypeError('boom'); }) as unknown as LabProgram<FakeScenario, LabResult>,
      }),
    });
    const { api } = apiWith(spec);
    const reply = await api.run('fake', { seed: 1, events: [], items: 5 });
    expect(reply).toEqual({ ok: false, error: { kind: 'crashed', message: 'The simulation failed: boom' } });
  });

  it('run() keeps its cache between runs and copies, never moves, the buffers the cache holds', async () => {
    const program: LabProgram<FakeScenario, LabResult & { table: Uint32Array; own: Uint8Array }> = (s, context) => {
      const table = cached(context.cache, `fake/table/items=${s.items}`, () => Uint32Array.from({ length: s.items }, (_, i) => i * i), (t) => t.byteLength);
      return { lab: 'fake', traceHash: `t${table[s.items - 1]}`, metrics: {}, endTime: 1, marks: new Float64Array(1), table, own: new Uint8Array(2) };
    };
    const spec = fakeLab({ loadProgram: async () => ({ program: program as unknown as LabProgram<FakeScenario, LabResult> }) });
    const { api, transfers } = apiWith(spec);
    const first = await api.run('fake', { seed: 1, events: [], items: 5 });
    const second = await api.run('fake', { seed: 1, events: [], items: 5 });
    if (!first.ok || !second.ok) throw new Error('runs failed');
    const a = first.result as LabResult & { table: Uint32Array; own: Uint8Array };
    const b = second.result as LabResult & { table: Uint32Array; own: Uint8Array };
    expect(b.table).toBe(a.table); // the second run read the first one's piece
    expect(transfers[0]).not.toContain(a.table.buffer);
    expect(transfers[0]).toContain(a.own.buffer);
    expect(transfers[1]).not.toContain(b.table.buffer);
  });

  it('run() forwards progress through onProgress', async () => {
    const { api } = apiWith(fakeLab());
    const seen: number[] = [];
    await api.run('fake', { seed: 1, events: [], items: 5 }, (f) => seen.push(f));
    expect(seen.length).toBeGreaterThan(0);
    expect(seen[0]).toBe(0);
  });
});

describe('runContext', () => {
  it('progress() reports at most once per interval, and always a final 1', () => {
    let clock = 0;
    const seen: number[] = [];
    const context = runContext(Infinity, 50, () => clock, (f) => seen.push(f));
    for (let i = 0; i < 100; i += 1) {
      clock = i * 10;
      context.progress(i / 100);
    }
    context.progress(1);
    expect(seen).toEqual([0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1]);
  });

  it('work() throws BudgetExceeded past the budget, not at it', () => {
    const context = runContext(10, 50, () => 0);
    context.work(10);
    expect(() => context.work(1)).toThrow('work budget of 10 units');
  });
});

describe('collectTransferables', () => {
  it('collectTransferables(value) finds buffers in arrays, maps and bare ArrayBuffers, deduplicated', () => {
    const a = new Uint8Array(2);
    const b = new ArrayBuffer(8);
    const found = collectTransferables({ list: [a, a.subarray(1)], map: new Map([['k', b]]), n: 1, s: 'x' });
    expect(new Set(found)).toEqual(new Set([a.buffer, b]));
    expect(found).toHaveLength(2);
  });

  it('collectTransferables(cyclic) terminates', () => {
    const o: Record<string, unknown> = { x: new Int16Array(1) };
    o.self = o;
    expect(collectTransferables(o)).toHaveLength(1);
  });
});
