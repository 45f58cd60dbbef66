/**
 * The program against its promises: moves near the ideal, mod-N moving most keys, agreement with a ring
 * built from scratch, bounded result sizes, determinism (golden trace hashes per preset), limits refused.
 */
import { describe, expect, it } from 'vitest';
import { keyHashes, ownerOf, ringFromNodes } from '../../../core/ring';
import { plainContext } from '../../contract';
import { program, SWEEP_POINTS_BUDGET } from './program';
import { KEY_SAMPLE_MAX, POINTS_EXACT_MAX, RING_BINS } from '../result';
import { SWEEP_COST_BUDGET, SWEEP_KEYS_MAX_FOR_COST, type ConsistentHashingScenario } from '../scenario';
import { spec } from '../index';
import { SWEEP_KEYS_MAX } from './sweep';

const run = (s: ConsistentHashingScenario) => program(s, plainContext());
const scenario = (over: Partial<ConsistentHashingScenario>): ConsistentHashingScenario => ({ ...spec.defaults, lookup: '', events: [], ...over });

describe('program(scenario) moves', () => {
  it('adding an 11th node moves close to 1/11 of keys, all to the new node; mod-N moves most', () => {
    const r = run(scenario({ nodes: 10, vnodes: 200, keys: 50000, events: [{ t: 1, type: 'add', weight: 1 }] }));
    const m = r.frames[1].moved!;
    expect(m.idealPct).toBeCloseTo(100 / 11, 10);
    expect(Math.abs(m.pct - m.idealPct)).toBeLessThan(0.25 * m.idealPct);
    expect(m.in[10]).toBe(m.count);
    expect(Array.from(m.sample.to).every((to) => to === 10)).toBe(true);
    expect(m.modNPct).toBeGreaterThan(85);
    expect(r.frames[1].keyCounts[10]).toBe(m.count);
  });

  it('removing a node moves exactly its keys and nothing else', () => {
    const r = run(scenario({ nodes: 6, vnodes: 50, keys: 20000, events: [{ t: 1, type: 'remove', node: 2 }] }));
    const before = r.frames[0].keyCounts[2];
    const m = r.frames[1].moved!;
    expect(m.count).toBe(before);
    expect(m.out[2]).toBe(before);
    expect(r.frames[1].keyCounts[2]).toBe(0);
    expect(r.frames[1].alive[2]).toBe(0);
  });

  it('frames agree with a ring built from scratch for the final membership', () => {
    const s = scenario({ nodes: 7, vnodes: 20, keys: 8000, seed: 99, events: [
      { t: 1, type: 'add', weight: 2 }, { t: 2, type: 'remove', node: 3 }, { t: 3, type: 'weight', node: 0, weight: 4 }, { t: 5, type: 'weight', node: 7, weight: 1 },
    ] });
    const r = run(s);
    const weights = [4, 1, 1, 0, 1, 1, 1, 1];
    const ring = ringFromNodes(weights.flatMap((w, i) => (w ? [{ index: i, name: `n${i}`, points: 20 * w }] : [])), 99);
    const counts = new Uint32Array(8);
    for (const h of keyHashes(8000, 99)) counts[ownerOf(ring, h)]++;
    expect(Array.from(r.frames[4].keyCounts)).toEqual(Array.from(counts));
    expect(Array.from(r.frames[4].weight)).toEqual(weights);
    expect(r.frames[4].vnodes!.position.length).toBe(20 * 10);
  });

  it('at 1000 points per node (the ring shares the sweep ring\'s merge) every frame agrees with a ring from scratch', () => {
    // Shared: the add, the remove and the last add; merged on its own: weight 2 (2,000 points) and the node
    // set swept already at t 2.
    const events = [
      { t: 1, type: 'add', weight: 1 }, { t: 2, type: 'remove', node: 2 }, { t: 3, type: 'weight', node: 0, weight: 2 },
      { t: 4, type: 'weight', node: 0, weight: 1 }, { t: 5, type: 'add', weight: 1 },
    ] as const;
    const r = run(scenario({ nodes: 4, vnodes: 1000, keys: 6000, seed: 5, events: [...events] }));
    const weights = [1, 1, 1, 1, 0, 0];
    r.frames.forEach((frame, k) => {
      const e = k > 0 ? events[k - 1] : undefined;
      if (e?.type === 'add') weights[frame.node] = e.weight;
      if (e?.type === 'remove') weights[e.node] = 0;
      if (e?.type === 'weight') weights[e.node] = e.weight;
      const ring = ringFromNodes(weights.flatMap((w, i) => (w ? [{ index: i, name: `n${i}`, points: 1000 * w }] : [])), 5);
      const counts = new Uint32Array(weights.length);
      for (const h of keyHashes(6000, 5)) counts[ownerOf(ring, h)]++;
      expect(Array.from(frame.keyCounts), `frame ${k}`).toEqual(Array.from(counts));
      expect(frame.points).toBe(ring.positions.length);
    });
  });

  it('a weight change moves keys toward the heavier node; its share follows weight 3 of 6', () => {
    const r = run(scenario({ nodes: 4, vnodes: 200, keys: 30000, events: [{ t: 1, type: 'weight', node: 0, weight: 3 }] }));
    const f = r.frames[1];
    expect(f.share[0]).toBeGreaterThan(0.44);
    expect(f.share[0]).toBeLessThan(0.56);
    expect(f.moved!.in[0]).toBe(f.moved!.count);
    expect(f.moved!.modNCount).toBe(0);
    expect(f.load.maxOverMeanPerWeight).toBeLessThan(1.15);
  });

  it('the lookup walk ends on min(R, live nodes) distinct nodes, owner first', () => {
    const r = run(scenario({ nodes: 3, vnodes: 4, keys: 100, replicas: 5, lookup: 'user:42', events: [{ t: 1, type: 'remove', node: 1 }] }));
    for (const f of r.frames) {
      const l = f.lookup!;
      expect(l.replicaSet.length).toBe(Math.min(5, f.liveNodes));
      expect(new Set(l.replicaSet).size).toBe(l.replicaSet.length);
      expect(l.owner).toBe(l.replicaSet[0]);
      expect(l.visitedOwner[0]).toBe(l.owner);
      expect(l.visitedPosition[0] >= l.position || l.visitedPosition[0] === f.vnodes!.position[0]).toBe(true);
    }
  });
});

