/**
 * Goal: the leaderless store keeps its promises on any spec the labs can ask for. Method: fast-check draws
 * whole specs (cluster, quorums, options, workload, latency, loss and a script of crashes, pauses and
 * partitions) and runs them; a failure prints the spec, which replays the run.
 *
 *   - W + R > N with ABD write-back, no sloppy quorum, no bug: every history is linearizable;
 *   - on any spec: every operation of the budget is invoked and ends, ok writes have distinct versions,
 *     an ok read returns nil or a value some write wrote, delivered hints are hints stored, and the same
 *     spec replays to the same trace hash.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ScenarioEvent } from '../../scenarioEvent';
import { OpKind, RequestStatus } from '../codes';
import { Phase } from './codes';
import { finalState, runStore, storeOutcome, type StoreSpec } from './store';

const base: StoreSpec = {
  seed: 1, nodes: 5, n: 3, w: 2, r: 2, clients: 3, ops: 40, writePct: 40, thinkMs: 5, coordinator: 'random',
  latency: 'uniform', latencyMsMin: 1, latencyMsMax: 10, latencyMsMean: 5, paretoShape: 1.5, loss: 0, timeoutMs: 50,
  readRepair: false, writeBack: true, sloppyQuorum: false, fallbackMs: 15, handoffMs: 20, bug: 'none', events: [],
};

/** A script of 0..4 faults in the first 300 ms, by time (node ids within the cluster). */
const faults = (nodes: number): fc.Arbitrary<ScenarioEvent[]> =>
  fc
    .array(
      fc.oneof(
        fc.record({ t: fc.integer({ min: 0, max: 300 }), type: fc.constantFrom('crash', 'recover', 'pause', 'resume'), node: fc.integer({ min: 0, max: nodes - 1 }) }),
        fc.record({ t: fc.integer({ min: 0, max: 300 }), type: fc.constant('partition'), groups: fc.integer({ min: 1, max: nodes - 1 }).map((k) => `${Array.from({ length: k }, (_, i) => i).join(',')}`) }),
        fc.record({ t: fc.integer({ min: 0, max: 300 }), type: fc.constant('heal') }),
      ),
      { maxLength: 4 },
    )
    .map((events) => [...events].sort((a, b) => a.t - b.t) as ScenarioEvent[]);

/** Any spec: W and R anywhere in 1..N, every option, lossy links, faults. */
const anySpec: fc.Arbitrary<StoreSpec> = fc
  .record({ nodes: fc.integer({ min: 3, max: 6 }), nPick: fc.nat(), wPick: fc.nat(), rPick: fc.nat(), seed: fc.integer({ min: 0, max: 0xffffffff }) })
  .chain(({ nodes, nPick, wPick, rPick, seed }) => {
    const n = 1 + (nPick % nodes);
    return fc.record({
      readRepair: fc.boolean(), writeBack: fc.boolean(), sloppyQuorum: fc.boolean(), coordinator: fc.constantFrom('random' as const, 'sticky' as const),
      latency: fc.constantFrom('uniform' as const, 'exponential' as const, 'pareto' as const), loss: fc.constantFrom(0, 0.05), events: faults(nodes),
      clients: fc.integer({ min: 1, max: 5 }), writePct: fc.integer({ min: 0, max: 100 }),
    }).map((options): StoreSpec => ({ ...base, ...options, seed, nodes, n, w: 1 + (wPick % n), r: 1 + (rPick % n), ops: 30, timeoutMs: 60 }));
  });

/** Strict quorums with ABD write-back and no sloppy quorum, under faults. */
const strictSpec: fc.Arbitrary<StoreSpec> = anySpec.map((s) => ({ ...s, r: Math.max(s.r, s.n - s.w + 1), writeBack: true, sloppyQuorum: false }));

