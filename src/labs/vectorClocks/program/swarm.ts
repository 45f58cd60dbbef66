/**
 * Random scenarios for the property tests: one seed draws the cluster (replicas, writes, latency, the
 * bound ε, r1's extra skew, drift, lease) and a fault script over the engine's fault table (crashes,
 * pauses, partitions, cuts, clock jumps, skews and drifts), so every seed is a different kind of trouble.
 */
import { rng } from '../../../core/random/rng';
import { faultScript } from '../../../sim/index';
import { FAULTS, type ClocksEvent, type VectorClocksScenario } from '../scenario';

export function swarmScenario(seed: number): VectorClocksScenario {
  const r = rng(seed).fork('swarm');
  const replicas = r.range(2, 4);
  const gapMs = r.range(20, 200);
  const writesPerReplica = r.range(1, 6);
  const events = faultScript(r.fork('faults'), { nodes: replicas, types: FAULTS, span: gapMs * writesPerReplica, undoAfter: [10, 300], countMax: 5, healAtEnd: true }) as ClocksEvent[];
  return {
    replicas, writesPerReplica, gapMs,
    interMs: r.range(1, 80),
    epsMs: r.range(0, 50),
    skewMs: r.chance(1, 2) ? 0 : r.range(-200, 200),
    driftPpm: r.chance(1, 2) ? 0 : r.range(0, 100_000),
    leaseMs: r.chance(1, 4) ? 0 : r.range(20, 400),
    seed,
    events,
  };
}
