import { describe, expect, it } from 'vitest';
import { rng } from '../../../core/random/rng';
import { quantileSelect } from '../../../core/stats';
import { ticksToMs } from '../../../sim/kit/time';
import { addRequests, copySums, emptySums, latencyBits, latencyQuantilesMs } from './requestSums';
import { F_FANOUT, F_HIT, F_WRITE, FAILED, OK, PENDING, type Served, type Workload } from './served';

/** n requests: states, latencies (narrow, wide or constant), flags; only the columns the sums read. */
function run(n: number, seed: number, shape: 'narrow' | 'wide' | 'constant'): { v: Served; w: Workload } {
  const r = rng(seed);
  const state = new Uint8Array(n);
  const latencyUs = new Float32Array(n).fill(NaN);
  const flags = new Uint8Array(n);
  const fanK = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const x = r.int(10);
    state[i] = x < 7 ? OK : x < 9 ? FAILED : PENDING;
    if (state[i] === OK) latencyUs[i] = shape === 'constant' ? 1500 : shape === 'narrow' ? 1000 + r.int(40) : r.int(2) === 0 ? r.int(1_000_000) : r.float() * 3;
    flags[i] = (r.int(4) === 0 ? F_WRITE : 0) | (r.int(5) === 0 ? F_HIT : 0) | (r.int(7) === 0 ? F_FANOUT : 0);
    fanK[i] = flags[i] & F_FANOUT ? 2 + r.int(3) : 0;
  }
  return { v: { state, latencyUs, fanK } as unknown as Served, w: { t0: new Float64Array(n), key: new Uint32Array(n), flags } };
}

const PS = [0, 0.01, 0.5, 0.99, 1, -1, Number.NaN];

describe('request sums', () => {
  it('quantiles equal quantileSelect over the answered latencies in ms, for any range', () => {
    for (const shape of ['narrow', 'wide', 'constant'] as const) {
      for (const n of [0, 1, 2, 3, 50, 5000]) {
        const { v, w } = run(n, n + shape.length, shape);
        const bits = latencyBits(v);
        for (const [a, b] of [[0, n], [Math.floor(n / 3), n], [0, Math.floor(n / 2)]]) {
          const sums = emptySums();
          addRequests(sums, v, w, bits, a, b);
          const ms: number[] = [];
          for (let i = a; i < b; i++) if (v.state[i] === OK) ms.push(ticksToMs(v.latencyUs[i]));
          const got = latencyQuantilesMs(sums, v, bits, a, b, PS);
          PS.forEach((p, k) => expect(Object.is(got[k], quantileSelect(Float64Array.from(ms), p)), `${shape} n=${n} [${a},${b}) p=${p}`).toBe(true));
        }
      }
    }
  });

  it('sums over [a, f) then [f, b) are the sums over [a, b)', () => {
    const { v, w } = run(4000, 7, 'wide');
    const bits = latencyBits(v);
    const whole = emptySums();
    addRequests(whole, v, w, bits, 100, 4000);
    for (const f of [100, 101, 2500, 4000]) {
      const part = emptySums();
      addRequests(part, v, w, bits, 100, f);
      const joined = copySums(part);
      addRequests(joined, v, w, bits, f, 4000);
      expect({ ...joined, hist: [...joined.hist] }).toEqual({ ...whole, hist: [...whole.hist] });
      expect(latencyQuantilesMs(joined, v, bits, 100, 4000, [0.5, 0.99])).toEqual(latencyQuantilesMs(whole, v, bits, 100, 4000, [0.5, 0.99]));
    }
    expect(whole.requests).toBe(3900);
    expect(whole.ok + whole.failed).toBeLessThan(3900);
    expect(whole.fanoutExtra).toBeGreaterThan(0);
  });
});
