/**
 * Swarm fault scripts drawn over the table. Goal: any script the generator draws, over every fault type,
 * is one the engine accepts and replays identically; and the draws stay put, so the labs' pinned swarm
 * seeds keep meaning the scenarios they found. Method: fast-check over seeds and cluster sizes (fixed fc
 * seed), each script run twice on the echo protocol; a hash of the scripts the labs draw, pinned.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TraceHasher } from '../core/hash/traceHasher';
import { rng } from '../core/random/rng';
import { faultEventIssue } from './faultCheck';
import { byTime, faultScript } from './faultScript';
import { FAULT_EVENT_TYPES, FAULT_TABLE } from './faultTable';
import { runEcho } from './testing/echoRun';

const FC = { seed: 20261125, numRuns: 80 };

describe('faultScript(r, options)', () => {
  it('draws scripts over every fault type that the engine accepts, applies without throwing and replays to the same trace', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 2, max: 6 }), (seed, nodes) => {
        const events = faultScript(rng(seed), { nodes, types: FAULT_EVENT_TYPES, span: 900, undoAfter: [10, 300], countMax: 8, healAtEnd: true });
        expect(byTime(events)).toEqual(events);
        events.forEach((e, i) => expect(faultEventIssue(e, i, nodes)).toBeUndefined());
        const config = { seed, nodes, latency: { kind: 'uniform' as const, minTicks: 1, maxTicks: 40 }, loss: 0.05, events, echo: { rounds: 12 } };
        const a = runEcho(config);
        const b = runEcho(config);
        expect(b.columns).toEqual(a.columns);
        expect(a.columns.length).toBeGreaterThan(0);
      }),
      FC,
    );
  });

  it('follows each fault by its undo on the same node or link (amounts 0), clock faults stay, and ends with a heal when a link was cut', () => {
    for (let seed = 0; seed < 200; seed++) {
      const events = faultScript(rng(seed), { nodes: 4, types: ['crash', 'cut', 'slow', 'skew'], span: 100, undoAfter: [5, 50], healAtEnd: true });
      const where = (e: Record<string, unknown>) => ('node' in e ? `n${e.node}` : `${e.from}->${e.to}`);
      const faults = events.filter((e) => e.type === 'crash' || e.type === 'cut' || (e.type === 'slow' && e.ms > 0));
      const undos = events.filter((e) => e.type === 'recover' || e.type === 'healLink' || (e.type === 'slow' && e.ms === 0));
      expect(undos.map((e) => `${e.type === 'slow' ? 'slow' : e.type} ${where(e)}`).sort()).toEqual(
        faults.map((e) => `${FAULT_TABLE[e.type].undo} ${where(e)}`).sort(),
      );
      const hasCut = events.some((e) => e.type === 'cut');
      expect(events.at(-1)?.type === 'heal').toBe(hasCut);
    }
  });

  it('draws what the labs drew before it existed (the pinned swarm seeds of their property tests depend on it)', () => {
    const hasher = new TraceHasher();
    for (let seed = 0; seed < 200; seed++) {
      const r = rng(seed);
      const prefix = seed % 2 ? [{ t: r.range(30, 150), type: 'crash' as const, node: 0 }] : [];
      hasher.string(JSON.stringify(faultScript(r, { nodes: 3 + (seed % 3), types: ['crash', 'pause', 'partition'], span: 300, undoAfter: [10, 150] }, prefix)));
      hasher.string(JSON.stringify(faultScript(rng(seed).fork('ml'), { nodes: 2 + (seed % 3), types: ['crash', 'skew', 'partition'], span: 800, undoAfter: [20, 400], healAtEnd: true })));
    }
    // The same hash as src/labs/faultEvents.ts pushRandomFaults and multi-leader's own script gave (63eea79).
    expect(hasher.hex()).toBe('755b07bf44f1bd38');
  });
});
