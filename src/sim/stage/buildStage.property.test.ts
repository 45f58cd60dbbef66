/**
 * Properties of StageData over random echo runs (fixed fast-check seed; a failure prints the seed and the
 * shrunk scenario): message conservation (every copy ends in exactly one fate, matching the trace's end
 * events one for one), the in-flight query agrees with a brute-force scan at any t, the peak is the most
 * dots at once, and a stage log changes neither the trace nor the fates.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Fate } from '../../core/stage/types';
import { inFlightAt } from '../../core/stage/query';
import type { LatencySpec } from '../latency';
import type { ScenarioEvent } from '../scenario';
import { type EchoConfig, runEcho } from '../testing/echoRun';
import { TraceKind } from '../traceKind';
import { buildStage } from './buildStage';

const FC = { seed: 20261126, numRuns: 40 };

const latencyArb: fc.Arbitrary<LatencySpec> = fc.oneof(
  fc.integer({ min: 1, max: 50 }).map((ticks): LatencySpec => ({ kind: 'constant', ticks })),
  fc.integer({ min: 1, max: 80 }).map((maxTicks): LatencySpec => ({ kind: 'uniform', minTicks: 1, maxTicks })),
  fc.integer({ min: 1, max: 30 }).map((scaleTicks): LatencySpec => ({ kind: 'pareto', scaleTicks, shape: 1.5 })),
);

function faultsArb(nodes: number): fc.Arbitrary<ScenarioEvent[]> {
  const node = fc.integer({ min: 0, max: nodes - 1 });
  const t = fc.integer({ min: 0, max: 1200 });
  const event = fc.oneof(
    fc.record({ t, type: fc.constantFrom('crash', 'recover', 'pause', 'resume'), node }),
    fc.record({ t, type: fc.constant('cut'), from: node, to: node }),
    fc.record({ t, type: fc.constant('heal') }),
    fc.record({ t, type: fc.constant('partition'), groups: fc.constant('0|1') }),
  );
  return fc.array(event, { maxLength: 10 }).map((events) => [...events].sort((a, b) => a.t - b.t));
}

const configArb: fc.Arbitrary<EchoConfig> = fc
  .record({
    seed: fc.integer({ min: 0, max: 0xffffffff }),
    nodes: fc.integer({ min: 2, max: 6 }),
    latency: latencyArb,
    loss: fc.constantFrom(0, 0.1),
    duplicate: fc.constantFrom(0, 0.2),
    reorder: fc.constantFrom(0, 0.2),
  })
  .chain((base) => faultsArb(base.nodes).map((events) => ({ ...base, events, echo: { fanout: 'all' as const } })));

function stageOf(config: EchoConfig, withLog: boolean) {
  const run = runEcho({ ...config, stage: withLog });
  const nodeNames = Array.from({ length: config.nodes }, (_, i) => `n${i}`);
  return { run, s: buildStage({ trace: run.columns, log: run.sim.stageLog?.columns(), ticksPerUnit: 1, timeUnit: 'tick', nodeNames }) };
}

/** Per message id, the sorted fates of its copies. */
function fatesById(m: { count: number; originals: number; fate: Uint8Array; dupOf: Int32Array }): number[][] {
  const out = Array.from({ length: m.originals }, (_, id) => [m.fate[id]]);
  for (let r = m.originals; r < m.count; r++) out[m.dupOf[r]].push(m.fate[r]);
  return out.map((f) => f.sort());
}

describe('buildStage (properties)', () => {
  it('every copy ends in exactly one fate, matching the trace end events one for one', () => {
    fc.assert(
      fc.property(configArb, fc.boolean(), (config, withLog) => {
        const { run, s } = stageOf(config, withLog);
        const c = run.columns;
        const count = (kind: number) => c.kind.filter((k) => k === kind).length;
        const fates = (fate: number) => s.messages.fate.filter((f) => f === fate).length;
        expect(s.messages.originals).toBe(count(TraceKind.send));
        expect(s.messages.count).toBe(count(TraceKind.send) + count(TraceKind.duplicate));
        expect(fates(Fate.delivered)).toBe(count(TraceKind.deliver));
        expect(fates(Fate.lost)).toBe(count(TraceKind.lose));
        expect(fates(Fate.cut)).toBe(count(TraceKind.block));
        expect(fates(Fate.toCrashed)).toBe(count(TraceKind.discard));
        const ended = ([Fate.delivered, Fate.lost, Fate.cut, Fate.toCrashed] as number[]).reduce((sum, f) => sum + fates(f), 0);
        expect(fates(Fate.open)).toBe(s.messages.count - ended);
        for (let r = 0; r < s.messages.count; r++) {
          const m = s.messages;
          expect(m.send[r] <= m.arrive[r] && m.arrive[r] <= m.end[r] && m.end[r] <= m.visibleEnd[r]).toBe(true);
          expect(m.dropFrac[r] >= 0 && m.dropFrac[r] <= 1).toBe(true);
        }
      }),
      FC,
    );
  });

  it('inFlightAt(t) equals a brute-force scan, and no t holds more than peakInFlight', () => {
    fc.assert(
      fc.property(configArb, fc.array(fc.double({ min: 0, max: 1600, noNaN: true }), { minLength: 5, maxLength: 20 }), (config, times) => {
        const { s } = stageOf(config, true);
        const m = s.messages;
        const out = new Uint32Array(s.peakInFlight);
        let most = 0;
        for (const t of [...times, ...m.send]) {
          const expected: number[] = [];
          for (let r = 0; r < m.count; r++) if (m.send[r] <= t && t < m.visibleEnd[r]) expected.push(r);
          most = Math.max(most, expected.length);
          expect([...out.subarray(0, inFlightAt(s, t, out))]).toEqual(expected);
        }
        expect(most).toBe(s.peakInFlight);
      }),
      FC,
    );
  });

  it('a stage log changes neither the trace hash nor any message’s fates (a duplicate’s two copies may swap)', () => {
    fc.assert(
      fc.property(configArb, (config) => {
        const a = stageOf(config, false);
        const b = stageOf(config, true);
        expect(b.run.columns.hash).toBe(a.run.columns.hash);
        expect(fatesById(b.s.messages)).toEqual(fatesById(a.s.messages));
      }),
      FC,
    );
  });
});
