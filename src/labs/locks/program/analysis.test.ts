/** The measures against naive oracles: ID faults over random rows, inversions over random permutations, two holders over random holds. */
import { describe, expect, it } from 'vitest';
import { rng } from '../../../core/random/rng';
import type { Hold, IdRow } from '../result';
import { inversions, markIds, twoHolderGrants } from './analysis';

describe('markIds', () => {
  it('flags duplicates, backward steps per client and real-time inversions as a naive scan over all pairs does (200 random histories)', () => {
    const r = rng(7);
    for (let k = 0; k < 200; k++) {
      const rows: IdRow[] = [];
      let t = 0;
      for (let i = 0; i < 30; i++) {
        t += r.int(5);
        const invokeMs = t - r.int(8);
        rows.push({ side: 'snowflake', client: r.int(3), node: 0, invokeMs, replyMs: t, id: r.int(40), text: '', duplicate: false, backwards: false, inverted: false });
      }
      markIds(rows);
      rows.forEach((b, i) => {
        expect(b.duplicate).toBe(rows.slice(0, i).some((a) => a.id === b.id));
        const prev = rows.slice(0, i).filter((a) => a.client === b.client).at(-1);
        expect(b.backwards).toBe(prev !== undefined && b.id < prev.id);
        expect(b.inverted).toBe(rows.some((a) => a.replyMs < b.invokeMs && a.id >= b.id));
      });
    }
  });
});

describe('inversions', () => {
  it('counts pairs in the other order, as the quadratic count does (100 random permutations)', () => {
    const r = rng(3);
    for (let k = 0; k < 100; k++) {
      const ref = Array.from({ length: 12 }, (_, i) => i * 2 + 1);
      const values = r.shuffle([...ref]).slice(0, 8 + r.int(5));
      let naive = 0;
      for (let i = 0; i < values.length; i++) for (let j = i + 1; j < values.length; j++) if (ref.indexOf(values[i]) > ref.indexOf(values[j])) naive++;
      expect(inversions(ref, values)).toBe(naive);
    }
  });
});

describe('twoHolderGrants', () => {
  it('finds each grant made while another client\'s earlier hold was open, as the quadratic check does (100 random histories)', () => {
    const r = rng(11);
    for (let k = 0; k < 100; k++) {
      const holds: Hold[] = [];
      const busyUntil = [0, 0, 0];
      let t = 0;
      for (let i = 0; i < 20; i++) {
        t += r.int(10);
        const client = r.int(3);
        if (busyUntil[client] > t) continue;
        const releaseMs = r.int(6) === 0 ? NaN : t + 1 + r.int(20);
        busyUntil[client] = Number.isNaN(releaseMs) ? Infinity : releaseMs;
        holds.push({ side: 'raft', client, grantMs: t, releaseMs, token: i, votes: 0, validityMs: 0 });
      }
      // Grants at one instant count once: the later-recorded one came while the earlier was open.
      const naive = holds.filter((h, i) => holds.slice(0, i).some((o) => o.client !== h.client && !(o.releaseMs <= h.grantMs)));
      expect(twoHolderGrants(holds, 'raft')).toEqual(naive);
    }
  });
});