describe('program(scenario) result sizes', () => {
  it('few keys and points: every key, every move and every point is in the result', () => {
    const r = run(scenario({ nodes: 5, vnodes: 10, keys: 3000, events: [{ t: 1, type: 'add', weight: 1 }] }));
    expect(r.shownKeys.exact).toBe(true);
    expect(r.shownKeys.position.length).toBe(3000);
    expect(r.frames[1].moved!.exact).toBe(true);
    expect(r.frames[1].moved!.sample.index.length).toBe(r.frames[1].moved!.count);
    expect(r.frames[1].vnodes!.position.length).toBe(60);
    expect(r.binKeys.reduce((a, b) => a + b, 0)).toBe(3000);
    expect(r.frames[1].bins.moved.reduce((a, b) => a + b, 0)).toBe(r.frames[1].moved!.count);
  });

  it('many keys and points: bounded samples and bins instead', () => {
    const r = run(scenario({ nodes: 20, vnodes: 500, keys: 200000, events: [{ t: 1, type: 'remove', node: 0 }] }));
    expect(r.shownKeys.exact).toBe(false);
    expect(r.shownKeys.position.length).toBe(KEY_SAMPLE_MAX);
    const m = r.frames[1].moved!;
    expect(m.count).toBeGreaterThan(KEY_SAMPLE_MAX);
    expect(m.exact).toBe(false);
    expect(m.sample.index.length).toBe(KEY_SAMPLE_MAX);
    expect(r.frames[1].points).toBeGreaterThan(POINTS_EXACT_MAX);
    expect(r.frames[1].vnodes).toBeNull();
    expect(r.frames[1].bins.owner.length).toBe(RING_BINS);
    expect(r.frames[1].bins.points.reduce((a, b) => a + b, 0)).toBe(19 * 500);
  });

  it('the sweep shows load evening out from 1 to 1000 vnodes', () => {
    const r = run(scenario({ nodes: 50, vnodes: 10, keys: 100000 }));
    const s = r.sweeps[r.frames[0].sweepIndex];
    expect(Array.from(s.vnodes)).toEqual([1, 2, 5, 10, 20, 50, 100, 200, 500, 1000]);
    expect(s.shareStdevPct[0]).toBeGreaterThan(60);
    expect(s.shareStdevPct[9]).toBeLessThan(6);
    expect(s.shareMaxOverMean[9]).toBeLessThan(s.shareMaxOverMean[0]);
  });
});

