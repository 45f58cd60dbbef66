import { describe, expect, it } from 'vitest';
import { rng } from '../random/rng';
import { HLC_ZERO, hlcCompare, hlcLocal, hlcReceive, type Hlc } from './hlc';

describe('hybrid logical clocks', () => {
  it('hlcLocal(h, pt) takes the physical reading when it is ahead, else counts up c', () => {
    expect(hlcLocal(HLC_ZERO, 10)).toEqual({ l: 10, c: 0 });
    expect(hlcLocal({ l: 10, c: 0 }, 7)).toEqual({ l: 10, c: 1 });
    expect(hlcLocal({ l: 10, c: 3 }, 12)).toEqual({ l: 12, c: 0 });
  });

  it('hlcReceive(h, m, pt) follows the four cases of the paper', () => {
    expect(hlcReceive({ l: 5, c: 2 }, { l: 5, c: 4 }, 3)).toEqual({ l: 5, c: 5 });
    expect(hlcReceive({ l: 5, c: 2 }, { l: 4, c: 9 }, 3)).toEqual({ l: 5, c: 3 });
    expect(hlcReceive({ l: 4, c: 2 }, { l: 5, c: 9 }, 3)).toEqual({ l: 5, c: 10 });
    expect(hlcReceive({ l: 4, c: 2 }, { l: 5, c: 9 }, 8)).toEqual({ l: 8, c: 0 });
  });

  it('a receive is later than its send and than the receiver\'s previous event; l >= pt; l - pt within the clocks\' spread (seeded random runs)', () => {
    for (let seed = 0; seed < 50; seed++) {
      const r = rng(seed);
      const nodes = 2 + r.int(4);
      // Readings start at or above 0, the initial l (a clock below it would put l ahead of every reading).
      const offset = Array.from({ length: nodes }, () => r.int(201));
      const spread = Math.max(...offset) - Math.min(...offset);
      const h: Hlc[] = Array.from({ length: nodes }, () => HLC_ZERO);
      const inFlight: { to: number; stamp: Hlc }[] = [];
      for (let t = 0; t < 400; t++) {
        const n = r.int(nodes);
        const pt = t + offset[n];
        const before = h[n];
        if (inFlight.length > 0 && r.chance(1, 2)) {
          const m = inFlight.splice(r.int(inFlight.length), 1)[0];
          const after = hlcReceive(h[m.to], m.stamp, t + offset[m.to]);
          expect(hlcCompare(after, m.stamp), `seed ${seed}`).toBeGreaterThan(0);
          expect(hlcCompare(after, h[m.to])).toBeGreaterThan(0);
          h[m.to] = after;
          expect(after.l - (t + offset[m.to])).toBeLessThanOrEqual(spread);
        } else {
          h[n] = hlcLocal(before, pt);
          expect(hlcCompare(h[n], before)).toBeGreaterThan(0);
          expect(h[n].l).toBeGreaterThanOrEqual(pt);
          inFlight.push({ to: (n + 1 + r.int(nodes - 1)) % nodes, stamp: h[n] });
        }
      }
    }
  });
});
