import { describe, expect, it } from 'vitest';
import { plainContext } from '../../contract';
import { program } from '../program/program';
import { spec } from '../index';
import { followRequest, laneNote, requestAt, requestEnds, RING_RADII, ringPositions } from './playhead';

const run = (id: string) => program(spec.presets.find((p) => p.id === id)!.scenario, plainContext());

describe('quorums playhead selectors', () => {
  it('requestAt(q, ends, t) prefers the pinned request while in flight, else the one called or answered last among those in flight', () => {
    // op 0: 0..10 (answered 8), op 1: 2..6 (answered 5), op 2: 20..30.
    const q = { callMs: [0, 2, 20], retMs: [8, 5, 28] };
    const ends = [10, 6, 30];
    expect(requestAt(q, ends, 3)).toBe(1); // op 1 called at 2, after op 0's call
    expect(requestAt(q, ends, 5.5)).toBe(1); // op 1 answered at 5
    expect(requestAt(q, ends, 8.5)).toBe(0); // op 1 ended; op 0 answered at 8
    expect(requestAt(q, ends, 15)).toBe(1); // nothing in flight: the last called before t
    expect(requestAt(q, ends, 25)).toBe(2);
    expect(requestAt(q, ends, -1)).toBe(0);
    expect(requestAt(q, ends, 3, 0)).toBe(0); // pinned and in flight
    expect(requestAt(q, ends, 25, 0)).toBe(2); // pinned but over
    expect(requestAt({ callMs: [], retMs: [] }, [], 3)).toBe(-1);
  });

  it('requestEnds(result, timeoutMs) covers every contact a request sent and every reply it got', () => {
    const r = run('abd');
    const ends = requestEnds(r, 50);
    const q = r.requests;
    const c = r.contacts;
    for (let i = 0; i < q.kind.length; i++) {
      expect(ends[i]).toBeGreaterThanOrEqual(q.callMs[i]);
      for (let j = q.contactStart[i]; j < q.contactStart[i + 1]; j++) expect(ends[i]).toBeGreaterThanOrEqual(Number.isFinite(c.replyMs[j]) ? c.replyMs[j] : c.sentMs[j]);
    }
  });

  it('ringPositions(nodes, n) puts n0 on top and leaves a gap on each side of the fallbacks', () => {
    const { x, y } = ringPositions(5, 3);
    expect(x[0]).toBeCloseTo(0.5);
    expect(y[0]).toBeLessThan(0.1);
    const angle = (i: number) => Math.atan2((y[i] - 0.5) / RING_RADII.y, (x[i] - 0.5) / RING_RADII.x);
    const gap = (a: number, b: number) => (((angle(b) - angle(a)) % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI);
    expect(gap(0, 1)).toBeCloseTo((2 * Math.PI) / 7); // replicas side by side
    expect(gap(2, 3)).toBeCloseTo((4 * Math.PI) / 7); // a place left empty before the fallbacks
    expect(gap(4, 0)).toBeCloseTo((4 * Math.PI) / 7);
    const plain = ringPositions(3, 3);
    expect(plain.x[1] - 0.5).toBeGreaterThan(0);
  });

  it('laneNote says which lanes are clients after a timeout, and nothing when there are none', () => {
    expect(laneNote([0, 1, 2, 0, 1], 3)).toBe('');
    expect(laneNote([0, 1, 2, 7, 5], 5)).toBe(
      '5 clients, 5 lanes: a client whose operation timed out never learns whether it took effect, so it retires that process and goes on as a new one (c5 is client c0 after a timeout; c7 is client c2 after a timeout).',
    );
    expect(laneNote([0, 11, 1], 5)).toContain('c11 is client c1 after 2 timeouts');
  });
});

describe('followRequest', () => {
  const q = { callMs: [0, 2, 20], retMs: [8, 5, 28] };
  const ends = [10, 6, 30];
  it('while playing keeps the request shown until it ends; paused or seeking back it is requestAt', () => {
    expect(followRequest(q, ends, 3, { pinned: -1, shown: 0, shownT: 1, isPlaying: true })).toBe(0);
    expect(followRequest(q, ends, 7, { pinned: -1, shown: 1, shownT: 5, isPlaying: true })).toBe(0); // op 1 ended at 6
    expect(followRequest(q, ends, 3, { pinned: -1, shown: 0, shownT: 1, isPlaying: false })).toBe(1);
    expect(followRequest(q, ends, 3, { pinned: -1, shown: 0, shownT: 4, isPlaying: true })).toBe(1); // backwards: a seek
  });
});
