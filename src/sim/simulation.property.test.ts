/**
 * Property tests of the engine over random scenarios (fixed fast-check seed; a failure prints the seed and
 * the shrunk scenario that replays it). Each test states its invariant; the echo protocol (./testing/echo.ts)
 * provides the traffic.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ScenarioEvent } from './scenario';
import type { LatencySpec } from './latency';
import { groupOf } from './partition';
import { Simulation } from './simulation';
import { type EchoConfig, runEcho } from './testing/echoRun';
import { traceRows } from './testing/traceRows';

const FC = { seed: 20261125, numRuns: 60 };

const latencyArb: fc.Arbitrary<LatencySpec> = fc.oneof(
  fc.integer({ min: 0, max: 50 }).map((ticks): LatencySpec => ({ kind: 'constant', ticks })),
  fc.integer({ min: 1, max: 80 }).map((maxTicks): LatencySpec => ({ kind: 'uniform', minTicks: 1, maxTicks })),
  fc.integer({ min: 1, max: 60 }).map((meanTicks): LatencySpec => ({ kind: 'exponential', meanTicks })),
  fc.integer({ min: 1, max: 30 }).map((scaleTicks): LatencySpec => ({ kind: 'pareto', scaleTicks, shape: 1.5 })),
);

/** Random faults over nodes 0..nodes-1 within the first 1,200 ticks (the echo runs ~1,000). */
function faultsArb(nodes: number): fc.Arbitrary<ScenarioEvent[]> {
  const node = fc.integer({ min: 0, max: nodes - 1 });
  const t = fc.integer({ min: 0, max: 1200 });
  const event = fc.oneof(
    fc.record({ t, type: fc.constantFrom('crash', 'recover', 'pause', 'resume'), node }),
    fc.record({ t, type: fc.constant('cut'), from: node, to: node }),
    fc.record({ t, type: fc.constant('heal') }),
    fc.record({ t, type: fc.constant('partition'), groups: fc.constant('0|1') }),
    fc.record({ t, type: fc.constantFrom('clockJump', 'skew'), node, ms: fc.integer({ min: -500, max: 500 }) }),
    fc.record({ t, type: fc.constant('drift'), node, ppm: fc.integer({ min: -300_000, max: 300_000 }) }),
  );
  return fc.array(event, { maxLength: 12 }).map((events) => [...events].sort((a, b) => a.t - b.t));
}

const configArb: fc.Arbitrary<EchoConfig> = fc
  .record({
    seed: fc.integer({ min: 0, max: 0xffffffff }),
    nodes: fc.integer({ min: 2, max: 6 }),
    latency: latencyArb,
    loss: fc.constantFrom(0, 0.1),
    duplicate: fc.constantFrom(0, 0.1),
    reorder: fc.constantFrom(0, 0.2),
  })
  .chain((base) => faultsArb(base.nodes).map((events) => ({ ...base, events })));

