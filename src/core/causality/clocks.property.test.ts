/**
 * Goal: the compact clocks answer exactly what the graph says. Method: random graphs (fast-check, fixed
 * seed) against a naive oracle: reachability by depth-first search over lane successors and message edges,
 * and clocks recomputed densely from that reachability. Properties: happened-before is a strict partial
 * order; vector clock comparison agrees with reachability; Lamport timestamps grow along it; cones and
 * concurrent-pair counts match the oracle.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeClocks } from './clocks';
import { clockEntry, clockOf, compareEvents, concurrentPairs, coneCounts, coneOf, happenedBefore, sideOf } from './query';
import { graphOf, graphSpec, reachability } from './testing/randomGraph';

const SEED = 20261125;
const RUNS = 100;

describe('clocks (properties)', () => {
  it('happenedBefore is irreflexive, antisymmetric and transitive', () => {
    fc.assert(fc.property(graphSpec(5, 60), (spec) => {
      const g = graphOf(spec);
      const c = computeClocks(g);
      const n = g.count;
      const hb = Array.from({ length: n }, (_, a) => Array.from({ length: n }, (_, b) => happenedBefore(g, c, a, b)));
      const broken: string[] = [];
      for (let a = 0; a < n; a++) {
        if (hb[a][a]) broken.push(`${a} before itself`);
        for (let b = 0; b < n; b++) {
          if (!hb[a][b]) continue;
          if (hb[b][a]) broken.push(`${a} and ${b} before each other`);
          for (let x = 0; x < n; x++) if (hb[b][x] && !hb[a][x]) broken.push(`${a} -> ${b} -> ${x} but not ${a} -> ${x}`);
        }
      }
      expect(broken).toEqual([]);
    }), { seed: SEED, numRuns: 60 });
  });

  it('vector clock comparison agrees with reachability in the graph, and Lamport grows along it', () => {
    fc.assert(fc.property(graphSpec(6, 120), (spec) => {
      const g = graphOf(spec);
      const c = computeClocks(g);
      const reach = reachability(g);
      const wrong: string[] = [];
      for (let a = 0; a < g.count; a++) {
        for (let b = 0; b < g.count; b++) {
          const relation = compareEvents(g, c, a, b).relation;
          const expected = a === b ? 'same' : reach[a][b] ? 'before' : reach[b][a] ? 'after' : 'concurrent';
          if (relation !== expected) wrong.push(`${a} ${b}: ${relation}, not ${expected}`);
          if (reach[a][b] && !(c.lamport[a] < c.lamport[b])) wrong.push(`Lamport ${a} ${b}`);
        }
      }
      expect(wrong).toEqual([]);
    }), { seed: SEED, numRuns: RUNS });
  });

  it('clockOf and clockEntry give VC(e)[l] = events of lane l in the past of e, e included', () => {
    fc.assert(fc.property(graphSpec(4, 200), (spec) => {
      const g = graphOf(spec);
      const c = computeClocks(g);
      const reach = reachability(g);
      for (let e = 0; e < g.count; e++) {
        const dense = new Uint32Array(g.lanes.length);
        for (let x = 0; x < g.count; x++) if (x === e || reach[x][e]) dense[g.lane[x]]++;
        expect([...clockOf(g, c, e)]).toEqual([...dense]);
        for (let l = 0; l < g.lanes.length; l++) expect(clockEntry(g, c, e, l)).toBe(dense[l]);
      }
    }), { seed: SEED, numRuns: RUNS });
  });

  it('coneOf puts every event on the side reachability gives, and concurrentPairs counts the rest', () => {
    fc.assert(fc.property(graphSpec(6, 120), (spec) => {
      const g = graphOf(spec);
      const c = computeClocks(g);
      const reach = reachability(g);
      let pairs = 0;
      const wrong: string[] = [];
      for (let e = 0; e < g.count; e++) {
        const cone = coneOf(g, c, e);
        const counts = { past: 0, future: 0, concurrent: 0 };
        for (let x = 0; x < g.count; x++) {
          const side = x === e ? 'self' : reach[x][e] ? 'past' : reach[e][x] ? 'future' : 'concurrent';
          if (sideOf(g, cone, x) !== side) wrong.push(`${x} of ${e}: ${sideOf(g, cone, x)}, not ${side}`);
          if (side !== 'self') counts[side]++;
          if (x > e && side === 'concurrent') pairs++;
        }
        expect(coneCounts(g, cone)).toEqual(counts);
      }
      expect(wrong).toEqual([]);
      expect(concurrentPairs(g, c)).toBe(pairs);
    }), { seed: SEED, numRuns: RUNS });
  });

  it('a long two-lane ping-pong crosses many checkpoints and keeps exact clocks', () => {
    const events = Array.from({ length: 400 }, (_, i) => ({ lane: i % 2, parents: i > 0 && i % 7 === 0 ? [i - 1] : [], text: 'e' }));
    const g = graphOf({ lanes: 2, events });
    const c = computeClocks(g);
    const reach = reachability(g);
    for (let e = 0; e < g.count; e += 13) {
      let other = 0;
      for (let x = 0; x < g.count; x++) if (g.lane[x] !== g.lane[e] && reach[x][e]) other++;
      expect(clockEntry(g, c, e, 1 - g.lane[e])).toBe(other);
    }
    expect(c.checkpoints.length).toBe(2 * Math.ceil(200 / c.checkpointEvery) * 2);
  });
});