describe('leaderless store', () => {
  it('W + R > N with ABD write-back and no sloppy quorum: every history is linearizable, under crashes, pauses and partitions (fc seed 20261125)', () => {
    fc.assert(
      fc.property(strictSpec, (s) => {
        expect(storeOutcome(s).checked.check.verdict, JSON.stringify(s)).toBe('linearizable');
      }),
      { seed: 20261125, numRuns: 80 },
    );
  });

  it('any spec: the budget is invoked and every operation ends; ok writes have distinct versions; ok reads return written values; hints delivered <= stored (fc seed 20261125)', () => {
    fc.assert(
      fc.property(anySpec, (s) => {
        const { requests: q, metrics } = storeOutcome(s);
        const why = JSON.stringify(s);
        expect(q.kind.length, why).toBe(s.ops);
        expect(q.status.includes(RequestStatus.pending), why).toBe(false);
        const written = new Set<number>([0]);
        const versions: number[] = [];
        for (let i = 0; i < q.kind.length; i++) {
          if (q.kind[i] !== OpKind.write) continue;
          written.add(q.value[i]);
          if (q.status[i] === RequestStatus.ok) versions.push(q.version[i]);
        }
        expect(new Set(versions).size, why).toBe(versions.length);
        expect(versions.every((v) => v > 0), why).toBe(true);
        for (let i = 0; i < q.kind.length; i++) {
          if (q.kind[i] === OpKind.read && q.status[i] === RequestStatus.ok) expect(written.has(q.value[i]), why).toBe(true);
        }
        expect(metrics.hintsDelivered, why).toBeLessThanOrEqual(metrics.hintsStored);
      }),
      { seed: 20261125, numRuns: 60 },
    );
  });

  it('storeOutcome(spec) is deterministic: same spec, same trace hash; another seed, another', () => {
    const spec = { ...base, events: [{ t: 30, type: 'crash', node: 1 }, { t: 90, type: 'recover', node: 1 }] };
    expect(storeOutcome(structuredClone(spec)).traceHash).toBe(storeOutcome(spec).traceHash);
    expect(storeOutcome({ ...spec, seed: 2 }).traceHash).not.toBe(storeOutcome(spec).traceHash);
  });

  it('a sloppy quorum across a partition: fallbacks take hints while the replicas are cut off, and hand them over after the heal', () => {
    const spec: StoreSpec = { ...base, writeBack: false, sloppyQuorum: true, coordinator: 'sticky', events: [{ t: 40, type: 'partition', groups: '0,1|2,3,4' }, { t: 200, type: 'heal' }] };
    const { run, metrics } = storeOutcome(spec);
    expect(metrics.hintsStored).toBeGreaterThan(0);
    expect(metrics.hintsDelivered).toBe(metrics.hintsStored);
    const handoffs = run.rec.handoffs();
    for (let i = 0; i < handoffs.holder.length; i++) {
      expect(handoffs.holder[i]).toBeGreaterThanOrEqual(spec.n); // only fallbacks hold hints
      expect(handoffs.deliveredMs[i]).toBeGreaterThanOrEqual(200); // delivered once the cut healed
    }
  });

  it('read repair sends the chosen version to stale repliers, and the replicas end up agreeing', () => {
    const spec: StoreSpec = { ...base, w: 1, r: 3, writeBack: false, readRepair: true, writePct: 50, latencyMsMax: 40, timeoutMs: 200, ops: 60 };
    const { run, metrics } = storeOutcome(spec);
    expect(metrics.readRepairs).toBeGreaterThan(0);
    expect(metrics.readRepairs).toBe(run.rec.contactsIn(Phase.repair));
    const final = finalState(run, spec.n);
    expect(Array.from(final.version.slice(spec.n))).toEqual([-1, -1]);
  });

  it('runStore(spec) counts the budget\'s work: 4 x nodes + 20 units per operation', () => {
    let units = 0;
    runStore({ ...base, ops: 10 }, { progress() {}, work: (u) => (units += u) });
    expect(units).toBe(10 * (4 * base.nodes + 20));
  });
});