describe('Simulation (properties)', () => {
  it('the same scenario gives the same trace and hash', () => {
    fc.assert(
      fc.property(configArb, (config) => {
        const a = runEcho(config);
        const b = runEcho(config);
        expect(b.columns.hash).toBe(a.columns.hash);
        expect(b.columns).toEqual(a.columns);
      }),
      FC,
    );
  });

  it('time never goes backwards in the trace, whatever the faults and clocks do', () => {
    fc.assert(
      fc.property(configArb, (config) => {
        const { time, length } = runEcho(config).columns;
        for (let i = 1; i < length; i++) expect(time[i]).toBeGreaterThanOrEqual(time[i - 1]);
      }),
      FC,
    );
  });

  it('handlers run exactly when the trace says deliver/timer, and never on a crashed or paused node', () => {
    fc.assert(
      fc.property(configArb, (config) => {
        const { columns, log } = runEcho(config);
        const rows = traceRows(columns);
        const down = new Set<number>(); // crashed or paused right now
        const handled: string[] = [];
        for (const row of rows) {
          if (row.kind === 'crash' || row.kind === 'pause') down.add(row.from);
          if (row.kind === 'recover' || row.kind === 'resume') down.delete(row.from);
          if (row.kind === 'recover') handled.push(`${row.t} start ${row.from}`);
          if (row.kind === 'deliver' || row.kind === 'timer') {
            const node = row.kind === 'deliver' ? row.to : row.from;
            expect(down.has(node), `node ${node} handled ${row.kind} at ${row.t} while down`).toBe(false);
            handled.push(`${row.t} ${row.kind === 'timer' ? 'timer' : 'msg'} ${node}`);
          }
        }
        const fromLog = log
          .filter((h) => h.t > 0 || h.what !== 'start')
          .map((h) => `${h.t} ${h.what === 'ping' || h.what === 'pong' ? 'msg' : h.what} ${h.node}`);
        expect(fromLog).toEqual(handled);
      }),
      FC,
    );
  });

  it('a cut link delivers nothing until healed, in the cut direction only', () => {
    fc.assert(
      fc.property(configArb, (config) => {
        const rows = traceRows(runEcho(config).columns);
        const cut = new Set<string>();
        let groups: Int32Array | undefined; // the partition in force ('0|1': {0} {1} {everyone else})
        for (const row of rows) {
          if (row.kind === 'cut') cut.add(`${row.from}->${row.to}`);
          if (row.kind === 'heal' && row.from === -1) {
            cut.clear();
            groups = undefined;
          }
          if (row.kind === 'partition') {
            cut.clear();
            groups = groupOf([[0], [1]], config.nodes);
          }
          if (row.kind === 'deliver') {
            const where = `${row.from}->${row.to} at ${row.t}`;
            expect(cut.has(`${row.from}->${row.to}`), `delivered over a cut ${where}`).toBe(false);
            expect(groups && groups[row.from] !== groups[row.to], `delivered across the partition ${where}`).toBeFalsy();
          }
        }
      }),
      FC,
    );
  });

  it('with no loss and no faults every message sent is delivered, exactly once', () => {
    fc.assert(
      fc.property(configArb, (config) => {
        const { columns } = runEcho({ ...config, loss: 0, duplicate: 0, events: [] });
        const rows = traceRows(columns);
        const sent = rows.filter((r) => r.kind === 'send').map((r) => r.payload);
        const delivered = rows.filter((r) => r.kind === 'deliver').map((r) => r.payload).sort((a, b) => a - b);
        expect(sent.length).toBeGreaterThan(0);
        expect(delivered).toEqual(sent);
      }),
      FC,
    );
  });

  it('a one-way cut blocks that direction and leaves the other working', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), latencyArb, (seed, latency) => {
        const config = { seed, nodes: 2, latency, events: [{ t: 0, type: 'cut', from: 0, to: 1 }], echo: { fanout: 'all' as const } };
        const rows = traceRows(runEcho(config).columns);
        const delivered = (from: number) => rows.filter((r) => r.kind === 'deliver' && r.from === from).length;
        expect(delivered(0)).toBe(0);
        expect(delivered(1)).toBe(10); // node 1's ten pings reach node 0; node 0's pongs are blocked
        expect(rows.filter((r) => r.kind === 'block' && r.from === 0).length).toBe(20);
      }),
      FC,
    );
  });

  it('skew and clock jumps change the local clock only: the trace is the same without their entries', () => {
    fc.assert(
      fc.property(configArb, (config) => {
        const clockless = (config.events ?? []).filter((e) => e.type !== 'skew' && e.type !== 'clockJump' && e.type !== 'drift');
        const skews = clockless.concat(
          Array.from({ length: config.nodes }, (_, node) => ({ t: 0, type: node % 2 ? 'skew' : 'clockJump', node, ms: 1000 * (node + 1) })),
        );
        const base = runEcho({ ...config, events: clockless });
        const skewed = runEcho({ ...config, events: skews.sort((a, b) => a.t - b.t) });
        const strip = (rows: ReturnType<typeof traceRows>) =>
          rows.filter((r) => r.kind !== 'skew' && r.kind !== 'clockJump').map((r) => ({ ...r, payload: r.kind === 'crash' ? 0 : r.payload }));
        const scripted = new Set(['crash', 'recover', 'pause', 'resume', 'cut', 'heal', 'partition']);
        const norm = (rows: ReturnType<typeof traceRows>) => strip(rows).map((r) => (scripted.has(r.kind) ? { ...r, payload: 0 } : r));
        expect(norm(traceRows(skewed.columns))).toEqual(norm(traceRows(base.columns)));
        const firstLocal = skewed.log.find((h) => h.node === 1 && h.t > 0);
        if (firstLocal) expect(firstLocal.local - firstLocal.t).toBe(2000);
      }),
      FC,
    );
  });

  it("drift moves only the drifted node's timers; other nodes' timers fire at the same true times", () => {
    fc.assert(
      fc.property(configArb, fc.integer({ min: 20_000, max: 300_000 }), fc.boolean(), (config, size, isFast) => {
        // At least 2%, so a 100-tick timer moves by 2 ticks or more.
        const ppm = isFast ? size : -size;
        const base = { ...config, loss: 0, events: [] };
        const plain = traceRows(runEcho(base).columns);
        const drifted = traceRows(runEcho({ ...base, events: [{ t: 0, type: 'drift', node: 0, ppm }] }).columns);
        const timers = (rows: typeof plain, mine: boolean) =>
          rows.filter((r) => r.kind === 'timer' && (r.from === 0) === mine).map((r) => `${r.t}/${r.from}`);
        expect(timers(drifted, false)).toEqual(timers(plain, false));
        expect(timers(drifted, true)).not.toEqual(timers(plain, true));
      }),
      FC,
    );
  });
});

describe('Simulation streams', () => {
  it("adding a node leaves the other nodes' and links' random streams unchanged", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 2, max: 8 }), (seed, nodes) => {
        // Node 0 sends 20 messages to node 1 at the start; every node draws 5 numbers from its own stream.
        const observe = (count: number) => {
          const draws: number[][] = [];
          const sim = new Simulation<number>({
            seed,
            nodes: count,
            network: { latency: { kind: 'uniform', minTicks: 1, maxTicks: 1000 }, loss: 0.2 },
            protocol: (ctx) => ({
              onStart() {
                draws[ctx.id] = [1, 2, 3, 4, 5].map(() => ctx.rng.u32());
                if (ctx.id === 0) for (let k = 0; k < 20; k++) ctx.send(1, k);
                if (ctx.id === count - 1) ctx.send(0, -1); // traffic from the last node on its own links
              },
              onMessage() {},
            }),
          });
          sim.run();
          const arrivals = traceRows(sim.trace.columns())
            .filter((r) => r.from === 0 && r.to === 1 && r.kind !== 'send')
            .map((r) => `${r.kind}@${r.t}`);
          return { draws: draws.slice(0, nodes), arrivals };
        };
        expect(observe(nodes + 1)).toEqual(observe(nodes));
      }),
      FC,
    );
  });
});
