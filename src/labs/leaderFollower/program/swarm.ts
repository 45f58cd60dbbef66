/**
 * Swarm scenarios (TigerBeetle's VOPR habit): one seed draws a whole leader-follower scenario: cluster
 * size, clients, latencies, loss, apply time, timers, and a script of random faults (crashes and
 * recoveries, pauses, partitions and heals), with the replication mode, read source and fencing of the
 * asked shape. The property tests search seeds with it; a seed that once found something replays the same
 * scenario forever (the draws are fixed by the PRNG).
 */
import { rng, type Rng } from '../../../core/random/rng';
import { faultScript } from '../../../sim/faultScript';
import type { FaultEventOf } from '../../../sim/faultTable';
import type { ReadSource, ReplicationMode } from '../result';
import { defaults, type LeaderFollowerEvent, type LeaderFollowerScenario } from '../scenario';

export interface SwarmShape {
  replication: ReplicationMode;
  readFrom: ReadSource;
  fencing: boolean;
  /** Also crash the first leader n0 once, early (a failover in every run). Default false. */
  failover?: boolean;
}

/** Script span of the faults, ms; the faults drawn (each undone 10..150 ms later). */
const FAULT_SPAN_MS = 300;
const FAULT_TYPES = ['crash', 'pause', 'partition'] as const;

export function swarmScenario(seed: number, shape: SwarmShape): LeaderFollowerScenario {
  const r = rng(seed).fork('swarm');
  const nodes = r.range(3, 5);
  const latencyMsMax = r.range(4, 20);
  const heartbeatMs = r.range(3, 10);
  // Detection well above a heartbeat plus a round trip (else followers suspect healthy leaders all along).
  const detectMs = heartbeatMs + 2 * latencyMsMax + r.range(10, 60);
  const leaseMs = r.range(heartbeatMs + 1, detectMs - 1);
  const faults = faultScriptOf(r.fork('faults'), nodes, shape.failover ?? false);
  return {
    ...defaults,
    seed,
    nodes,
    replication: shape.replication,
    readFrom: shape.readFrom,
    fencing: shape.fencing,
    clients: r.range(2, 5),
    ops: r.range(30, 70),
    writePct: r.range(30, 70),
    thinkMs: r.range(0, 5),
    latencyMsMin: r.range(0, 3),
    latencyMsMax,
    loss: r.chance(1, 3) ? r.range(1, 5) / 100 : 0,
    applyMs: r.range(0, 3),
    heartbeatMs,
    detectMs,
    leaseMs,
    timeoutMs: r.range(3, 8) * latencyMsMax + detectMs,
    retryMs: r.range(5, 30),
    events: faults,
  };
}

/** With `failover`, the leader n0 crashes early (and recovers later); then 0..4 random faults (sim/faultScript.ts). */
function faultScriptOf(r: Rng, nodes: number, failover: boolean): LeaderFollowerEvent[] {
  const prefix: FaultEventOf<'crash' | 'recover'>[] = [];
  if (failover) {
    const t = r.range(30, 150);
    prefix.push({ t, type: 'crash', node: 0 }, { t: t + r.range(100, 300), type: 'recover', node: 0 });
  }
  return faultScript(r, { nodes, types: FAULT_TYPES, span: FAULT_SPAN_MS, undoAfter: [10, 150] }, prefix) as LeaderFollowerEvent[];
}
