/**
 * Goal: the consensus side's invariants hold under any fault schedule: the Raft lock service never grants
 * overlapping leases in leader-stamped time, tokens rise, servers apply the same entries, fenced storage
 * never accepts a lower token nor loses an update; log IDs are unique and in real-time order; every Raft
 * replica delivers one order. Method: seeded swarm scripts (src/sim/faultScript.ts: crashes, recoveries,
 * pauses, partitions, cut and slow links, clock jumps, skew and drift on every node, clients included),
 * random loss, in each scene. `npm test` runs a small share; LOCKS_SWARM=2000 runs more.
 */
import { describe, expect, it } from 'vitest';
import { rng } from '../../../core/random/rng';
import { faultScript } from '../../../sim/faultScript';
import { plainContext } from '../../contract';
import { MODES, nodeNamesOf, type Mode } from '../result';
import { defaults, FAULTS, validate, type LocksEvent, type LocksScenario } from '../scenario';
import { program } from './program';

const RUNS = Number(process.env.LOCKS_SWARM ?? 12);

function swarm(mode: Mode, seed: number): LocksScenario {
  const r = rng(seed).fork('swarm');
  const nodes = nodeNamesOf(mode).length;
  const durationMs = 2500;
  const events = faultScript(r.fork('faults'), { types: FAULTS, nodes, span: durationMs - 600, undoAfter: [20, 500], countMax: 10 }) as LocksEvent[];
  return { ...defaults, mode, seed, durationMs, loss: r.int(3) === 0 ? 0.05 : 0, fencing: true, ttlMs: 200 + r.int(1000), workMs: r.int(600), ratePerSec: mode === 'broadcast' ? 20 : 100, events };
}

describe('the consensus side keeps its invariants under random faults', () => {
  for (const mode of MODES) {
    it(`${mode}: ${RUNS} seeded fault schedules, every check holds`, { timeout: 20_000 + RUNS * 500 }, () => {
      for (let i = 0; i < RUNS; i++) {
        const s = swarm(mode, 1000 + i);
        const v = validate(s);
        expect(v.ok, `seed ${s.seed}: ${JSON.stringify(!v.ok && v.issues)}`).toBe(true);
        const result = program(s, plainContext());
        const broken = result.checks.filter((c) => !c.ok).map((c) => `${c.id}: ${c.detail}`);
        expect(broken, `seed ${s.seed} (${mode})`).toEqual([]);
        if (mode === 'locks') expect(result.metrics.raftLostUpdates, `seed ${s.seed}`).toBe(0);
      }
    });
  }

  it('seed 1537 (locks), once failing: the first peer cut off at 1 ms, the others elect a leader of a later term (never a second leader of term 1)', () => {
    const result = program(swarm('locks', 1537), plainContext());
    expect(result.checks.filter((c) => !c.ok)).toEqual([]);
  });

  it('the checks can fail: a storage without fencing loses an update under the GC pause, and the check says so when declared', () => {
    const s: LocksScenario = { ...defaults, fencing: false, events: [{ t: 100, type: 'pause', node: 10 }, { t: 1600, type: 'resume', node: 10 }] };
    expect(program(s, plainContext()).metrics.raftLostUpdates).toBe(1);
  });
});
