/**
 * Swarm scenarios (TigerBeetle's VOPR habit): one seed draws a whole quorums scenario: cluster size, W and R
 * of the asked kind, clients, latencies, loss, and a script of random faults (crashes and recoveries,
 * pauses, partitions and heals: ../../../sim/faultScript.ts). The property tests search seeds with it, and a
 * seed that once found a violation replays the same scenario forever (the draws are fixed by ./scenario.ts
 * limits and the PRNG).
 */
import { rng } from '../../../core/random/rng';
import { faultScript } from '../../../sim/faultScript';
import type { QuorumsEvent, QuorumsScenario } from '../scenario';
import { defaults } from '../scenario';
import type { Bug } from '../result';

export interface SwarmShape {
  /** 'strict': W + R > N; 'loose': W + R <= N. */
  quorums: 'strict' | 'loose';
  writeBack: boolean;
  sloppyQuorum?: boolean;
  bug?: Bug;
}

/** Script span of the faults, ms; the faults drawn (each undone 10..150 ms later). */
const FAULT_SPAN_MS = 300;
const FAULT_TYPES = ['crash', 'pause', 'partition'] as const;

export function swarmScenario(seed: number, shape: SwarmShape): QuorumsScenario {
  const r0 = rng(seed).fork('swarm');
  const nodes = r0.range(3, 5);
  const n = r0.range(3, nodes);
  let w: number;
  let r: number;
  if (shape.quorums === 'strict') {
    w = r0.range(1, n);
    r = r0.range(n - w + 1, n);
  } else {
    w = r0.range(1, n - 1);
    r = r0.range(1, n - w);
  }
  const latencyMsMin = r0.range(0, 3);
  const latencyMsMax = r0.range(5, 40);
  const faults = faultScript(r0.fork('faults'), { nodes, types: FAULT_TYPES, span: FAULT_SPAN_MS, undoAfter: [10, 150] }) as QuorumsEvent[];
  return {
    ...defaults,
    seed,
    nodes,
    n,
    w,
    r,
    clients: r0.range(3, 6),
    ops: r0.range(20, 40),
    writePct: r0.range(30, 60),
    thinkMs: r0.range(0, 4),
    coordinator: r0.chance(1, 2) ? 'random' : 'sticky',
    latencyMsMin,
    latencyMsMax,
    loss: r0.chance(1, 3) ? r0.range(1, 10) / 100 : 0,
    timeoutMs: r0.range(3, 6) * latencyMsMax,
    readRepair: r0.chance(1, 2),
    writeBack: shape.writeBack,
    sloppyQuorum: shape.sloppyQuorum ?? false,
    fallbackMs: latencyMsMax,
    handoffMs: 20,
    bug: shape.bug ?? 'none',
    events: faults,
  };
}