describe('program determinism', () => {
  it('the same scenario gives the same trace hash; another seed another', () => {
    const s = scenario({ nodes: 9, vnodes: 30, keys: 5000, lookup: 'k', events: [{ t: 1, type: 'add', weight: 2 }] });
    expect(run(s).traceHash).toBe(run(structuredClone(s)).traceHash);
    expect(run({ ...s, seed: 2 }).traceHash).not.toBe(run(s).traceHash);
  });

  it('golden trace hashes per preset (a change here is a change of engineVersion)', () => {
    const hashes = Object.fromEntries(spec.presets.filter((p) => p.id !== 'maximum-scale').map((p) => [p.id, run(p.scenario).traceHash]));
    expect(hashes).toMatchInlineSnapshot(`
      {
        "few-vnodes": "140e391b926403da",
        "many-vnodes": "05dd753491279fdf",
        "mod-n-vs-ring": "33f05a47acef7413",
        "replicas-lookup": "2d753cdd4fc2089f",
        "weighted": "3a9eceb1812cb21a",
      }
    `);
  });

  it('cost(scenario) matches the work the program charges', () => {
    for (const p of spec.presets.filter((x) => x.id !== 'maximum-scale')) {
      let work = 0;
      program(p.scenario, { progress() {}, work: (u) => void (work += u) });
      const cost = spec.cost(p.scenario);
      expect(work / cost).toBeGreaterThan(0.6);
      expect(work / cost).toBeLessThan(1.3);
    }
    expect(SWEEP_COST_BUDGET).toBe(SWEEP_POINTS_BUDGET);
    expect(SWEEP_KEYS_MAX_FOR_COST).toBe(SWEEP_KEYS_MAX);
  });
});

describe('spec.validate limits', () => {
  const issues = (input: unknown) => {
    const r = spec.validate(input);
    return r.ok ? [] : r.issues.map((i) => i.message);
  };
  it('refuses values over limits with the limit named', () => {
    expect(issues({ ...spec.defaults, vnodes: 5000 })).toEqual(['vnodes must be 1..1000, got 5000']);
    expect(issues({ ...spec.defaults, keys: 2_000_000 })).toEqual(['keys must be 1..1,000,000, got 2,000,000']);
    expect(issues({ ...spec.defaults, lookup: 'x'.repeat(65) })).toEqual(['lookup must be at most 64 characters, got 65']);
    expect(issues({ ...spec.defaults, events: [{ t: 1, type: 'add', weight: 11 }] })).toEqual(['events[0].weight must be 1..10, got 11']);
  });
  it('refuses membership that makes no sense and rings over 1,500,000 points', () => {
    expect(issues({ ...spec.defaults, events: [{ t: 1, type: 'remove', node: 9 }] })).toEqual([
      'events[0].node must be a node in the ring at t = 1 (n0..n4, not removed), got 9',
    ]);
    expect(issues({ ...spec.defaults, nodes: 1, events: [{ t: 1, type: 'remove', node: 0 }] })).toEqual([
      'events[0] would remove the last node at t = 1; a ring needs at least one node',
    ]);
    expect(issues({ ...spec.defaults, events: [{ t: 1, type: 'add' }, { t: 1, type: 'add' }] })).toEqual([
      'events[1].t must be after 1 (one event per step, the initial ring is step 0), got 1',
    ]);
    const adds = Array.from({ length: 51 }, (_, i) => ({ t: i + 1, type: 'add', weight: 10 }));
    expect(issues({ ...spec.defaults, nodes: 1000, vnodes: 1000, events: adds })).toEqual([
      'ring points (vnodes x weight over live nodes) must be at most 1,500,000; at t = 51 they would be 1,510,000: lower vnodes or weights',
    ]);
  });
  it('accepts every preset and the defaults, and fills an add without weight with weight 1', () => {
    for (const p of spec.presets) expect(spec.validate(JSON.parse(JSON.stringify(p.scenario)))).toEqual({ ok: true, value: p.scenario });
    expect(spec.validate(spec.defaults).ok).toBe(true);
    const r = spec.validate({ ...spec.defaults, events: [{ t: 3, type: 'add' }] });
    expect(r.ok && r.value.events).toEqual([{ t: 3, type: 'add', weight: 1 }]);
    expect(spec.horizon(spec.defaults)).toBe(2);
  });
});

describe('maximum scale', () => {
  it('1,000 nodes x 1,000 vnodes x 10^6 keys runs in Node and moves ~0.1% per change', () => {
    const preset = spec.presets.find((p) => p.id === 'maximum-scale')!;
    const r = run(preset.scenario);
    expect(r.frames[0].points).toBe(1_000_000);
    for (const f of r.frames.slice(1)) {
      expect(f.moved!.pct).toBeGreaterThan(0.07);
      expect(f.moved!.pct).toBeLessThan(0.13);
      expect(f.moved!.modNPct).toBeGreaterThan(99);
    }
    expect(r.traceHash).toMatchInlineSnapshot(`"f005da1dce09c1ce"`);
  }, 60000);
});
