/**
 * Selectors against real program results (small scenarios, so the test stays fast): renderer props are
 * consistent with the result, and every figure is read, not recomputed over keys.
 */
import { describe, expect, it } from 'vitest';
import { plainContext } from '../../contract';
import { program } from '../program/program';
import type { ConsistentHashingScenario } from '../scenario';
import {
  frameIndexAt,
  isSvgScene,
  liveNodes,
  nextNodeIndex,
  selectBins,
  selectHeadline,
  selectKeys,
  selectLoad,
  selectLookup,
  selectLookupSweeps,
  selectLookupText,
  selectRingPoints,
  selectShownTracks,
  selectSweepSeries,
  selectTracks,
  withEventAfter,
} from './select';

const small: ConsistentHashingScenario = {
  nodes: 4,
  vnodes: 8,
  keys: 600,
  replicas: 3,
  lookup: 'user:42',
  seed: 1,
  events: [{ t: 1, type: 'add', weight: 1 }, { t: 2, type: 'remove', node: 1 }],
};
const result = program(small, plainContext());

describe('frameIndexAt', () => {
  const frames = [{ t: 0 }, { t: 1 }, { t: 3 }];
  it('frameIndexAt(frames, t) picks the last frame at or before t', () => {
    expect(frameIndexAt(frames, 0)).toBe(0);
    expect(frameIndexAt(frames, 0.9)).toBe(0);
    expect(frameIndexAt(frames, 1)).toBe(1);
    expect(frameIndexAt(frames, 2.5)).toBe(1);
    expect(frameIndexAt(frames, 99)).toBe(2);
  });
  it('frameIndexAt of no frames is -1, of NaN or a negative t the first frame', () => {
    expect(frameIndexAt([], 1)).toBe(-1);
    expect(frameIndexAt(frames, Number.NaN)).toBe(0);
    expect(frameIndexAt(frames, -5)).toBe(0);
  });
});

