/**
 * Swarm scenarios (TigerBeetle's VOPR habit): one seed draws a whole multi-leader scenario: regions,
 * clients, keys and skew, latencies, and a script of random faults drawn from those the stage offers
 * (crashes, pauses, isolated regions, partitions, one-way cuts, clock skews and jumps), each undone before
 * the script ends (recover, resume, heal; ../../../sim/faultScript.ts) but the clock faults, so that after
 * quiescence every region can converge.
 * A seed that once found something replays the same scenario forever.
 */
import { rng } from '../../../core/random/rng';
import { faultScript } from '../../../sim/faultScript';
import { defaults, type MultiLeaderEvent, type MultiLeaderScenario } from '../scenario';

/** Script span of the faults, ms; the faults drawn (undone 20..400 ms later; clock faults stay). */
const FAULT_SPAN_MS = 800;
const FAULT_TYPES = ['crash', 'pause', 'isolate', 'partition', 'cut', 'skew', 'clockJump'] as const;

export function swarmScenario(seed: number): MultiLeaderScenario {
  const r = rng(seed).fork('swarm');
  const regions = r.range(2, 4);
  const interMs = r.range(10, 150);
  return {
    ...defaults,
    seed,
    regions,
    clientsPerRegion: r.range(1, 2),
    ops: r.range(20, 60),
    updatePct: r.range(30, 90),
    keys: r.range(1, 3),
    hotKeyPct: r.range(0, 80),
    thinkMs: r.range(0, 60),
    localMs: r.range(0, 3),
    interMs,
    interLatency: r.chance(1, 2) ? 'uniform' : 'exponential',
    retryMs: r.range(50, 300),
    timeoutMs: 50,
    skewMs: r.chance(1, 3) ? r.range(-500, 500) : 0,
    // Overlapping partitions replace each other; a final heal makes sure every link is back.
    events: faultScript(r.fork('faults'), { nodes: regions, types: FAULT_TYPES, span: FAULT_SPAN_MS, undoAfter: [20, 400], healAtEnd: true }) as MultiLeaderEvent[],
  };
}