describe('ring selectors', () => {
  it('selectRingPoints gives every point with its index within its node', () => {
    const frame = result.frames[1];
    const ring = selectRingPoints(result, frame, small)!;
    expect(ring.positions.length).toBe(5 * 8);
    expect(isSvgScene(frame)).toBe(true);
    const perNode = new Map<number, number[]>();
    for (let i = 0; i < ring.positions.length; i++) {
      const list = perNode.get(ring.owners[i]) ?? [];
      list.push(ring.replicaIndexes![i]);
      perNode.set(ring.owners[i], list);
    }
    for (const list of perNode.values()) expect([...list].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('selectKeys has previous owners only on frames that moved keys, and they differ for moved keys', () => {
    expect(selectKeys(result, 0).previousOwners).toBeUndefined();
    const keys = selectKeys(result, 1);
    let moved = 0;
    for (let i = 0; i < keys.positions.length; i++) if (keys.previousOwners![i] !== keys.owners[i]) moved++;
    expect(moved).toBe(result.frames[1].moved!.count); // 600 keys: all shown
  });

  it('selectBins counts sum to the key count and moved to the moved count', () => {
    const bins = selectBins(result, result.frames[2]);
    expect(bins.counts.reduce((a, b) => a + b, 0)).toBe(small.keys);
    expect(bins.movedTotal).toBe(result.frames[2].moved!.count);
    expect(bins.binCount).toBe(720);
  });

  it('selectTracks hands each sampled key from its old owner point to its new one, clockwise from the key', () => {
    const tracks = selectTracks(result, 1);
    expect(tracks.length).toBeGreaterThan(0);
    for (const t of tracks) {
      expect(t.fromOwner).not.toBe(t.toOwner);
      // A node was added: its point sits between the key and the old owner's point.
      expect(t.toOffset).toBeLessThanOrEqual(t.fromOffset);
    }
    expect(selectTracks(result, 0)).toEqual([]);
    expect(selectTracks(result, 1, 3).length).toBeLessThanOrEqual(3);
  });

  it('selectShownTracks lists moved shown keys by shown index', () => {
    const keys = selectKeys(result, 2);
    const tracks = selectShownTracks(result, 2, keys);
    for (const t of tracks) expect(keys.previousOwners![t.key]).toBe(t.fromOwner);
    expect(selectShownTracks(result, 0, selectKeys(result, 0))).toEqual([]);
  });

  it('selectLookup points at the replica set nodes, owner first', () => {
    const frame = result.frames[0];
    const lookup = selectLookup(frame)!;
    expect(lookup.label).toBe('user:42');
    expect(lookup.vnodes.map((v) => frame.vnodes!.owner[v])).toEqual([...frame.lookup!.replicaSet]);
    const sweeps = selectLookupSweeps(frame)!;
    expect(sweeps.walkSweep).toBeGreaterThanOrEqual(sweeps.ownerSweep);
    const text = selectLookupText(result, frame)!;
    expect(text.owner).toBe(result.nodeNames[frame.lookup!.owner]);
    expect(text.replicas).toHaveLength(3);
    expect(text.steps[0].isNew).toBe(true);
  });

  it('lookup selectors give null without a lookup key', () => {
    const none = program({ ...small, lookup: '' }, plainContext());
    expect(selectLookup(none.frames[0])).toBeNull();
    expect(selectLookupSweeps(none.frames[0])).toBeNull();
    expect(selectLookupText(none, none.frames[0])).toBeNull();
  });
});

describe('figures', () => {
  it('selectHeadline reads moved, ideal and mod-N fractions of the step, null for the initial ring', () => {
    expect(selectHeadline(result, result.frames[0])).toBeNull();
    const h = selectHeadline(result, result.frames[1])!;
    expect(h.change).toBe('n4 added');
    expect(h.idealName).toBe('1/5');
    expect(h.idealFraction).toBeCloseTo(1 / 5);
    expect(h.movedFraction).toBeCloseTo(result.frames[1].moved!.count / small.keys);
    expect(h.modNFraction).toBeGreaterThan(h.movedFraction);
    expect(selectHeadline(result, result.frames[2])!.change).toBe('n1 removed');
  });

  it('selectLoad includes live nodes only and names the busiest', () => {
    const frame = result.frames[2];
    const load = selectLoad(result, frame);
    expect(load.include).toEqual(liveNodes(frame));
    expect(load.include).not.toContain(1);
    const busiest = Math.max(...load.include.map((n) => frame.keyCounts[n]));
    expect(frame.keyCounts[result.nodeNames.indexOf(load.busiest)]).toBe(busiest);
  });

  it('selectSweepSeries gives two series over the sweep vnodes', () => {
    const sweep = selectSweepSeries(result, result.frames[0])!;
    expect(sweep.series).toHaveLength(2);
    expect(sweep.series[0].points.map((p) => p.x)).toEqual([...result.sweeps[0].vnodes]);
  });
});

describe('scenario edits', () => {
  it('withEventAfter inserts at the next step and shifts later events one step', () => {
    const { scenario, t } = withEventAfter(small, 1, { type: 'remove', node: 0 });
    expect(t).toBe(2);
    expect(scenario.events.map((e) => [e.t, e.type])).toEqual([[1, 'add'], [2, 'remove'], [3, 'remove']]);
    expect(small.events).toHaveLength(2); // input untouched
  });

  it('withEventAfter(add) renumbers later references to nodes added after it', () => {
    const s: ConsistentHashingScenario = { ...small, events: [{ t: 1, type: 'add', weight: 1 }, { t: 2, type: 'remove', node: 4 }] };
    const { scenario } = withEventAfter(s, 0, { type: 'add', weight: 1 });
    // The inserted add becomes n4, the old add n5: the later remove still removes the node added at step 1.
    expect(scenario.events[2]).toEqual({ t: 3, type: 'remove', node: 5 });
    expect(nextNodeIndex(s, 1)).toBe(4);
    expect(nextNodeIndex(s, 2)).toBe(5);
  });

  it('withEventAfter(remove) drops later events about the removed node', () => {
    const { scenario, dropped } = withEventAfter(small, 0, { type: 'remove', node: 1 });
    expect(scenario.events.map((e) => [e.t, e.type])).toEqual([[1, 'remove'], [2, 'add']]);
    expect(dropped).toBe(1);
  });

  it('withEventAfter at a fractional playhead uses the step it is in', () => {
    expect(withEventAfter(small, 2.6, { type: 'add', weight: 1 }).t).toBe(3);
  });
});
